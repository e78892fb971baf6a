// Whether an intent's resulting text means what the intent said and nothing else: it parses, and its
// data is the plan's before with the intent done (meaning.ts). On a long plan parsing the whole result
// again costs more than everything else an edit does, so where the incremental reparse can read the
// change alone (engine/reparse.ts: the entries around the change, parsed by themselves exactly as in
// place, everything else the same text) only the part of the plan that holds both the change and the
// intent's place is compared; elsewhere the result is parsed whole and compared whole.
import { isPair, Pair, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { oversize } from '../../engine/limits';
import type { Plan } from '../../engine/model';
import { parsePlan } from '../../engine/parse';
import { reparsedChange, type Entry, type ReparsedChange } from '../../engine/reparse';
import type { FormPath } from './intents';
import { expected, sameMeaning, type Expectation } from './meaning';
import { dataOf, nodeAt, writtenDepth } from './node-data';

/** How the last result was verified: by the part changed, or whole (tests read it). */
export type Verified = 'part' | 'whole';

/** Whether `after` (the text of `before` after an intent) parses and means `expectation`; how it was told. */
export function verifyResult(before: Plan, after: string, expectation: Expectation, options: { whole?: boolean } = {}): { ok: boolean; by: Verified } {
  const readAlone = !options.whole && oversize(after) === undefined && before.syntaxErrors.length === 0;
  const change = readAlone ? reparsedChange(before, after) : undefined;
  if (change) return { ok: readable(() => partMeans(before.doc, change, expectation)), by: 'part' };
  const result = parsePlan(after);
  return { ok: result.syntaxErrors.length === 0 && readable(() => sameMeaning(result.doc.toJS(), expected(before.doc.toJS(), expectation))), by: 'whole' };
}

/** A text that parses may still not read as data (`[*"]` is an alias of no anchor): that is no meaning. */
function readable(means: () => boolean): boolean {
  try {
    return means();
  } catch {
    return false;
  }
}

/**
 * Compares the smallest subtree that holds every difference: the change's (the collection whose
 * entries were read again) and the intent's (its place, or the deepest part of its path written).
 * Outside it both texts read the same, so equal there is equal in whole.
 */
function partMeans(doc: Document.Parsed, change: ReparsedChange, expectation: Expectation): boolean {
  if ('shift' in change) {
    // Only comments or blank lines changed: the data stays, so the intent must have asked for no change.
    const scope = intentScope(doc, expectation);
    const data = dataOf(doc, nodeAt(doc, scope));
    return sameMeaning(data, expected(data, { ...expectation, path: expectation.path.slice(scope.length) }));
  }
  const { path } = change;
  const changed = stepsTo(path);
  const scope = intentScope(doc, expectation);
  let depth = 0;
  while (depth < changed.length && depth < scope.length && String(changed[depth]) === String(scope[depth])) depth++;
  // path[depth].collection is the node at the shared part of both paths.
  const before = path[depth].collection.toJS(doc);
  const after = rebuilt(path, depth, change.items).toJS(doc);
  return sameMeaning(after, expected(before, { ...expectation, path: expectation.path.slice(depth) }));
}

/**
 * Where the intent's differences lie: under its place when that is written and stays (a value
 * set, an item added to a list), under its parent when it is taken out, else under the deepest
 * part of its path that is written (the maps down to it are made).
 */
function intentScope(doc: Document.Parsed, expectation: Expectation): FormPath {
  const { path } = expectation;
  const written = writtenDepth(doc, path);
  if (written < path.length) return path.slice(0, written);
  const gone = expectation.value(dataOf(doc, nodeAt(doc, path))) === undefined;
  return gone ? path.slice(0, -1) : path;
}

/** The keys and indexes down to the innermost changed collection. */
function stepsTo(path: readonly Entry[]): FormPath {
  return path.slice(0, -1).map(({ collection, index }) => {
    const item = collection.items[index];
    return isPair(item) ? String((item.key as { value: unknown }).value) : index;
  });
}

/**
 * The collection at `path[depth]` as it reads after the change: shallow copies down the path, the
 * innermost one's run of entries replaced by the new ones; the document itself is left as it is.
 */
function rebuilt(path: readonly Entry[], depth: number, items: readonly (Pair | Node)[]): YAMLMap | YAMLSeq {
  const { collection, index, last } = path[depth];
  const copy = [...collection.items] as unknown[];
  if (depth === path.length - 1) copy.splice(index, last - index + 1, ...items);
  else {
    const item = collection.items[index];
    const inner = rebuilt(path, depth + 1, items);
    copy[index] = isPair(item) ? new Pair(item.key, inner) : inner;
  }
  const shallow = Object.create(Object.getPrototypeOf(collection), Object.getOwnPropertyDescriptors(collection)) as YAMLMap | YAMLSeq;
  shallow.items = copy as typeof shallow.items;
  return shallow;
}
