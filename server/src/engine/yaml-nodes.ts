// Small readers over the `yaml` package's nodes. They never throw on a node of the wrong kind:
// a wrong type is the schema rule's finding, and the model simply treats it as absent.
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Entity, Field, Ref } from './model';
import { nodeMemo } from './node-memo';
import type { Span } from './types';

export function spanOf(node: Node | null | undefined, fallback: Span = { start: 0, end: 0 }): Span {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : fallback;
}

/** Follows an alias to the node it names (one step is all YAML allows); other nodes pass through. */
export function deref(doc: Document, node: unknown): Node | null {
  if (!isAlias(node)) return (node as Node | null) ?? null;
  const targets = aliasTargets(doc);
  if (targets.has(node)) return targets.get(node)!;
  try {
    return (node.resolve(doc) as Node | undefined) ?? null; // an alias added after the table was made
  } catch {
    return null;
  }
}

/** How many aliases a document holds. */
export function aliasCount(doc: Document): number {
  return aliasTargets(doc).size;
}

const aliasTables = new WeakMap<Document, Map<Alias, Node | null>>();

/** Records that a document holds no alias, so nothing walks it to look for one: its text has no `*`. */
export function markAliasFree(doc: Document): void {
  aliasTables.set(doc, new Map());
}

/**
 * What each alias of a document names, found in one walk: the last node anchored with its name before
 * it, as `Alias.resolve` finds it (which walks the whole document for every alias it resolves).
 */
function aliasTargets(doc: Document): Map<Alias, Node | null> {
  let table = aliasTables.get(doc);
  if (table) return table;
  table = new Map();
  const anchored = new Map<string, Node>();
  eachNode(doc.contents, (node) => {
    if (isAlias(node)) table!.set(node, anchored.get(node.source) ?? null);
    else if (node.anchor) anchored.set(node.anchor, node);
  });
  aliasTables.set(doc, table);
  return table;
}

/**
 * Calls `fn` on every node from `node` down (aliases not followed), parents first, in source order:
 * the order of `yaml`'s `visit`, at a fraction of its cost (it builds a frozen path for every node).
 */
export function eachNode(node: unknown, fn: (node: Node) => void): void {
  if (isPair(node)) {
    eachNode(node.key, fn);
    eachNode(node.value, fn);
  } else if (isNode(node)) {
    fn(node);
    if (isCollection(node)) for (const item of node.items) eachNode(item, fn);
  }
}

export function entityOf(doc: Document, node: unknown): Entity | undefined {
  const map = deref(doc, node);
  if (!isMap(map)) return undefined;
  const fields = new Map<string, Field>();
  for (const pair of (map as YAMLMap).items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || key.value === null || key.value === undefined) continue;
    const name = String(key.value);
    if (fields.has(name)) continue; // a duplicate key is a syntax error; keep the first, as YAML does
    const keySpan = spanOf(key);
    const value = deref(doc, pair.value);
    fields.set(name, { key: keySpan, value: value?.range ? spanOf(value) : { start: keySpan.end, end: keySpan.end }, node: value });
  }
  return isAlias(node) ? { span: spanOf(map), fields, via: spanOf(node) } : { span: spanOf(map), fields };
}

/** A scalar's text: strings as written, numbers in their source form; other kinds are undefined. */
export function scalarText(node: Node | null): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return node.source ?? String(v);
  return undefined;
}

export function textField(e: Entity, key: string): string | undefined {
  return scalarText(e.fields.get(key)?.node ?? null);
}

export function quantityField(e: Entity, key: string): number | string | undefined {
  const node = e.fields.get(key)?.node ?? null;
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

export function boolField(e: Entity, key: string): boolean {
  const node = e.fields.get(key)?.node ?? null;
  return isScalar(node) && node.value === true;
}

/** The items of a list value, aliases resolved; a single scalar counts as a one-item list. */
export function listItems(doc: Document, node: Node | null | undefined): Node[] {
  if (isSeq(node)) return node.items.map((item) => deref(doc, item)).filter((n): n is Node => n !== null);
  return isScalar(node) && node.value !== null ? [node] : [];
}

export function refsField(doc: Document, e: Entity, key: string): Ref[] {
  const refs: Ref[] = [];
  for (const item of listItems(doc, e.fields.get(key)?.node)) {
    const value = scalarText(item);
    if (value !== undefined) refs.push({ value, span: spanOf(item) });
  }
  return refs;
}

/** The entities of a list of maps (non-map items are skipped). */
export function entityList(doc: Document, node: Node | null | undefined): Entity[] {
  if (!isSeq(node)) return [];
  const out: Entity[] = [];
  for (const item of node.items) {
    const e = entityOf(doc, item);
    if (e) out.push(e);
  }
  return out;
}

/** Whether a value says nothing: absent, null, an empty string, list or map. */
export function isEmptyValue(node: Node | null | undefined): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null || (typeof node.value === 'string' && node.value.trim() === '');
  if (isMap(node) || isSeq(node)) return node.items.length === 0;
  return false;
}

/** The keys an entity lacks, in the order asked: absent or empty (see isEmptyValue). */
export function missingKeys(entity: Entity, keys: readonly string[]): string[] {
  return keys.filter((k) => isEmptyValue(entity.fields.get(k)?.node));
}

/** What stands at a path of keys and list indexes: the key node (none for a list item or the root) and the value as written (an alias stays an alias). */
export interface Located {
  key?: Node;
  value: Node | null;
}

/** Walks a path from the document root, following aliases on the way; undefined when the path leaves the document. */
export function locatePath(doc: Document, path: readonly (string | number)[]): Located | undefined {
  let here: Located = { value: (doc.contents as Node | null) ?? null };
  for (const step of path) {
    const node = deref(doc, here.value);
    if (isMap(node)) {
      const pair = pairNamed(node, String(step));
      if (!pair) return undefined;
      here = { key: pair.key as Node, value: (pair.value as Node | null) ?? null };
    } else if (isSeq(node)) {
      const item = node.items[Number(step)];
      if (item === undefined) return undefined;
      here = { value: (item as Node | null) ?? null };
    } else return undefined;
  }
  return here;
}

const keyIndexes = nodeMemo<{ length: number; pairs: Map<string, Pair> }>({ withinVersion: true });

/** The first pair of a map whose scalar key has this name. Maps are indexed once (again if their length changed), so finding every key of a map of thousands stays linear. */
function pairNamed(map: YAMLMap, name: string): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index || index.length !== map.items.length) {
    const pairs = new Map<string, Pair>();
    for (const pair of map.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : '');
      if (isScalar(pair.key) && !pairs.has(key)) pairs.set(key, pair as Pair);
    }
    index = { length: map.items.length, pairs };
    keyIndexes.set(map, index);
  }
  return index.pairs.get(name);
}

/** Aliases that name no anchor set before them: YAML forbids them, yet the parser reports no error. */
export function unresolvedAliases(doc: Document): Alias[] {
  const found: Alias[] = [];
  for (const [alias, target] of aliasTargets(doc)) if (target === null) found.push(alias);
  return found;
}

/** The item whose first character is the last at or before the offset, by binary search; -1 if none. */
export function lastStartingBefore(collection: YAMLMap | YAMLSeq, offset: number): number {
  let low = 0;
  let high = collection.items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = itemStart(collection.items[mid]);
    if (start === undefined) return -1;
    if (start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Where a list item or map entry starts (its key's first character); undefined without a range. */
export function itemStart(item: unknown): number | undefined {
  const node = isPair(item) ? item.key : item;
  return isNode(node) ? node.range?.[0] : undefined;
}
