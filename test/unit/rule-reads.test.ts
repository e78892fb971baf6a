// Each rule's `reads` (the top-level keys whose values it reads) decides whether it runs again after an
// edit (engine/check.ts): a rule that reads a section it does not list would keep stale findings. Here
// every rule that lists its reads runs over the fixtures and examples through a plan that records which
// sections it touches.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parsePlan, type Entity, type Field, type Plan } from '../../server/src/engine';
import { RULES } from '../../server/src/rules';
import { checkPlan } from '../../server/src/rules/check';
import { FIXED_TODAY, repoPath } from '../helpers';

/** The top-level key each part of the model is read from. */
const SECTION_OF: Partial<Record<keyof Plan, string>> = {
  account: 'account',
  diagnosis: 'diagnosis',
  drivers: 'diagnosis',
  units: 'diagnosis',
  stakeholders: 'diagnosis',
  forecast: 'forecast',
  goals: 'goals',
  strategy: 'strategy',
  actions: 'actions',
  controls: 'controls',
  feedback: 'feedback',
  rescueNetwork: 'rescue_network',
};

/**
 * The plan as a rule sees it, noting in `touched` every section whose value is read: through the
 * model's lists and sections, or through the value of a top-level key (its key alone may be read).
 */
function recording(plan: Plan, touched: Set<string>): Plan {
  const root = plan.root && recordingRoot(plan.root, touched);
  return new Proxy(plan, {
    get(target, property, receiver) {
      if (property === 'root') return root;
      const section = SECTION_OF[property as keyof Plan];
      if (section) touched.add(section);
      return Reflect.get(target, property, receiver);
    },
  });
}

function recordingRoot(root: Entity, touched: Set<string>): Entity {
  const field = (name: string, f: Field): Field => ({
    key: f.key,
    get value() {
      touched.add(name);
      return f.value;
    },
    get node() {
      touched.add(name);
      return f.node;
    },
  });
  const all = () => {
    for (const name of root.fields.keys()) touched.add(name);
    return root.fields;
  };
  const fields = {
    get: (name: string) => {
      const f = root.fields.get(name);
      return f && field(name, f);
    },
    has: (name: string) => root.fields.has(name),
    get size() {
      return root.fields.size;
    },
    keys: () => root.fields.keys(),
    values: () => all().values(),
    entries: () => all().entries(),
    forEach: (fn: (f: Field, name: string) => void) => all().forEach(fn),
    [Symbol.iterator]: () => all()[Symbol.iterator](),
  } as unknown as Map<string, Field>;
  return { ...root, fields };
}

function plans(): [string, string][] {
  const dirs = [repoPath('test', 'fixtures', 'rules'), repoPath('examples')];
  return dirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.kam.yaml')).map((f): [string, string] => [f, fs.readFileSync(`${dir}/${f}`, 'utf8')]));
}

describe('rules read only the sections they list', () => {
  const all = plans();

  it('finds plans to read', () => assert.ok(all.length >= 40, `${all.length} plans`));

  for (const rule of RULES.filter((r) => r.reads)) {
    it(`${rule.code} reads ${rule.reads!.join(', ')}`, () => {
      const touched = new Set<string>();
      let findings = 0;
      for (const [, text] of all) {
        const plan = parsePlan(text);
        const found = checkPlan(recording(plan, touched), { today: FIXED_TODAY, rules: [rule] });
        // The same findings as without the recording: it changes nothing the rule sees.
        assert.deepEqual(found, checkPlan(parsePlan(text), { today: FIXED_TODAY, rules: [rule] }));
        findings += found.length;
      }
      assert.ok(findings > 0, `${rule.code} found nothing in the fixtures: the test saw none of its paths`);
      const unlisted = [...touched].filter((section) => !rule.reads!.includes(section));
      assert.deepEqual(unlisted, [], `${rule.code} reads ${unlisted.join(', ')} without listing it`);
    });
  }
});
