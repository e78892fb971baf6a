// What a fix writes, as a small tree (keys, lists, scalars as they are to be written), and how it is
// written: as block lines in the file's layout, or inline inside a flow collection (`{…}`, `[…]`),
// where comments cannot go and are left out.
import type { Layout } from './layout';
import { spaces } from './text-edits';

export type Value = ScalarValue | MapValue | SeqValue;

/** A scalar exactly as written: plain text that needs no quotes, a number, a date, or `[]`. */
export interface ScalarValue {
  kind: 'scalar';
  text: string;
}

export interface MapValue {
  kind: 'map';
  entries: Entry[];
}

export interface SeqValue {
  kind: 'seq';
  items: (ScalarValue | MapValue)[];
}

export interface Entry {
  key: string;
  value: Value;
  /** Written after the value (after `key:` for a map or a list) in block style. */
  comment?: string;
}

export const scalar = (text: string): ScalarValue => ({ kind: 'scalar', text });
export const map = (...entries: Entry[]): MapValue => ({ kind: 'map', entries });
export const seq = (...items: (ScalarValue | MapValue)[]): SeqValue => ({ kind: 'seq', items });
export const entry = (key: string, value: Value, comment?: string): Entry => ({ key, value, comment });

/** Where a value under a key at `keyColumn` starts: a map one unit in, a list's dashes at the file's list indent. */
export function childColumn(value: Value, keyColumn: number, layout: Layout): number {
  return keyColumn + (value.kind === 'seq' ? layout.seqIndent : layout.unit);
}

/** Block lines for entries whose keys stand at `column` (no line breaks; the caller joins them). */
export function blockEntries(entries: readonly Entry[], column: number, layout: Layout): string[] {
  const lines: string[] = [];
  for (const { key, value, comment } of entries) {
    const note = comment ? ` # ${comment}` : '';
    if (value.kind === 'scalar' || isEmpty(value)) {
      lines.push(`${spaces(column)}${key}: ${flow(value)}${note}`);
    } else {
      lines.push(`${spaces(column)}${key}:${note}`);
      const inner = childColumn(value, column, layout);
      lines.push(...(value.kind === 'map' ? blockEntries(value.entries, inner, layout) : blockItems(value.items, inner, layout)));
    }
  }
  return lines;
}

/** Block lines for list items whose dashes stand at `column`. */
export function blockItems(items: SeqValue['items'], column: number, layout: Layout): string[] {
  const lines: string[] = [];
  const dash = `${spaces(column)}-${spaces(layout.itemOffset - 1)}`;
  for (const item of items) {
    if (item.kind === 'scalar' || isEmpty(item)) {
      lines.push(dash + flow(item));
      continue;
    }
    const [first, ...rest] = blockEntries(item.entries, column + layout.itemOffset, layout);
    lines.push(dash + first.trimStart(), ...rest);
  }
  return lines;
}

/** The value inline, as inside `{…}` or `[…]`. */
export function flow(value: Value): string {
  if (value.kind === 'scalar') return value.text;
  if (value.kind === 'seq') return `[${value.items.map(flow).join(', ')}]`;
  return `{${value.entries.map((e) => `${e.key}: ${flow(e.value)}`).join(', ')}}`;
}

function isEmpty(value: MapValue | SeqValue): boolean {
  return value.kind === 'map' ? value.entries.length === 0 : value.items.length === 0;
}
