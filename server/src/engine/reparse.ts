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
// Edits of comments and blank lines parse nothing (trivia-edit.ts).
//
// Every reused version says what the edit changed (`Reparsed.edit`): the model and the rules use it to
// read again only that (parse.ts, check.ts). The collections that held the replaced entries are
// forgotten by every answer kept per node (node-memo.ts).
import { isCollection, isMap, isNode, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { MAX_NESTING } from './limits';
import type { Plan, Shift } from './model';
import { forgetNodes } from './node-memo';
import { shiftDocument, triviaEdit, type Change } from './trivia-edit';
import { itemStart, lastStartingBefore } from './yaml-nodes';
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
  /** Where the texts differ, and the top-level keys whose values changed (none when only offsets moved; undefined: any may have). */
  edit: Change & { sections?: readonly string[] };
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
  const { from, to, delta } = change;
  if ('shift' in change) {
    shiftDocument(doc, change.shift);
    return { doc, shift: change.shift, edit: { from, to, delta, sections: [] } };
  }
  splice(doc, change.path, change.items, change);
  return { doc, edit: { from, to, delta, sections: sectionsOf(change.path) } };
}

/**
 * What the edit changed, as reparseDocument reads it, with the previous document left untouched: only
 * offsets moved (a comment or blank lines), or a run of entries (the innermost of `path`, from `index`
 * to `last`) that reads as `items` in the new text; [from, to) of the old text became [from, to + delta).
 */
export type ReparsedChange = Change & ({ shift: Omit<Shift, 'previous'> } | { path: Entry[]; items: (Pair | Node)[]; docEnd?: number });

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
  if (shift && shift.at < contents!.range![2]) return { ...change, shift };
  // A whole line inserted or deleted reads, character by character, as starting after the next line's
  // indentation; read from the line's start it may lie between two entries instead.
  const moved = atLineStart(old, text, change);
  return changedEntries(doc, old, text, change) ?? (moved === change ? undefined : changedEntries(doc, old, text, moved));
}

function changedEntries(doc: Document.Parsed, old: string, text: string, change: Change): ReparsedChange | undefined {
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
    if (alone === undefined || emptyItemAtSeam(entry, alone.items)) continue;
    // The document's end takes in what trails the last entry: alone, the piece ends the same way.
    return { ...change, path, items: alone.items, docEnd: end === text.length ? alone.end : undefined };
  }
  return undefined;
}

/**
 * Whether an empty item of a block list (`- `, `- &anchor`, `- !tag`) stands first among the new items
 * or right after them. Where such an item follows a comment line, the parser takes its end to include
 * the line break, and the comment lies outside the piece parsed alone, or the item outside the piece
 * that brought the comment (found by `npm run fuzz`): the entry around is parsed instead.
 */
function emptyItemAtSeam(entry: Entry, items: readonly (Pair | Node)[]): boolean {
  if (!isSeq(entry.collection)) return false;
  const empty = (item: unknown) => isScalar(item) && item.range![0] === item.range![1];
  return empty(items[0]) || empty(entry.collection.items[entry.last + 1]);
}

/** Where two texts differ: [from, to) of the old one became [from, to + delta) of the new one. */
function changedRange(old: string, text: string): Change | undefined {
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
function atLineStart(old: string, text: string, change: Change): Change {
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
  // An empty value that ends the piece takes in the blank lines after it, alone; in place the parser
  // ends it at its own line (`account: # note`, a blank line, `goals:`; or within an entry, before the
  // indentation of its next key).
  if (/\n *\r?\n *$/.test(piece) && endsInEmptyValue(contents)) return undefined;
  if (duplicateKeyErrors(contents).length > 0) return undefined;
  if (isMap(contents) && items.some((pair) => isDuplicateKey(entry, pair as Pair))) return undefined;
  for (const item of items) shiftFrom(item, 0, entry.start);
  return { items, end: doc.range[2] + entry.start };
}

/** Whether the last value written in a collection, at any depth, is empty (a null scalar). */
function endsInEmptyValue(collection: YAMLMap | YAMLSeq): boolean {
  let node: unknown = collection;
  while (isCollection(node)) {
    const item = node.items[node.items.length - 1];
    node = isPair(item) ? item.value : item;
  }
  return node === null || node === undefined || (isScalar(node) && node.value === null);
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
  forgetNodes(path.map((entry) => entry.collection));
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

/**
 * The top-level key whose value held the replaced entries, when they lie within one (its key's line
 * is then unchanged); undefined when top-level entries themselves were replaced, or the document is
 * a list.
 */
function sectionsOf(path: Entry[]): string[] | undefined {
  const top = path[0];
  if (path.length < 2 || !isMap(top.collection)) return undefined;
  const key = (top.collection.items[top.index] as Pair).key;
  return isScalar(key) ? [String(key.value)] : undefined;
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
