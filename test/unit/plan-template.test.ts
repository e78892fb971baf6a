// "KAM: New Plan" makes its file from the whole-plan snippet (client/src/plan-template.ts): the text
// is YAML the checker reads, with the account's name in it however odd the name.
import * as assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/engine/parse';
import { planFileName, planFromSnippet, PLAN_SNIPPETS, resolveSnippet, yamlScalar } from '../../client/src/plan-template';
import { readRepoFile } from '../helpers';

const SNIPPETS = JSON.parse(readRepoFile('snippets', 'kam-yaml.json')) as Record<string, { body: string[] }>;

describe('new plan from the snippet', () => {
  for (const [locale, name] of Object.entries(PLAN_SNIPPETS)) {
    it(`${locale}: a plan that parses, named for the account, dated today, no snippet syntax left`, () => {
      const text = planFromSnippet(SNIPPETS[name].body, 'Eastside Clinic', '2026-11-26');
      const plan = parsePlan(text);
      assert.deepEqual(plan.syntaxErrors, []);
      assert.equal(plan.account?.name, 'Eastside Clinic');
      assert.equal(plan.account?.updated, '2026-11-26');
      assert.equal(plan.account?.stage, 'proposal');
      assert.ok(plan.rescueNetwork?.fields.has('proposal'), 'the rescue network follows the chosen stage');
      assert.equal(plan.actions[0].goal, plan.goals[0].id, 'mirrored tab stops agree');
      assert.doesNotMatch(text, /\$\{|\$\d|\$[A-Z]/);
      assert.ok(text.endsWith('\n'));
    });
  }

  it('quotes a name that is not plainly a name, and keeps it intact', () => {
    for (const name of ['Acme: Hospital #1', '"; DROP', 'true', '2026', ' - dash', '<img src=x onerror=alert(1)>', '医院 🏥']) {
      const text = planFromSnippet(SNIPPETS[PLAN_SNIPPETS.en].body, name, '2026-11-26');
      assert.equal(parsePlan(text).account?.name, name.trim(), name);
    }
    assert.equal(yamlScalar('Riverside General Hospital'), 'Riverside General Hospital');
    assert.equal(yamlScalar('华东人民医院'), '华东人民医院');
    assert.equal(yamlScalar('a: b'), '"a: b"');
  });

  it('resolves choices, defaults, mirrors, variables and escapes', () => {
    assert.equal(resolveSnippet('$2 ${1|x,y|} ${2:two} \\$1 ${3} $CURRENT_YEAR ${TM_X:none}$0', { CURRENT_YEAR: '2026' }), 'two x two $1  2026 none');
    assert.equal(resolveSnippet('${1:a} ${1:b} $1', {}, { 1: 'fixed' }), 'fixed fixed fixed');
  });

  it('names the file after the account', () => {
    assert.equal(planFileName('Riverside General Hospital'), 'riverside-general-hospital.kam.yaml');
    assert.equal(planFileName('华东人民医院（总院）'), '华东人民医院-总院.kam.yaml');
    assert.equal(planFileName('../../etc/passwd'), 'etc-passwd.kam.yaml');
    assert.equal(planFileName('🏥 !!'), 'plan.kam.yaml');
  });
});
