// Changing a stakeholder from the map (services/stakeholder-edit.ts): the edit touches only what it
// changes, so comments, quoting, flow or block style and line endings stay; the result parses, reads
// back as the change, and the checker sees it.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkPlan } from '../../server/src/rules/check';
import { parsePlan } from '../../server/src/engine/parse';
import type { Locale } from '../../server/src/engine/types';
import { applyOffsetEdits } from '../../server/src/services/fixes/text-edits';
import { editStakeholder, stakeholderEdits, StakeholderEditError, type StakeholderChange } from '../../server/src/services/stakeholder-edit';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { applyWorkspaceEdit } from './apply-edits';

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');
const HUADONG = readRepoFile('examples', 'huadong-peoples-hospital.kam.yaml');

/** The text after the change to the stakeholder at `index`; it must parse. */
function changed(text: string, index: number, change: StakeholderChange, locale: Locale = 'en'): string {
  const after = applyOffsetEdits(text, stakeholderEdits(parsePlan(text), index, change, locale));
  assert.deepEqual(parsePlan(after).syntaxErrors, [], `the result parses:\n${after}`);
  return after;
}

const comments = (text: string) => text.split(/\r?\n/).filter((line) => line.includes('#'));

/** The lines that differ, as [before, after] pairs, when the line count stays the same. */
function changedLines(before: string, after: string): [string, string][] {
  const [a, b] = [before.split('\n'), after.split('\n')];
  assert.equal(a.length, b.length, 'same number of lines');
  return a.map((line, i): [string, string] => [line, b[i]]).filter(([x, y]) => x !== y);
}

/** A plan with one stakeholder written as given (lines indented under `stakeholders:`). */
function plan(...stakeholder: string[]): string {
  return ['kam: 1', 'account:', '  name: Acme', 'diagnosis:', '  stakeholders:', ...stakeholder.map((l) => `    ${l}`), ''].join('\n');
}

describe('stakeholder edits from the map', () => {
  describe('stance and influence', () => {
    it('replaces a plain value and nothing else', () => {
      const after = changed(RIVERSIDE, 1, { field: 'stance', value: 'champion' });
      assert.deepEqual(changedLines(RIVERSIDE, after), [['      stance: supporter', '      stance: champion']]);
      assert.equal(parsePlan(after).stakeholders[1].stance, 'champion');
    });

    it('keeps the quotes and the comment on the line', () => {
      const text = plan('- id: a', '  name: A', '  stance: "neutral"   # met once', "  influence: 'low'");
      const after = changed(changed(text, 0, { field: 'stance', value: 'skeptic' }), 0, { field: 'influence', value: 'high' });
      assert.match(after, /^ {6}stance: "skeptic" {3}# met once$/m);
      assert.match(after, /^ {6}influence: 'high'$/m);
    });

    it('adds a missing key where the format puts it, indented like its neighbours', () => {
      const text = plan('- id: a', '  name: A', '  roles: [guide]', '  owner: Li Wei');
      const after = changed(text, 0, { field: 'influence', value: 'medium' });
      assert.equal(after, plan('- id: a', '  name: A', '  roles: [guide]', '  influence: medium', '  owner: Li Wei'));
    });

    it('fills a key left empty', () => {
      const after = changed(plan('- id: a', '  stance:', '  name: A'), 0, { field: 'stance', value: 'opponent' });
      assert.equal(after, plan('- id: a', '  stance: opponent', '  name: A'));
    });

    it('writes into a flow map inline', () => {
      const text = plan('- {id: a, name: A, stance: neutral}', '- {id: b, name: B}');
      assert.equal(changed(text, 0, { field: 'stance', value: 'supporter' }), plan('- {id: a, name: A, stance: supporter}', '- {id: b, name: B}'));
      assert.equal(changed(text, 1, { field: 'influence', value: 'low' }), plan('- {id: a, name: A, stance: neutral}', '- {id: b, name: B, influence: low}'));
    });

    it('keeps CRLF line endings', () => {
      const crlf = plan('- id: a', '  name: A  # the CEO', '  roles:', '    - guide').replace(/\n/g, '\r\n');
      for (const change of [
        { field: 'stance', value: 'champion' },
        { field: 'role', value: 'influencer' },
        { field: 'role', value: 'guide' },
      ] as StakeholderChange[]) {
        const after = changed(crlf, 0, change);
        assert.doesNotMatch(after, /[^\r]\n/, `${change.field} ${change.value}: every line ends in CRLF`);
        assert.deepEqual(comments(after), comments(crlf));
      }
    });

    it('changes nothing when the plan already says so', () => {
      assert.deepEqual(stakeholderEdits(parsePlan(RIVERSIDE), 0, { field: 'influence', value: 'high' }, 'en'), []);
    });
  });

  describe('roles', () => {
    it('adds a role at the end of a flow list', () => {
      const after = changed(RIVERSIDE, 1, { field: 'role', value: 'guide' });
      assert.deepEqual(changedLines(RIVERSIDE, after), [['      roles: [proposer]', '      roles: [proposer, guide]']]);
    });

    it('adds a role as a new item of a block list, after a commented-out one', () => {
      const text = plan('- id: a', '  roles:', '    - guide  # since 2025', '    # - influencer', '  stance: neutral');
      assert.equal(changed(text, 0, { field: 'role', value: 'proposer' }), plan('- id: a', '  roles:', '    - guide  # since 2025', '    # - influencer', '    - proposer', '  stance: neutral'));
    });

    it('gives a roles list to someone without one', () => {
      assert.equal(changed(plan('- id: a', '  name: A'), 0, { field: 'role', value: 'guide' }), plan('- id: a', '  name: A', '  roles: [guide]'));
    });

    it('writes a role in Chinese in a plan whose roles are written in Chinese', () => {
      const after = changed(HUADONG, 0, { field: 'role', value: 'influencer' }, 'zh-cn');
      assert.deepEqual(changedLines(HUADONG, after), [['      roles: [最高阶决策者]', '      roles: [最高阶决策者, 影响者]']]);
    });

    it('takes a role out of a flow list with its comma, whatever its spelling', () => {
      const text = plan('- id: a', '  roles: [decision-maker, coach, influencer]  # keep');
      assert.equal(changed(text, 0, { field: 'role', value: 'guide' }), plan('- id: a', '  roles: [decision-maker, influencer]  # keep'));
      assert.equal(changed(text, 0, { field: 'role', value: 'influencer' }), plan('- id: a', '  roles: [decision-maker, coach]  # keep'));
      assert.equal(changed(text, 0, { field: 'role', value: 'decision-maker' }), plan('- id: a', '  roles: [coach, influencer]  # keep'));
      const twice = plan('- id: a', '  roles: [guide, 指导者]');
      assert.equal(changed(twice, 0, { field: 'role', value: 'guide' }), plan('- id: a', '  roles: []'));
    });

    it('takes a role out of a block list with its line, keeping the comment lines', () => {
      const text = plan('- id: a', '  roles:', '    # who decides', '    - decision-maker', '    - guide  # met at the congress', '  stance: neutral');
      assert.equal(changed(text, 0, { field: 'role', value: 'guide' }), plan('- id: a', '  roles:', '    # who decides', '    - decision-maker', '  stance: neutral'));
      const last = changed(changed(text, 0, { field: 'role', value: 'guide' }), 0, { field: 'role', value: 'decision-maker' });
      assert.equal(last, plan('- id: a', '  roles: []', '    # who decides', '  stance: neutral'));
    });

    it('turns a single role written without a list into an empty list', () => {
      assert.equal(changed(plan('- id: a', '  roles: guide'), 0, { field: 'role', value: 'guide' }), plan('- id: a', '  roles: []'));
    });
  });

  it('the checker sees the change', () => {
    const findings = (text: string) => checkPlan(parsePlan(text), { today: FIXED_TODAY });
    assert.deepEqual(findings(RIVERSIDE), []);
    const noDecider = changed(RIVERSIDE, 0, { field: 'role', value: 'decision-maker' });
    assert.ok(findings(noDecider).some((f) => f.code === 'KAM201' && f.data?.role === 'decision-maker'), 'KAM201 for the decision maker');
    assert.equal(changed(noDecider, 0, { field: 'role', value: 'decision-maker' }).replace('[influencer, decision-maker]', '[decision-maker, influencer]'), RIVERSIDE);
    assert.deepEqual(findings(changed(RIVERSIDE, 3, { field: 'stance', value: 'opponent' })), []);
  });

  it('refuses what it cannot do, in the plan’s language', () => {
    const refuse = (text: string, index: number, change: StakeholderChange, message: RegExp, locale: Locale = 'en') =>
      assert.throws(() => stakeholderEdits(parsePlan(text), index, change, locale), (e: unknown) => e instanceof StakeholderEditError && message.test(e.message));
    refuse(RIVERSIDE, 0, { field: 'stance', value: 'enemy' }, /`enemy` is not a valid stance \(champion, supporter, neutral, skeptic, opponent, unknown\)/);
    refuse(RIVERSIDE, 0, { field: 'role', value: 'coach' }, /not a valid role/);
    refuse(RIVERSIDE, 9, { field: 'stance', value: 'neutral' }, /no longer in the plan/);
    refuse(`${RIVERSIDE}\n  bad: [`, 0, { field: 'stance', value: 'neutral' }, /语法错误/, 'zh-cn');
    refuse(plan('- id: a', '  stance: &s neutral', '- id: b', '  stance: *s'), 1, { field: 'stance', value: 'champion' }, /cannot be changed safely/);
    refuse(plan('- id: a', '  stance: [neutral]'), 0, { field: 'stance', value: 'champion' }, /cannot be changed safely/);
  });

  it('returns an edit for exactly the version it was made for', () => {
    const document = TextDocument.create('file:///p.kam.yaml', 'kam-yaml', 7, RIVERSIDE);
    const parsed = { document, plan: parsePlan(RIVERSIDE) };
    const edit = editStakeholder(parsed, 2, { field: 'influence', value: 'high' }, 'en');
    assert.ok(edit?.documentChanges);
    const [change] = edit.documentChanges;
    assert.ok('textDocument' in change);
    assert.deepEqual(change.textDocument, { uri: 'file:///p.kam.yaml', version: 7 });
    assert.equal(parsePlan(applyWorkspaceEdit(RIVERSIDE, edit, 'file:///p.kam.yaml')).stakeholders[2].influence, 'high');
    assert.equal(editStakeholder(parsed, 2, { field: 'influence', value: 'medium' }, 'en'), null);
  });
});
