// Where the cursor stands in a plan's YAML, read from the text line by line (by indentation and
// `- ` dashes), not from the parse: completion must work on the half-typed line the parser cannot
// read yet (`  sta`, `roles: [gu`, `- `), and on a document with a syntax error further down.
// Block style is what plans are written in; flow sequences (`[a, b]`) are read where a value is typed.
// The queries are here (slotAt for completion, tokenAt for hover); the line scanner is yaml-scan.ts.
import { schemaAt } from '../engine/schema';
import type { Span } from '../engine/types';
import { KEY, lineOf, parseLine, readUpTo, unquote, walk, type Frame, type ReadOptions, type Structure } from './yaml-scan';

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
