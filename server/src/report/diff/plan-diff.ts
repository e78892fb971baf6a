// Two versions of one plan compared by meaning, not by line: the YAML is read into nodes and walked in
// step, so comments, quoting, indentation and line endings are no change. Maps are matched by key;
// the items of the id lists (stakeholders, units, goals, actions, drivers) by `id`, every other list
// by position. An added or removed key or item is one change carrying its whole value.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Plan } from '../../engine/model';
import type { Span } from '../../engine/types';
import { deref, spanOf } from '../../engine/yaml-nodes';
import { ID_LISTS } from './id-lists';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** A value as JSON has it: scalars, lists and maps of them. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** One step of a change's path: a map key, or a list item by its id or its index. */
export type Step = { key: string } | { id: string; list: string; name?: string } | { index: number };

export interface Change {
  kind: ChangeKind;
  /** `diagnosis.stakeholders[li-wei].stance`: items with an id by `[id]`, others by `[index]`. */
  path: string;
  steps: Step[];
  before: Plain;
  after: Plain;
  /** Where the change is in the later text: the new value, or for a removal the collection it left. */
  at: Span;
}

interface Side {
  doc: Document;
  node: Node | null;
}

/** The changes from `before` to `after`, in the later version's order (removals after their siblings). */
export function diffPlans(before: Plan, after: Plan): Change[] {
  const changes: Change[] = [];
  compare({ doc: before.doc, node: deref(before.doc, before.doc.contents) }, { doc: after.doc, node: deref(after.doc, after.doc.contents) }, [], changes, {
    start: 0,
    end: 0,
  });
  return changes;
}

function compare(a: Side, b: Side, steps: Step[], out: Change[], parentAt: Span): void {
  const at = spanOf(b.node, parentAt);
  if (isMap(a.node) && isMap(b.node)) return compareMaps(a, b, steps, out, at);
  if (isSeq(a.node) && isSeq(b.node)) return compareLists(a, b, steps, out, at);
  const [before, after] = [plain(a.doc, a.node), plain(b.doc, b.node)];
  if (!samePlain(before, after)) out.push(change('changed', steps, before, after, at));
}

function compareMaps(a: Side, b: Side, steps: Step[], out: Change[], at: Span): void {
  const older = entries(a.doc, a.node);
  const newer = entries(b.doc, b.node);
  for (const [key, node] of newer) {
    const path = [...steps, { key }];
    if (older.has(key)) compare({ doc: a.doc, node: older.get(key)! }, { doc: b.doc, node }, path, out, at);
    else out.push(change('added', path, null, plain(b.doc, node), spanOf(node, at)));
  }
  for (const [key, node] of older) if (!newer.has(key)) out.push(change('removed', [...steps, { key }], plain(a.doc, node), null, at));
}

function compareLists(a: Side, b: Side, steps: Step[], out: Change[], at: Span): void {
  const listPath = pathOf(steps.filter((s): s is { key: string } => 'key' in s)).replace(/\[[^\]]*\]/g, '');
  const byId = ID_LISTS.includes(steps.every((s) => 'key' in s) ? listPath : '');
  const older = items(a.doc, a.node, byId);
  const newer = items(b.doc, b.node, byId);
  const olderById = new Map(older.filter((i) => i.id !== undefined).map((i) => [i.id!, i]));
  const olderByPosition = older.filter((i) => i.id === undefined);
  const matched = new Set<Item>();
  let position = 0;
  for (const item of newer) {
    const earlier = item.id !== undefined ? olderById.get(item.id) : olderByPosition[position++];
    const path = [...steps, itemStep(item, listPath, earlier)];
    if (earlier) {
      matched.add(earlier);
      compare({ doc: a.doc, node: earlier.node }, { doc: b.doc, node: item.node }, path, out, at);
    } else out.push(change('added', path, null, plain(b.doc, item.node), spanOf(item.node, at)));
  }
  for (const item of older) {
    if (matched.has(item)) continue;
    const path = [...steps, itemStep(item, listPath)];
    out.push(change('removed', path, plain(a.doc, item.node), null, at));
  }
}

/** How a change names a list item: by id, with the item's `name` for the memo (the later one when both have it). */
function itemStep(item: Item, list: string, earlier?: Item): Step {
  if (item.id === undefined) return { index: item.index };
  const name = item.name ?? earlier?.name;
  return name === undefined ? { id: item.id, list } : { id: item.id, list, name };
}

interface Item {
  node: Node | null;
  index: number;
  /** Set when the list is matched by id and the item's id is a text no other item of the list has. */
  id?: string;
  name?: string;
}

function items(doc: Document, node: Node | null, byId: boolean): Item[] {
  const list = isSeq(node) ? node.items.map((item, index): Item => ({ node: deref(doc, item), index })) : [];
  if (!byId) return list;
  const ids = list.map((item) => idOf(doc, item.node));
  const count = new Map<string, number>();
  for (const id of ids) if (id !== undefined) count.set(id, (count.get(id) ?? 0) + 1);
  // A repeated id (KAM204's finding) cannot say which is which: those items are matched by position.
  return list.map((item, i) => {
    if (ids[i] === undefined || count.get(ids[i]!) !== 1) return item;
    const name = entries(doc, item.node).get('name');
    return isScalar(name) && typeof name.value === 'string' && name.value.trim() !== '' ? { ...item, id: ids[i], name: name.value.trim() } : { ...item, id: ids[i] };
  });
}

function idOf(doc: Document, node: Node | null): string | undefined {
  if (!isMap(node)) return undefined;
  const value = entries(doc, node).get('id');
  return isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number') && String(value.value).trim() !== ''
    ? String(value.value)
    : undefined;
}

/** A map's entries by key text, aliases followed; a repeated key keeps its first value, as the model does. */
function entries(doc: Document, node: Node | null): Map<string, Node | null> {
  const out = new Map<string, Node | null>();
  if (!isMap(node)) return out;
  for (const pair of node.items as Pair[]) {
    const key = deref(doc, pair.key);
    const name = isScalar(key) ? String(key.value) : plainText(plain(doc, key));
    if (!out.has(name)) out.set(name, deref(doc, pair.value));
  }
  return out;
}

function change(kind: ChangeKind, steps: Step[], before: Plain, after: Plain, at: Span): Change {
  return { kind, path: pathOf(steps), steps, before, after, at };
}

/** `a.b[id].c[0]`: keys joined by dots, list items in brackets. */
export function pathOf(steps: readonly Step[]): string {
  let out = '';
  for (const step of steps) {
    if ('key' in step) out += out === '' ? step.key : `.${step.key}`;
    else out += `[${'id' in step ? step.id : step.index}]`;
  }
  return out;
}

/** At most this many nodes are written out of one value, so an alias-laden document cannot blow up. */
const PLAIN_BUDGET = 10_000;

/** A node as a plain value: aliases followed, numbers and booleans as YAML reads them. */
export function plain(doc: Document, node: Node | null | undefined): Plain {
  let budget = PLAIN_BUDGET;
  const walk = (n: unknown): Plain => {
    const target = deref(doc, n);
    if (--budget < 0) return '…';
    if (isMap(target)) {
      const out: { [key: string]: Plain } = {};
      for (const pair of target.items as Pair[]) {
        const key = deref(doc, pair.key);
        const name = isScalar(key) ? String(key.value) : plainText(walk(key));
        if (!Object.hasOwn(out, name)) out[name] = walk(pair.value);
      }
      return out;
    }
    if (isSeq(target)) return target.items.map(walk);
    if (isScalar(target)) {
      const v = target.value;
      if (v === null || v === undefined) return null;
      if (typeof v === 'boolean' || typeof v === 'string') return v;
      if (typeof v === 'number') return Number.isFinite(v) ? v : String(target.source ?? v);
      if (typeof v === 'bigint') return String(v);
      return String(target.source ?? v);
    }
    return null;
  };
  return walk(node);
}

/** A plain value on one line: text as is, anything else as JSON. */
export function plainText(value: Plain): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function samePlain(a: Plain, b: Plain): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && samePlain((a as Record<string, Plain>)[k], (b as Record<string, Plain>)[k]));
}
