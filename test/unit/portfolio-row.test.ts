// One plan's portfolio row: each field from a checked plan, and the order of the rows.
import * as assert from 'node:assert/strict';
import { checkPlan } from '../../server/src/rules/check';
import { defaultConfig } from '../../server/src/engine/config';
import { parsePlan } from '../../server/src/engine/parse';
import { compareRows, portfolioRow, portfolioTotals } from '../../server/src/report/portfolio';
import { FIXED_TODAY, readRepoFile } from '../helpers';

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');

function rowOf(text: string, today = FIXED_TODAY, config = defaultConfig()) {
  const plan = parsePlan(text);
  return portfolioRow(plan, checkPlan(plan, { today, config }), { file: 'a/plan.kam.yaml', today, config });
}

describe('portfolio row', () => {
  it('summarises a healthy plan', () => {
    assert.deepEqual(rowOf(RIVERSIDE), {
      file: 'a/plan.kam.yaml',
      account: 'Riverside General Hospital',
      owner: 'Li Wei',
      stage: 'negotiation',
      health: 100,
      findings: { error: 0, warning: 0, info: 0 },
      next_review: '2027-01-15',
      review_overdue: false,
      unassigned_roles: [],
      stale_contacts: 0,
      goals: 2,
      smart_goals: 2,
    });
  });

  it('marks an overdue review, from the day after the date', () => {
    assert.equal(rowOf(RIVERSIDE, '2027-01-15').review_overdue, false);
    const late = rowOf(RIVERSIDE, '2027-01-16');
    assert.equal(late.review_overdue, true);
    assert.equal(late.findings.warning >= 1, true, 'KAM603 is counted among the warnings');
    assert.ok(late.health < 100);
  });

  it('lists the roles nobody holds, by their canonical names', () => {
    const text = RIVERSIDE.replace('roles: [constrainer]', 'roles: []');
    assert.deepEqual(rowOf(text).unassigned_roles, ['constrainer']);
  });

  it('counts the goals that fail no SMART letter', () => {
    // g-listing loses its deadline: KAM305 (time-bound) fails it.
    const text = RIVERSIDE.replace(/(  - id: g-listing\n(?:    .*\n)*?)    deadline: .*\n/, '$1');
    assert.notEqual(text, RIVERSIDE);
    const row = rowOf(text);
    assert.equal(row.goals, 2);
    assert.equal(row.smart_goals, 1);
  });

  it('gives null for what the plan lacks, and a plan that does not parse health 0 with its KAM001', () => {
    const row = rowOf('kam: 1\naccount: {name: [\n');
    assert.equal(row.health, 0);
    assert.equal(row.findings.error >= 1, true);
    assert.deepEqual([row.account, row.owner, row.stage, row.next_review], [null, null, null, null]);
    assert.deepEqual(row.unassigned_roles, []);
    assert.equal(row.goals, 0);
  });

  it('counts key contacts gone cold, whatever the rule settings', () => {
    // Zhao decides; a contact 200 days before today is stale at the default of 90 days, not at 365.
    const text = RIVERSIDE.replace(/(    - id: zhao\n)/, '$1      last_contact: 2026-05-10\n');
    assert.equal(rowOf(text).stale_contacts, 1);
    assert.equal(rowOf(text.replace('2026-05-10', '2026-10-01')).stale_contacts, 0);
    const lenient = { ...defaultConfig(), staleAfterDays: 365 } as ReturnType<typeof defaultConfig>;
    assert.equal(rowOf(text, FIXED_TODAY, lenient).stale_contacts, 0);
    // A medium-influence constrainer is no key relationship however long ago the contact.
    assert.equal(rowOf(RIVERSIDE.replace(/(    - id: liu\n)/, '$1      last_contact: 2025-01-01\n')).stale_contacts, 0);
  });

  it('sorts by health, lowest first, then by file; totals add up', () => {
    const rows = [
      { ...rowOf(RIVERSIDE), file: 'b' },
      { ...rowOf(RIVERSIDE, '2027-03-01'), file: 'c' },
      { ...rowOf(RIVERSIDE), file: 'a' },
    ].sort(compareRows);
    assert.deepEqual(rows.map((r) => r.file), ['c', 'a', 'b']);
    const totals = portfolioTotals(rows);
    assert.equal(totals.plans, 3);
    assert.equal(totals.review_overdue, 1);
    assert.equal(totals.findings.warning, rows[0].findings.warning);
  });
});
