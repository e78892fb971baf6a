import * as assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { parsePlan } from '../../server/src/engine/parse';
import { ROLE_ALIASES, ROLE_NAMES, ROLES } from '../../server/src/engine/roles';
import { completions, type CompletionOptions } from '../../server/src/services/completion';
import type { PlanDocument } from '../../server/src/services/document';
import { FIXED_TODAY } from '../helpers';
import { example, planDocument, textAt } from './services-helpers';

const riverside = example('riverside-general');
const CURSOR = '‸';

/** Completions where `‸` stands in the text (the marker is taken out). */
function complete(textWithCursor: string, options: Partial<CompletionOptions> = {}): { items: CompletionItem[]; doc: PlanDocument } {
  const offset = textWithCursor.indexOf(CURSOR);
  assert.ok(offset >= 0, 'no cursor marker in the text');
  const doc = planDocument(textWithCursor.replace(CURSOR, ''));
  return { items: completions(doc, doc.document.positionAt(offset), { today: FIXED_TODAY, ...options }), doc };
}

/** riverside-general with one piece of text replaced (it must be there). */
function riversideWith(find: string, replacement: string): string {
  assert.ok(riverside.includes(find), `riverside-general has no \`${find}\``);
  return riverside.replace(find, replacement);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const docs = (item: CompletionItem) => (item.documentation as MarkupContent | undefined)?.value ?? '';

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no ${label} among ${labels(items).join(', ')}`);
  return found;
}

describe('services: completion of keys', () => {
  it('offers the keys a goal lacks, with their documentation, and not those it has', () => {
    const { items } = complete(riversideWith('    deadline: 2027-12-31\n    owner: Li Wei\n', `    ${CURSOR}\n    owner: Li Wei\n`));
    assert.deepEqual(labels(items), ['deadline']);
    const deadline = item(items, 'deadline');
    assert.equal(deadline.kind, CompletionItemKind.Property);
    assert.equal(deadline.detail, '截止日期'); // the rules' term for a deadline (was 期限)
    assert.match(docs(deadline), /When the target must be reached/);
    assert.match(docs(deadline), /Time-tabled \(T\)/);
    assert.equal(edit(deadline).newText, 'deadline: ');
    assert.equal(deadline.command?.command, 'editor.action.triggerSuggest', 'a date follows: ask for it');
  });

  it('completes a half-typed key, replacing the word, in Chinese when asked', () => {
    const { items, doc } = complete(riversideWith('    deadline: 2027-12-31\n    owner: Li Wei\n  - id: g-listing', `    owner: Li Wei\n    dead${CURSOR}\n  - id: g-listing`), { locale: 'zh-cn' });
    assert.ok(labels(items).includes('deadline'));
    assert.ok(!labels(items).includes('owner'), 'present keys are not offered again');
    const deadline = item(items, 'deadline');
    assert.equal(textAt(doc, edit(deadline).range), 'dead');
    assert.match(docs(deadline), /必须达到目标值的日期/);
    assert.match(docs(deadline), /有时间安排的（T）/);
  });

  it('inserts only the key when a colon already follows it', () => {
    const { items, doc } = complete('account:\n  name: X\n  sta‸ge: negotiation\n');
    const stage = item(items, 'stage');
    assert.equal(edit(stage).newText, 'stage');
    assert.equal(textAt(doc, edit(stage).range), 'stage');
  });

  it('opens a map or a list of maps on the next line, and a list of values as [ ]', () => {
    const top = complete(`kam: 1\n${CURSOR}`).items;
    assert.ok(!labels(top).includes('kam'));
    assert.deepEqual(labels(top), ['account', 'diagnosis', 'forecast', 'goals', 'strategy', 'actions', 'controls', 'feedback', 'rescue_network']);
    assert.equal(edit(item(top, 'account')).newText, 'account:\n  $0');
    assert.equal(edit(item(top, 'goals')).newText, 'goals:\n  - $0');
    assert.equal(item(top, 'goals').insertTextFormat, InsertTextFormat.Snippet);

    // After `- ` the key stands two columns right of the line's indentation: the new line goes two further.
    const stakeholder = complete('diagnosis:\n  stakeholders:\n    - ‸\n').items;
    assert.ok(labels(stakeholder).includes('id') && labels(stakeholder).includes('gatekeeper'));
    assert.equal(edit(item(stakeholder, 'roles')).newText, 'roles: [$0]');
    const strategy = complete('strategy:\n  ‸\n').items;
    assert.equal(edit(item(strategy, 'swot')).newText, 'swot:\n  $0');
    const swot = complete('strategy:\n  swot:\n    own_product:\n      strengths: [a]\n      ‸\n').items;
    assert.deepEqual(labels(swot), ['weaknesses', 'opportunities', 'threats']);
  });

  it('offers the keys of a new item, with its `- `, on a line of its own under a list of maps', () => {
    const { items, doc } = complete('goals:\n  - id: g1\n  st‸\n');
    const statement = item(items, '- statement');
    assert.equal(statement.filterText, 'statement');
    assert.equal(textAt(doc, edit(statement).range), 'st');
    assert.equal(edit(statement).newText, '- statement: ');
    assert.ok(labels(items).includes('- id'), 'a new item has none of its keys yet');
    assert.equal(edit(item(complete('diagnosis:\n  stakeholders:\n    ‸\n').items, '- roles')).newText, '- roles: [$0]');
  });

  it('offers the keys of a new list item after `- `, also in a list at its key’s column', () => {
    assert.ok(labels(complete('goals:\n  - ‸\n').items).includes('statement'));
    assert.deepEqual(labels(complete('goals:\n- id: g1\n  statement: Grow\n  ‸\n').items), ['drivers', 'direction', 'metric', 'baseline', 'target', 'deadline', 'owner']);
  });
});

describe('services: completion of values', () => {
  it('offers the six roles and every alias inside `roles: [ ]`', () => {
    const { items } = complete(riversideWith('roles: [proposer]', `roles: [${CURSOR}]`));
    assert.deepEqual(new Set(labels(items)), new Set(ROLE_NAMES));
    assert.equal(items.length, ROLES.length + Object.values(ROLE_ALIASES).flat().length);
    assert.deepEqual(labels(items).slice(0, 6), [...ROLES], 'the canonical names first');
    const killer = item(items, '杀手');
    assert.equal(killer.detail, 'constrainer · practicality (实际导向)');
    assert.match(docs(killer), /payment terms/);
    assert.equal(item(complete(riversideWith('roles: [proposer]', `roles: [${CURSOR}]`), { locale: 'zh-cn' }).items, 'coach').detail, 'guide · 指导者 · 协助导向');
  });

  it('does not offer a role the list already has, by any of its names', () => {
    const flow = labels(complete(riversideWith('roles: [guide, implementer]', `roles: [guide, ${CURSOR}]`)).items);
    for (const name of ['guide', '指导者', 'coach']) assert.ok(!flow.includes(name), `${name} offered again`);
    for (const name of ['implementer', 'decision-maker', '杀手']) assert.ok(flow.includes(name), `${name} not offered`);

    const block = labels(complete('diagnosis:\n  stakeholders:\n    - id: a\n      roles:\n        - 指导者\n        - ‸\n').items);
    assert.ok(!block.includes('guide') && block.includes('proposer'));

    // Typing after a comma, with more roles after the cursor.
    const typed = complete(riversideWith('roles: [guide, implementer]', `roles: [guide, pro${CURSOR}, implementer]`));
    assert.ok(!labels(typed.items).includes('implementer'));
    assert.equal(textAt(typed.doc, edit(item(typed.items, 'proposer')).range), 'pro');
  });

  it('offers stance values, also half-typed', () => {
    const { items } = complete(riversideWith('stance: neutral', `stance: ${CURSOR}`));
    assert.deepEqual(labels(items), ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown']);
    assert.equal(item(items, 'champion').detail, 'champion · 拥护者');
    assert.equal(item(items, 'champion').kind, CompletionItemKind.EnumMember);
    const typed = complete(riversideWith('stance: neutral', `stance: ne${CURSOR}`));
    assert.equal(textAt(typed.doc, edit(item(typed.items, 'neutral')).range), 'ne');
  });

  it('offers the enum values of direction, metric, stage, status and driver kind', () => {
    const direction = complete(riversideWith('direction: build-steady', `direction: ${CURSOR}`)).items;
    assert.deepEqual(labels(direction), ['build-fast', 'build-steady', 'maintain', 'harvest', 'withdraw']);
    assert.match(item(direction, 'harvest').detail ?? '', /谨慎掌控利润/);
    assert.match(docs(item(direction, 'build-steady')), /慢慢增加/);
    assert.ok(labels(complete(riversideWith('metric: share', `metric: ${CURSOR}`)).items).includes('volume'));
    assert.deepEqual(labels(complete(riversideWith('  stage: negotiation\n  updated', `  stage: ${CURSOR}\n  updated`)).items), ['proposal', 'negotiation', 'execution']);
    assert.deepEqual(labels(complete(riversideWith('status: planned', `status: ${CURSOR}`)).items), ['planned', 'done', 'cancelled']);
    assert.deepEqual(labels(complete(riversideWith('kind: external', `kind: ${CURSOR}`)).items), ['internal', 'external']);
    assert.deepEqual(labels(complete(riversideWith('      gatekeeper: true', `      gatekeeper: ${CURSOR}`)).items), ['true', 'false']);
  });

  it('offers the stakeholder ids in `with: [`, with name and title, and not those listed', () => {
    const { items } = complete(riversideWith('with: [zhao, liu]', `with: [${CURSOR}]`));
    assert.deepEqual(labels(items), ['zhao', 'wang', 'chen', 'liu']);
    assert.equal(item(items, 'zhao').detail, 'Dr. Zhao Min · President');
    assert.equal(item(items, 'zhao').kind, CompletionItemKind.Reference);
    assert.match(docs(item(items, 'liu')), /Gatekeeper/);
    assert.deepEqual(labels(complete(riversideWith('with: [zhao, liu]', `with: [zhao, ${CURSOR}`)).items), ['wang', 'chen', 'liu']);
    // A flow list carried over to the next line.
    assert.deepEqual(labels(complete(riversideWith('with: [zhao, liu]', `with: [zhao,\n           ${CURSOR}]`)).items), ['wang', 'chen', 'liu']);
  });

  it('offers stakeholders for reports_to and from, units for unit and parent, goals for goal', () => {
    assert.deepEqual(labels(complete(riversideWith('reports_to: zhao\n      roles: [proposer]', `reports_to: ${CURSOR}\n      roles: [proposer]`)).items), ['zhao', 'wang', 'chen', 'liu']);
    assert.deepEqual(labels(complete(riversideWith('from: zhao', `from: z${CURSOR}`)).items), ['zhao', 'wang', 'chen', 'liu']);
    const units = complete(riversideWith('unit: pharmacy', `unit: ${CURSOR}`)).items;
    assert.deepEqual(labels(units), ['presidency', 'pharmacy', 'cardiology', 'procurement']);
    assert.equal(item(units, 'pharmacy').detail, 'Pharmacy department');
    assert.deepEqual(labels(complete(riversideWith('      parent: presidency', `      parent: ${CURSOR}`)).items), ['presidency', 'pharmacy', 'cardiology', 'procurement']);

    const goals = complete(riversideWith('    goal: g-share\n    stage', `    goal: ${CURSOR}\n    stage`)).items;
    assert.deepEqual(labels(goals), ['g-share', 'g-listing']);
    assert.equal(item(goals, 'g-listing').detail, 'Get the new combination tablet listed on the formulary with 2,000 units a month');
    assert.deepEqual(labels(complete(riversideWith('  - goal: g-listing', `  - goal: ${CURSOR}`)).items), ['g-share', 'g-listing']);
  });

  it('offers a list’s items as a flow list when the value is typed on the key’s line', () => {
    const { items } = complete(riversideWith('with: [zhao, liu]', `with: ${CURSOR}`));
    assert.equal(edit(item(items, 'wang')).newText, '[wang]');
    assert.equal(edit(item(complete(riversideWith('roles: [proposer]', `roles: ${CURSOR}`)).items, 'guide')).newText, '[guide]');
  });

  it('offers today for every date field', () => {
    const dates: [string, string][] = [
      ['updated: 2026-11-20', 'updated: '],
      ['next_review: 2027-01-15', 'next_review: '],
      ['deadline: 2027-12-31', 'deadline: '],
      ['when: 2027-01-20', 'when: '],
      ['check: 2027-03-31', 'check: '],
      ['date: 2026-10-30', 'date: '],
      ['last_contact: 2026-10-30', 'last_contact: '],
    ];
    for (const [find, key] of dates) {
      const { items } = complete(riversideWith(find, `${key}${CURSOR}`), { today: '2027-02-03' });
      assert.deepEqual(labels(items), ['2027-02-03'], find);
      assert.equal(items[0].detail, 'today');
    }
    const typed = complete(riversideWith('deadline: 2027-12-31', `deadline: 2027${CURSOR}-12-31`), { locale: 'zh-cn' });
    assert.equal(typed.items[0].detail, '今天');
    assert.equal(textAt(typed.doc, edit(typed.items[0]).range), '2027-12-31', 'the whole date is replaced');
  });

  it('offers nothing for free text, comments and unknown places', () => {
    assert.deepEqual(complete(riversideWith('  name: Riverside General Hospital', `  name: Riverside ${CURSOR}`)).items, []);
    assert.deepEqual(complete(riversideWith('# Cycle:', `# Cy${CURSOR}cle:`)).items, []);
    assert.deepEqual(complete(riversideWith('      interests: [Hospital reputation', `      interests: [${CURSOR}Hospital reputation`)).items, []);
    assert.deepEqual(complete('account:\n  name: X\n    ‸\n').items, [], 'the continuation of a text value');
  });
});

describe('services: completion on broken text', () => {
  it('still offers keys and values when the document has a syntax error', () => {
    const broken = riversideWith('  owner: Li Wei\n  team', '  owner: Li Wei: Anna\n  team');
    assert.ok(parsePlan(broken).syntaxErrors.length > 0);
    const keys = complete(broken.replace('    deadline: 2027-12-31\n    owner: Li Wei\n', `    dead${CURSOR}\n    owner: Li Wei\n`)).items;
    assert.deepEqual(labels(keys), ['deadline']);
    assert.ok(labels(complete(broken.replace('stance: neutral', `stance: ${CURSOR}`)).items).includes('champion'));
  });

  it('takes the ids from the last good parse while the stakeholders cannot be read', () => {
    const broken = riversideWith('diagnosis:\n', 'diagnosis: [\n').replace('with: [zhao, liu]', `with: [${CURSOR}]`);
    assert.deepEqual(complete(broken).items, [], 'the broken parse has no stakeholders');
    const lastGoodPlan = parsePlan(riverside);
    assert.deepEqual(labels(complete(broken, { lastGoodPlan }).items), ['zhao', 'wang', 'chen', 'liu']);
    // The goals still parse: they come first, the last good parse only adds what is missing.
    const goal = riversideWith('diagnosis:\n', 'diagnosis: [\n').replace('  - id: g-listing', '  - id: g-new').replace('    goal: g-share\n    stage', `    goal: ${CURSOR}\n    stage`);
    assert.deepEqual(labels(complete(goal, { lastGoodPlan }).items), ['g-share', 'g-new', 'g-listing']);
  });

  it('never throws, anywhere in a plan or in a plan typed half-way', () => {
    const whole = planDocument(riverside);
    for (let offset = 0; offset <= riverside.length; offset += 3) {
      completions(whole, whole.document.positionAt(offset), { today: FIXED_TODAY, locale: offset % 2 ? 'en' : 'zh-cn' });
    }
    // The plan typed from the top, cut in the middle of every third line: the cursor at the end.
    const lines = riverside.split('\n');
    let offered = 0;
    for (let line = 0; line < lines.length; line += 3) {
      const text = [...lines.slice(0, line), lines[line].slice(0, Math.ceil(lines[line].length / 2))].join('\n');
      const prefix = planDocument(text);
      if (completions(prefix, prefix.document.positionAt(text.length), { today: FIXED_TODAY }).length > 0) offered++;
    }
    assert.ok(offered > 20, `completions offered at only ${offered} places`);
  });

  it('offers the half-typed top-level key and the first key of a fresh item', () => {
    assert.ok(labels(complete('kam: 1\nacc‸').items).includes('account'));
    assert.ok(labels(complete('kam: 1\naccount:\n  name: [oops\n  ‸').items).includes('owner'));
    assert.deepEqual(labels(complete('actions:\n  - what: Visit\n    who: Li Wei\n  - ‸').items).slice(0, 3), ['id', 'what', 'who']);
  });
});
