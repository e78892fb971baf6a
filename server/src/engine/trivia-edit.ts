// Edits of comments and blank lines (reparse.ts asks first): the parser would read the same nodes and
// values, so the previous version's document serves again once the offsets after the edit have moved
// (`Shift`). Such a document keeps the comment text of the version it was parsed from: nothing reads
// comments from the document (edits are made on the text).
import { isCollection, isNode, isPair, isScalar, Scalar, type Document } from 'yaml';
import type { Shift } from './model';
import { shiftOffset } from './shift';
import { lastStartingBefore, itemStart } from './yaml-nodes';

/** What changed between two texts: [from, to) of the old one became [from, to + delta) of the new one. */
export interface Change {
  from: number;
  to: number;
  delta: number;
}

/**
 * Characters that make KAM001 speak wherever they stand (control characters, lone surrogates, U+FFFD,
 * a byte order mark, a lone CR): an edit that brings or takes one away is checked in full.
 */
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFEFF\uFFFD\uFFFE\uFFFF\r]/;

/** How the offsets move when the edit touched only a comment or blank lines; undefined for any other edit. */
export function triviaEdit(doc: Document, old: string, text: string, change: Change): Omit<Shift, 'previous'> | undefined {
  return commentEdit(doc, old, text, change) ?? blankLinesEdit(doc, old, text, change);
}

/** An edit within one line, after a `#` that starts a comment: the parser reads the same nodes. */
function commentEdit(doc: Document, old: string, text: string, { from, to, delta }: Change): Omit<Shift, 'previous'> | undefined {
  if (old.slice(from, to).includes('\n') || text.slice(from, to + delta).includes('\n')) return undefined;
  const start = lineStart(old, from);
  if (SUSPECT.test(old.slice(start, lineEnd(old, to))) || SUSPECT.test(text.slice(start, lineEnd(text, to + delta)))) return undefined;
  for (let hash = old.indexOf('#', start); hash !== -1 && hash < from; hash = old.indexOf('#', hash + 1)) {
    if (hash > start && old[hash - 1] !== ' ' && old[hash - 1] !== '\t') continue;
    const scalars = scalarsAt(doc, hash);
    if (!scalars) return undefined;
    // A `#` inside a quoted or block scalar is text; the first one outside starts the comment.
    if (scalars.some(({ range }) => range![0] <= hash && hash < range![1])) continue;
    return { at: to, delta, endsMove: true, lines: 0 };
  }
  return undefined;
}

/**
 * Blank lines added or taken away, as whole lines: the lines both texts share at either end of the
 * change are set aside, and what remains on each side must be lines of spaces only. Not inside or at
 * the end of a scalar that spans lines (a block scalar keeps blank lines; a multi-line one folds them).
 */
function blankLinesEdit(doc: Document, old: string, text: string, { from, to, delta }: Change): Omit<Shift, 'previous'> | undefined {
  let start = lineStart(old, from);
  let end = to === start || old[to - 1] === '\n' ? to : Math.min(old.length, lineEnd(old, to) + 1);
  let newEnd = end + delta;
  while (end > start && newEnd > start) {
    const a = lineStart(old, end - 1);
    const b = lineStart(text, newEnd - 1);
    if (a < start || b < start || end - a !== newEnd - b || old.slice(a, end) !== text.slice(b, newEnd)) break;
    end = a;
    newEnd = b;
  }
  while (start < end && start < newEnd) {
    const a = Math.min(old.length, lineEnd(old, start) + 1);
    const b = Math.min(text.length, lineEnd(text, start) + 1);
    if (a > end || b > newEnd || a !== b || old.slice(start, a) !== text.slice(start, b)) break;
    start = a;
  }
  const removed = old.slice(start, end);
  const inserted = text.slice(start, newEnd);
  if (removed === inserted || !BLANK_LINES.test(removed) || !BLANK_LINES.test(inserted)) return undefined;
  for (const at of end > start ? [start, end] : [start]) {
    const scalars = scalarsAt(doc, at);
    if (!scalars) return undefined;
    const holds = ({ range, type }: Scalar) => range![0] < at && (at < range![2] || (at === range![2] && (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED)));
    if (scalars.some(holds)) return undefined;
  }
  return { at: end, delta, endsMove: false, lines: lineCount(inserted) - lineCount(removed) };
}

function lineCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

const BLANK_LINES = /^(?: *\r?\n)*$/;

/** Where the line holding the offset starts. */
function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding the offset ends (its line break, or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

/**
 * The scalars whose ranges may hold the offset: at each level the key and value of the last entry
 * starting at or before it. Undefined when the tree cannot tell (a key that is no scalar, an item
 * without a range, a flow collection around the offset).
 */
function scalarsAt(doc: Document, offset: number): Scalar[] | undefined {
  const scalars: Scalar[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (node === null || node === undefined) return scalars;
    if (isScalar(node)) return [...scalars, node];
    if (!isCollection(node) || !node.range) return undefined;
    if (node.flow && node.range[0] < offset && offset < node.range[2]) return undefined;
    if (node.items.some((item) => itemStart(item) === undefined)) return undefined;
    const index = lastStartingBefore(node, offset);
    if (index < 0) return scalars;
    const item = node.items[index];
    if (isPair(item)) {
      if (!isScalar(item.key)) return undefined;
      scalars.push(item.key);
      node = item.value;
      if (isNode(node) && node.range && node.range[0] > offset) return scalars;
    } else node = item;
  }
}

/**
 * Moves the offsets of the nodes as the shift says: down the entries that hold the edit, and every
 * node after them (nothing before the edit moves).
 */
export function shiftDocument(doc: Document.Parsed, shift: Omit<Shift, 'previous'>): void {
  const move = (range: [number, number, number] | null | undefined) => {
    if (!range) return;
    range[0] = shiftOffset(range[0], shift, true);
    range[1] = shiftOffset(range[1], shift, false);
    range[2] = shiftOffset(range[2], shift, false);
  };
  const all = (item: unknown): void => {
    if (isPair(item)) {
      all(item.key);
      all(item.value);
    } else if (isNode(item)) {
      move(item.range);
      if (isCollection(item)) for (const child of item.items) all(child);
    }
  };
  let node: unknown = doc.contents;
  while (isCollection(node)) {
    move(node.range);
    const index = lastStartingBefore(node, shift.at);
    for (let i = index + 1; i < node.items.length; i++) all(node.items[i]);
    if (index < 0) return move(doc.range);
    const item = node.items[index];
    if (isPair(item)) {
      all(item.key);
      node = item.value;
    } else node = item;
  }
  all(node);
  move(doc.range);
}
