// How the file is laid out, so inserted lines look like the lines around them: its line ending, how
// far a nested map is indented, whether a list's dashes are indented under their key, and how far
// an item's keys stand from its dash. Each is the most common choice in the file (ties: the smaller).
import { isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import type { Plan } from '../../engine/model';
import { columnOf } from './text-edits';

export interface Layout {
  /** `\r\n` when the file's first line break is one. */
  eol: string;
  /** Nested map keys: this many columns right of their parent key. */
  unit: number;
  /** A block list's dashes: this many columns right of its key (0: `key:` then `- item` below it). */
  seqIndent: number;
  /** An item (or its first key): this many columns right of its dash (2 for `- id: x`). */
  itemOffset: number;
  /** Whether top-level sections are set apart by blank lines. */
  blankLines: boolean;
}

/** Each plan's layout, found once: the form and the quick fixes of one version share it. */
const known = new WeakMap<Plan, Layout>();

export function detectLayout(plan: Plan): Layout {
  const layout = known.get(plan) ?? layoutOf(plan);
  known.set(plan, layout);
  return layout;
}

function layoutOf(plan: Plan): Layout {
  const { text } = plan;
  const col = (node: Node | null | undefined) => (node?.range ? columnOf(text, node.range[0]) : undefined);
  const units: number[] = [];
  const seqIndents: number[] = [];
  const itemOffsets: number[] = [];
  visit(plan.doc, {
    Pair(_, pair) {
      const keyCol = isScalar(pair.key) ? col(pair.key) : undefined;
      if (keyCol === undefined) return;
      const value = pair.value;
      if (isMap(value) && !value.flow && value.items.length > 0) push(units, col(value.items[0].key as Node), keyCol);
      if (isSeq(value) && !value.flow && value.items.length > 0) push(seqIndents, col(value), keyCol);
    },
    Seq(_, seq) {
      if (seq.flow) return;
      const dash = col(seq);
      for (const item of seq.items) {
        const first = isMap(item) && !item.flow ? (item.items[0]?.key as Node | undefined) : (item as Node | null);
        push(itemOffsets, col(first), dash);
      }
    },
  });
  const unit = mode(units.filter((n) => n > 0)) ?? 2;
  return {
    eol: /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n',
    unit,
    seqIndent: mode(seqIndents) ?? unit,
    itemOffset: mode(itemOffsets.filter((n) => n > 1)) ?? 2,
    blankLines: /\n[ \t]*\r?\n/.test(text),
  };
}

function push(into: number[], child: number | undefined, parent: number | undefined): void {
  if (child !== undefined && parent !== undefined && child >= parent) into.push(child - parent);
}

/** The most common value (ties: the smaller). */
function mode(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, n], [b, m]) => m - n || a - b)[0]?.[0];
}
