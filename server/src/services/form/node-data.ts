// The plan's data at a path, read from the YAML document's nodes: only that node is turned into data,
// not the whole plan. Reads as the whole document's data does at that path when the document has no
// aliases (a plan with them is read whole).
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { FormPath } from './intents';
import { getIn } from './meaning';

export function dataAt(doc: Document.Parsed, text: string, path: FormPath): unknown {
  if (text.includes('*')) return getIn(doc.toJS(), path);
  return dataOf(doc, nodeAt(doc, path));
}

/** How many steps of the path lead through the document's maps and lists. */
export function writtenDepth(doc: Document.Parsed, path: FormPath): number {
  let here: unknown = doc.contents;
  let depth = 0;
  for (const step of path) {
    const next = childOf(here, step);
    if (next === undefined) break;
    here = next;
    depth++;
  }
  return depth;
}

/** The node at the path (null for an empty value), undefined when the path is not written. */
export function nodeAt(doc: Document.Parsed, path: FormPath): unknown {
  let here: unknown = doc.contents;
  for (const step of path) here = childOf(here, step);
  return here;
}

/** The value of a key (the last pair with it, as the data keeps) or of a list item; undefined when there is none. */
function childOf(node: unknown, step: string | number): unknown {
  if (isMap(node)) {
    for (let i = node.items.length - 1; i >= 0; i--) {
      const { key, value } = node.items[i];
      if (isScalar(key) && String(key.value) === String(step)) return value ?? null;
    }
    return undefined;
  }
  if (isSeq(node) && typeof step === 'number') return step < node.items.length ? (node.items[step] ?? null) : undefined;
  return undefined;
}

export function dataOf(doc: Document.Parsed, node: unknown): unknown {
  return isMap(node) || isSeq(node) || isScalar(node) ? node.toJS(doc) : node === undefined ? undefined : null;
}
