// The scanner under yaml-path.ts: plan text read line by line by its layout (indentation, `- `
// dashes, `key:`), into the open maps and lists around an offset, without the parser. Only the lines
// the answer needs are read (see skipItems): on a 30,000-line plan a millisecond or two.
import { LineIndex } from '../engine/lines';
import type { Span } from '../engine/types';
import type { YamlPath } from './yaml-path';

interface Line {
  text: string;
  start: number;
}

/** One line read by its layout: indentation, the columns of its leading dashes, then `key: value` or a value. */
interface LineParts {
  indent: number;
  dashes: number[];
  /** Where the content after the dashes starts. */
  column: number;
  key?: { name: string; span: Span };
  /** The value after `key:` or after the dashes, a comment left out. */
  value?: { text: string; span: Span };
}

/** An open map key or list item on the way from the root to the current line. */
export interface Frame {
  id: number;
  /** The key's column, or the dash's for a list item. */
  column: number;
  kind: 'key' | 'item';
  path: YamlPath;
  /** Items seen so far in the list this frame holds. */
  items: number;
  /** For an item, the frame of its list. */
  list?: Frame;
}

export const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},][^#]*?)[ \t]*:(?=\s|$)/;
/** A value that only labels what follows (`&anchor`, `!tag`): the value itself is on the next lines. */
const PROPERTY_ONLY = /^[&!]\S*$/;

const WHITESPACE = /\s/;

export function lineOf(lines: LineIndex, i: number): Line {
  return { text: lines.text.slice(lines.start(i), lines.end(i)), start: lines.start(i) };
}

/** A line's indentation as parseLine counts it (any whitespace); -1 for a blank line or a comment. */
function indentOf(lines: LineIndex, i: number): number {
  const { text } = lines;
  const start = lines.start(i);
  const end = lines.end(i);
  let at = start;
  for (; at < end; at++) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 9 && !((c > 127 || c === 11 || c === 12) && WHITESPACE.test(text[at]))) break;
  }
  return at === end || text[at] === '#' ? -1 : at - start;
}

/** Whether a line has a list dash (`- `, or `-` ending the line) at this column. */
function dashAt(lines: LineIndex, i: number, column: number): boolean {
  const at = lines.start(i) + column;
  const next = at + 1 === lines.end(i) ? ' ' : lines.text[at + 1];
  return lines.text[at] === '-' && (next === ' ' || next === '\t');
}

/** Where a comment starts in a value (a `#` after a blank, outside quotes); the text's length if none. */
function commentStart(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      if (i === from || /[\s[{,]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === from || /\s/.test(text[i - 1]))) return i;
  }
  return text.length;
}

export function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

export function parseLine({ text, start }: Line): LineParts | undefined {
  const indent = text.length - text.trimStart().length;
  if (indent === text.length || text[indent] === '#') return undefined;
  const dashes: number[] = [];
  let column = indent;
  for (let m = /^-(?:[ \t]+|$)/.exec(text.slice(column)); m; m = /^-(?:[ \t]+|$)/.exec(text.slice(column))) {
    dashes.push(column);
    column += m[0].length;
  }
  const parts: LineParts = { indent, dashes, column };
  let valueFrom = column;
  const key = KEY.exec(text.slice(column));
  if (key) {
    parts.key = { name: unquote(key[1]), span: { start: start + column, end: start + column + key[1].length } };
    valueFrom = column + key[0].length;
  }
  const end = commentStart(text, valueFrom);
  const raw = text.slice(valueFrom, end);
  const value = raw.trim();
  if (value !== '') {
    const at = valueFrom + raw.indexOf(value);
    parts.value = { text: value, span: { start: start + at, end: start + at + value.length } };
  }
  return parts;
}

/** Follows the block structure line by line: which map or list each line belongs to. */
export class Structure {
  private nextId = 1;
  readonly stack: Frame[] = [{ id: 0, column: -1, kind: 'key', path: [], items: 0 }];
  /** Lines indented deeper than this continue the last inline value (multi-line text, a flow list). */
  continuation?: number;
  /** The last line with an inline value: where a multi-line flow list starts. */
  lastInline?: { parts: LineParts; container: Frame };
  /** The keys of each map and the scalar items of each list, by frame, with their line. */
  readonly keys = new Map<number, { name: string; line: number }[]>();
  private readonly items = new Map<number, { text: string; line: number }[]>();
  /** The lines of the items passed over unread (skipItems), by list: read only when asked for (itemsOf). */
  private readonly passed = new Map<number, number[]>();

  constructor(private readonly lines: LineIndex) {}

  top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  /** The frame a key at this column belongs to (popping what it closes). */
  closeForKey(column: number): Frame {
    while (this.stack.length > 1 && this.top().column >= column) this.stack.pop();
    return this.top();
  }

  /** The list a dash at this column adds to; a list may stand at its key's own column. */
  closeForItem(column: number): Frame {
    while (this.stack.length > 1 && (this.top().column > column || (this.top().column === column && this.top().kind === 'item'))) this.stack.pop();
    return this.top();
  }

  private push(kind: Frame['kind'], column: number, path: YamlPath, list?: Frame): Frame {
    const frame: Frame = { id: this.nextId++, column, kind, path, items: 0, list };
    this.stack.push(frame);
    return frame;
  }

  /** Whether a line indented this far continues the last inline value. */
  isContinuation(indent: number): boolean {
    return this.continuation !== undefined && indent > this.continuation;
  }

  /** Reads one line; returns the item frames its dashes opened. */
  feed(line: number, parts: LineParts | undefined): Frame[] {
    if (!parts) return [];
    if (this.isContinuation(parts.indent)) return [];
    this.continuation = undefined;
    const opened: Frame[] = [];
    for (const column of parts.dashes) {
      const list = this.closeForItem(column);
      opened.push(this.push('item', column, [...list.path, list.items++], list));
    }
    const valued = hasValue(parts);
    if (parts.key) {
      const map = this.closeForKey(parts.column);
      record(this.keys, map.id, { name: parts.key.name, line });
      this.push('key', parts.column, [...map.path, parts.key.name]);
      if (valued) {
        this.continuation = parts.column;
        this.lastInline = { parts, container: map };
      }
    } else if (valued && opened.length > 0) {
      record(this.items, opened[opened.length - 1].list!.id, { text: unquote(parts.value!.text), line });
      this.continuation = parts.dashes[parts.dashes.length - 1];
      this.lastInline = undefined;
    }
    return opened;
  }

  /** Counts items of `list` that are passed over unread (skipItems); they come before any item read. */
  pass(list: Frame, items: number[]): void {
    list.items += items.length;
    this.passed.set(list.id, items);
  }

  /** The scalar items of a list (`- text`), with their lines. */
  itemsOf(list: Frame): { text: string; line: number }[] {
    const read = this.items.get(list.id) ?? [];
    const passed = this.passed.get(list.id);
    if (!passed) return read;
    const scalars: { text: string; line: number }[] = [];
    for (const line of passed) {
      // What `feed` records: a value after the line's only dash (a second dash would open a list inside).
      const parts = parseLine(lineOf(this.lines, line))!;
      if (parts.dashes.length === 1 && !parts.key && hasValue(parts)) scalars.push({ text: unquote(parts.value!.text), line });
    }
    return [...scalars, ...read];
  }

  /**
   * Reads the cursor's line. Returns the frame its content at `column` belongs to: the item the
   * line's dashes opened, else the map a key at that column would join.
   */
  readHolder(line: number, parts: LineParts | undefined, column: number): { holder: Frame; item?: Frame } {
    const before = [...this.stack];
    const opened = this.feed(line, parts);
    const item = opened[opened.length - 1];
    if (item) return { holder: item, item };
    let i = before.length - 1;
    while (i > 0 && before[i].column >= column) i--;
    return { holder: before[i] };
  }
}

function record<T>(map: Map<number, T[]>, id: number, entry: T): void {
  const list = map.get(id);
  if (list) list.push(entry);
  else map.set(id, [entry]);
}

/** Whether a line has a value of its own (not only `&anchor` or `!tag` before the value's lines). */
function hasValue(parts: LineParts): boolean {
  return parts.value !== undefined && !PROPERTY_ONLY.test(parts.value.text);
}

/** How the lines are read: `everyLine` does not pass over list items (what the tests compare the pass with). */
export interface ReadOptions {
  everyLine?: boolean;
}

/**
 * Feeds lines `from` to `to` (excluded) to the structure, passing over finished list items (skipItems).
 * With `open`, stops once that frame is closed: no line after it can add to it.
 */
function read(s: Structure, lines: LineIndex, from: number, to: number, options: ReadOptions, open?: Frame): void {
  for (let i = from; i < to; ) {
    if (open && !s.stack.includes(open)) return;
    const top = s.top();
    s.feed(i, parseLine(lineOf(lines, i)));
    const pushed = s.top();
    // A key without a value (`goals:`): a block list may follow.
    const listMayFollow = pushed !== top && pushed.kind === 'key' && s.continuation === undefined;
    i = listMayFollow && !options.everyLine ? skipItems(s, lines, pushed, i + 1, to) : i + 1;
  }
}

/**
 * Passes over the items of the block list under `key` (a key without a value, just read) before
 * `to`, all but the last: counts them as reading them would have, and keeps their lines for their
 * values (Structure.itemsOf). Returns the line of the last item (or `from` when there is nothing to pass over).
 *
 * This is exact while every line below the key is indented at least as far as the list's first dash
 * (column c, not left of the key) and every line at column c is an item: nothing then closes the key
 * or continues a value at column c, each item's dash lands in this list and closes whatever the
 * item before opened, so the state after the last item's dash does not depend on the lines between.
 * The first line that breaks the rule ends the pass.
 */
function skipItems(s: Structure, lines: LineIndex, key: Frame, from: number, to: number): number {
  let column = -1;
  const items: number[] = [];
  for (let i = from; i < to; i++) {
    const indent = indentOf(lines, i);
    if (indent < 0) continue;
    if (indent < (column < 0 ? key.column : column)) break;
    if (column < 0 || indent === column) {
      if (!dashAt(lines, i, indent)) break;
      column = indent;
      items.push(i);
    }
  }
  const last = items.pop();
  if (last === undefined || items.length === 0) return from;
  s.pass(key, items);
  return last;
}

/** The structure of the lines before the cursor's line. */
export function readUpTo(text: string, offset: number, options: ReadOptions): { structure: Structure; lines: LineIndex; stop: number } {
  const lines = LineIndex.of(text);
  const stop = lines.lineAt(offset);
  const structure = new Structure(lines);
  read(structure, lines, 0, stop, options);
  return { structure, lines, stop };
}

/** What the cursor's line makes of the place: completed once the lines below that count are read. */
interface Found<T> {
  /** The map or list whose keys or items the answer lists: the lines below are read while it is open. */
  reads?: Frame;
  finish(done: Structure): T;
}

type AtCursor<T> = (s: Structure, line: Line, index: number, parts: LineParts | undefined) => Found<T> | undefined;

/**
 * Reads the lines before the cursor's and hands that line to `at`. Unless `at` found nothing,
 * reads on below while the frame it `reads` is open (a map's keys below the cursor count too) and
 * completes what it found with the whole structure.
 */
export function walk<T>(text: string, offset: number, options: ReadOptions, at: AtCursor<T>): T | undefined {
  const { structure, lines, stop } = readUpTo(text, offset, options);
  const line = lineOf(lines, stop);
  const found = at(structure, line, stop, parseLine(line));
  if (!found) return undefined;
  if (found.reads) read(structure, lines, stop + 1, lines.count, options, found.reads);
  return found.finish(structure);
}

/** The characters of a word that go on after the cursor (the rest of a key or a scalar being edited). */
