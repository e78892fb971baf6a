// The plan-health score and stage marks (docs/health-score.md): known finding sets give known numbers.
import * as assert from 'node:assert/strict';
import type { Severity, Stage } from '../../server/src/engine';
import { checkText } from '../../server/src/rules/check';
import { planHealth, SEVERITY_COST, STAGE_CAP, STAGES, type ScoredFinding } from '../../server/src/views/health';
import { FIXED_TODAY, readRepoFile } from '../helpers';

function f(code: string, severity: Severity, stage: Stage): ScoredFinding {
  return { code, severity, stage };
}

function times<T>(n: number, item: T): T[] {
  return Array.from({ length: n }, () => item);
}

describe('views: plan health', () => {
  it('is 100 with every stage ok when there is no finding', () => {
    const health = planHealth([]);
    assert.equal(health.score, 100);
    assert.equal(health.mark, 'ok');
    assert.deepEqual(health.stages.map((s) => s.stage), STAGES);
    assert.ok(health.stages.every((s) => s.mark === 'ok' && s.cost === 0));
  });

  it('costs 15 per error, 5 per warning, 1 per info', () => {
    assert.deepEqual(SEVERITY_COST, { error: 15, warning: 5, info: 1 });
    assert.equal(planHealth([f('KAM203', 'error', 'diagnosis')]).score, 85);
    assert.equal(planHealth([f('KAM305', 'warning', 'goals')]).score, 95);
    assert.equal(planHealth([f('KAM602', 'info', 'feedback')]).score, 99);
  });

  it('scores the documented examples', () => {
    // docs/health-score.md: two unassigned roles, a goal without deadline, one unanswered feedback.
    const mixed = [f('KAM201', 'warning', 'diagnosis'), f('KAM201', 'warning', 'diagnosis'), f('KAM305', 'warning', 'goals'), f('KAM602', 'info', 'feedback')];
    assert.equal(planHealth(mixed).score, 84);
    // No stakeholders at all: six KAM201 and a KAM102, 35 points, exactly the cap.
    assert.equal(planHealth([...times(6, f('KAM201', 'warning', 'diagnosis')), f('KAM102', 'warning', 'diagnosis')]).score, 65);
    // Two errors and two warnings in the diagnosis: 40 points, capped at 35.
    const capped = planHealth([f('KAM203', 'error', 'diagnosis'), f('KAM204', 'error', 'diagnosis'), ...times(2, f('KAM201', 'warning', 'diagnosis'))]);
    assert.equal(capped.score, 65);
    assert.equal(capped.stages.find((s) => s.stage === 'diagnosis')!.cost, STAGE_CAP);
  });

  it('caps each stage, so one noisy stage cannot zero the score alone', () => {
    const noisy = planHealth(times(50, f('KAM202', 'error', 'diagnosis')));
    assert.equal(noisy.score, 100 - STAGE_CAP);
    assert.equal(noisy.counts.error, 50);
    // Three stages at the cap reach 0, and the score never goes below it.
    const broken = planHealth(['diagnosis', 'goals', 'actions'].flatMap((stage) => times(10, f('X', 'error', stage as Stage))));
    assert.equal(broken.score, 0);
  });

  it('is 0 when the YAML does not parse (KAM001), or when the caller says so', () => {
    const health = planHealth([f('KAM001', 'error', 'document')]);
    assert.equal(health.score, 0);
    assert.equal(health.parses, false);
    assert.equal(health.mark, 'error');
    assert.equal(planHealth([], { parses: false }).score, 0);
    // Even when KAM001 is configured down to a warning, an unreadable file scores 0.
    assert.equal(planHealth([f('KAM001', 'warning', 'document')]).score, 0);
  });

  it('marks each stage by its worst finding', () => {
    const health = planHealth([f('KAM103', 'info', 'diagnosis'), f('KAM201', 'warning', 'diagnosis'), f('KAM602', 'info', 'feedback'), f('KAM502', 'warning', 'actions'), f('KAM203', 'error', 'actions')]);
    const mark = (stage: Stage) => health.stages.find((s) => s.stage === stage)!.mark;
    assert.equal(mark('diagnosis'), 'warning');
    assert.equal(mark('feedback'), 'info');
    assert.equal(mark('actions'), 'error');
    assert.equal(mark('goals'), 'ok');
    assert.equal(mark('account'), 'ok');
    assert.equal(health.mark, 'error');
    assert.deepEqual(health.counts, { error: 1, warning: 2, info: 2 });
  });

  it('scores the checker on real plans: 100 for the example, 0 for broken YAML', () => {
    const example = checkText(readRepoFile('examples', 'riverside-general.kam.yaml'), { today: FIXED_TODAY });
    assert.equal(planHealth(example).score, 100);
    const broken = checkText('kam: 1\naccount: [unclosed\n', { today: FIXED_TODAY });
    assert.ok(broken.some((x) => x.code === 'KAM001'));
    assert.equal(planHealth(broken).score, 0);
  });
});
