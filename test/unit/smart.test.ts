// The SMART heuristics (KAM301's vague statement, KAM303's direction and pace) and the goal rules
// on the number forms and limits the fixtures do not spell out.
import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/rules/check';
import { RULES } from '../../server/src/rules';
import { defaultConfig, mergeConfig, type Finding, type KamConfig } from '../../server/src/engine';
import { annualChange, holds, isVagueStatement, neededRelation } from '../../server/src/engine/smart';
import { kam301 } from '../../server/src/rules/kam301-goal-not-specific';
import { kam302 } from '../../server/src/rules/kam302-goal-not-measurable';
import { kam303 } from '../../server/src/rules/kam303-goal-not-achievable';
import { FIXED_TODAY } from '../helpers';

/** A plan with one goal; `fields` are YAML lines under the goal's `id`. */
function goalPlan(...fields: string[]): string {
  return ['kam: 1', 'goals:', '  - id: g-1', ...fields.map((f) => `    ${f}`), ''].join('\n');
}

function run(text: string, rule = kam303, config?: KamConfig): Finding[] {
  return checkText(text, { today: FIXED_TODAY, rules: [rule], config });
}

describe('SMART heuristics', () => {
  describe('isVagueStatement (KAM301)', () => {
    it('finds wishes vague, in English and in Chinese', () => {
      assert.equal(isVagueStatement('Improve the relationship with the hospital'), true);
      assert.equal(isVagueStatement('加强与医院的关系'), true);
      assert.equal(isVagueStatement('Be the preferred partner of the hospital'), true);
    });

    it('finds statements too short to say what changes vague, even with a measurable word', () => {
      assert.equal(isVagueStatement('Grow share'), true);
      assert.equal(isVagueStatement('提高份额'), true);
      assert.equal(isVagueStatement('   '), true);
    });

    it('accepts the example plan statements', () => {
      assert.equal(isVagueStatement("Raise our share of the hospital's antihypertensive spend from 22% to 28%"), false);
      assert.equal(isVagueStatement('Get the new combination tablet listed on the formulary with 2,000 units a month'), false);
    });

    it('accepts a figure or a measurable term in either language', () => {
      assert.equal(isVagueStatement('Grow share to 28%'), false); // 4 words: just long enough
      assert.equal(isVagueStatement('Reach 1,200,000 with cardiology'), false);
      assert.equal(isVagueStatement('Double cardiology prescriptions of the tablet'), false);
      assert.equal(isVagueStatement('将我们在心内科降压药中的份额从22%提高到28%'), false);
      assert.equal(isVagueStatement('新复方片剂进院并进入药品目录'), false);
      assert.equal(isVagueStatement('心内科销售额提高到五百万'), false);
      assert.equal(isVagueStatement('提高份额到28%'), false); // mixed: 5 characters and a number
    });
  });

  describe('direction (KAM303)', () => {
    it('asks building goals to grow, maintaining ones not to fall, withdrawing ones not to grow', () => {
      assert.equal(neededRelation('build-fast'), '>');
      assert.equal(neededRelation('build-steady'), '>');
      assert.equal(neededRelation('maintain'), '≥');
      assert.equal(neededRelation('withdraw'), '≤');
    });

    it('asks nothing of harvest, an unknown direction or none', () => {
      assert.equal(neededRelation('harvest'), undefined);
      assert.equal(neededRelation('constructor'), undefined);
      assert.equal(neededRelation(undefined), undefined);
    });

    it('compares target with baseline', () => {
      assert.equal(holds(28, '>', 22), true);
      assert.equal(holds(22, '>', 22), false);
      assert.equal(holds(22, '≥', 22), true);
      assert.equal(holds(21, '≥', 22), false);
      assert.equal(holds(22, '≤', 22), true);
      assert.equal(holds(23, '≤', 22), false);
    });
  });

  describe('annualChange (KAM303)', () => {
    // 2026-11-26 → 2030-11-26 is 1461 days: exactly 4 years of 365.25 days.
    it('compounds the change over the years to the deadline', () => {
      assert.equal(annualChange(100, 1600, '2026-11-26', '2030-11-26'), 1);
      assert.equal(annualChange(100, 100, '2026-11-26', '2030-11-26'), 0);
      assert.equal(annualChange(16, 1, '2026-11-26', '2030-11-26'), -0.5);
    });

    it('counts part of a year as such', () => {
      const change = annualChange(22, 28, '2026-11-26', '2027-12-31');
      assert.ok(change !== undefined && Math.abs(change - ((28 / 22) ** (365.25 / 400) - 1)) < 1e-12);
    });

    it('has no rate from a baseline of 0 or less, to a negative target, or without a future deadline', () => {
      assert.equal(annualChange(0, 2000, '2026-11-26', '2027-06-30'), undefined);
      assert.equal(annualChange(-5, 10, '2026-11-26', '2027-06-30'), undefined);
      assert.equal(annualChange(10, -5, '2026-11-26', '2027-06-30'), undefined);
      assert.equal(annualChange(10, 50, '2026-11-26', '2026-06-30'), undefined);
      assert.equal(annualChange(10, 50, '2026-11-26', '2026-11-26'), undefined);
      assert.equal(annualChange(10, 50, '2026-11-26', '2027-02-30'), undefined);
      assert.equal(annualChange(10, 50, '2026-11-26', undefined), undefined);
    });
  });
});

describe('goal rules on numbers and limits', () => {
  it('KAM302 reads 12%, 1,200,000, decimals and negatives as numbers', () => {
    assert.deepEqual(run(goalPlan('baseline: 12%', 'target: 1,200,000'), kam302), []);
    assert.deepEqual(run(goalPlan('baseline: 12.5', 'target: -3%'), kam302), []);
    assert.deepEqual(run(goalPlan('baseline: 0', 'target: "2,000"'), kam302), []);
  });

  it('KAM302 names every key at fault in one finding, on the value that is not a number', () => {
    const text = goalPlan('baseline: 1.200.000', 'owner: Li Wei');
    const [finding, ...rest] = run(text, kam302);
    assert.deepEqual(rest, []);
    assert.equal(text.slice(finding.span.start, finding.span.end), '1.200.000');
    assert.deepEqual(finding.data, { missing: ['target'], notNumber: ['baseline'] });
    assert.match(finding.message, /`baseline`, `target` must be a number/);
  });

  it('KAM302 stands on the goal id when the values are only missing', () => {
    const text = goalPlan('statement: Grow share to 28%');
    const [finding] = run(text, kam302);
    assert.equal(text.slice(finding.span.start, finding.span.end), 'g-1');
    assert.deepEqual(finding.data, { missing: ['baseline', 'target'], notNumber: [] });
  });

  it('KAM303 reads percentages and thousands separators', () => {
    // 12% → 48% in four years is +41% a year; 1,200,000 → 19,200,000 is doubling: at the limit, not beyond.
    assert.deepEqual(run(goalPlan('direction: build-fast', 'baseline: 12%', 'target: 48%', 'deadline: 2030-11-26')), []);
    assert.deepEqual(run(goalPlan('baseline: 1,200,000', 'target: 19,200,000', 'deadline: 2030-11-26')), []);
    const [finding] = run(goalPlan('baseline: 1,200,000', 'target: 19,200,001', 'deadline: 2030-11-26'));
    assert.equal(finding.messageId, 'tooFast');
    assert.deepEqual(finding.args, { needed: '100%', limit: '100%' });
  });

  it('KAM303 stands on the target and reports the direction it breaks', () => {
    const text = goalPlan('direction: build-steady', 'baseline: 22%', 'target: 18%', 'deadline: 2027-12-31');
    const [finding, ...rest] = run(text);
    assert.deepEqual(rest, []);
    assert.equal(text.slice(finding.span.start, finding.span.end), '18%');
    assert.equal(finding.messageId, 'againstDirection');
    assert.equal(finding.message, 'The target 18% moves against the direction `build-steady`, which needs target > baseline (22%).');
  });

  it('KAM303 does not rate growth from a baseline of 0, nor a past deadline', () => {
    assert.deepEqual(run(goalPlan('direction: build-fast', 'baseline: 0', 'target: 2000', 'deadline: 2027-01-31')), []);
    assert.deepEqual(run(goalPlan('direction: build-fast', 'baseline: 10', 'target: 1000', 'deadline: 2026-01-31')), []);
  });

  it('KAM303 caps absurd rates in the message', () => {
    const [finding] = run(goalPlan('baseline: 10', 'target: 1000', 'deadline: 2026-11-27'));
    assert.equal(finding.args.needed, '> 10000%');
  });

  it('KAM303 follows goals.maxAnnualChange from the configuration', () => {
    // 1,200,000 → 4,000,000 in two years: about +82% a year.
    const text = goalPlan('direction: build-fast', 'baseline: 1,200,000', 'target: 4,000,000', 'deadline: 2028-11-26');
    assert.deepEqual(run(text), []);
    const { config, problems } = mergeConfig(defaultConfig(), { goals: { maxAnnualChange: 0.5 } }, RULES);
    assert.deepEqual(problems, []);
    const [finding, ...rest] = run(text, kam303, config);
    assert.deepEqual(rest, []);
    assert.equal(finding.messageId, 'tooFast');
    assert.equal(finding.args.limit, '50%');
    assert.match(String(finding.args.needed), /^8[23](\.\d)?%$/);
    assert.equal(finding.data?.limit, 0.5);
  });

  it('KAM303 with a limit of 0 allows no growth at all, but a fall', () => {
    const { config } = mergeConfig(defaultConfig(), { goals: { maxAnnualChange: 0 } }, RULES);
    assert.equal(run(goalPlan('baseline: 100', 'target: 101', 'deadline: 2030-11-26'), kam303, config).length, 1);
    assert.deepEqual(run(goalPlan('baseline: 100', 'target: 90', 'deadline: 2030-11-26'), kam303, config), []);
  });

  it('KAM301 messages come in Chinese too', () => {
    const text = goalPlan('statement: 加强与医院的关系');
    const zh = checkText(text, { today: FIXED_TODAY, rules: [kam301], config: defaultConfig('zh-cn') });
    assert.deepEqual(
      zh.map((f) => f.messageId),
      ['noMetric', 'vague'],
    );
    assert.match(zh[1].message, /目标没有具体说明要改变什么/);
    assert.equal(text.slice(zh[1].span.start, zh[1].span.end), '加强与医院的关系');
  });
});
