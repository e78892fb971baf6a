// The plan as a form (services/form/form-model.ts): built for every example and fixture, every
// section of the format in the cycle's order, every finding shown once and beside what it concerns,
// the method's words and choices, SMART letters and pickers that show names and store ids.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { checkPlan } from '../../server/src/rules/check';
import { parsePlan } from '../../server/src/engine/parse';
import { keyText } from '../../server/src/services/method-text';
import { buildFormModel, type FormField, type FormGroup, type FormItem, type FormListNode, type FormModel, type FormNode } from '../../server/src/services/form/form-model';
import { FIXED_TODAY, readRepoFile, repoPath } from '../helpers';

const SECTIONS = ['account', 'diagnosis', 'forecast', 'goals', 'strategy', 'actions', 'controls', 'feedback', 'rescue_network'];

function formOf(text: string, locale: 'en' | 'zh-cn' = 'en'): { form: FormModel; findings: ReturnType<typeof checkPlan> } {
  const plan = parsePlan(text);
  const findings = checkPlan(plan, { today: FIXED_TODAY });
  return { form: buildFormModel(plan, findings, { locale, fixTitles: (f) => [`fix ${f.code}`] }), findings };
}

/** Every node of the form, depth first. */
function nodes(form: FormModel): (FormNode | FormItem)[] {
  const out: (FormNode | FormItem)[] = [];
  const visit = (n: FormNode | FormItem) => {
    out.push(n);
    if (n.type === 'group' || n.type === 'item') n.children.forEach(visit);
    if (n.type === 'list') n.items.forEach(visit);
  };
  form.sections.forEach(visit);
  return out;
}

const at = (form: FormModel, path: (string | number)[]) => nodes(form).find((n) => JSON.stringify(n.path) === JSON.stringify(path));

const PLANS = [
  ...['examples', 'test/fixtures/rules', 'test/fixtures/bad', 'test/fixtures/fixes', 'test/fixtures/undo'].flatMap((dir) =>
    fs
      .readdirSync(repoPath(...dir.split('/')))
      .filter((f) => f.endsWith('.kam.yaml'))
      .map((f) => `${dir}/${f}`),
  ),
  'test/fixtures/hostile.kam.yaml',
];

describe('form model', () => {
  describe('every example and fixture', () => {
    for (const file of PLANS) {
      it(file, () => {
        const text = readRepoFile(...file.split('/'));
        const { form, findings } = formOf(text);
        const parses = parsePlan(text).syntaxErrors.length === 0;
        assert.equal(form.parses, parses);
        if (parses) assert.deepEqual(form.sections.map((s) => s.path[0]), SECTIONS, 'every section, in the cycle’s order');
        else {
          assert.deepEqual(form.sections, [], 'a plan that does not parse has no fields to edit');
          assert.ok(form.findings.some((f) => f.code === 'KAM001'), 'it shows the syntax error');
        }
        // Every finding is shown exactly once, on a node or at the top.
        const shown = [...form.findings, ...nodes(form).flatMap((n) => n.findings)];
        assert.equal(shown.length, findings.length);
        assert.deepEqual(shown.map((f) => `${f.code}@${f.at}`).sort(), findings.map((f) => `${f.code}@${f.span.start}`).sort());
        for (const n of nodes(form)) if (n.type !== 'item') assert.ok(Object.hasOwn(form.terms, n.term), `words for ${n.term}`);
        JSON.stringify(form); // plain data, posted as is
      });
    }
  });

  it('shows the values as written, with the kinds the format gives them', () => {
    const { form } = formOf(readRepoFile('examples', 'riverside-general.kam.yaml'));
    const field = (path: (string | number)[]) => at(form, path) as FormField;
    assert.deepEqual([field(['account', 'name']).kind, field(['account', 'name']).value], ['text', 'Riverside General Hospital']);
    assert.equal(field(['account', 'stage']).kind, 'enum');
    assert.equal(field(['account', 'stage']).control, 'stepper');
    assert.equal(field(['account', 'updated']).kind, 'date');
    assert.equal(field(['goals', 0, 'target']).kind, 'number');
    assert.equal(field(['goals', 0, 'target']).value, '28%');
    assert.equal(field(['diagnosis', 'stakeholders', 0, 'gatekeeper']).kind, 'bool');
    assert.equal(field(['diagnosis', 'stakeholders', 0, 'roles']).kind, 'roles');
    assert.equal(field(['actions', 0, 'with']).kind, 'references');
    assert.deepEqual(field(['actions', 0, 'with']).value, ['zhao', 'liu']);
    assert.equal(field(['actions', 0, 'goal']).kind, 'reference');
    assert.equal(field(['actions', 0, 'budget']).value, '5,000');
  });

  it('pickers show names and store ids', () => {
    const { form } = formOf(readRepoFile('examples', 'riverside-general.kam.yaml'));
    const zhao = form.references.stakeholder.find((c) => c.value === 'zhao');
    assert.ok(zhao && zhao.label.includes('Zhao') && zhao.label !== 'zhao', JSON.stringify(zhao));
    assert.ok(form.references.goal.some((c) => c.value === 'g-share' && c.label.startsWith('Raise')));
    assert.equal((at(form, ['diagnosis', 'stakeholders', 1, 'reports_to']) as FormField).ref, 'stakeholder');
  });

  it('speaks the plan’s locale: the course’s terms, the method’s help and questions', () => {
    const { form } = formOf('kam: 1\naccount:\n  name: A\n', 'zh-cn');
    const diagnosis = form.sections.find((s) => s.path[0] === 'diagnosis')!;
    assert.equal(diagnosis.present, false);
    assert.equal(form.terms[diagnosis.term].label, '诊断');
    assert.equal(form.terms[diagnosis.term].question, keyText(['diagnosis'])!.method!['zh-cn'], 'an empty section asks the hover’s question');
    assert.equal(form.terms['account.name'].help, keyText(['account', 'name'])!.zh);
    assert.equal(form.ui.add, '添加');
    const roles = formOf(readRepoFile('examples', 'riverside-general.kam.yaml'), 'zh-cn').form.terms['diagnosis.stakeholders.*.roles'].options!;
    assert.equal(roles.length, 6);
    assert.ok(roles.every((r) => /[\u4e00-\u9fff]/.test(r.label) && /[a-z]/.test(r.label)), 'each role in Chinese and English');
  });

  it('places each finding on the field or item it concerns, with its fixes', () => {
    const { form } = formOf(readRepoFile('test', 'fixtures', 'rules', 'KAM203.fires.kam.yaml'));
    const holders = nodes(form).filter((n) => n.findings.some((f) => f.code === 'KAM203'));
    assert.ok(holders.length > 0);
    for (const n of holders) assert.equal(n.type, 'field', `KAM203 sits on the reference itself, not on ${n.term}`);
    assert.ok(holders.every((n) => n.findings.every((f) => f.fixes.length === 1 && f.fixes[0] === `fix ${f.code}`)));
  });

  it('links each finding to its rule’s page, as the diagnostics do', () => {
    const { form, findings } = formOf(readRepoFile('test', 'fixtures', 'hostile.kam.yaml'));
    const shown = [...form.findings, ...nodes(form).flatMap((n) => n.findings)];
    assert.equal(shown.length, findings.length);
    for (const f of shown) {
      assert.equal(f.doc, toDiagnostic({ ...findings.find((g) => g.code === f.code)!, span: { start: 0, end: 0 } }, { positionAt: () => ({ line: 0, character: 0 }) }).codeDescription?.href);
      assert.ok(fs.existsSync(fileURLToPath(f.doc!)), `${f.code}: ${f.doc} is not a file`);
      assert.ok(f.doc!.endsWith(`/docs/rules/${f.code}.md`));
    }
  });

  it('marks the stakeholders as a table and SWOT as a grid of four rows of four lists', () => {
    const { form } = formOf(readRepoFile('examples', 'riverside-general.kam.yaml'));
    assert.equal((at(form, ['diagnosis', 'stakeholders']) as FormListNode).layout, 'table');
    const swot = at(form, ['strategy', 'swot']) as FormGroup;
    assert.equal(swot.layout, 'grid');
    assert.deepEqual(
      swot.children.map((r) => [r.path.at(-1), (r as FormGroup).children.map((c) => `${c.path.at(-1)}:${(c as FormField).kind}`)]),
      ['own_product', 'own_company', 'competitor_product', 'competitor_company'].map((r) => [r, ['strengths:list', 'weaknesses:list', 'opportunities:list', 'threats:list']]),
    );
  });

  it('gives each goal its SMART letters and a sentence', () => {
    const ok = formOf(readRepoFile('examples', 'riverside-general.kam.yaml')).form;
    const goal = at(ok, ['goals', 0]) as FormItem;
    assert.deepEqual(goal.smart?.map((s) => `${s.letter}${s.pass}`), ['Strue', 'Mtrue', 'Atrue', 'Rtrue', 'Ttrue']);
    assert.match(goal.sentence!, /22% to 28% by 2027/);
    const vague = formOf(readRepoFile('test', 'fixtures', 'rules', 'KAM302.fires.kam.yaml')).form;
    const goals = (vague.sections.find((s) => s.path[0] === 'goals') as FormListNode).items;
    assert.ok(goals.some((g) => g.smart?.find((s) => s.letter === 'M')?.pass === false), 'a goal without a measure fails M');
  });

  it('keeps hostile text as plain data', () => {
    const { form } = formOf(readRepoFile('test', 'fixtures', 'hostile.kam.yaml'));
    assert.equal((at(form, ['account', 'name']) as FormField).value, '<img src=x onerror=alert(1)> General');
  });
});
