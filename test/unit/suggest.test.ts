import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance, nearest } from '../../server/src/engine/suggest';
import { normalizeRole, ROLE_NAMES } from '../../server/src/engine/roles';

describe('suggestions', () => {
  it('offers the nearest key for a typo', () => {
    assert.equal(nearest('dealine', ['deadline', 'owner', 'metric']), 'deadline');
    assert.equal(nearest('Owner', ['deadline', 'owner']), 'owner');
  });
  it('offers nothing when nothing is close', () => {
    assert.equal(nearest('x', ROLE_NAMES), undefined);
    assert.equal(nearest('banana', ['deadline', 'owner']), undefined);
  });
  it('finds roles from near-miss spellings', () => {
    assert.equal(nearest('decision-makr', ROLE_NAMES), 'decision-maker');
    assert.equal(nearest('influencr', ROLE_NAMES), 'influencer');
  });

  // The distance is counted in two reused rows and stops early; the whole table, kept, is the reference.
  const reference = (a: string, b: string): number => {
    const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    return table[a.length][b.length];
  };
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', '-', '中', '\ud83d'), maxLength: 90 });

  it('counts edit distances as the whole table does', () => {
    fc.assert(fc.property(word, word, (a, b) => assert.equal(editDistance(a, b), reference(a, b))), { numRuns: 2000 });
  });

  it('picks the first of the closest candidates, as comparing every full distance does', () => {
    const naive = (w: string, candidates: string[]) => {
      const scores = candidates.map((c) => reference(w.toLowerCase(), c.toLowerCase()));
      const best = scores.indexOf(Math.min(...scores));
      if (best < 0) return undefined;
      const limit = Math.max(1, Math.ceil(Math.max(w.length, candidates[best].length) * 0.4));
      return scores[best] <= limit && scores[best] < w.length ? candidates[best] : undefined;
    };
    fc.assert(fc.property(word, fc.array(word, { maxLength: 12 }), (w, candidates) => assert.equal(nearest(w, candidates), naive(w, candidates))), { numRuns: 2000 });
  });
});

describe('role aliases', () => {
  it('normalise Chinese and English aliases to the six roles', () => {
    assert.equal(normalizeRole('最高阶决策者'), 'decision-maker');
    assert.equal(normalizeRole('economic-buyer'), 'decision-maker');
    assert.equal(normalizeRole('Coach'), 'guide');
    assert.equal(normalizeRole('杀手'), 'constrainer');
    assert.equal(normalizeRole(' user '), 'implementer');
    assert.equal(normalizeRole('boss'), undefined);
  });
});
