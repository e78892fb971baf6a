import * as assert from 'node:assert/strict';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/services/folding';
import { example, linesMatching, planDocument } from './services-helpers';

const riverside = example('riverside-general');

const folds = (text: string) => foldingRanges(planDocument(text));
const has = (ranges: FoldingRange[], startLine: number, endLine: number, kind?: string) =>
  ranges.some((r) => r.startLine === startLine && r.endLine === endLine && r.kind === kind);
const line = (text: string, pattern: RegExp) => {
  const [n, ...more] = linesMatching(text, pattern);
  assert.equal(more.length, 0, `${pattern} matches several lines`);
  return n;
};

describe('services: folding ranges', () => {
  const ranges = folds(riverside);

  it('folds the diagnosis block from its key to its last line', () => {
    assert.ok(has(ranges, line(riverside, /^diagnosis:$/), line(riverside, /individual: Dr. Zhao is new to DRG/)));
    assert.ok(has(ranges, line(riverside, /^  purchasing_factors:$/), line(riverside, /individual: Dr. Zhao is new to DRG/)));
  });

  it('folds nested maps, lists and list entries', () => {
    assert.ok(has(ranges, line(riverside, /^  stakeholders:$/), line(riverside, /interests: \[Payment terms/) + 1));
    assert.ok(has(ranges, line(riverside, /- id: zhao$/), line(riverside, /last_contact: 2026-10-30/)));
    assert.ok(has(ranges, line(riverside, /^    regulatory:$/), line(riverside, /New DRG payment pilot/)));
    assert.ok(has(ranges, line(riverside, /^account:$/), line(riverside, /next_review:/)));
  });

  it('does not fold one-line values', () => {
    const roles = line(riverside, /roles: \[decision-maker, influencer\]/);
    assert.ok(!ranges.some((r) => r.startLine === roles));
    for (const r of ranges) assert.ok(r.endLine > r.startLine);
    assert.equal(new Set(ranges.map((r) => r.startLine)).size, ranges.length, 'one range per start line');
  });

  it('folds a run of comment lines, not a single one, nor `#` inside a block scalar', () => {
    assert.ok(has(ranges, 0, 1, FoldingRangeKind.Comment));
    const text = [
      '# one',
      'account:',
      '  name: X',
      '  # a single comment',
      '  segment: Y',
      'forecast:',
      '  # first',
      '  # second',
      '',
      '  # third',
      '  changes:',
      '    - |',
      '      # not a comment',
      '      # nor this',
      '',
    ].join('\n');
    const comments = folds(text).filter((r) => r.kind === FoldingRangeKind.Comment);
    assert.deepEqual(comments, [{ startLine: 6, endLine: 7, kind: FoldingRangeKind.Comment }]);
  });

  it('gives the same lines for CRLF', () => {
    assert.deepEqual(folds(riverside.replace(/\n/g, '\r\n')), ranges);
  });

  for (const text of ['', 'scalar', '- a\n- b\n', 'a: [1,\n  2\n', 'diagnosis:\n  x: : y\n  - z\n', '# a\n# b\n']) {
    it(`copes with ${JSON.stringify(text)}`, () => {
      const result = folds(text);
      for (const r of result) assert.ok(r.endLine > r.startLine);
    });
  }
});
