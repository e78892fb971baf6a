// The "Key Account Plan" tree: the example plan, and a plan with unassigned roles and goals that are not SMART.
import * as assert from 'node:assert/strict';
import { checkPlan } from '../../server/src/rules/check';
import { parsePlan, ROLES, type Finding, type Plan } from '../../server/src/engine';
import { buildOutline, type OutlineItem } from '../../server/src/views/outline-model';
import { FIXED_TODAY, readRepoFile } from '../helpers';

const WEAK_PLAN = `kam: 1
account:
  name: Weak Plan Hospital
  stage: proposal
diagnosis:
  stakeholders:
    - id: boss
      name: Dr. Boss
      title: President
      roles: [decision-maker]
      stance: neutral
      influence: high
    - id: pharm
      name: Ms. Pharm
      roles: [提议者]
      stance: supporter
      influence: medium
    - id: nobody
      name: Mr. Norole
goals:
  - id: g-vague
    statement: Improve the relationship
  - id: g-good
    statement: Raise our share of the hospital's spend from 10% to 12%
    direction: build-steady
    metric: share
    baseline: 10%
    target: 12%
    deadline: 2027-12-31
    owner: Li Wei
actions:
  - id: a-late
    what: Second visit
    who: Li Wei
    with: [boss]
    when: 2027-03-01
    budget: 2,000
    goal: g-good
  - id: a-undated
    what: Send the outcome study
    who: Anna Berg
    goal: g-good
  - id: a-early
    what: First visit
    who: Anna Berg
    with: [pharm]
    when: 2027-01-15
    budget: 500
    goal: g-good
    status: done
`;

function outlineOf(text: string, locale: 'en' | 'zh-cn' = 'en') {
  const plan = parsePlan(text);
  const findings = checkPlan(plan, { today: FIXED_TODAY });
  return { plan, findings, outline: buildOutline(plan, findings, locale) };
}

function child(item: OutlineItem, id: string): OutlineItem {
  const found = item.children.find((c) => c.id === id);
  assert.ok(found, `${item.id} has no child ${id} (has ${item.children.map((c) => c.id).join(', ')})`);
  return found;
}

function all(item: OutlineItem): OutlineItem[] {
  return [item, ...item.children.flatMap(all)];
}

function textAt(plan: Plan, item: OutlineItem): string {
  return plan.text.slice(item.selection.start, item.selection.end);
}

describe('views: outline model', () => {
  describe('on examples/riverside-general.kam.yaml', () => {
    const { plan, outline } = outlineOf(readRepoFile('examples', 'riverside-general.kam.yaml'));

    it('has the account and its score at the root, the seven cycle stages under it', () => {
      assert.equal(outline.root.label, 'Riverside General Hospital');
      assert.equal(outline.root.description, '100/100');
      assert.equal(outline.root.mark, 'ok');
      assert.deepEqual(
        outline.root.children.map((c) => [c.label, c.mark]),
        ['Diagnosis', 'Forecast', 'Goals', 'Strategy', 'Actions', 'Controls', 'Feedback'].map((l) => [l, 'ok']),
      );
      assert.equal(plan.text.slice(outline.root.selection.start, outline.root.selection.end), 'Riverside General Hospital');
    });

    it('groups the stakeholders by the six roles, a person under each role they hold', () => {
      const roles = child(child(outline.root, 'stage:diagnosis'), 'roles');
      assert.deepEqual(
        roles.children.map((r) => r.id),
        ROLES.map((r) => `role:${r}`),
      );
      assert.ok(roles.children.every((r) => r.kind === 'role' && r.mark === 'ok'));
      assert.equal(roles.description, '6/6');
      const names = (role: string) => child(roles, `role:${role}`).children.map((s) => s.label);
      assert.deepEqual(names('decision-maker'), ['Dr. Zhao Min']);
      assert.deepEqual(names('influencer'), ['Dr. Zhao Min']);
      assert.deepEqual(names('guide'), ['Dr. Chen Hua']);
      assert.deepEqual(names('implementer'), ['Dr. Chen Hua']);
      const zhao = child(child(roles, 'role:decision-maker'), 'role:decision-maker/stakeholder:0');
      assert.equal(zhao.description, 'President');
      assert.equal(textAt(plan, zhao), 'zhao');
      assert.ok(plan.text.slice(zhao.range.start, zhao.range.end).includes('title: President'));
    });

    it('shows each goal with its SMART letters, all passing', () => {
      const goals = child(outline.root, 'stage:goals').children;
      assert.deepEqual(goals.map((g) => g.description), ['S✓ M✓ A✓ R✓ T✓', 'S✓ M✓ A✓ R✓ T✓']);
      assert.deepEqual(goals[0].smart, { S: true, M: true, A: true, R: true, T: true });
      assert.deepEqual(goals[0].children.map((c) => c.label), ['S · Specific', 'M · Measurable', 'A · Achievable', 'R · Realistic', 'T · Time-tabled']);
      assert.equal(textAt(plan, goals[1]), 'g-listing');
    });

    it('lists the actions by date with who and budget', () => {
      const actions = child(outline.root, 'stage:actions').children;
      assert.deepEqual(
        actions.map((a) => [a.label, a.description]),
        [
          ['Present readmission outcome study to the president', '2027-01-20 · Li Wei · 5,000'],
          ['Submit formulary dossier to the therapeutics committee', '2027-02-15 · Anna Berg · 12,000'],
        ],
      );
    });

    it('gives every item a range inside the text and a unique id, and survives JSON', () => {
      const items = all(outline.root);
      assert.equal(new Set(items.map((i) => i.id)).size, items.length);
      for (const item of items) {
        assert.ok(item.range.start >= 0 && item.range.start <= item.range.end && item.range.end <= plan.text.length, item.id);
        assert.ok(item.selection.start >= 0 && item.selection.end <= plan.text.length, item.id);
      }
      assert.deepEqual(JSON.parse(JSON.stringify(outline)), outline);
    });

    it('speaks Chinese when asked', () => {
      const zh = outlineOf(readRepoFile('examples', 'riverside-general.kam.yaml'), 'zh-cn').outline;
      assert.deepEqual(zh.root.children.map((c) => c.label), ['诊断', '预测', '目标', '策略', '行动', '控制', '反馈']);
      const roles = child(child(zh.root, 'stage:diagnosis'), 'roles');
      assert.equal(roles.label, '关键决策者');
      assert.equal(child(roles, 'role:decision-maker').label, '最高阶决策者');
      assert.equal(child(child(zh.root, 'stage:goals'), 'goal:0').children[0].label, 'S · 具体的');
    });
  });

  describe('on a plan with unassigned roles and goals that are not SMART', () => {
    const { plan, findings, outline } = outlineOf(WEAK_PLAN);
    const diagnosis = child(outline.root, 'stage:diagnosis');
    const roles = child(diagnosis, 'roles');

    it('shows every unassigned role as a warning item, with the question that finds the person', () => {
      const unassigned = roles.children.filter((r) => r.kind === 'role-unassigned');
      assert.deepEqual(
        unassigned.map((r) => r.id),
        ['role:guide', 'role:implementer', 'role:constrainer', 'role:influencer'],
      );
      for (const r of unassigned) {
        assert.equal(r.mark, 'warning');
        assert.equal(r.description, 'unassigned');
        assert.match(r.tooltip ?? '', /\?$/);
        assert.equal(plan.text.slice(r.selection.start, r.selection.end), 'stakeholders');
      }
      assert.equal(child(roles, 'role:proposer').children[0].label, 'Ms. Pharm', 'a Chinese alias counts');
      assert.equal(roles.mark, 'warning');
      assert.equal(roles.description, '2/6');
      assert.equal(diagnosis.mark, 'warning');
      assert.match(diagnosis.description ?? '', /^\d+ warnings?/);
    });

    it('keeps a stakeholder without a role in a group of their own', () => {
      assert.deepEqual(child(roles, 'roles:none').children.map((s) => s.label), ['Mr. Norole']);
    });

    it('fails the SMART letters the checker found, at the finding', () => {
      const [vague, good] = child(outline.root, 'stage:goals').children;
      assert.deepEqual(vague.smart, { S: false, M: false, A: true, R: false, T: false });
      assert.equal(vague.description, 'S✗ M✗ A✓ R✗ T✗');
      assert.equal(vague.mark, 'warning');
      const s = vague.children[0];
      const kam301 = findings.find((f) => f.code === 'KAM301' && f.span.start >= vague.range.start && f.span.end <= vague.range.end)!;
      assert.equal(s.mark, 'warning');
      assert.equal(s.description, kam301.message);
      assert.deepEqual(s.selection, kam301.span);
      assert.equal(good.description, 'S✓ M✓ A✓ R✓ T✓');
    });

    it('matches SMART findings by span: one outside the goal does not fail it', () => {
      const goal = plan.goals[1];
      const outside: Finding = { code: 'KAM305', name: 'goal-not-time-bound', severity: 'warning', stage: 'goals', span: { start: goal.span.start - 5, end: goal.span.start - 1 }, message: 'x', messageId: 'default', args: {} };
      const inside: Finding = { ...outside, code: 'KAM302', span: { start: goal.span.start + 2, end: goal.span.start + 4 } };
      const good = buildOutline(plan, [outside, inside], 'en').root.children.find((c) => c.id === 'stage:goals')!.children[1];
      assert.deepEqual(good.smart, { S: true, M: false, A: true, R: true, T: true });
    });

    it('sorts actions by date, undated last, with who, budget and a status other than planned', () => {
      const actions = child(outline.root, 'stage:actions').children;
      assert.deepEqual(
        actions.map((a) => [a.label, a.description]),
        [
          ['First visit', '2027-01-15 · Anna Berg · 500 · done'],
          ['Second visit', '2027-03-01 · Li Wei · 2,000'],
          ['Send the outcome study', 'Anna Berg'],
        ],
      );
      assert.equal(textAt(plan, actions[0]), 'a-early');
    });

    it('scores the plan from its findings', () => {
      assert.ok(outline.health.score < 100);
      assert.equal(outline.root.description, `${outline.health.score}/100`);
    });
  });

  it('does not throw on a file that does not parse, and scores it 0', () => {
    const { outline } = outlineOf('kam: 1\naccount: {name: [\n');
    assert.equal(outline.health.score, 0);
    assert.equal(outline.root.mark, 'error');
    assert.equal(outline.root.children.length, 7);
  });
});
