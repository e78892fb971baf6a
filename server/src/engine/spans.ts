// Where findings about absent things stand.
import type { Entity, Plan } from './model';
import type { Span } from './types';

/**
 * The first line of content (skipping leading comments and blank lines; line 1 if there is none):
 * where a finding about a top-level key missing from the whole file stands.
 */
export function firstContentLine(text: string): Span {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#') && trimmed !== '---') return { start, end: start + line.length };
    start = end + 1;
  }
  const eol = text.search(/\r?\n/);
  return { start: 0, end: eol === -1 ? text.length : eol };
}

/** The key of a top-level section when present, else the first content line. */
export function sectionKeyOrTop(plan: Plan, key: string): Span {
  return plan.root?.fields.get(key)?.key ?? firstContentLine(plan.text);
}

/** The 1-based line of an offset, for messages that point at another place in the file. */
export function lineOf(plan: Plan, offset: number): number {
  return plan.lines.lineAt(offset) + 1;
}

/** Where a finding about a list item stands: its `id` value when it has one, else its first key. */
export function itemAnchor(entity: Entity): Span {
  const id = entity.fields.get('id');
  if (id?.node) return id.value;
  const first = entity.fields.values().next().value;
  return first ? first.key : entity.span;
}

/**
 * A list item as written — the map, or the alias (`- *x`) that stands for it in the list — without
 * the line break a block map's range ends with, so the range stays on the item's own lines.
 */
export function itemSpan(plan: Plan, entity: Entity): Span {
  const { start, end } = entity.via ?? entity.span;
  let last = end;
  while (last > start && /\s/.test(plan.text[last - 1])) last--;
  return { start, end: last };
}
