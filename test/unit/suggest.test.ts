import * as assert from 'node:assert/strict';
import { nearest } from '../../server/src/engine/suggest';
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
