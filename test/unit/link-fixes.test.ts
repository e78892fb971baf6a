// KAM503's fixes (one per goal) and KAM801's (`drivers: []`), on their fires-fixtures and in flow
// maps: each is the account manager's choice, so none is preferred and fix-all leaves them alone.
import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-types';
import { checkText } from '../../server/src/rules/check';
import type { Finding } from '../../server/src/engine/rule';
import { codeActions, fixAll } from '../../server/src/services/code-actions';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { applyEdits, editsFor } from './apply-edits';
import { planDocument, URI } from './services-helpers';

const OPTIONS = { today: FIXED_TODAY };
const fixture = (code: string) => readRepoFile('test', 'fixtures', 'rules', `${code}.fires.kam.yaml`);
const findings = (text: string, code: string) => checkText(text, OPTIONS).filter((f) => f.code === code);
const fixesFor = (text: string, finding: Finding, locale: 'en' | 'zh-cn' = 'en'): CodeAction[] =>
  codeActions(planDocument(text), [finding], undefined, locale, OPTIONS).filter((a) => a.diagnostics !== undefined);
const applied = (text: string, action: CodeAction) => applyEdits(text, editsFor(action.edit!, URI));

describe('quick fixes: link an action to a goal (KAM503)', () => {
  it('offers one fix per goal; each sets `goal` and the finding goes', () => {
    const text = readRepoFile('test', 'fixtures', 'rules', 'KAM503.fires.kam.yaml').replace(
      'goals:\n',
      'goals:\n  - id: g-listing\n    statement: Get listed\n',
    );
    const [first, second] = findings(text, 'KAM503');
    const actions = fixesFor(text, first);
    assert.deepEqual(actions.map((a) => a.title), ['Link the action to goal `g-listing`', 'Link the action to goal `g-share`']);
    assert.ok(actions.every((a) => !a.isPreferred));
    const fixed = applied(text, actions[1]);
    assert.match(fixed, /- id: a-visit # expect: KAM503\n {4}what: Visit the pharmacy director\n {4}goal: g-share\n/);
    assert.equal(findings(fixed, 'KAM503').length, 1);
    // An empty `goal:` is filled in place, its line kept.
    const filled = applied(text, fixesFor(text, second)[0]);
    assert.match(filled, /\n {4}goal: g-listing\n {4}status: done\n/);
    assert.deepEqual(fixesFor(text, second, 'zh-cn').map((a) => a.title)[0], '把行动关联到目标 `g-listing`');
  });

  it('writes into a flow map, and offers nothing when the plan has no goal', () => {
    const text = 'kam: 1\ngoals:\n  - { id: g1 }\nactions:\n  - { id: a1, what: Visit }\n';
    const [finding] = findings(text, 'KAM503');
    assert.equal(applied(text, fixesFor(text, finding)[0]), 'kam: 1\ngoals:\n  - { id: g1 }\nactions:\n  - { id: a1, what: Visit, goal: g1 }\n');
    const none = 'kam: 1\nactions:\n  - { id: a1, what: Visit }\n';
    assert.deepEqual(fixesFor(none, findings(none, 'KAM503')[0]), []);
  });

  it('is left out of fix-all', () => {
    assert.equal(fixAll(planDocument('kam: 1\ngoals:\n  - { id: g1 }\nactions:\n  - { id: a1 }\n'), 'en', OPTIONS)?.changes?.[URI]?.some((e) => e.newText.includes('g1')) ?? false, false);
  });
});

describe('quick fixes: ground a goal in the drivers (KAM801)', () => {
  it('adds `drivers: []` after the goal’s statement, in the format’s order', () => {
    const text = fixture('KAM801');
    const [missing, empty] = findings(text, 'KAM801');
    const [action] = fixesFor(text, missing);
    assert.equal(action.title, 'Add `drivers: []` to the goal, to name the drivers it answers');
    assert.equal(action.isPreferred, undefined);
    assert.match(applied(text, action), /- id: g-share # expect: KAM801\n {4}statement: Raise our share of cardiology spend\n {4}drivers: \[\]\n {2}- id: g-listing/);
    assert.deepEqual(fixesFor(text, empty), [], 'the goal has its `drivers: []` already');
  });

  it('fills an empty `drivers:` in place', () => {
    const text = 'kam: 1\ndiagnosis:\n  drivers:\n    - { id: d1 }\ngoals:\n  - id: g1\n    drivers: # which?\n    owner: Li\n';
    const fixed = applied(text, fixesFor(text, findings(text, 'KAM801')[0])[0]);
    assert.equal(fixed, 'kam: 1\ndiagnosis:\n  drivers:\n    - { id: d1 }\ngoals:\n  - id: g1\n    drivers: [] # which?\n    owner: Li\n');
  });
});
