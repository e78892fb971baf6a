// A plan's YAML as plain data (what JSON Schema validates): `doc.toJS()` with empty values dropped
// from maps (an empty key is an absent one to every rule), computed in one walk for the plans people
// write, and refused, with the reason, where expanding it is not safe or means nothing.
import { isCollection, isMap, isPair, isScalar, isSeq, visit, YAMLMap, YAMLSeq, type Alias, type Document, type Node } from 'yaml';
import { nodeMemo } from './node-memo';
import { aliasCount, deref, eachNode, unresolvedAliases } from './yaml-nodes';

/**
 * The data; or the keys that are lists or maps (a list or map as a key means nothing in a plan, and
 * toJS writes each out as text, again at every level it nests in); or, past `maxAliases` uses of
 * aliases, the first alias (an "alias bomb"); or neither, when an alias names no anchor.
 */
export type PlainPlanData = { data: unknown } | { collectionKeys?: Node[]; aliasBomb?: Alias };

export function plainPlanData(doc: Document, maxAliases: number): PlainPlanData {
  const plain = plainData(doc);
  if (plain !== NOT_PLAIN) return { data: plain ?? {} };
  const complex = collectionKeys(doc);
  if (complex.length > 0) return { collectionKeys: complex };
  let raw: unknown;
  try {
    // toJS walks the document once for each alias it expands: past the limit, it does not start.
    if (aliasCount(doc) > maxAliases) throw new RangeError('too many aliases');
    raw = doc.toJS({ maxAliasCount: maxAliases });
  } catch {
    const alias = firstAlias(doc);
    return alias && unresolvedAliases(doc).length === 0 ? { aliasBomb: alias } : {};
  }
  return { data: withoutEmpty(raw ?? {}, new Map()) };
}

/** What plainData returns for a document it leaves to `toJS` and withoutEmpty. */
const NOT_PLAIN = Symbol('not plain');

/**
 * What `doc.toJS()` then withoutEmpty give, in one walk and without `yaml`'s general machinery (a
 * fifth of a full check's time on a long plan), for the plans people write: the core schema, no
 * alias, scalar keys that are neither `<<`, `__proto__` nor repeated as text. Anything else, or a
 * failure, is NOT_PLAIN: the general path handles it exactly as before.
 */
function plainData(doc: Document): unknown {
  if (doc.schema.name !== 'core' || aliasCount(doc) > 0) return NOT_PLAIN;
  try {
    return plainValue(doc.contents, 0);
  } catch {
    return NOT_PLAIN;
  }
}

/**
 * The data of the sections, the lists and their entries, kept while their items stay (node-memo.ts):
 * after an edit only the collections that held it are walked again. The top level is depth 0, a list
 * 1 or 2 (within `diagnosis`), its entries one deeper. What lies inside an entry is walked with it: an
 * edited entry is parsed again as a whole, and a table entry for each small list in it costs more
 * than the walk. Nothing changes the data once made (the schema's validator reads it).
 */
const plainCollections = nodeMemo<unknown>();
const kept = (node: unknown, depth: number) => (isMap(node) ? depth <= 3 : isSeq(node) && depth <= 2);

function plainValue(node: unknown, depth: number): unknown {
  if (node === null || node === undefined) return node;
  if (isScalar(node)) {
    if (typeof node.value === 'object' && node.value !== null) throw NOT_PLAIN; // a timestamp, a binary: toJS's
    return node.value;
  }
  const keep = kept(node, depth);
  if (keep && plainCollections.has(node)) return plainCollections.get(node);
  const value = plainCollection(node, depth);
  if (keep) plainCollections.set(node, value);
  return value;
}

function plainCollection(node: unknown, depth: number): unknown {
  // Only the plain classes: a tagged `!!set` or `!!omap` becomes a Set or a Map in toJS.
  if (isSeq(node) && Object.getPrototypeOf(node) === YAMLSeq.prototype) return node.items.map((item) => plainValue(item, depth + 1));
  if ((isMap(node) && Object.getPrototypeOf(node) === YAMLMap.prototype) || isPair(node)) {
    // A pair in a flow list (`[a: 1]`) is a map of its own, as toJS has it.
    const out: Record<string, unknown> = {};
    // The keys with an empty value, which `out` leaves out: with those in `out`, every key seen so far.
    let empty: Set<string> | undefined;
    for (const { key, value } of isMap(node) ? node.items : [node]) {
      if (key !== null && !isScalar(key)) throw NOT_PLAIN;
      const k = key === null ? null : key.value;
      if (typeof k === 'object' && k !== null) throw NOT_PLAIN;
      const name = k === null ? '' : String(k);
      if (name === '<<' || name === '__proto__' || Object.hasOwn(out, name) || empty?.has(name)) throw NOT_PLAIN;
      const v = plainValue(value, depth + 1);
      if (v !== null && v !== undefined) out[name] = v;
      else (empty ??= new Set()).add(name);
    }
    return out;
  }
  throw NOT_PLAIN;
}

function withoutEmpty(value: unknown, done: Map<object, unknown>): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10); // a YAML 1.1 timestamp
  if (typeof value !== 'object' || value === null) return value;
  if (done.has(value)) return done.get(value); // shared through an alias, or even circular
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    done.set(value, out);
    for (const item of value) out.push(withoutEmpty(item, done));
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  done.set(value, out);
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = withoutEmpty(v, done);
  return out;
}

/** Keys that are (or name, through an alias) a list or a map, outermost first. */
function collectionKeys(doc: Document): Node[] {
  const keys: Node[] = [];
  eachNode(doc.contents, (node) => {
    if (isMap(node)) for (const pair of node.items) if (isCollection(deref(doc, pair.key))) keys.push(pair.key as Node);
  });
  return keys;
}

function firstAlias(doc: Document): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, alias) {
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}
