// How the form checks an intent's result (services/form/verify.ts): on a plan without aliases the
// part of the plan the change and the intent touch is compared, read by the incremental reparse; the
// whole plan otherwise. Either way a result that changes anything the intent did not ask for is
// refused, and the two ways agree.
import * as assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/engine/parse';
import { FormEditError, formEdits, intentResult } from '../../server/src/services/form/form-edit';
import { verifyResult, type Verified } from '../../server/src/services/form/verify';
import { applyOffsetEdits } from '../../server/src/services/fixes/text-edits';
import { FIXED_TODAY, readRepoFile } from '../helpers';

const HUADONG = readRepoFile('examples', 'huadong-peoples-hospital.kam.yaml');
const TITLE = ['diagnosis', 'stakeholders', 0, 'title'];

/** The intent's result and how the server verified it. */
function verifiedBy(text: string, intent: Parameters<typeof formEdits>[1]): { after: string; by: Verified[] } {
  const by: Verified[] = [];
  const edits = formEdits(text, intent, { today: FIXED_TODAY, verified: (how) => by.push(how) });
  return { after: applyOffsetEdits(text, edits), by };
}

describe('form edits: verifying the result', () => {
  it('verifies a field set, a list item added, removed and moved by the part changed', () => {
    const intents: Parameters<typeof formEdits>[1][] = [
      { op: 'set', path: TITLE, value: '副院长' },
      { op: 'set', path: ['diagnosis', 'stakeholders', 1, 'gatekeeper'], value: true },
      { op: 'set', path: ['diagnosis', 'stakeholders', 0, 'roles'], value: ['最高阶决策者', 'coach'] },
      { op: 'add', path: ['diagnosis', 'stakeholders'] },
      { op: 'remove', path: ['diagnosis', 'stakeholders', 2] },
      { op: 'move', path: ['diagnosis', 'stakeholders', 0], to: 2 },
    ];
    for (const intent of intents) {
      const { after, by } = verifiedBy(HUADONG, intent);
      assert.notEqual(after, HUADONG, JSON.stringify(intent));
      assert.deepEqual(by, ['part'], `${JSON.stringify(intent)} is verified by the part changed`);
    }
  });

  it('refuses, without throwing, a result that parses but does not read as data (an alias of no anchor)', () => {
    const result = intentResult('account:\n  team: []\n', { op: 'set', path: ['account', 'team'], value: ['*'] }, { today: FIXED_TODAY });
    assert.equal(result.after, 'account:\n  team: ["*"]\n');
    const spoiled = result.after.replace('["*"]', '[*"]');
    assert.equal(parsePlan(spoiled).syntaxErrors.length, 0, 'the spoiled text parses');
    for (const whole of [false, true]) assert.equal(verifyResult(result.before, spoiled, result.expectation, { whole }).ok, false);
    assert.equal(verifyResult(result.before, result.after, result.expectation).ok, true);
  });

  it('verifies the whole plan when an alias ties distant parts together', () => {
    const text = 'account:\n  name: &n Acme\n  owner: Li\nstrategy:\n  core: *n\n';
    const { after, by } = verifiedBy(text, { op: 'set', path: ['account', 'owner'], value: 'Wang' });
    assert.equal(after, text.replace('owner: Li', 'owner: Wang'));
    assert.deepEqual(by, ['whole']);
  });

  describe('refuses, by the part changed, a result that does more than the intent', () => {
    const intent = { op: 'set' as const, path: TITLE, value: '副院长' };
    const { before, after, expectation } = intentResult(HUADONG, intent, { today: FIXED_TODAY });
    const verdict = (text: string) => verifyResult(before, text, expectation);

    it('accepts the result itself', () => {
      assert.deepEqual(verdict(after), { ok: true, by: 'part' });
    });
    it('another field of the same entry changed', () => {
      assert.deepEqual(verdict(after.replace('name: 孙建国', 'name: 孙建')), { ok: false, by: 'part' });
    });
    it('a field of another entry changed', () => {
      assert.deepEqual(verdict(after.replace('name: 周敏', 'name: 周')), { ok: false, by: 'part' });
    });
    it('a field taken out of the same entry', () => {
      assert.deepEqual(verdict(after.replace('      unit: yuanban\n', '')), { ok: false, by: 'part' });
    });
    it('the value written as something else', () => {
      assert.deepEqual(verdict(after.replace('title: 副院长', 'title: 副院')), { ok: false, by: 'part' });
    });
    it('a result that does not parse', () => {
      assert.equal(verdict(after.replace('title: 副院长', 'title: "副院长')).ok, false);
    });
    it('and the whole plan read again says the same', () => {
      for (const text of [after, after.replace('name: 孙建国', 'name: 孙建'), after.replace('name: 周敏', 'name: 周')]) {
        assert.equal(verifyResult(before, text, expectation, { whole: true }).ok, verdict(text).ok);
      }
    });
  });

  it('leaves the plan it was given as it was (the server still reads it)', () => {
    const plan = parsePlan(HUADONG);
    const json = JSON.stringify(plan.doc.toJSON());
    const ranges = JSON.stringify(plan.stakeholders.map((s) => s.span));
    formEdits(HUADONG, { op: 'set', path: TITLE, value: '副院长' }, { plan, today: FIXED_TODAY });
    formEdits(HUADONG, { op: 'add', path: ['diagnosis', 'stakeholders'] }, { plan, today: FIXED_TODAY });
    assert.equal(JSON.stringify(plan.doc.toJSON()), json);
    assert.equal(JSON.stringify(plan.stakeholders.map((s) => s.span)), ranges);
    assert.throws(() => formEdits(HUADONG, { op: 'set', path: ['account', 'name', 'x'], value: 'A' }, { plan }), FormEditError);
  });
});
