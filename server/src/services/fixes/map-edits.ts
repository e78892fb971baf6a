// The structural edits every fix is made of: give a map new keys (or fill a key left empty), add an
// item to a list, create the maps on a path. Each is an insertion at a line end or a replacement of
// an empty value, written in the file's layout; block stays block and flow stays flow.
import { isCollection, isNode, isPair, isSeq, type Node } from 'yaml';
import type { Entity, Field } from '../../engine/model';
import { keysAt } from '../../engine/schema';
import type { Span } from '../../engine/types';
import { entityOf, isEmptyValue } from '../../engine/yaml-nodes';
import type { FixContext } from './fix';
import { blockEntries, blockItems, childColumn, entry, flow, map, type Entry, type MapValue, type ScalarValue } from './render';
import { columnOf, endOfLastLine, lineEnd, lineStart, pastOwnComments, type Edit } from './text-edits';

/** A map a fix writes into. */
export interface MapSite {
  entity: Entity;
  /** Its place in the format (`['goals', 0]`), which gives the order of its keys. */
  path: readonly (string | number)[];
  /** The key whose value it is; none for the top-level map and for a list item. */
  ownerKey?: Span;
}

/** Whether a field's value is written where the field is (an alias's value stands at its anchor). */
export function inPlace(field: Field): boolean {
  return field.node !== null && field.value.start >= field.key.end;
}

/**
 * Edits that give the map the entries: a key it lacks is inserted after the last present key the
 * format lists before it (else first, else last); a key it has with an empty value is filled.
 * Undefined when a key already has a value, or the map cannot take the entries.
 */
export function putEntries(ctx: FixContext, site: MapSite, entries: readonly Entry[]): Edit[] | undefined {
  const order = keysAt(site.path);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const isFlow = ctx.text[site.entity.span.start] === '{';
  const edits: Edit[] = [];
  const inline: string[] = [];
  for (const e of [...entries].sort((a, b) => rank(a.key) - rank(b.key))) {
    const field = site.entity.fields.get(e.key);
    if (field) {
      if (!isEmptyValue(field.node) || (field.node && !inPlace(field))) return undefined;
      const filled = fillField(ctx, field, e, isFlow);
      if (!filled) return undefined;
      edits.push(...filled);
    } else if (isFlow) inline.push(`${e.key}: ${flow(e.value)}`);
    else edits.push(insertEntry(ctx, site, e, rank));
  }
  if (inline.length > 0) {
    const edit = flowInsert(ctx.text, site.entity.span, inline.join(', '));
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/**
 * Edits that give the map at `path` (keys from the top) the entries, creating the maps on the way
 * (or filling them where the key is there but empty). Undefined where the path holds no map.
 */
export function putPath(ctx: FixContext, path: readonly string[], entries: readonly Entry[]): Edit[] | undefined {
  const { plan } = ctx;
  if (!plan.root) return plan.doc.contents === null ? appendToEmpty(ctx, nested(path, entries)) : undefined;
  let site: MapSite = { entity: plan.root, path: [] };
  for (let i = 0; i < path.length; i++) {
    const field = site.entity.fields.get(path[i]);
    if (!field || isEmptyValue(field.node)) return putEntries(ctx, site, nested(path.slice(i), entries));
    const child = inPlace(field) ? entityOf(plan.doc, field.node) : undefined;
    if (!child) return undefined;
    site = { entity: child, path: path.slice(0, i + 1), ownerKey: field.key };
  }
  return putEntries(ctx, site, entries);
}

/** An edit that adds an item at the end of a list written in place. */
export function appendItem(ctx: FixContext, list: Node, item: ScalarValue | MapValue): Edit | undefined {
  if (!isSeq(list) || !list.range) return undefined;
  const { text, layout } = ctx;
  const span = { start: list.range[0], end: list.range[1] };
  if (list.flow) return flowInsert(text, span, flow(item));
  const dash = columnOf(text, span.start);
  // A comment at the dashes' column is a commented-out item: the new one goes after it.
  const at = pastOwnComments(text, endOfLastLine(text, span.start, contentEnd(list) ?? span.end), dash - 1);
  return insertion(at, layout.eol + blockItems([item], dash, layout).join(layout.eol));
}

/** The entries of the map at `path`, as entries of the map above it. */
function nested(path: readonly string[], entries: readonly Entry[]): Entry[] {
  return path.length === 0 ? [...entries] : [entry(path[0], map(...nested(path.slice(1), entries)))];
}

function insertion(at: number, newText: string): Edit {
  return { start: at, end: at, newText };
}

/**
 * Where the last node of a value ends: a block collection's own range runs on over the comments and
 * blank lines after it, which belong to what follows.
 */
export function contentEnd(node: unknown): number | undefined {
  if (isCollection(node) && !node.flow) {
    const last = node.items[node.items.length - 1];
    return isPair(last) ? (contentEnd(last.value) ?? contentEnd(last.key)) : contentEnd(last);
  }
  return isNode(node) ? node.range?.[1] : undefined;
}

/** Where a field ends: its last line with content, and the comments indented under it. */
export function fieldEnd(text: string, field: Field, column: number): number {
  const end = (inPlace(field) ? contentEnd(field.node) : undefined) ?? field.key.end;
  return pastOwnComments(text, endOfLastLine(text, field.key.start, Math.max(end, field.key.end)), column);
}

function insertEntry(ctx: FixContext, site: MapSite, e: Entry, rank: (key: string) => number): Edit {
  const { text, layout } = ctx;
  const { eol } = layout;
  const fields = [...site.entity.fields];
  const column = columnOf(text, fields[0]?.[1].key.start ?? site.entity.span.start);
  const lines = blockEntries([e], column, layout).join(eol);
  // A new top-level section is set apart the way the file sets apart the others.
  const gap = site.path.length === 0 && e.value.kind !== 'scalar' && layout.blankLines ? eol : '';
  const previous = fields
    .filter(([key]) => rank(key) < rank(e.key))
    .map(([, f]) => f)
    .sort((a, b) => a.key.start - b.key.start)
    .pop();
  if (previous) return insertion(fieldEnd(text, previous, column), eol + gap + lines);
  if (site.ownerKey) return insertion(lineEnd(text, site.ownerKey.start), eol + lines);
  if (site.path.length === 0 && fields.length > 0) return insertion(lineStart(text, fields[0][1].key.start), lines + eol + gap);
  // A list item's first key shares the dash's line: nothing goes before it, so the entry goes last.
  const last = Math.max(site.entity.span.start, ...fields.map(([, f]) => fieldEnd(text, f, column)));
  return insertion(last, eol + lines);
}

/**
 * Edits that fill a key whose value is empty: a scalar (or, in a flow map, any value) in place of the
 * empty one or after the colon; a map or list on the lines below the key. A comment already on the
 * key's line stays, and then the entry's own comment is left out.
 */
function fillField(ctx: FixContext, field: Field, e: Entry, isFlow: boolean): Edit[] | undefined {
  const { text, layout } = ctx;
  const colon = text.indexOf(':', field.key.end);
  if (colon < 0 || text.slice(field.key.end, colon).trim() !== '') return undefined;
  const token = field.node && inPlace(field) && field.value.end > field.value.start ? field.value : undefined;
  const after = token ? token.end : colon + 1;
  const end = lineEnd(text, after);
  const comment = e.comment && !isFlow && !text.slice(after, end).includes('#') ? ` # ${e.comment}` : '';
  if (e.value.kind === 'scalar' || isFlow) {
    const value = flow(e.value);
    const set = token ? { ...token, newText: value } : insertion(colon + 1, ` ${value}`);
    return comment ? [set, insertion(end, comment)] : [set];
  }
  const inner = childColumn(e.value, columnOf(text, field.key.start), layout);
  const lines = e.value.kind === 'map' ? blockEntries(e.value.entries, inner, layout) : blockItems(e.value.items, inner, layout);
  return [
    { start: colon + 1, end: after, newText: comment },
    insertion(end, layout.eol + lines.join(layout.eol)),
  ];
}

/** An insertion of `inner` before the closing bracket of a flow collection, with the comma it needs. */
export function flowInsert(text: string, span: Span, inner: string): Edit | undefined {
  const close = span.end - 1;
  if (text[close] !== '}' && text[close] !== ']') return undefined;
  let at = close;
  while (at > span.start + 1 && /\s/.test(text[at - 1])) at--;
  const before = text[at - 1];
  const separator = before === '{' || before === '[' ? '' : before === ',' ? ' ' : ', ';
  return insertion(at, separator + inner);
}

/** A document with nothing in it (or only comments) gets the entries at its end. */
function appendToEmpty(ctx: FixContext, entries: readonly Entry[]): Edit[] {
  const { text, layout } = ctx;
  const lead = text === '' || text.endsWith('\n') ? '' : layout.eol;
  return [insertion(text.length, lead + blockEntries(entries, 0, layout).join(layout.eol) + layout.eol)];
}
