// Where each line of a text starts and ends, found once per text: line numbers in messages, the
// cursor's line (yaml-path) and LSP positions for thousands of spans (symbols) are then a binary search
// away. Lines end as the editor ends them: at `\n`, `\r\n` or a lone `\r` (the `yaml` parser's own
// LineCounter ignores a lone `\r`, so a message would name another line than the editor shows).
import type { Span } from './types';

/** A place in the text as LSP gives it: a 0-based line and a UTF-16 column. */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[] = [];
  /** Where each line's text ends, before its line break. */
  private readonly ends: number[] = [];

  constructor(readonly text: string) {
    const { starts, ends } = this;
    let start = 0;
    if (!text.includes('\r')) {
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        starts.push(start);
        ends.push(end);
        start = end + 1;
      }
    } else {
      const breaks = /\r\n|\r|\n/g;
      for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
        starts.push(start);
        ends.push(m.index);
        start = m.index + m[0].length;
      }
    }
    starts.push(start);
    ends.push(text.length);
  }

  private static last?: LineIndex;

  /** The index of a text; the last one asked for is kept, as requests on one version come one after another. */
  static of(text: string): LineIndex {
    if (LineIndex.last?.text !== text) LineIndex.last = new LineIndex(text);
    return LineIndex.last;
  }

  get count(): number {
    return this.starts.length;
  }

  start(line: number): number {
    return this.starts[line];
  }

  end(line: number): number {
    return this.ends[line];
  }

  /** The line an offset is on: the last that starts at or before it. */
  lineAt(offset: number): number {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** An offset as TextDocument.positionAt gives it: clamped to the text, and never inside a line break. */
  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(at);
    return { line, character: Math.min(at, this.ends[line]) - this.starts[line] };
  }

  rangeOf(span: Span): { start: Position; end: Position } {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
