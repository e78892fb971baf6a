// The line index (engine/lines.ts): the lines as the editor counts them, and positions
// exactly where TextDocument.positionAt puts them.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/lines';

/** Every line as [start, end], read through the index. */
function lines(text: string): [number, number][] {
  const index = LineIndex.of(text);
  return Array.from({ length: index.count }, (_, i) => [index.start(i), index.end(i)]);
}

/** Every offset from before the text to after it, placed by the index and by TextDocument. */
function assertPositionsAsTextDocument(text: string): void {
  const index = LineIndex.of(text);
  const document = TextDocument.create('file:///t.kam.yaml', 'kam-yaml', 1, text);
  for (let offset = -2; offset <= text.length + 2; offset++) {
    assert.deepEqual(index.positionAt(offset), document.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
  }
}

describe('services: line index', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, before the line break', () => {
    assert.deepEqual(lines('a\nbc\r\nd\re'), [
      [0, 1],
      [2, 4],
      [6, 7],
      [8, 9],
    ]);
    assert.deepEqual(lines(''), [[0, 0]]);
    assert.deepEqual(lines('a\n'), [
      [0, 1],
      [2, 2],
    ]);
    assert.deepEqual(lines('\r\n\r\n'), [
      [0, 0],
      [2, 2],
      [4, 4],
    ]);
  });

  it('finds the line of an offset, a line break counting with the line it ends', () => {
    const index = LineIndex.of('ab\r\ncd\n\nef');
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99].map((o) => index.lineAt(o)), [0, 0, 0, 0, 1, 1, 1, 2, 3, 3, 3, 3]);
    assert.equal(index.lineAt(-1), 0);
  });

  it('places every offset where TextDocument does: clamped, and never inside a line break', () => {
    for (const text of ['', 'kam: 1', 'a\nb', 'a\r\nb\r\n', 'a\rb\r', '\n\n', '\r\r\n\n', 'x\r\n\r\ny', '中文\n  - 名称: 值\r\n']) assertPositionsAsTextDocument(text);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '-', '\n', '\r', '\r\n', '中'), { maxLength: 30 }), (parts) => assertPositionsAsTextDocument(parts.join(''))),
      { numRuns: 300, seed: 4 },
    );
  });

  it('gives ranges of spans', () => {
    assert.deepEqual(LineIndex.of('goals:\n  - id: g1\n').rangeOf({ start: 9, end: 17 }), {
      start: { line: 1, character: 2 },
      end: { line: 1, character: 10 },
    });
  });

  it('keeps the index of the last text asked for', () => {
    const text = 'a\nb\n';
    assert.equal(LineIndex.of(text), LineIndex.of(text));
    assert.notEqual(LineIndex.of('c\n'), LineIndex.of(text));
  });
});
