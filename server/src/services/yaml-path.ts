// Where the cursor stands in a plan's YAML, read from the text line by line (by indentation and
// `- ` dashes), not from the parse: completion must work on the half-typed line the parser cannot
// read yet (`  sta`, `roles: [gu`, `- `), and on a document with a syntax error further down.
// Block style is what plans are written in; flow sequences (`[a, b]`) are read where a value is typed.
// The lines are read from the top, but of the items of a block list before the cursor's only the
// indentation is looked at (see skipItems), and below the cursor only as far as the answer needs: on
// a 30,000-line plan that is a millisecond or two instead of reading every line.
import { schemaAt } from '../engine/schema';
import type { Span } from '../engine/types';
import { LineIndex } from '../engine/lines';

/** Map keys and list indexes from the document root, as `schemaAt` takes them. */
export type YamlPath = (string | number)[];

/** A key being typed: the keys of the map at `container` are valid here. */
export interface KeySlot {
  kind: 'key';
  container: YamlPath;
  /** Keys the map already has on other lines. */
  present: ReadonlySet<string>;
  /** The word to replace (the key typed so far, and the rest of it after the cursor). */
  range: Span;
  /** A `:` already follows the word: insert the key alone. */
  colonFollows: boolean;
  /** The key's column and the indentation of its line (they differ after `- `). */
  column: number;
  indent: number;
}

/** A value being typed: of `key` itself, or (`inList`) an item of the list `key` holds. */
export interface ValueSlot {
  kind: 'value';
  /** The value's path: `[..., 'roles', 2]` for the third role. */
  path: YamlPath;
  key: string;
  inList: boolean;
  /** The list's other items (in the same flow or block list). */
  present: readonly string[];
  range: Span;
}

export type Slot = KeySlot | ValueSlot;

/** A key, or a scalar value, under the cursor (what hover explains). */
export type Token = { kind: 'key'; path: YamlPath; span: Span } | { kind: 'value'; path: YamlPath; key: string; text: string; span: Span };

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
interface Frame {
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

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},][^#]*?)[ \t]*:(?=\s|$)/;
/** A value that only labels what follows (`&anchor`, `!tag`): the value itself is on the next lines. */
const PROPERTY_ONLY = /^[&!]\S*$/;

const WHITESPACE = /\s/;

function lineOf(lines: LineIndex, i: number): Line {
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

function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

function parseLine({ text, start }: Line): LineParts | undefined {
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
class Structure {
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
function readUpTo(text: string, offset: number, options: ReadOptions): { structure: Structure; lines: LineIndex; stop: number } {
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
function walk<T>(text: string, offset: number, options: ReadOptions, at: AtCursor<T>): T | undefined {
  const { structure, lines, stop } = readUpTo(text, offset, options);
  const line = lineOf(lines, stop);
  const found = at(structure, line, stop, parseLine(line));
  if (!found) return undefined;
  if (found.reads) read(structure, lines, stop + 1, lines.count, options, found.reads);
  return found.finish(structure);
}

/** The characters of a word that go on after the cursor (the rest of a key or a scalar being edited). */
function wordEnd(text: string, from: number, stops: RegExp): number {
  let end = from;
  while (end < text.length && !stops.test(text[end])) end++;
  return end;
}

const VALUE_STOP = /[\s,[\]{}#"']/;
const KEY_STOP = /[^A-Za-z0-9_-]/;

/** The completion slot at an offset, or undefined where nothing is typed that the format defines. */
export function slotAt(text: string, offset: number, options: ReadOptions = {}): Slot | undefined {
  return walk<Slot>(text, offset, options, (s, line, index, parts) => {
    const column = offset - line.start;
    const before = line.text.slice(0, column);

    // A line inside a flow list that began on an earlier line (`with: [zhao,` ⏎ `wa`).
    if (s.isContinuation(parts?.indent ?? before.length - before.trimStart().length)) {
      const inline = s.lastInline;
      const key = inline?.parts.key?.name;
      const flow = key === undefined ? undefined : flowAt(text, inline!.parts.value!.span.start, offset);
      return flow && { finish: () => itemSlot([...inline!.container.path, key!], key!, flow) };
    }

    const lead = /^( *)((?:-[ \t]+)*)/.exec(before)!;
    const dashCount = lead[2].split('-').length - 1;
    const rest = before.slice(lead[0].length);
    const wordStart = line.start + lead[0].length;
    // The cursor is before the line's dashes end: nothing to offer there.
    if (parts && dashCount < parts.dashes.length) {
      s.feed(index, parts);
      return undefined;
    }
    const { holder: map, item } = s.readHolder(index, parts, lead[0].length);

    const keyed = KEY.exec(rest);
    if (keyed) {
      const key = unquote(keyed[1]);
      const path = [...map.path, key];
      const valueStart = wordStart + keyed[0].length;
      const flow = flowAt(text, valueStart, offset);
      if (flow) return { finish: () => itemSlot(path, key, flow) };
      const typed = /^\s*(["']?)/.exec(text.slice(valueStart, offset))!;
      const from = valueStart + typed[0].length;
      if (/[\s#]/.test(text.slice(from, offset))) return undefined;
      const slot: ValueSlot = { kind: 'value', path, key, inList: false, present: [], range: { start: from, end: wordEnd(text, offset, VALUE_STOP) } };
      return { finish: () => slot };
    }

    // `- ` opens an item: the first key of a map, or a value in a list of values, as the schema says.
    if (item && !schemaAt(item.path)?.properties) {
      const typed = /^(["']?)[^\s,[\]{}#:"']*$/.exec(rest);
      if (!typed) return undefined;
      const key = lastKey(item.path);
      const range = { start: wordStart + typed[1].length, end: wordEnd(text, offset, VALUE_STOP) };
      return {
        reads: item.list,
        finish: (done) => ({
          kind: 'value',
          path: item.path,
          key,
          inList: true,
          present: done.itemsOf(item.list!).filter((e) => e.line !== index).map((e) => e.text),
          range,
        }),
      };
    }
    if (!/^[A-Za-z0-9_-]*$/.test(rest)) return undefined;
    return { reads: map, finish: (done) => keySlot(done, map, index, text, wordStart, offset, lead[0].length, lead[1].length) };
  });
}

/** The last key on a path: the key a value or a list item belongs to. */
function lastKey(path: YamlPath): string {
  return [...path].reverse().find((step): step is string => typeof step === 'string') ?? '';
}

function keySlot(s: Structure, map: Frame, line: number, text: string, wordStart: number, offset: number, column: number, indent: number): KeySlot {
  const end = wordEnd(text, offset, KEY_STOP);
  const present = new Set((s.keys.get(map.id) ?? []).filter((k) => k.line !== line).map((k) => k.name));
  return {
    kind: 'key',
    container: map.path,
    present,
    range: { start: wordStart, end },
    colonFollows: /^[ \t]*:/.test(text.slice(end)),
    column,
    indent,
  };
}

/** The list items of a flow sequence and which one the cursor is in. */
interface Flow {
  items: string[];
  index: number;
  range: Span;
}

/**
 * Whether the cursor is inside a flow sequence that starts at `from` (`[zhao, wa|`), and the
 * items around it. Quotes and comments are skipped; a nested collection is not a slot.
 */
function flowAt(text: string, from: number, offset: number): Flow | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = from; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) i = lineEnd(text, i) - 1;
    else if (c === '[' || c === '{') open.push(i);
    else if (c === ']' || c === '}') open.pop();
    else if (open.length === 0 && !/\s/.test(c)) return undefined; // a plain value, not a list
  }
  if (open.length !== 1 || text[open[0]] !== '[') return undefined;
  // The whole list: to its `]`, or to the end of the cursor's line while it is still open.
  const start = open[0] + 1;
  let end = start;
  let depth = 0;
  const limit = lineEnd(text, offset);
  for (quote = undefined; end < text.length && (end < limit || end < offset); end++) {
    const c = text[end];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (c === '#' && /\s/.test(text[end - 1])) end = lineEnd(text, end) - 1;
  }
  const items: string[] = [];
  let index = -1;
  let range: Span = { start: offset, end: offset };
  let itemStart = start;
  for (const part of text.slice(start, end).split(',')) {
    const itemEnd = itemStart + part.length;
    const lead = /^\s*(["']?)/.exec(part)!;
    const word = part.trim().replace(/^["']|["']$/g, '');
    if (offset >= itemStart && offset <= itemEnd && index < 0) {
      index = items.length;
      const wordStart = itemStart + lead[0].length;
      range = { start: Math.min(wordStart, offset), end: wordEnd(text, offset, VALUE_STOP) };
    }
    items.push(word);
    itemStart = itemEnd + 1;
  }
  return { items, index, range };
}

function lineEnd(text: string, from: number): number {
  const m = /\r|\n/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

function itemSlot(listPath: YamlPath, key: string, flow: Flow): ValueSlot {
  return {
    kind: 'value',
    path: [...listPath, flow.index],
    key,
    inList: true,
    present: flow.items.filter((item, i) => i !== flow.index && item !== ''),
    range: flow.range,
  };
}

/** The key or the scalar value under an offset, with its path (the lines below play no part). */
export function tokenAt(text: string, offset: number, options: ReadOptions = {}): Token | undefined {
  const { structure: s, lines, stop } = readUpTo(text, offset, options);
  const parts = parseLine(lineOf(lines, stop));
  if (!parts || s.isContinuation(parts.indent)) return undefined;
  const { holder } = s.readHolder(stop, parts, parts.column);
  const inside = (span: Span) => span.start <= offset && offset < span.end;
  if (parts.key && inside(parts.key.span)) return { kind: 'key', path: [...holder.path, parts.key.name], span: parts.key.span };
  const value = parts.value;
  if (!value || !inside(value.span) || /^[[{]/.test(value.text)) return undefined;
  const path = parts.key ? [...holder.path, parts.key.name] : holder.path;
  const quoted = /^(["']).*\1$/.test(value.text);
  const span = quoted ? { start: value.span.start + 1, end: value.span.end - 1 } : value.span;
  return { kind: 'value', path, key: lastKey(path), text: unquote(value.text), span };
}
