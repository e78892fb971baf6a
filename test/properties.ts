// What must hold for any text the checker is given, and the texts to try it on: random plans,
// mutations of the example plans, and YAML token soup; and that a plan reparsed after an edit reads
// as a fresh parse. Shared by test/unit/properties.test.ts
// (a few hundred cases in `npm test`) and test/fuzz.ts (`npm run fuzz`, 100,000 and more).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { isCollection, isMap, isPair, isScalar, parseDocument, stringify, type YAMLError } from 'yaml';
import { parsePlan, type Finding, type Plan } from '../server/src/engine';
import { allFindings, runRulesAfterEdit, type FindingsByRule } from '../server/src/engine/check';
import { RULES } from '../server/src/rules';
import { shiftFindings } from '../server/src/engine/shift';
import { checkPlan, checkText } from '../server/src/rules/check';
import { FIXED_TODAY, repoPath } from './helpers';

// ---- Texts --------------------------------------------------------------------------------------

const CHINESE = [...'诊断预测目标策略行动控制反馈客户医院院长药剂科主任关键决策者提议者指导者执行者杀手影响者份额增长'];
const IDS = ['zhao', 'wang', 'chen', 'liu', 'presidency', 'pharmacy', 'g-share', 'g-listing', 'a-visit', 'Zhao', 'zhаo', 'li wei', ''];
const ROLES = ['decision-maker', 'proposer', 'guide', 'implementer', 'constrainer', 'influencer', '决策者', '指导者', 'coach', 'killer', 'boss'];

/** Free text as people write it in a plan: English, Chinese, any Unicode, now and then something odd. */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Li Wei', 'Riverside General Hospital', 'Raise our share from 22% to 28%', 'DRG cost control', 'yes', 'null', '1e400', '.nan', '-0', '٣٤', '@x', '- a', 'a: b', '# not a comment', "it's", '"quoted"') },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...CHINESE), maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const id = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...IDS) }, { weight: 1, arbitrary: text });
const date = fc.oneof(
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2027-02-30', '2027-13-01', '2027-2-3', 'soon', '2026-11-26', '2026-11-25'),
);
const quantity = fc.oneof(
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double(),
  fc.constantFrom('12%', '1,200,000', '12.5', '٣٤', 'a lot', '', '22 %'),
);
/** Now and then a value of the wrong type, as people mistype. */
const anything = fc.oneof(text, quantity, fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 2 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anything });
const listOf = <T>(arb: fc.Arbitrary<T>, maxLength = 4) => maybe(fc.array(arb, { maxLength }));

const stakeholder = fc.record(
  {
    id,
    name: text,
    title: text,
    unit: id,
    reports_to: id,
    roles: listOf(fc.constantFrom(...ROLES), 3),
    stance: fc.constantFrom('champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown', 'friendly'),
    influence: fc.constantFrom('high', 'medium', 'low', 'huge'),
    gatekeeper: maybe(fc.boolean()),
    interests: listOf(text, 3),
    owner: text,
    last_contact: date,
  },
  { requiredKeys: [] },
);
const goal = fc.record(
  {
    id,
    statement: text,
    direction: fc.constantFrom('build-fast', 'build-steady', 'maintain', 'harvest', 'withdraw', 'up'),
    metric: fc.constantFrom('share', 'growth', 'contribution', 'revenue', 'volume', 'price', 'spend', 'other', 'happiness'),
    baseline: quantity,
    target: quantity,
    deadline: date,
    owner: text,
  },
  { requiredKeys: [] },
);
const action = fc.record(
  {
    id,
    what: text,
    who: text,
    with: listOf(id, 3),
    where: text,
    when: date,
    budget: quantity,
    goal: id,
    stage: fc.constantFrom('proposal', 'negotiation', 'execution', 'signing'),
    status: fc.constantFrom('planned', 'done', 'cancelled', 'maybe'),
  },
  { requiredKeys: [] },
);
const plan = fc.record(
  {
    kam: maybe(fc.constant(1)),
    account: maybe(
      fc.record(
        { name: text, segment: text, owner: text, team: listOf(text), stage: fc.constantFrom('proposal', 'negotiation', 'execution'), updated: date, next_review: date },
        { requiredKeys: [] },
      ),
    ),
    diagnosis: maybe(
      fc.record(
        {
          macro: maybe(fc.record({ economic: text, regulatory: listOf(text), political: text, other: text }, { requiredKeys: [] })),
          micro: maybe(fc.record({ competition: text, pricing: listOf(text), purchasing: text }, { requiredKeys: [] })),
          drivers: listOf(fc.record({ name: text, kind: fc.constantFrom('internal', 'external', 'both'), note: text }, { requiredKeys: [] }), 7),
          organization: listOf(fc.record({ id, name: text, parent: id }, { requiredKeys: [] })),
          stakeholders: listOf(stakeholder, 6),
          financials: maybe(fc.dictionary(fc.constantFrom('revenue', 'our_sales', 'share', 'growth', 'notes'), fc.oneof(text, quantity))),
        },
        { requiredKeys: [] },
      ),
    ),
    forecast: maybe(fc.record({ changes: listOf(text), opportunities: listOf(text), risks: listOf(text) }, { requiredKeys: [] })),
    goals: listOf(goal),
    strategy: maybe(fc.record({ positioning: text, core: text, swot: maybe(fc.record({ own_product: fc.record({ strengths: listOf(text), threats: listOf(text) }, { requiredKeys: [] }) }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    actions: listOf(action),
    controls: listOf(fc.record({ goal: id, measure: text, check: date, status: text }, { requiredKeys: [] })),
    feedback: listOf(fc.record({ date, from: id, said: text, response: text }, { requiredKeys: [] })),
    rescue_network: maybe(fc.dictionary(fc.constantFrom('proposal', 'negotiation', 'execution'), fc.record({ internal: listOf(text), customer: listOf(text) }, { requiredKeys: [] }))),
  },
  { requiredKeys: [] },
);

/** A random plan as YAML, in block or flow style, with comment lines dropped in between. */
export const randomPlan: fc.Arbitrary<string> = fc
  .tuple(plan, fc.boolean(), fc.array(fc.tuple(fc.nat(), text), { maxLength: 4 }))
  .map(([model, flow, comments]) => {
    const lines = stringify(model, { collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 }).split('\n');
    for (const [at, words] of comments) lines.splice(at % (lines.length + 1), 0, `# ${words.replace(/[\r\n]/g, ' ')}`);
    return lines.join('\n');
  });

/** The example plans and the rule fixtures: whole plans, and small ones that each touch one rule. */
const EXAMPLES = [['examples'], ['test', 'fixtures', 'rules']].flatMap((dir) =>
  fs
    .readdirSync(repoPath(...dir))
    .filter((f) => f.endsWith('.kam.yaml'))
    .sort()
    .map((f) => fs.readFileSync(repoPath(...dir, f), 'utf8')),
);

type Mutation = (text: string) => string;
const lineMutation = (edit: (lines: string[], i: number, j: number) => void) =>
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const lines = t.split('\n');
    edit(lines, a % lines.length, b % lines.length);
    return lines.join('\n');
  });
const insertion = (piece: fc.Arbitrary<string>) =>
  fc.tuple(fc.nat(), piece).map(([at, s]): Mutation => (t) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + s + t.slice(i);
  });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  lineMutation((lines, i) => lines.splice(i, 1)), // delete a line
  lineMutation((lines, i) => lines.splice(i, 0, lines[i])), // duplicate a line
  lineMutation((lines, i, j) => ([lines[i], lines[j]] = [lines[j], lines[i]])), // swap two lines
  insertion(fc.string({ maxLength: 5 })),
  insertion(fc.string({ unit: 'binary', maxLength: 5 })),
  insertion(fc.constantFrom('\t', '\r', '\r\n', '\n', ' ', ': ', '- ', '#', '"', "'", '[', ']', '{', '}', '&a ', '*a', '\uFEFF', '\u0000', '\uFFFD', '\uD800', 'а')),
  fc.nat().map((at): Mutation => (t) => t.slice(0, at % (t.length + 1))), // truncate
);

/** An example plan (or a rule fixture) after a few random edits. */
export const mutatedExample: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([start, edits]) => edits.reduce((t, edit) => edit(t), start));

/** YAML's punctuation in random order: mostly broken YAML, the parser's corners. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom('- ', ': ', '? ', '[', ']', '{', '}', ', ', '\n', '\r\n', '\r', '  ', '\t', '# c', '&a ', '*a', '*b', '!!str ', '!x ', '"', "'", '|', '>', '---\n', '...\n', '%YAML 1.2\n', 'kam', 'account', 'name', 'goals', 'id', 'zhao', '1', '1e400', '.nan', '2027-02-30', '\uFEFF', '\u0000', '\u001b', '中文', '\\'),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

export const ARBITRARIES = { randomPlan, mutatedExample, tokenSoup } as const;

// ---- What must hold -----------------------------------------------------------------------------

function isSorted(findings: readonly Finding[]): boolean {
  return findings.every((f, i) => i === 0 || findings[i - 1].span.start < f.span.start || (findings[i - 1].span.start === f.span.start && findings[i - 1].code.localeCompare(f.code) <= 0));
}

/**
 * Checks a text as the server does and asserts the invariants: no throw, every span inside the
 * text, the same findings on a second run, findings sorted, and the same syntax errors as `yaml`'s
 * own `parseDocument` (the engine reads the parse in steps of its own).
 */
export function assertInvariants(text: string): Finding[] {
  const plan = parsePlan(text);
  const findings = checkPlan(plan, { today: FIXED_TODAY });
  for (const f of findings) {
    assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${f.code} at ${f.span.start}-${f.span.end}, text length ${text.length}`);
  }
  assert.equal(JSON.stringify(checkText(text, { today: FIXED_TODAY })), JSON.stringify(findings), 'a second run differs');
  assert.ok(isSorted(findings), 'findings not sorted by position, then code');
  // Duplicate keys are found by the engine itself, at the key (the parser sometimes points at the line end before it).
  const errors = (list: readonly YAMLError[]) => list.map((e) => (e.code === 'DUPLICATE_KEY' ? e.code : `${e.code}@${e.pos.join('-')}`)).sort();
  assert.deepEqual(errors(plan.syntaxErrors), errors(parseDocument(text, { uniqueKeys: true }).errors), 'syntax errors differ from yaml parseDocument');
  return findings;
}

/** One property per kind of text, for fc.assert (tests) or fc.check (the fuzzer). */
export function invariantProperty(arbitrary: fc.Arbitrary<string>): fc.IPropertyWithHooks<[string]> {
  return fc.property(arbitrary, (t) => {
    assertInvariants(t);
  });
}

// ---- Reparsing after an edit --------------------------------------------------------------------

/** One keystroke-sized edit: at a place in the text, some characters deleted and a piece typed. */
interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/**
 * Edits of whole lines, as people make them with the keyboard's line commands and the clipboard:
 * `count` lines from line `line` deleted, copied before line `to` (a paste), or a blank line of
 * `count` spaces put before line `line`; and `typed` put into the `nth` comment, `at` characters after
 * its `#`.
 */
type LineEdit =
  | { lines: 'delete' | 'paste' | 'blank'; line: number; count: number; to: number }
  | { comment: number; at: number; remove: number; typed: string };

/** Mostly words, as people type; now and then YAML's punctuation and line breaks. */
const typed = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('a', 'Z', '7', '中', 'é', ' ', 'ab', '') },
  { weight: 1, arbitrary: fc.constantFrom('  ', '\n', '\n  ', '\n    ', '\n      - ', '- ', ': ', ':', '#', ' #', '"', "'", '[', ']', '{', '}', ', ', '\r\n', '|', '>', '\t', '---', '&a', ' # note', '\n  # note', '\n\n') },
);
const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 })), insert: typed });
const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ lines: fc.constantFrom('delete' as const, 'paste' as const, 'blank' as const), line: fc.nat(), count: fc.integer({ min: 0, max: 24 }), to: fc.nat() }),
  fc.record({ comment: fc.nat(), at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })), typed: fc.constantFrom('a', ' ', '中', 'x y', '#', ': b', '\t', '- ', '') }),
);

/** A plan (an example, a fixture or a random block-style plan) and a run of edits typed into it; `undo` steps revert the one before. */
export const editSession: fc.Arbitrary<{ start: string; edits: (Edit | LineEdit | 'undo')[] }> = fc.record({
  start: fc.oneof(fc.constantFrom(...EXAMPLES), randomPlan.filter((t) => !t.startsWith('{'))),
  edits: fc.array(fc.oneof({ weight: 3, arbitrary: edit }, { weight: 2, arbitrary: lineEdit }, { weight: 1, arbitrary: fc.constant('undo' as const) }), { minLength: 1, maxLength: 12 }),
});

/** The text after an edit. */
export function edited(text: string, step: Edit | LineEdit): string {
  if ('insert' in step) {
    const at = step.at % (text.length + 1);
    return text.slice(0, at) + step.insert + text.slice(at + step.remove);
  }
  if ('comment' in step) {
    const hashes = [...text.matchAll(/(?:^|[ \t])#/gm)].map((m) => m.index! + m[0].length);
    if (hashes.length === 0) return text;
    const hash = hashes[step.comment % hashes.length];
    const end = text.slice(hash).search(/\r?\n|$/) + hash;
    const at = hash + (step.at % (end - hash + 1));
    return text.slice(0, at) + step.typed + text.slice(Math.min(end, at + step.remove));
  }
  // Lines with their breaks, so that a deleted or pasted line takes its own.
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const line = step.line % (lines.length + 1);
  if (step.lines === 'delete') lines.splice(line, step.count);
  else if (step.lines === 'paste') lines.splice(step.to % (lines.length + 1), 0, ...lines.slice(line, line + step.count));
  else lines.splice(line, 0, `${' '.repeat(step.count)}\n`);
  return lines.join('');
}

/** The document as the engine reads it: every node's kind, value, style and range. */
export function documentShape(plan: Plan): string {
  const out: string[] = [JSON.stringify(plan.doc.range), plan.doc.errors.map((e) => `${e.code}@${e.pos.join('-')}`).join(',')];
  const walk = (node: unknown): void => {
    if (isPair(node)) {
      out.push(':');
      walk(node.key);
      walk(node.value);
    } else if (isScalar(node)) out.push(`${node.type}${JSON.stringify(node.value)}${JSON.stringify(node.range)}`);
    else if (isCollection(node)) {
      out.push(`${isMap(node) ? 'map' : 'seq'}${node.flow ? ' flow' : ''}${JSON.stringify(node.range)}(`);
      for (const item of node.items) walk(item);
      out.push(')');
    } else out.push(String(node));
  };
  walk(plan.doc.contents);
  return out.join(' ');
}

/** The typed model as rules read it: every entity's values and spans (the fields' nodes left out: the document is compared apart). */
export function modelShape(plan: Plan): string {
  const { text, doc, lines, syntaxErrors, shift, edit, ...model } = plan;
  return JSON.stringify(model, (key, value) => {
    if (value instanceof Map) return [...value].map(([name, field]) => [name, field.key, field.value]);
    return value;
  });
}

function lineStarts(plan: Plan): number[] {
  return Array.from({ length: plan.lines.count }, (_, i) => plan.lines.start(i));
}

/**
 * Types the edits, parsing each version from the one before as the server does, and asserts that
 * every version reads exactly as a fresh parse of its text: the same document, line starts, model and
 * findings, and the findings of the rules run again only where the edit changed what they read equal a
 * full check's. Returns how many versions reused their predecessor's document.
 */
export function assertReparseMatches(session: { start: string; edits: (Edit | LineEdit | 'undo')[] }): number {
  let text = session.start;
  let plan = parsePlan(text);
  let findings = JSON.stringify(checkPlan(plan, { today: FIXED_TODAY }));
  let byRule: FindingsByRule = runRulesAfterEdit(plan, RULES, undefined, { today: FIXED_TODAY });
  const history: string[] = [];
  let reused = 0;
  for (const step of session.edits) {
    let next: string;
    if (step === 'undo') {
      if (history.length === 0) continue;
      next = history.pop()!;
    } else {
      next = edited(text, step);
      history.push(text);
    }
    const before = plan.doc;
    const previousFindings = JSON.parse(findings) as Finding[];
    const incremental = parsePlan(next, plan);
    if (incremental.doc === before) reused++;
    const fresh = parsePlan(next);
    const where = `after ${JSON.stringify(step)} on ${JSON.stringify(text)}`;
    assert.equal(documentShape(incremental), documentShape(fresh), `document differs ${where}`);
    assert.deepEqual(lineStarts(incremental), lineStarts(fresh), `lines differ ${where}`);
    assert.equal(modelShape(incremental), modelShape(fresh), `model differs ${where}`);
    const expected = JSON.stringify(checkPlan(fresh, { today: FIXED_TODAY }));
    findings = JSON.stringify(checkPlan(incremental, { today: FIXED_TODAY }));
    assert.equal(findings, expected, `findings differ ${where}`);
    // A comment or blank-line edit: the server moves the previous findings instead of checking again.
    const moved = incremental.shift && shiftFindings(previousFindings, incremental.shift);
    if (moved) assert.equal(JSON.stringify(moved), expected, `moved findings differ ${where}`);
    // As the server checks an edited version: only the rules that read what the edit changed run again.
    byRule = runRulesAfterEdit(incremental, RULES, byRule, { today: FIXED_TODAY });
    assert.equal(JSON.stringify(allFindings(byRule)), expected, `findings after the edit differ ${where}`);
    text = next;
    plan = incremental;
  }
  return reused;
}
