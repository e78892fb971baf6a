// The steps an intent is made of, each an edit of the text as it stands (fixes/map-edits.ts does the
// writing): a scalar set in place, a list item appended, removed or moved, a flow list written anew.
// Each returns undefined when the place cannot be changed safely (a comment in the way, an alias, a
// key that is not written in place).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Entity } from '../../engine/model';
import type { Span } from '../../engine/types';
import { entityOf, isEmptyValue, spanOf } from '../../engine/yaml-nodes';
import { trimEnd } from '../document';
import type { FixContext } from '../fixes/fix';
import { flowRemovals } from '../fixes/flow-removals';
import { appendItem, contentEnd, fieldEnd, inPlace } from '../fixes/map-edits';
import { entry, map, scalar, seq, type MapValue, type ScalarValue } from '../fixes/render';
import { columnOf, endOfLastLine, lineEnd, lineStart, pastOwnComments, type Edit } from '../fixes/text-edits';
import { isNumberField, isTextField } from './field-kinds';
import type { FormItem, FormPath } from './intents';
import { inFlow, locate, putNested } from './places';
import { scalarSource, styleOf } from './scalar-text';

export function setAt(ctx: FixContext, path: FormPath, value: string | boolean): Edit[] | undefined {
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

export function addTo(ctx: FixContext, path: FormPath, item: FormItem): Edit[] | undefined {
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
export function setFlowList(ctx: FixContext, path: FormPath, values: readonly string[]): Edit[] | undefined {
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
export function removeAt(ctx: FixContext, path: FormPath, clearing = false): Edit[] | undefined {
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
export function moveItem(ctx: FixContext, path: FormPath, to: number): Edit[] | undefined {
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
