// Fixes are built as plain offset edits over the plan text (the unit the engine speaks) and turned
// into LSP TextEdits only at the end. Small edits, never a re-serialised document: every comment,
// blank line and byte the fix does not mean to touch stays as written.
import type { Span } from '../../engine/types';

/** Replace `text[start, end)` with `newText`; an insertion when start === end. */
export interface Edit extends Span {
  newText: string;
}

/**
 * The edits sorted by offset, with touching ones joined into one edit (an insertion at the end of a
 * deletion, two insertions at one place: in the order given). Undefined when two edits overlap.
 */
export function mergeEdits(edits: readonly Edit[]): Edit[] | undefined {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  const out: Edit[] = [];
  for (const { e } of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) return undefined;
    if (last && e.start === last.end) out[out.length - 1] = { start: last.start, end: e.end, newText: last.newText + e.newText };
    else out.push({ ...e });
  }
  return out.filter((e) => e.start !== e.end || e.newText !== '');
}

/** The text after non-overlapping edits (offsets refer to the original text). */
export function applyOffsetEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line holding `offset` ends, before its `\n` or `\r\n` (a trailing comment is on the line). */
export function lineEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end === -1) return text.length;
  if (end > 0 && text[end - 1] === '\r') end--;
  return end;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The end of the last line with content in `[from, to)`: where lines can be added after a node. */
export function endOfLastLine(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return lineEnd(text, end);
}

/**
 * Past the comment lines just below the line end `at` that are indented deeper than `column`: they
 * belong to what ends there (a commented-out item, a note on the last key), so new lines go after them.
 */
export function pastOwnComments(text: string, at: number, column: number): number {
  for (;;) {
    const next = text.indexOf('\n', at);
    if (next === -1) return at;
    const end = lineEnd(text, next + 1);
    const line = text.slice(next + 1, end);
    const body = line.trimStart();
    if (!body.startsWith('#') || line.length - body.length <= column) return at;
    at = end;
  }
}

export function spaces(n: number): string {
  return ' '.repeat(Math.max(0, n));
}
