// Where the cursor stands in a plan's YAML, read from the text line by line (by indentation and
// `- ` dashes), not from the parse: completion must work on the half-typed line the parser cannot
// read yet (`  sta`, `roles: [gu`, `- `), and on a document with a syntax error further down.
// Block style is what plans are written in; flow sequences (`[a, b]`) are read where a value is typed.
import { schemaAt } from '../engine/schema';
import type { Span } from '../engine/types';

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

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), start });
  return lines;
}

function lineIndexAt(lines: readonly Line[], offset: number): number {
  let i = lines.length - 1;
  while (i > 0 && lines[i].start > offset) i--;
  return i;
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
  readonly items = new Map<number, { text: string; line: number }[]>();

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
    const hasValue = parts.value !== undefined && !PROPERTY_ONLY.test(parts.value.text);
    if (parts.key) {
      const map = this.closeForKey(parts.column);
      record(this.keys, map.id, { name: parts.key.name, line });
      this.push('key', parts.column, [...map.path, parts.key.name]);
      if (hasValue) {
        this.continuation = parts.column;
        this.lastInline = { parts, container: map };
      }
    } else if (hasValue && opened.length > 0) {
      record(this.items, opened[opened.length - 1].list!.id, { text: unquote(parts.value!.text), line });
      this.continuation = parts.dashes[parts.dashes.length - 1];
      this.lastInline = undefined;
    }
    return opened;
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

/** The structure of the lines before the cursor's line. */
function readUpTo(text: string, offset: number): { structure: Structure; lines: Line[]; stop: number } {
  const lines = splitLines(text);
  const stop = lineIndexAt(lines, offset);
  const structure = new Structure();
  for (let i = 0; i < stop; i++) structure.feed(i, parseLine(lines[i]));
  return { structure, lines, stop };
}

type AtCursor<T> = (s: Structure, line: Line, index: number, parts: LineParts | undefined) => ((done: Structure) => T) | undefined;

/**
 * Reads every line before the cursor's and hands that line to `at`. Unless `at` found nothing,
 * reads the rest and completes what `at` returned with the whole structure (a map's keys below
 * the cursor count too).
 */
function walk<T>(text: string, offset: number, at: AtCursor<T>): T | undefined {
  const { structure, lines, stop } = readUpTo(text, offset);
  const finish = at(structure, lines[stop], stop, parseLine(lines[stop]));
  if (!finish) return undefined;
  for (let i = stop + 1; i < lines.length; i++) structure.feed(i, parseLine(lines[i]));
  return finish(structure);
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
export function slotAt(text: string, offset: number): Slot | undefined {
  return walk<Slot>(text, offset, (s, line, index, parts) => {
    const column = offset - line.start;
    const before = line.text.slice(0, column);

    // A line inside a flow list that began on an earlier line (`with: [zhao,` ⏎ `wa`).
    if (s.isContinuation(parts?.indent ?? before.length - before.trimStart().length)) {
      const inline = s.lastInline;
      const key = inline?.parts.key?.name;
      const flow = key === undefined ? undefined : flowAt(text, inline!.parts.value!.span.start, offset);
      return flow && (() => itemSlot([...inline!.container.path, key!], key!, flow));
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
      if (flow) return () => itemSlot(path, key, flow);
      const typed = /^\s*(["']?)/.exec(text.slice(valueStart, offset))!;
      const from = valueStart + typed[0].length;
      if (/[\s#]/.test(text.slice(from, offset))) return undefined;
      const slot: ValueSlot = { kind: 'value', path, key, inList: false, present: [], range: { start: from, end: wordEnd(text, offset, VALUE_STOP) } };
      return () => slot;
    }

    // `- ` opens an item: the first key of a map, or a value in a list of values, as the schema says.
    if (item && !schemaAt(item.path)?.properties) {
      const typed = /^(["']?)[^\s,[\]{}#:"']*$/.exec(rest);
      if (!typed) return undefined;
      const key = lastKey(item.path);
      const range = { start: wordStart + typed[1].length, end: wordEnd(text, offset, VALUE_STOP) };
      return (done) => ({
        kind: 'value',
        path: item.path,
        key,
        inList: true,
        present: (done.items.get(item.list!.id) ?? []).filter((e) => e.line !== index).map((e) => e.text),
        range,
      });
    }
    if (!/^[A-Za-z0-9_-]*$/.test(rest)) return undefined;
    return (done) => keySlot(done, map, index, text, wordStart, offset, lead[1].length);
  });
}

/** The last key on a path: the key a value or a list item belongs to. */
function lastKey(path: YamlPath): string {
  return [...path].reverse().find((step): step is string => typeof step === 'string') ?? '';
}

function keySlot(s: Structure, map: Frame, line: number, text: string, wordStart: number, offset: number, indent: number): KeySlot {
  const end = wordEnd(text, offset, KEY_STOP);
  const present = new Set((s.keys.get(map.id) ?? []).filter((k) => k.line !== line).map((k) => k.name));
  const lineStart = text.lastIndexOf('\n', wordStart - 1) + 1;
  return {
    kind: 'key',
    container: map.path,
    present,
    range: { start: wordStart, end },
    colonFollows: /^[ \t]*:/.test(text.slice(end)),
    column: wordStart - lineStart,
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
export function tokenAt(text: string, offset: number): Token | undefined {
  const { structure: s, lines, stop } = readUpTo(text, offset);
  const parts = parseLine(lines[stop]);
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
