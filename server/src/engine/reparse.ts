// Reparsing after an edit. Typing in a long plan changes one line of one list item or map entry, yet
// the `yaml` parser reads about a megabyte a second: parsing the whole text per keystroke is what a
// long plan would cost. Here only the smallest entry around the change is parsed again, alone, and
// put in place of the old one in the previous version's document; the nodes after it move by the
// edit's length.
//
// A run of entries is read alone exactly as in place when it is cut on line boundaries and every line
// after its first is indented deeper than it (blank and comment-only lines aside): such lines can
// belong to nothing else, and nothing outside can reach into them. The run may parse into more or
// fewer entries than it had (a list item typed, twenty lines pasted or deleted). Anything else (an
// entry whose first line changed, a line that moved out, a piece that parses into entries of another
// kind or none, a syntax error, a duplicate key, an alias anywhere) is left to a full parse, which
// also reports the errors.
//
// Edits of comments and blank lines parse nothing: the parser reads the same nodes and values, only
// the offsets after the edit move (`Shift`). Such a document keeps the comment text of the version it
// was parsed from: nothing reads comments from the document (edits are made on the text).
import { isCollection, isMap, isNode, isPair, isScalar, isSeq, Scalar, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { MAX_NESTING } from './limits';
import type { Plan, Shift } from './model';
import { shiftOffset } from './shift';
import { forgetKeyIndex } from './yaml-nodes';
import { duplicateKeyErrors, parseYaml } from './yaml-parse';

/** An entry of a block list or map that holds the change, and the lines it owns. */
export interface Entry {
  collection: YAMLMap | YAMLSeq;
  index: number;
  /** The last item of the run (index itself but at the innermost level, where a change may span several). */
  last: number;
  /**
   * Its text: from the start of its first line to the next entry's key or `-` (or its parent's end),
   * so that it ends, as in place, with the indentation of the line that follows.
   */
  start: number;
  end: number;
  /** The column of its key or `-`. */
  column: number;
  /** Just after the first character of its key or `-`: the change must come later for the entry to stay one. */
  lead: number;
}

/** A document for the new text made from the previous version's, and how its offsets moved when that is all that changed. */
export interface Reparsed {
  doc: Document.Parsed;
  shift?: Omit<Shift, 'previous'>;
}

/**
 * The previous version's document with the changed entries parsed again (or only its offsets moved),
 * or undefined when the text must be parsed whole. On success the previous plan's document is changed
 * in place and reused.
 */
export function reparseDocument(previous: Plan, text: string): Reparsed | undefined {
  const change = reparsedChange(previous, text);
  if (!change) return undefined;
  const doc = previous.doc;
  if ('shift' in change) {
    shiftDocument(doc, change.shift);
    return { doc, shift: change.shift };
  }
  // The document's end takes in what trails the last entry: alone, the piece ends the same way.
  splice(doc, change.path, change.items, change);
  return { doc };
}

/**
 * What the edit changed, as reparseDocument reads it, with the previous document left untouched: only
 * offsets moved (a comment or blank lines), or a run of entries (the innermost of `path`, from `index`
 * to `last`) that reads as `items` in the new text. The plan editor checks an edit's meaning with it.
 */
export type ReparsedChange =
  | { shift: Omit<Shift, 'previous'> }
  | { path: Entry[]; items: (Pair | Node)[]; to: number; delta: number; docEnd?: number };

export function reparsedChange(previous: Plan, text: string): ReparsedChange | undefined {
  const doc = previous.doc;
  const old = previous.text;
  // Aliases tie distant nodes together, and an error may be anywhere: both need the whole text.
  if (doc.errors.length > 0 || old.includes('*') || text.includes('*')) return undefined;
  const change = changedRange(old, text);
  if (!change) return undefined;
  // After the last node, where the document's own comment and end lie, the parser's offsets follow
  // rules of their own: such edits are parsed.
  const contents = doc.contents;
  const shift = isCollection(contents) ? triviaEdit(doc, old, text, change) : undefined;
  if (shift && shift.at < contents!.range![2]) return { shift };
  // A whole line inserted or deleted reads, character by character, as starting after the next line's
  // indentation; read from the line's start it may lie between two entries instead.
  const moved = atLineStart(old, text, change);
  return changedEntries(doc, old, text, change) ?? (moved === change ? undefined : changedEntries(doc, old, text, moved));
}

function changedEntries(doc: Document.Parsed, old: string, text: string, change: { from: number; to: number; delta: number }): ReparsedChange | undefined {
  const { from, to, delta } = change;
  const entries = entriesAround(doc, old, from, to);
  // From the innermost entry out; a piece as large as half the text is not worth parsing twice.
  for (let k = entries.length - 1; k >= 0; k--) {
    const entry = entries[k];
    const end = entry.end + delta;
    if (from < entry.lead || end - entry.start > text.length / 2) continue;
    // The indentation of the line after it is the next entry's: it must stay as it was.
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    if (entry.end < old.length && (to > entry.end || text.slice(lineStart, end) !== old.slice(old.lastIndexOf('\n', entry.end - 1) + 1, entry.end))) continue;
    const piece = text.slice(entry.start, end);
    if (!ownsItsLines(piece, entry.column)) continue;
    const path = entries.slice(0, k + 1);
    if (endsInComment(path)) continue;
    const alone = parsedAlone(piece, entry, MAX_NESTING - k - 1);
    if (alone === undefined) continue;
    return { path, items: alone.items, to, delta, docEnd: end === text.length ? alone.end : undefined };
  }
  return undefined;
}

// ---- Comments and blank lines ---------------------------------------------------------------------

/**
 * Characters that make KAM001 speak wherever they stand (control characters, lone surrogates, U+FFFD,
 * a byte order mark, a lone CR): an edit that brings or takes one away is checked in full.
 */
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFEFF\uFFFD\uFFFE\uFFFF\r]/;

/** How the offsets move when the edit touched only a comment or blank lines; undefined for any other edit. */
function triviaEdit(doc: Document, old: string, text: string, change: { from: number; to: number; delta: number }): Omit<Shift, 'previous'> | undefined {
  return commentEdit(doc, old, text, change) ?? blankLinesEdit(doc, old, text, change);
}

/** An edit within one line, after a `#` that starts a comment: the parser reads the same nodes. */
function commentEdit(doc: Document, old: string, text: string, { from, to, delta }: { from: number; to: number; delta: number }): Omit<Shift, 'previous'> | undefined {
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
function blankLinesEdit(doc: Document, old: string, text: string, { from, to, delta }: { from: number; to: number; delta: number }): Omit<Shift, 'previous'> | undefined {
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
function shiftDocument(doc: Document.Parsed, shift: Omit<Shift, 'previous'>): void {
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

/** Where two texts differ: [from, to) of the old one became [from, to + delta) of the new one. */
function changedRange(old: string, text: string): { from: number; to: number; delta: number } | undefined {
  if (old === text) return undefined;
  const shorter = Math.min(old.length, text.length);
  // Whole blocks first: comparing substrings runs natively, far faster than a loop over characters.
  let from = 0;
  while (from + BLOCK <= shorter && old.substr(from, BLOCK) === text.substr(from, BLOCK)) from += BLOCK;
  while (from < shorter && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  const most = shorter - from; // the common end may not overlap the common start
  let same = 0;
  while (same + BLOCK <= most && old.substr(old.length - same - BLOCK, BLOCK) === text.substr(text.length - same - BLOCK, BLOCK)) same += BLOCK;
  while (same < most && old.charCodeAt(old.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
  return { from, to: old.length - same, delta: text.length - old.length };
}

/**
 * The same change read as starting at the start of its line, when the characters allow (an insertion
 * or deletion whose last character is the one before it, step by step): `    - id: x` inserted before
 * `  financials:` shares its two spaces, and read from the line's start it lies after the list.
 */
function atLineStart(old: string, text: string, change: { from: number; to: number; delta: number }): { from: number; to: number; delta: number } {
  const { from, to, delta } = change;
  const inserted = from === to;
  if (!inserted && to - from !== -delta) return change;
  // The last character inserted (or deleted) must be the one before the change each step back.
  const last = (at: number) => (inserted ? text.charCodeAt(at + delta - 1) : old.charCodeAt(at + (to - from) - 1));
  for (let at = from; at > 0 && from - at < MAX_SLIDE; at--) {
    if (old.charCodeAt(at - 1) === 0x0a) return { from: at, to: at + (to - from), delta };
    if (last(at) !== old.charCodeAt(at - 1)) break;
  }
  return change;
}

const MAX_SLIDE = 200;

const BLOCK = 1024;

/**
 * The entries of block collections that hold [from, to), outermost first. Each holds it alone but the
 * innermost, which may be a run of entries of one collection.
 */
function entriesAround(doc: Document, text: string, from: number, to: number): Entry[] {
  const entries: Entry[] = [];
  let node: unknown = doc.contents;
  let end = text.length; // where the entries of this level end
  while ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const collection = node;
    const index = lastStartingBefore(collection, from);
    if (index < 0) break;
    const head = entryHead(collection, index, text);
    if (!head) break;
    // The run ends with the entry whose lines hold `to`: those of an entry end where the next one's key or `-` is.
    let last = Math.max(index, lastStartingBefore(collection, to));
    let next = last + 1 < collection.items.length ? entryHead(collection, last + 1, text) : undefined;
    if (next && next.lead - 1 < to) next = ++last + 1 < collection.items.length ? entryHead(collection, last + 1, text) : undefined;
    if (last + 1 < collection.items.length && !next) break;
    const entryEnd = next ? next.lead - 1 : end;
    if (to > entryEnd) break;
    entries.push({ collection, index, last, ...head, end: entryEnd });
    if (last > index) break;
    const item = collection.items[index];
    node = isPair(item) ? item.value : item;
    end = entryEnd;
  }
  return entries;
}

/** The item whose first character is the last at or before the offset, by binary search; -1 if none. */
function lastStartingBefore(collection: YAMLMap | YAMLSeq, offset: number): number {
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

function itemStart(item: unknown): number | undefined {
  const node = isPair(item) ? item.key : item;
  return isNode(node) ? node.range?.[0] : undefined;
}

/**
 * Where an entry's lines start, its column and its lead; undefined unless it opens its own line: a
 * plain or quoted key alone on the line up to it, or a list item's `-` with the item on the same line.
 */
function entryHead(collection: YAMLMap | YAMLSeq, index: number, text: string): Omit<Entry, 'collection' | 'index' | 'last' | 'end'> | undefined {
  const item = collection.items[index] as Pair | Node;
  const at = itemStart(item);
  if (at === undefined || (isPair(item) && !isScalar(item.key))) return undefined;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(start, at);
  if (isPair(item)) return /^ *$/.test(before) ? { start, column: before.length, lead: at + 1 } : undefined;
  const dash = /^( *)- +$/.exec(before);
  return dash ? { start, column: dash[1].length, lead: start + dash[1].length + 1 } : undefined;
}

/**
 * Whether every line after the first is blank, a comment, or indented at least as far as the column
 * (deeper: inside an entry; as deep: the next entry of the same collection), no line with text
 * follows a comment as shallow as the column, and the last line with text is not a comment: in place, comment lines at the end of an entry go with what follows it (the
 * next key's comment, or a collection's closing one), alone with the entry.
 */
function ownsItsLines(piece: string, column: number): boolean {
  if (/\r(?!\n)/.test(piece)) return false; // a lone CR: YAML and the editor may disagree on the lines
  let lastIsComment = false;
  let shallowComment = false;
  for (let nl = piece.indexOf('\n'); nl !== -1 && nl + 1 < piece.length; nl = piece.indexOf('\n', nl + 1)) {
    let at = nl + 1;
    while (piece.charCodeAt(at) === 0x20) at++;
    const c = piece[at];
    if (c === undefined || c === '\n' || c === '\r') continue;
    lastIsComment = c === '#';
    const indent = at - nl - 1;
    if (lastIsComment) shallowComment ||= indent <= column;
    // A comment no deeper than the entry, then more of it: in place, the parser may read what follows
    // it with the text after the piece (`a:`, `# c` at column 0, an indented value, then `b: 1`).
    else if (indent < column || shallowComment) return false;
  }
  return !lastIsComment;
}

/**
 * The piece parsed alone into the pairs or items it must be (one or more, of the entry's collection's
 * kind), with offsets of the whole text, and where its document ends; else undefined.
 */
function parsedAlone(piece: string, entry: Entry, maxNesting: number): { items: (Pair | Node)[]; end: number } | undefined {
  const doc = parseYaml(piece, maxNesting);
  const contents = doc.contents;
  if (doc.errors.length > 0 || !isCollection(contents) || contents.flow || contents.items.length === 0) return undefined;
  if (isMap(entry.collection) !== isMap(contents)) return undefined;
  // After the last entry, comment lines end a collection further out (the parser's `commentEnd`), which
  // one depending on their indentation: alone, they end the piece's own.
  const last = entry.last === entry.collection.items.length - 1;
  if (last && (contents.range[1] !== contents.range[2] || doc.comment)) return undefined;
  const items = contents.items as (Pair | Node)[];
  if (duplicateKeyErrors(contents).length > 0) return undefined;
  if (isMap(contents) && items.some((pair) => isDuplicateKey(entry, pair as Pair))) return undefined;
  for (const item of items) shiftFrom(item, 0, entry.start);
  return { items, end: doc.range[2] + entry.start };
}

/** Whether a pair of the map outside the run has the same key as a new one (as yaml's `uniqueKeys` compares). */
function isDuplicateKey(entry: Entry, pair: Pair): boolean {
  const key = isScalar(pair.key) ? pair.key.value : undefined;
  if (key === undefined || Number.isNaN(key)) return false;
  const { collection, index, last } = entry;
  return (collection as YAMLMap).items.some((other, i) => (i < index || i > last) && isScalar(other.key) && other.key.value === key);
}

/**
 * Puts the new entries in place of the old run and moves everything after the change by its length:
 * the later items of each collection on the way down, and the ends of the collections themselves. A
 * collection whose last item changed ends where that item now ends, as the parser sets it.
 */
function splice(doc: Document.Parsed, path: Entry[], replacement: (Pair | Node)[], change: { to: number; delta: number; docEnd?: number }): void {
  const { to, delta, docEnd } = change;
  const inner = path[path.length - 1];
  (inner.collection.items as unknown[]).splice(inner.index, inner.last - inner.index + 1, ...replacement);
  if (isMap(inner.collection)) forgetKeyIndex(inner.collection);
  for (let k = path.length - 1; k >= 0; k--) {
    const { collection } = path[k];
    const index = k === path.length - 1 ? inner.index + replacement.length - 1 : path[k].index;
    for (let i = index + 1; i < collection.items.length; i++) shiftFrom(collection.items[i], to, delta);
    const range = collection.range!;
    if (index < collection.items.length - 1) moveEnds(collection, to, delta);
    else range[1] = range[2] = itemEnd(collection.items[index]);
  }
  doc.range[1] = (doc.contents as Node).range![2];
  if (docEnd !== undefined) doc.range[2] = docEnd;
  else if (doc.range[2] >= to) doc.range[2] += delta;
}

/** Where the parser takes an item to end: its value's end including what trails it on its line. */
function itemEnd(item: unknown): number {
  const node = isPair(item) ? (isNode(item.value) ? item.value : item.key) : item;
  return (node as Node).range![2];
}

/**
 * Whether a collection on the way down ends after a comment of its own (the parser's `commentEnd`),
 * which ties its end to text outside the new entry when the entry is its last.
 */
function endsInComment(path: Entry[]): boolean {
  return path.some(({ collection, last }) => last === collection.items.length - 1 && collection.range![1] !== collection.range![2]);
}

/** Adds delta to every offset at or after `from` in the ranges of the item's nodes. */
function shiftFrom(item: unknown, from: number, delta: number): void {
  if (isPair(item)) {
    shiftFrom(item.key, from, delta);
    shiftFrom(item.value, from, delta);
    return;
  }
  if (!isNode(item)) return;
  moveEnds(item, from, delta);
  if (isCollection(item)) for (const child of item.items) shiftFrom(child, from, delta);
}

function moveEnds(node: { range?: [number, number, number] | null }, from: number, delta: number): void {
  const range = node.range;
  if (!range) return;
  for (let i = 0; i < 3; i++) if (range[i] >= from) range[i] += delta;
}
