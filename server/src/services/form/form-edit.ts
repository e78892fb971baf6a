// The plan editor's intents (set a value, add, remove or move a list item) turned into the smallest
// text edit that does it, with the machinery of the fixes (fixes/map-edits.ts): keys land in the
// format's order, new lines in the file's layout, block stays block and flow stays flow, and nothing
// outside the place changed is touched, so comments, blank lines and line endings stay. An intent is
// done in steps over the text (a list set = items removed, then added), and the answer is the one
// edit between the text before and after, so it is one undo step. The result must parse and read
// back as what the intent said, or the intent is refused with a message (FormEditError).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Entity, Plan } from '../../engine/model';
import { parsePlan } from '../../engine/parse';
import { schemaAt, valueKind } from '../../engine/schema';
import type { Locale, Span, Text } from '../../engine/types';
import { say, text } from '../../engine/vocabulary';
import { localToday } from '../../engine/values';
import { entityOf, isEmptyValue, spanOf } from '../../engine/yaml-nodes';
import { trimEnd } from '../document';
import { uniqueId, type FixContext } from '../fixes/fix';
import { flowRemovals } from '../fixes/flow-removals';
import { detectLayout } from '../fixes/layout';
import { appendItem, contentEnd, fieldEnd, inPlace, putEntries, putPath, type MapSite } from '../fixes/map-edits';
import { entry, map, scalar, seq, type Entry, type MapValue, type ScalarValue, type Value } from '../fixes/render';
import { applyOffsetEdits, columnOf, endOfLastLine, lineEnd, lineStart, mergeEdits, pastOwnComments, type Edit } from '../fixes/text-edits';
import type { FormIntent, FormItem, FormPath, FormValue } from './intents';
import { scalarSource, styleOf } from './scalar-text';

/** An intent the plan cannot take as it is written; the message, in the plan's locale, says why. */
export class FormEditError extends Error {}

const WORDS = {
  syntax: text('The plan has a YAML syntax error: fix it in the text first.', '计划有 YAML 语法错误：请先在文本中修正。'),
  cannot: text('`{path}` cannot be changed safely from the form; edit it in the text.', '无法从表单安全地修改 `{path}`，请在文本中编辑。'),
  badPath: text('The plan has no `{path}`.', '计划中没有 `{path}`。'),
};

interface Options {
  locale?: Locale;
  today?: string;
  /** The text's plan when the caller has it parsed already (the server does): it is only read. */
  plan?: Plan;
}

/** The edit (at most one) that does the intent to the text; none when the plan already says so. */
export function formEdits(text: string, intent: Exclude<FormIntent, { op: 'fix' }>, options: Options = {}): Edit[] {
  const locale = options.locale ?? 'en';
  const fail = (words: Text): never => {
    throw new FormEditError(say(words, locale, { path: intent.path.join('.') }));
  };
  const before = options.plan?.text === text ? options.plan : parsePlan(text);
  if (before.syntaxErrors.length > 0) return fail(WORDS.syntax);
  if (!validPath(intent.path)) return fail(WORDS.badPath);
  const today = options.today ?? localToday();
  // Each step reads the text the step before made; the last text is parsed once, at the end.
  const step = (from: string, make: (ctx: FixContext) => Edit[] | undefined): string => {
    const plan = from === text ? before : parsePlan(from);
    if (plan.syntaxErrors.length > 0) return fail(WORDS.cannot);
    const ctx: FixContext = { plan, text: from, layout: detectLayout(plan), locale, today };
    const edits = make(ctx);
    const merged = edits && mergeEdits(edits);
    return merged ? applyOffsetEdits(from, merged) : fail(WORDS.cannot);
  };

  let after = text;
  const data: unknown = before.doc.toJS();
  let expected = data;
  switch (intent.op) {
    case 'set': {
      const value = normalized(intent.path, intent.value);
      if (Array.isArray(value)) {
        const current = listAt(data, intent.path);
        // Items still wanted stay where they are (one for one); the others go, from the last so that
        // indexes hold; then the new ones are added at the end.
        const added = [...value];
        const keep = current.map((item) => {
          const at = added.indexOf(String(item));
          if (at >= 0) added.splice(at, 1);
          return at >= 0;
        });
        const list = [...current.filter((_, i) => keep[i]).map(String), ...added];
        const written = locate(before.doc.contents as Node, intent.path)?.value;
        if (isSeq(written) && written.flow) {
          // A flow list is written anew in one step, its items kept as they were written: `[zhao, liu]`.
          after = step(after, (ctx) => setFlowList(ctx, intent.path, list));
        } else {
          for (let i = current.length - 1; i >= 0; i--) if (!keep[i]) after = step(after, (ctx) => removeAt(ctx, [...intent.path, i]));
          for (const item of added) after = step(after, (ctx) => addTo(ctx, intent.path, item));
        }
        expected = setIn(expected, intent.path, list);
      } else if (value === null) {
        if (locate(before.doc.contents as Node, intent.path)) after = step(after, (ctx) => removeAt(ctx, intent.path, true));
        expected = setIn(expected, intent.path, undefined);
      } else {
        after = step(after, (ctx) => setAt(ctx, intent.path, value));
        expected = setIn(expected, intent.path, value);
      }
      break;
    }
    case 'add': {
      const item = intent.item ?? newItem(data, intent.path);
      after = step(after, (ctx) => addTo(ctx, intent.path, item));
      expected = setIn(expected, intent.path, [...listAt(expected, intent.path), item]);
      break;
    }
    case 'remove':
      after = step(after, (ctx) => removeAt(ctx, intent.path));
      expected = setIn(expected, intent.path, undefined);
      break;
    case 'move': {
      after = step(after, (ctx) => moveItem(ctx, intent.path, intent.to));
      const parent = intent.path.slice(0, -1);
      const list = [...listAt(expected, parent)];
      const [item] = list.splice(Number(intent.path[intent.path.length - 1]), 1);
      list.splice(intent.to, 0, item);
      expected = setIn(expected, parent, list);
      break;
    }
  }
  if (after === text) return [];
  const result = parsePlan(after);
  if (result.syntaxErrors.length > 0 || !sameMeaning(result.doc.toJS(), expected)) return fail(WORDS.cannot);
  return after === text ? [] : [difference(text, after)];
}

function validPath(path: unknown): path is FormPath {
  return Array.isArray(path) && path.length > 0 && path.every((s) => (typeof s === 'string' && s !== '') || (Number.isInteger(s) && (s as number) >= 0));
}

/**
 * The value as the plan will hold it: text trimmed (a number field's `1,200,000` and `12%` stay
 * text, as the format reads them), empty text as a cleared field, a yes/no as itself.
 */
function normalized(path: FormPath, value: FormValue): string | boolean | string[] | null {
  if (value === null || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  const text = String(value).trim();
  if (text === '') return null;
  const schema = schemaAt(path);
  if (schema && valueKind(schema) === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** A new map item: an id not yet taken for lists whose items have one, else its first key, empty. */
function newItem(data: unknown, path: FormPath): FormItem {
  const schema = schemaAt([...path, 0]);
  const keys = Object.keys(schema?.properties ?? {});
  if (keys.length === 0) return '';
  if (!keys.includes('id')) return { [keys[0]]: '' };
  const taken = new Set(listAt(data, path).map((item) => String((item as Record<string, unknown>)?.id ?? '')));
  const base = String(path[path.length - 1]).replace(/s$/, '').replace(/_/g, '-');
  return { id: uniqueId(`${base}-${taken.size + 1}`, taken) };
}

// ---- Finding places -----------------------------------------------------------------------------

interface Place {
  /** The collection the value is in (a map for a key, a list for an item). */
  parent: Node;
  key?: Node;
  value: Node | null;
}

/** What stands at the path, written in place (an alias or a merge key is not followed). */
function locate(root: Node | null, path: FormPath): Place | undefined {
  let here: Node | null = root;
  let place: Place | undefined;
  for (const step of path) {
    if (isMap(here)) {
      const pair = here.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return undefined;
      place = { parent: here, key: pair.key as Node, value: (pair.value as Node | null) ?? null };
    } else if (isSeq(here) && typeof step === 'number') {
      const item = here.items[step];
      if (item === undefined) return undefined;
      place = { parent: here, value: (item as Node | null) ?? null };
    } else return undefined;
    here = place.value;
  }
  return place;
}

/** The map site of a map node at a path. */
function siteOf(ctx: FixContext, node: Node, path: FormPath, ownerKey?: Node): MapSite | undefined {
  const entity = entityOf(ctx.plan.doc, node);
  if (!entity || entity.via) return undefined;
  return { entity, path, ...(ownerKey ? { ownerKey: spanOf(ownerKey) } : {}) };
}

/**
 * Entries for the deepest map on the path that exists, nesting the rest of the path: the edits
 * that create `path` with `value`. Undefined when the path runs into something other than a map.
 */
function putNested(ctx: FixContext, path: FormPath, value: Value): Edit[] | undefined {
  const root = ctx.plan.doc.contents as Node | null;
  if (!root || (isScalar(root) && root.value === null)) {
    return path.every((s) => typeof s === 'string') ? putPath(ctx, [], [nest(path as string[], value)]) : undefined;
  }
  let site = siteOf(ctx, root, []);
  for (let i = 0; site && i < path.length; i++) {
    const key = path[i];
    if (typeof key !== 'string') return undefined;
    const field = site.entity.fields.get(key);
    const rest = path.slice(i);
    if (!field || isEmptyValue(field.node)) {
      // A key with an empty value (`key:`, `key: []`) is filled: only by a map or list, or at the end.
      if (field && !isScalar(field.node) && field.node !== null && rest.length > 1) return undefined;
      return rest.every((s) => typeof s === 'string') ? putEntries(ctx, site, [nest(rest as string[], value)]) : undefined;
    }
    if (!inPlace(field) || i === path.length - 1) return undefined;
    const next = path[i + 1];
    if (isSeq(field.node) && typeof next === 'number') {
      const item = field.node.items[next] as Node | undefined;
      site = item && siteOf(ctx, item, path.slice(0, i + 2));
      i++;
    } else site = isMap(field.node) ? siteOf(ctx, field.node, path.slice(0, i + 1), locate(root, path.slice(0, i + 1))?.key) : undefined;
  }
  return undefined;
}

function nest(path: readonly string[], value: Value): Entry {
  return path.length === 1 ? entry(path[0], value) : entry(path[0], map(nest(path.slice(1), value)));
}

/** Whether a node stands in a flow collection (its text starts with a bracket, or its parent's does). */
function inFlow(text: string, parent: Node): boolean {
  return (isMap(parent) || isSeq(parent)) && Boolean(parent.flow ?? false) || /^[[{]/.test(text.slice(spanOf(parent).start));
}

// ---- The steps ----------------------------------------------------------------------------------

function setAt(ctx: FixContext, path: FormPath, value: string | boolean): Edit[] | undefined {
  const { text } = ctx;
  const number = isNumberField(path);
  const place = locate(ctx.plan.doc.contents as Node, path);
  const written = (style: ReturnType<typeof styleOf>, flow: boolean) =>
    typeof value === 'boolean' ? String(value) : scalarSource(value, { style, inFlow: flow, number: number || !isTextField(path) });
  if (place && place.value !== null && !isEmptyValue(place.value)) {
    if (!isScalar(place.value) || !place.value.range) return undefined;
    const span = trimEnd(text, spanOf(place.value));
    return [{ ...span, newText: written(styleOf(place.value.type), inFlow(text, place.parent)) }];
  }
  // Empty or absent: the entry (or the maps down to it) is written; in a flow map it must be flow-safe.
  return putNested(ctx, path, scalar(written('plain', true)));
}

function addTo(ctx: FixContext, path: FormPath, item: FormItem): Edit[] | undefined {
  const value: ScalarValue | MapValue =
    typeof item === 'string'
      ? scalar(scalarSource(item, { inFlow: true, number: !isTextField([...path, 0]) }))
      : map(...Object.entries(item).map(([k, v]) => entry(k, scalar(v === '' ? '' : scalarSource(v, { inFlow: true, number: !isTextField([...path, 0, k]) })))));
  const place = locate(ctx.plan.doc.contents as Node, path);
  const edits = isSeq(place?.value) || (place && place.value !== null && !isEmptyValue(place.value))
    ? [isSeq(place.value) ? appendItem(ctx, place.value, value) : undefined]
    : putNested(ctx, path, seq(value));
  // A key left empty in a new item is written `key:`, without a space at the line's end.
  return edits?.every(Boolean) ? (edits as Edit[]).map((e) => ({ ...e, newText: e.newText.replace(/: (?=\r?\n|$)/g, ':') })) : undefined;
}

/** A flow list's items replaced by the values, items kept written as they were. */
function setFlowList(ctx: FixContext, path: FormPath, values: readonly string[]): Edit[] | undefined {
  const list = locate(ctx.plan.doc.contents as Node, path)?.value;
  if (!isSeq(list) || !list.range) return undefined;
  const span = spanOf(list);
  if (ctx.text.slice(span.start, span.end).includes('#')) return undefined;
  const sources = new Map<string, string>();
  for (const item of list.items) if (isScalar(item) && item.range) sources.set(String(item.value), ctx.text.slice(item.range[0], item.range[1]).trim());
  const items = values.map((v) => sources.get(v) ?? scalarSource(v, { inFlow: true, number: !isTextField([...path, 0]) }));
  return [{ ...span, newText: `[${items.join(', ')}]` }];
}

/** Takes a key or a list item out: its lines in block style, its text and comma in flow style. */
function removeAt(ctx: FixContext, path: FormPath, clearing = false): Edit[] | undefined {
  const { text } = ctx;
  const place = locate(ctx.plan.doc.contents as Node, path);
  if (!place) return undefined;
  const parent = place.parent;
  if (isSeq(parent)) {
    const spans = parent.items.map((item) => spanOf(item as Node));
    const index = Number(path[path.length - 1]);
    if (parent.flow) return flowRemovals(spans, spans.map((_, i) => i === index), spanOf(parent));
    const region = itemRegion(text, parent, index);
    if (!region) return undefined;
    const edits: Edit[] = [{ ...region, newText: '' }];
    if (parent.items.length === 1) {
      // The list left empty is written `[]`, after its key's colon.
      const owner = locate(ctx.plan.doc.contents as Node, path.slice(0, -1));
      const colon = owner?.key ? text.indexOf(':', spanOf(owner.key).end) : -1;
      if (colon < 0) return undefined;
      edits.push({ start: colon + 1, end: colon + 1, newText: ' []' });
    }
    return edits;
  }
  if (!isMap(parent) || !place.key) return undefined;
  const entity = entityOf(ctx.plan.doc, parent) as Entity;
  const keys = [...entity.fields.values()];
  const field = entity.fields.get(String(path[path.length - 1]));
  if (!field || !inPlace(field) && field.node !== null) return undefined;
  if (parent.flow) {
    const spans = keys.map((f) => ({ start: f.key.start, end: Math.max(f.key.end, f.value.end) }));
    return flowRemovals(spans, keys.map((f) => f === field), spanOf(parent), '{}');
  }
  const column = columnOf(text, field.key.start);
  const end = fieldEnd(text, field, column);
  const startOfLine = lineStart(text, field.key.start);
  const ownLine = /^[ \t]*$/.test(text.slice(startOfLine, field.key.start));
  const region = { start: ownLine ? startOfLine : field.key.start, end: nextLineStart(text, end) };
  // A comment written on the field stays: a cleared scalar keeps its key (`key:  # note`).
  if (text.slice(region.start, region.end).includes('#') || (!ownLine && keys.length === 1)) {
    if (!clearing || !isScalar(field.node)) return undefined;
    const colon = text.indexOf(':', field.key.end);
    return colon < 0 || colon > field.value.start ? undefined : [{ start: colon + 1, end: field.value.end, newText: '' }];
  }
  if (!ownLine) {
    // The first key of a list item shares the dash's line: the next key moves up to it.
    const next = keys.find((f) => f.key.start > field.key.start);
    return next ? [{ start: field.key.start, end: next.key.start, newText: '' }] : undefined;
  }
  return [{ ...region, newText: '' }];
}

/** The item taken out and put back at `to`: its lines in block style, its text in flow style. */
function moveItem(ctx: FixContext, path: FormPath, to: number): Edit[] | undefined {
  const { text } = ctx;
  const place = locate(ctx.plan.doc.contents as Node, path);
  const from = Number(path[path.length - 1]);
  if (!place || !isSeq(place.parent) || !Number.isInteger(to) || to < 0 || to >= place.parent.items.length) return undefined;
  if (to === from) return [];
  const list = place.parent;
  if (list.flow) {
    const spans = list.items.map((item) => spanOf(item as Node));
    const sources = spans.map((s) => text.slice(s.start, s.end));
    const [moved] = sources.splice(from, 1);
    sources.splice(to, 0, moved);
    if (sources.some((s) => s.includes('#'))) return undefined;
    return spans.map((s, i) => ({ ...s, newText: sources[i] }));
  }
  const region = itemRegion(text, list, from);
  const target = itemRegion(text, list, to);
  if (!region || !target) return undefined;
  let lines = text.slice(region.start, region.end);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  if (!/\n$/.test(lines)) lines += eol; // the last item of the file, without a line break
  const at = to < from ? target.start : target.end;
  const tail = at === text.length && !/\n$/.test(text) ? eol : '';
  const insert = { start: at, end: at, newText: tail + (tail ? lines.replace(/\r?\n$/, '') : lines) };
  return [{ ...region, newText: '' }, insert];
}

/** A block list item's lines, from its dash's line to its last line (with its comments and line break). */
function itemRegion(text: string, list: Node, index: number): Span | undefined {
  if (!isSeq(list)) return undefined;
  const item = list.items[index] as Node | undefined;
  if (!item?.range) return undefined;
  const start = lineStart(text, item.range[0]);
  if (!/^[ \t]*-[ \t]*$/.test(text.slice(start, item.range[0]))) return undefined;
  const dash = text.indexOf('-', start);
  const end = pastOwnComments(text, endOfLastLine(text, item.range[0], contentEnd(item) ?? item.range[1]), columnOf(text, dash));
  return { start, end: nextLineStart(text, end) };
}

function nextLineStart(text: string, at: number): number {
  const next = text.indexOf('\n', lineEnd(text, at));
  return next === -1 ? text.length : next + 1;
}

// ---- Meaning ------------------------------------------------------------------------------------

function isNumberField(path: FormPath): boolean {
  const schema = schemaAt(path);
  return schema !== undefined && valueKind(schema) === 'number';
}

/** Text fields keep what is typed as text: `123` in a name is written `"123"`. */
function isTextField(path: FormPath): boolean {
  const schema = schemaAt(path);
  if (!schema) return true;
  const kind = valueKind(schema);
  return kind === 'text' || kind === 'textOrList' || kind === 'identifier' || kind === 'reference' || kind === 'list';
}

function listAt(data: unknown, path: FormPath): unknown[] {
  let here = data;
  for (const step of path) here = here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[step as string] : undefined;
  return Array.isArray(here) ? here : here === undefined || here === null ? [] : [here];
}

/** A copy of the data with the value at the path replaced (undefined: the key or item taken out). */
function setIn(data: unknown, path: FormPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path;
  if (Array.isArray(data) && typeof step === 'number') {
    const copy = [...data];
    if (rest.length === 0 && value === undefined) copy.splice(step, 1);
    else copy[step] = setIn(copy[step], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = data !== null && typeof data === 'object' && !Array.isArray(data) ? { ...(data as object) } : {};
  if (rest.length === 0 && value === undefined) delete copy[step];
  else copy[step] = setIn(copy[step], rest, value);
  return copy;
}

/** Equal data, reading every scalar as its text and an empty value as no value (as KAM002 does). */
export function sameMeaning(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.length > 0 ? value.map((v) => canonical(v) ?? null) : undefined;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return Object.keys(out).length > 0 ? out : undefined; // an empty map says no more than none
  }
  return String(value);
}

/** The one edit that turns `before` into `after`: what lies between their common start and end. */
export function difference(before: string, after: string): Edit {
  let start = 0;
  const most = Math.min(before.length, after.length);
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < most - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never between the halves of a surrogate pair or of a `\r\n`.
  const splits = (text: string, at: number) => at > 0 && at < text.length && (/[\uD800-\uDBFF]/.test(text[at - 1]) || (text[at - 1] === '\r' && text[at] === '\n'));
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while (end > 0 && (splits(before, before.length - end) || splits(after, after.length - end))) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
