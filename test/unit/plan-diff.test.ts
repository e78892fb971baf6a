// Comparing two versions of a plan by meaning: each kind of change, id lists matched by id whatever
// their order, and what is no change at all (comments, layout, line ends, key order).
import * as assert from 'node:assert/strict';
import { checkPlan } from '../../server/src/rules/check';
import { parsePlan } from '../../server/src/engine/parse';
import { changeLine, diffPlans, reviewDiff, type Change } from '../../server/src/report/diff';
import { FIXED_TODAY, readRepoFile } from '../helpers';

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');

function diff(before: string, after: string): Change[] {
  return diffPlans(parsePlan(before), parsePlan(after));
}

function brief(changes: Change[]) {
  return changes.map((c) => ({ kind: c.kind, path: c.path, before: c.before, after: c.after }));
}

/** The text of the `- id: ID` item of a list indented by `indent`, through the line before the next item or section. */
function itemText(text: string, id: string, indent: string): string {
  const m = new RegExp(`^${indent}- id: ${id}\\n(?:${indent}  .*\\n|\\n)*`, 'm').exec(text);
  assert.ok(m, `no item ${id}`);
  return m[0];
}

describe('plan diff', () => {
  it('a plan against itself: no change', () => {
    assert.deepEqual(diff(RIVERSIDE, RIVERSIDE), []);
  });

  it('comments, blank lines, quoting, flow style and key order are no change', () => {
    const after = RIVERSIDE.replace(/^# .*\n/gm, '# rewritten comment\n')
      .replace('  name: Riverside General Hospital\n', '  name: "Riverside General Hospital"   # quoted now\n\n')
      .replace('roles: [decision-maker, influencer]', 'roles:\n        - decision-maker\n        - influencer')
      .replace('  owner: Li Wei\n  team:', '  team:')
      .replace('  stage: negotiation\n', '  stage: negotiation\n  owner: Li Wei\n');
    assert.notEqual(after, RIVERSIDE);
    assert.deepEqual(diff(RIVERSIDE, after), []);
  });

  it('CRLF line ends against LF: no change', () => {
    assert.deepEqual(diff(RIVERSIDE, RIVERSIDE.replace(/\n/g, '\r\n')), []);
  });

  it('a changed value: one change at its path, with before and after', () => {
    const changes = diff(RIVERSIDE, RIVERSIDE.replace('stance: skeptic', 'stance: supporter'));
    assert.deepEqual(brief(changes), [{ kind: 'changed', path: 'diagnosis.stakeholders[liu].stance', before: 'skeptic', after: 'supporter' }]);
    assert.equal(changeLine(changes[0], 'en'), 'Liu Yan (liu): stance skeptic → supporter');
    assert.equal(changeLine(changes[0], 'zh-cn'), 'Liu Yan (liu)：stance skeptic → supporter');
  });

  it('an added item is one change carrying the whole item; a removed one too', () => {
    const goal = '  - id: g-share2\n    statement: Hold share\n    deadline: 2027-12-31\n';
    const added = RIVERSIDE.replace('\nstrategy:', `${goal}\nstrategy:`);
    assert.notEqual(added, RIVERSIDE);
    const changes = diff(RIVERSIDE, added);
    assert.deepEqual(brief(changes), [{ kind: 'added', path: 'goals[g-share2]', before: null, after: { id: 'g-share2', statement: 'Hold share', deadline: '2027-12-31' } }]);
    assert.equal(changeLine(changes[0], 'en'), 'Goal g-share2 added');
    assert.equal(changeLine(changes[0], 'zh-cn'), '新增目标 g-share2');
    const removed = diff(added, RIVERSIDE);
    assert.deepEqual(brief(removed).map((c) => [c.kind, c.path, c.after]), [['removed', 'goals[g-share2]', null]]);
    assert.equal((removed[0].before as { statement: string }).statement, 'Hold share');
  });

  it('a removed stakeholder is named in the memo', () => {
    const liu = itemText(RIVERSIDE, 'liu', '    ');
    const changes = diff(RIVERSIDE, RIVERSIDE.replace(liu, ''));
    assert.deepEqual(changes.map((c) => [c.kind, c.path]), [['removed', 'diagnosis.stakeholders[liu]']]);
    assert.equal(changeLine(changes[0], 'en'), 'Stakeholder Liu Yan (liu) removed');
  });

  it('added and removed keys inside an item, and at the top', () => {
    const after = RIVERSIDE.replace('Price per defined daily dose]\n      owner: Anna Berg\n', 'Price per defined daily dose]\n      last_contact: 2026-11-01\n').replace('  segment: Tertiary teaching hospital, 1,800 beds\n', '');
    const changes = brief(diff(RIVERSIDE, after));
    assert.deepEqual(
      changes.filter((c) => c.path.startsWith('diagnosis.stakeholders[liu]')),
      [
        { kind: 'added', path: 'diagnosis.stakeholders[liu].last_contact', before: null, after: '2026-11-01' },
        { kind: 'removed', path: 'diagnosis.stakeholders[liu].owner', before: 'Anna Berg', after: null },
      ],
    );
    assert.deepEqual(changes.find((c) => c.path === 'account.segment'), { kind: 'removed', path: 'account.segment', before: 'Tertiary teaching hospital, 1,800 beds', after: null });
  });

  it('reordered id lists are no change; a change inside a moved item is found by id', () => {
    const [zhao, liu] = [itemText(RIVERSIDE, 'zhao', '    '), itemText(RIVERSIDE, 'liu', '    ')];
    const swapped = RIVERSIDE.replace(zhao, '\u0000').replace(liu, zhao).replace('\u0000', liu);
    assert.notEqual(swapped, RIVERSIDE);
    assert.deepEqual(diff(RIVERSIDE, swapped), []);
    const changes = brief(diff(RIVERSIDE, swapped.replace('stance: skeptic', 'stance: neutral')));
    assert.deepEqual(changes, [{ kind: 'changed', path: 'diagnosis.stakeholders[liu].stance', before: 'skeptic', after: 'neutral' }]);
  });

  it('lists without ids are matched by position and named by index', () => {
    const before = 'kam: 1\nforecast:\n  risks: [a, b, c]\n';
    assert.deepEqual(brief(diff(before, before.replace('[a, b, c]', '[a, x, c]'))), [{ kind: 'changed', path: 'forecast.risks[1]', before: 'b', after: 'x' }]);
    assert.deepEqual(brief(diff(before, before.replace('[a, b, c]', '[a, b, c, d]'))), [{ kind: 'added', path: 'forecast.risks[3]', before: null, after: 'd' }]);
    assert.deepEqual(brief(diff(before, before.replace('[a, b, c]', '[a, b]'))), [{ kind: 'removed', path: 'forecast.risks[2]', before: 'c', after: null }]);
  });

  it('a value that changes kind is one change with both whole values', () => {
    const before = 'kam: 1\nstrategy:\n  core: grow\n';
    assert.deepEqual(brief(diff(before, 'kam: 1\nstrategy:\n  core: [grow, keep]\n')), [{ kind: 'changed', path: 'strategy.core', before: 'grow', after: ['grow', 'keep'] }]);
  });

  it('items with a repeated id are matched by position', () => {
    const before = 'kam: 1\ngoals:\n  - id: g\n    statement: one\n  - id: g\n    statement: two\n';
    assert.deepEqual(brief(diff(before, before.replace('two', 'three'))), [{ kind: 'changed', path: 'goals[1].statement', before: 'two', after: 'three' }]);
  });

  it('health before and after, and the findings fixed and new', () => {
    const version = (label: string, text: string) => {
      const plan = parsePlan(text);
      return { label, plan, findings: checkPlan(plan, { today: FIXED_TODAY }) };
    };
    // The constrainer role loses its only holder: KAM201 is new, and coming back fixes it.
    const worse = RIVERSIDE.replace('roles: [constrainer]', 'roles: []');
    const d = reviewDiff(version('before', RIVERSIDE), version('after', worse));
    assert.equal(d.before.health, 100);
    assert.ok(d.after.health < 100);
    assert.deepEqual(d.findings.fixed, []);
    assert.deepEqual(d.findings.new.map((f) => f.code), ['KAM201']);
    const back = reviewDiff(version('after', worse), version('before', RIVERSIDE));
    assert.deepEqual(back.findings.fixed.map((f) => f.code), ['KAM201']);
    assert.deepEqual(back.findings.new, []);
  });
});
