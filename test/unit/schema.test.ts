// The plan schema (schemas/kam-plan.schema.json) and KAM002, which checks plans against it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import { checkText } from '../../server/src/rules/check';
import { RULES } from '../../server/src/rules';
import { quantityValue, type Finding } from '../../server/src/engine';
import { keysAt, PLAN_SCHEMA, schemaAt, validatePlanData, type SchemaNode } from '../../server/src/engine/schema';
import { isValidDate } from '../../server/src/engine/values';
import { kam002 } from '../../server/src/rules/kam002-schema';
import { FIXED_TODAY, readRepoFile } from '../helpers';

const EXAMPLE = readRepoFile('examples', 'riverside-general.kam.yaml');

function kam002Findings(text: string, locale: 'en' | 'zh-cn' = 'en'): Finding[] {
  return checkText(text, { today: FIXED_TODAY, rules: [kam002], config: { rules: {}, maxAnnualChange: 1, staleAfterDays: 90, locale } });
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Every schema node of the file, with where it stands, to check properties of all of them. */
function* schemaNodes(node: SchemaNode, where: string): Generator<[string, SchemaNode]> {
  yield [where, node];
  for (const [key, child] of Object.entries(node.properties ?? {})) yield* schemaNodes(child, `${where}/properties/${key}`);
  if (typeof node.additionalProperties === 'object') yield* schemaNodes(node.additionalProperties, `${where}/additionalProperties`);
  if (node.items) yield* schemaNodes(node.items, `${where}/items`);
}

function allSchemaNodes(): [string, SchemaNode][] {
  return [
    ...schemaNodes(PLAN_SCHEMA, '#'),
    ...Object.entries(PLAN_SCHEMA.definitions).flatMap(([name, node]) => [...schemaNodes(node, `#/definitions/${name}`)]),
  ];
}

describe('plan schema', () => {
  it('is a valid draft-07 schema that ajv compiles in strict mode', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addFormat('date', { type: 'string', validate: (s: string) => isValidDate(s) });
    assert.equal(ajv.validateSchema(PLAN_SCHEMA), true, JSON.stringify(ajv.errors));
    assert.equal(typeof ajv.compile(PLAN_SCHEMA), 'function');
    assert.equal((PLAN_SCHEMA as { $schema?: string }).$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('documents every property, and closes every map whose keys the spec fixes', () => {
    for (const [where, node] of allSchemaNodes()) {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        assert.ok(child.description?.trim(), `${where}/properties/${key} has no description`);
      }
      if (node.properties && where !== '#/properties/diagnosis/properties/financials') {
        assert.equal(node.additionalProperties, false, `${where} should not allow unknown keys`);
      }
    }
    assert.equal(typeof schemaAt(['diagnosis', 'financials'])?.additionalProperties, 'object', 'financials stays open');
  });

  it('requires only what no other rule reports missing: stakeholder id and name, account name', () => {
    const required = allSchemaNodes()
      .filter(([, node]) => node.required)
      .map(([where, node]) => `${where}: ${node.required!.join(', ')}`);
    assert.deepEqual(required.sort(), ['#/definitions/stakeholder: id, name', '#/properties/account: name']);
  });

  it('accepts the example plan as it is', () => {
    assert.deepEqual(validatePlanData(parseDocument(EXAMPLE).toJS()), []);
    assert.deepEqual(kam002Findings(EXAMPLE), []);
  });

  it('checks dates with the calendar, and numbers in the spec forms only', () => {
    const withAction = (when: string, budget: string) => ({ actions: [{ when, budget }] });
    assert.deepEqual(validatePlanData(withAction('2028-02-29', '1,200,000')), []);
    assert.equal(validatePlanData(withAction('2027-02-29', '12')).length, 1);
    // The schema's number pattern is the one the rules read numbers with.
    const numberPattern = new RegExp(PLAN_SCHEMA.definitions.quantity.pattern!);
    for (const sample of ['12', '12.5', '12%', '-3%', '1,200,000', '1,200.5', '1,20', '12 %', 'twelve', '12.', '']) {
      assert.equal(numberPattern.test(sample), quantityValue(sample) !== undefined, sample);
    }
  });

  it('answers hover and completion: descriptions and keys by YAML path', () => {
    assert.match(schemaAt(['diagnosis'])!.description!, /诊断/);
    assert.match(schemaAt(['goals', 0, 'deadline'])!.description!, /YYYY-MM-DD/);
    assert.equal(schemaAt(['goals', 0, 'deadline'])!.format, 'date', '$ref is followed');
    assert.match(schemaAt(['diagnosis', 'stakeholders', 2, 'gatekeeper'])!.description!, /关卡者/);
    assert.deepEqual(schemaAt(['goals', 0, 'direction'])!.enum, ['build-fast', 'build-steady', 'maintain', 'harvest', 'withdraw']);
    assert.match(schemaAt(['diagnosis', 'financials', 'beds'])!.description!, /financial figure/);
    assert.equal(schemaAt(['goals', 0, 'dealine']), undefined);
    assert.equal(schemaAt(['account', 'name', 'x']), undefined);
    assert.deepEqual(keysAt(['account']), ['name', 'segment', 'owner', 'team', 'stage', 'updated', 'next_review']);
    assert.ok(keysAt(['actions', 0]).includes('budget'));
    assert.deepEqual(keysAt(['kam']), []);
  });
});

describe('KAM002 schema', () => {
  // Each snippet follows `kam: 1` on line 1; `line` is where the finding starts.
  const cases: { name: string; yaml: string; messageId: string; line: number; suggestion?: string; args?: Record<string, string> }[] = [
    { name: 'unknown top-level key', yaml: 'goal:\n  - id: g1\n', messageId: 'unknownKeySuggestion', line: 2, suggestion: 'goals' },
    { name: 'unknown key in a goal', yaml: 'goals:\n  - id: g1\n    dealine: 2027-12-31\n', messageId: 'unknownKeySuggestion', line: 4, suggestion: 'deadline' },
    { name: 'unknown key, nothing near', yaml: 'account:\n  name: X\n  favourite_colour: blue\n', messageId: 'unknownKey', line: 4 },
    { name: 'no suggestion of a key already there', yaml: 'account:\n  name: X\n  owner: Li\n  owners: Li\n', messageId: 'unknownKey', line: 5 },
    { name: 'a map where text belongs', yaml: 'account:\n  name:\n    first: X\n', messageId: 'wrongType', line: 3, args: { expected: 'text', actual: 'a map' } },
    { name: 'text where a list belongs', yaml: 'forecast:\n  risks: Generix wins the tender\n', messageId: 'wrongType', line: 3, args: { expected: 'a list' } },
    { name: 'a list item of the wrong kind', yaml: 'goals:\n  - g1\n', messageId: 'wrongType', line: 3, args: { what: '`goals` item 1', expected: 'a map of keys' } },
    { name: 'not a boolean', yaml: 'diagnosis:\n  stakeholders:\n    - id: a\n      name: A\n      gatekeeper: yes\n', messageId: 'wrongType', line: 6 },
    { name: 'enum with a suggestion', yaml: 'diagnosis:\n  stakeholders:\n    - id: a\n      name: A\n      stance: supportr\n', messageId: 'badChoiceSuggestion', line: 6, suggestion: 'supporter' },
    { name: 'enum, case only', yaml: 'goals:\n  - id: g1\n    metric: Share\n', messageId: 'badChoiceSuggestion', line: 4, suggestion: 'share' },
    { name: 'enum, nothing near', yaml: 'goals:\n  - id: g1\n    direction: sideways\n', messageId: 'badChoice', line: 4 },
    { name: 'enum given a list', yaml: 'actions:\n  - status: [planned, done]\n', messageId: 'wrongType', line: 3 },
    { name: 'driver kind', yaml: 'diagnosis:\n  drivers:\n    - name: DRG\n      kind: internl\n', messageId: 'badChoiceSuggestion', line: 5, suggestion: 'internal' },
    { name: 'no such day', yaml: 'account:\n  name: X\n  updated: 2027-02-30\n', messageId: 'badDate', line: 4, args: { value: '2027-02-30' } },
    { name: 'not a date at all', yaml: 'feedback:\n  - date: last week\n', messageId: 'badDate', line: 3 },
    { name: 'a date as a number', yaml: 'controls:\n  - check: 20270331\n', messageId: 'wrongType', line: 3, args: { expected: 'a date (YYYY-MM-DD)' } },
    { name: 'budget in words', yaml: 'actions:\n  - budget: five thousand\n', messageId: 'badNumber', line: 3 },
    { name: 'budget with a currency', yaml: 'actions:\n  - budget: ¥5,000\n', messageId: 'badNumber', line: 3 },
    { name: 'id with a space', yaml: 'goals:\n  - id: g share\n', messageId: 'badId', line: 3 },
    { name: 'id starting with a digit', yaml: 'diagnosis:\n  organization:\n    - id: 2nd-floor\n      name: Ward\n', messageId: 'badId', line: 4 },
    { name: 'id as a number', yaml: 'actions:\n  - id: 42\n', messageId: 'wrongType', line: 3 },
    { name: 'blank reference', yaml: 'actions:\n  - with: [""]\n', messageId: 'blankReference', line: 3 },
    { name: 'stakeholder without an id', yaml: 'diagnosis:\n  stakeholders:\n    - name: Liu Yan\n', messageId: 'missingKey', line: 4, args: { key: 'id' } },
    { name: 'stakeholder with an empty name', yaml: 'diagnosis:\n  stakeholders:\n    - id: liu\n      name:\n', messageId: 'missingKey', line: 5, args: { key: 'name' } },
    { name: 'account without a name', yaml: 'account:\n  owner: Li Wei\n', messageId: 'missingKey', line: 2, args: { key: 'name' } },
    { name: 'wrong format version', yaml: 'account:\n  name: X\n', messageId: 'notConst', line: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = (c.name === 'wrong format version' ? 'kam: 2\n' : 'kam: 1\n') + c.yaml;
      const findings = kam002Findings(text);
      assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
      const [f] = findings;
      assert.equal(f.messageId, c.messageId, f.message);
      assert.equal(lineOf(text, f.span.start), c.line, f.message);
      assert.equal(f.data?.suggestion, c.suggestion);
      // A bilingual argument (a term) is compared in English, the language of these cases.
      const english = (arg: unknown) => (typeof arg === 'object' && arg !== null ? (arg as { en: string }).en : arg);
      for (const [k, v] of Object.entries(c.args ?? {})) assert.equal(english(f.args[k]), v, `${k} in ${f.message}`);
    });
  }

  it('says it in our words in both languages, never in ajv’s', () => {
    for (const locale of ['en', 'zh-cn'] as const) {
      for (const f of cases.flatMap((c) => kam002Findings(`kam: 1\n${c.yaml}`, locale))) {
        assert.doesNotMatch(f.message, /must (NOT|match|have|be equal)|\{\w+\}/, f.message);
        if (locale === 'zh-cn') assert.match(f.message, /[\u4e00-\u9fff]/, f.message);
      }
    }
  });

  it('reads the whole key, message and quick-fix data of an unknown key', () => {
    const text = 'kam: 1\ngoals:\n  - id: g1\n    dealine: 2027-12-31\n';
    const [f] = kam002Findings(text);
    assert.equal(text.slice(f.span.start, f.span.end), 'dealine');
    assert.equal(f.message, 'Unknown key `dealine` in goal; did you mean `deadline`?');
    assert.deepEqual(f.data, { key: 'dealine', suggestion: 'deadline', path: ['goals', 0, 'dealine'] });
    assert.equal(kam002Findings(text, 'zh-cn')[0].message, '目标中有未知的键 `dealine`；是否指 `deadline`？');
  });

  it('tells a misspelt required key once, as the unknown key', () => {
    const findings = kam002Findings('kam: 1\naccount:\n  nam: X\n');
    assert.deepEqual(findings.map((f) => [f.messageId, f.data?.suggestion]), [['unknownKeySuggestion', 'name']]);
  });

  it('gives one finding per place', () => {
    // `kam: "1"` breaks both `type` and `const`; one finding tells it.
    const findings = kam002Findings('kam: "1"\naccount:\n  name: X\n');
    assert.deepEqual(findings.map((f) => f.messageId), ['notConst']);
  });

  it('shows a wrong block value by its key, an inline one by itself', () => {
    const block = 'kam: 1\nforecast:\n  risks:\n    text: a\n';
    const [b] = kam002Findings(block);
    assert.equal(block.slice(b.span.start, b.span.end), 'risks');
    const inline = 'kam: 1\nforecast:\n  risks: {text: a}\n';
    const [i] = kam002Findings(inline);
    assert.equal(inline.slice(i.span.start, i.span.end), '{text: a}');
  });

  it('follows aliases, and reports a value shared by several aliases once', () => {
    const text = 'kam: 1\naccount:\n  name: X\n  updated: &d 2027-02-30\n  next_review: *d\n';
    const findings = kam002Findings(text);
    assert.deepEqual(findings.map((f) => [f.messageId, lineOf(text, f.span.start)]), [['badDate', 4], ['badDate', 5]]);
    const shared = 'kam: 1\nx: &s {status: planed}\nactions:\n  - *s\n  - *s\n';
    assert.deepEqual(kam002Findings(shared).map((f) => [f.messageId, lineOf(shared, f.span.start)]), [['unknownKey', 2], ['badChoiceSuggestion', 2]]);
  });

  it('survives an alias bomb with one finding, and a circular alias', () => {
    let text = 'kam: 1\nx0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 9; i++) text += `x${i}: &x${i} [${Array(10).fill(`*x${i - 1}`).join(', ')}]\n`;
    const started = Date.now();
    const findings = checkText(text, { today: FIXED_TODAY });
    assert.ok(Date.now() - started < 5000, 'does not expand the bomb');
    const bomb = findings.filter((f) => f.code === 'KAM002' && f.messageId === 'aliases');
    assert.equal(bomb.length, 1);
    assert.equal(lineOf(text, bomb[0].span.start), 3);
    assert.doesNotThrow(() => kam002Findings('kam: 1\naccount: &a\n  name: X\n  team: *a\n'));
  });

  it('leaves an alias to no anchor to KAM001', () => {
    const findings = checkText('kam: 1\naccount:\n  name: *nobody\n', { today: FIXED_TODAY });
    assert.deepEqual(findings.filter((f) => f.code === 'KAM001').map((f) => f.messageId), ['unknownAlias']);
    assert.deepEqual(findings.filter((f) => f.code === 'KAM002'), []);
  });

  describe('does not report what another rule reports', () => {
    const codesOf = (yaml: string) => {
      const findings = checkText(`kam: 1\n${yaml}`, { today: FIXED_TODAY });
      return findings.map((f) => f.code);
    };
    const owned: [string, string, string][] = [
      ['an unknown role (KAM202)', 'diagnosis:\n  stakeholders:\n    - id: a\n      name: A\n      roles: [guru, 42]\n', 'KAM202'],
      ['a reference to nothing (KAM203)', 'diagnosis:\n  stakeholders:\n    - id: a\n      name: A\n      reports_to: nobody at all\n      unit: 7\n', 'KAM203'],
      ['a target in words (KAM302)', 'goals:\n  - id: g1\n    baseline: some\n    target: [more]\n', 'KAM302'],
      ['an impossible deadline (KAM305)', 'goals:\n  - id: g1\n    deadline: 2027-02-30\n', 'KAM305'],
      ['a missing deadline (KAM305)', 'goals:\n  - id: g1\n    deadline:\n', 'KAM305'],
      ['an empty diagnosis section (KAM102)', 'diagnosis:\n  macro:\n  micro:\n    pricing: flat\n', 'KAM102'],
      ['an action without budget (KAM501)', 'actions:\n  - id: a1\n    what: Visit\n    budget:\n', 'KAM501'],
    ];
    for (const [name, yaml, code] of owned) {
      it(name, () => {
        const codes = codesOf(yaml);
        assert.ok(codes.includes(code), `${code} fires: ${codes.join(', ')}`);
        assert.ok(!codes.includes('KAM002'), `KAM002 stays silent: ${codes.join(', ')}`);
      });
    }
  });

  it('is registered, and loads ajv only when a plan is first checked', () => {
    assert.ok(RULES.includes(kam002));
    const check = path.join(__dirname, '..', '..', 'server', 'src', 'rules', 'check');
    const script = `
      const engine = require(${JSON.stringify(check)});
      const ajvLoaded = () => Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/]ajv[\\/]/.test(k));
      const before = ajvLoaded();
      engine.checkText('kam: 1\\n');
      console.log(JSON.stringify([before, ajvLoaded()]));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [false, true]);
  });
});

describe('KAM002 on keys named like Object methods', () => {
  it('reports a map where a list belongs, even when its key is `toString`', () => {
    const text = 'rescue_network:\n  proposal:\n    internal:\n      toString: ""\n      valueOf: 1\n';
    const findings = checkText(text, { today: '2026-11-26' }).filter((f) => f.code === 'KAM002');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /`internal`/);
  });
});
