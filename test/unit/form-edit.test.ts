// The form's intents as text edits (services/form/form-edit.ts): one small edit that keeps every
// comment, the quoting, flow or block style and the line endings; refused, never half-done, when the
// plan cannot take it; and, on random plans and random intent sequences, the result always parses,
// keeps its comments and means what the intents said.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Lexer, parse } from 'yaml';
import { parsePlan } from '../../server/src/engine/parse';
import { difference } from '../../server/src/services/form/difference';
import { FormEditError, formEdits, intentResult } from '../../server/src/services/form/form-edit';
import { sameMeaning } from '../../server/src/services/form/meaning';
import { verifyResult } from '../../server/src/services/form/verify';
import type { FormIntent } from '../../server/src/services/form/intents';
import { applyOffsetEdits } from '../../server/src/services/fixes/text-edits';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { randomPlan } from '../properties';

type Intent = Exclude<FormIntent, { op: 'fix' }>;

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');
const HUADONG = readRepoFile('examples', 'huadong-peoples-hospital.kam.yaml');
/** Comments after values, blank lines, flow and block lists, both kinds of quotes. */
const HARBOUR = readRepoFile('test', 'fixtures', 'undo', 'harbour-view.kam.yaml');
const RUNS = Number(process.env.KAM_PROPERTY_RUNS ?? 100);

function edited(text: string, ...intents: Intent[]): string {
  for (const intent of intents) {
    const edits = formEdits(text, intent, { today: FIXED_TODAY });
    assert.ok(edits.length <= 1, 'one edit per intent: one undo step');
    text = applyOffsetEdits(text, edits);
    assert.deepEqual(parsePlan(text).syntaxErrors, [], `parses after ${JSON.stringify(intent)}:\n${text}`);
  }
  return text;
}

/** The text's comments, as YAML's own lexer finds them. */
const comments = (text: string) => [...new Lexer().lex(text)].filter((token) => token.startsWith('#'));
const data = (text: string) => parse(text) as Record<string, any>;

describe('form edits', () => {
  describe('set', () => {
    it('replaces a value in place and nothing else', () => {
      const after = edited(RIVERSIDE, { op: 'set', path: ['account', 'owner'], value: 'Zhou Min' });
      const [a, b] = [RIVERSIDE.split('\n'), after.split('\n')];
      assert.equal(a.length, b.length);
      assert.deepEqual(a.map((l, i) => (l === b[i] ? '' : `${l} → ${b[i]}`)).filter(Boolean), ['  owner: Li Wei → owner: Zhou Min'].map((s) => s.replace('→ owner', '→   owner')));
    });

    it('keeps the comment after the value it replaces', () => {
      const after = edited(HARBOUR, { op: 'set', path: ['account', 'name'], value: 'Seaside' });
      assert.equal(after, HARBOUR.replace('name: "Harbour View Hospital"   # quoted on purpose', 'name: "Seaside"   # quoted on purpose'));
    });

    it('keeps the quotes a value was written in, and quotes what would not read back', () => {
      const text = "account:\n  name: 'Acme'\n  owner: \"Li\"\n  segment: plain\n";
      const after = edited(
        text,
        { op: 'set', path: ['account', 'name'], value: "O'Brien" },
        { op: 'set', path: ['account', 'owner'], value: 'Wang' },
        { op: 'set', path: ['account', 'segment'], value: 'yes # no' },
      );
      assert.equal(after, "account:\n  name: 'O''Brien'\n  owner: \"Wang\"\n  segment: \"yes # no\"\n");
      assert.equal(edited('account:\n  name: x\n', { op: 'set', path: ['account', 'name'], value: '123' }), 'account:\n  name: "123"\n', 'a name stays text');
      assert.equal(edited('goals:\n  - target: 1\n', { op: 'set', path: ['goals', 0, 'target'], value: '12%' }), 'goals:\n  - target: 12%\n');
    });

    it('adds a missing key in the format’s order, and the sections down to it', () => {
      const after = edited('kam: 1\naccount:\n  name: A\n  stage: proposal\n', { op: 'set', path: ['account', 'owner'], value: 'Li' });
      assert.equal(after, 'kam: 1\naccount:\n  name: A\n  owner: Li\n  stage: proposal\n');
      const deep = edited('kam: 1\n', { op: 'set', path: ['strategy', 'swot', 'own_product', 'strengths'], value: ['Price'] });
      assert.deepEqual(data(deep).strategy, { swot: { own_product: { strengths: ['Price'] } } });
    });

    it('writes into a flow map in flow style', () => {
      assert.equal(edited('account: {name: A}\n', { op: 'set', path: ['account', 'owner'], value: 'Li, Wei' }), 'account: {name: A, owner: "Li, Wei"}\n');
    });

    it('sets a list item by item: a flow list stays flow, kept items as written', () => {
      const after = edited(RIVERSIDE, { op: 'set', path: ['actions', 0, 'with'], value: ['liu', 'wang'] });
      assert.match(after, /with: \[liu, wang\]/);
      assert.deepEqual(comments(after), comments(RIVERSIDE));
    });

    it('clears a field: its line goes, unless a comment is on it', () => {
      assert.equal(edited('account:\n  name: A\n  owner: B\n', { op: 'set', path: ['account', 'owner'], value: '' }), 'account:\n  name: A\n');
      assert.equal(edited('account:\n  name: A\n  owner: B # who\n', { op: 'set', path: ['account', 'owner'], value: null }), 'account:\n  name: A\n  owner: # who\n');
    });

    it('keeps CRLF line endings', () => {
      const crlf = RIVERSIDE.replace(/\n/g, '\r\n');
      const after = edited(
        crlf,
        { op: 'set', path: ['account', 'owner'], value: 'Zhou' },
        { op: 'add', path: ['diagnosis', 'stakeholders'] },
        { op: 'set', path: ['forecast', 'risks'], value: ['Budget cut', 'New tender'] },
        { op: 'remove', path: ['goals', 1] },
        { op: 'move', path: ['actions', 1], to: 0 },
      );
      assert.ok(!/[^\r]\n/.test(after), 'no line break without its CR');
      assert.deepEqual(comments(after).filter((c) => !c.includes('listing')), comments(crlf).filter((c) => !c.includes('listing')));
    });
  });

  describe('add, remove, move', () => {
    it('adds an item with a fresh id in the list’s style', () => {
      const after = edited(RIVERSIDE, { op: 'add', path: ['diagnosis', 'stakeholders'] });
      const people = data(after).diagnosis.stakeholders;
      assert.equal(people.length, data(RIVERSIDE).diagnosis.stakeholders.length + 1);
      assert.match(people[people.length - 1].id, /^stakeholder-\d+$/);
      assert.match(after, /\n {4}- id: stakeholder-\d+\n  financials:/);
      assert.equal(edited('goals: []\n', { op: 'add', path: ['goals'], item: { id: 'g1', statement: 'Grow' } }), 'goals: [{id: g1, statement: Grow}]\n');
      assert.equal(edited('account:\n  team: [A]\n', { op: 'add', path: ['account', 'team'], item: 'B' }), 'account:\n  team: [A, B]\n');
    });

    it('removes an item with its lines; the comments around it stay', () => {
      const text = 'goals:\n  # the first\n  - id: a\n    statement: A\n  - id: b # second\n    statement: B\n# after\n';
      assert.equal(edited(text, { op: 'remove', path: ['goals', 1] }), 'goals:\n  # the first\n  - id: a\n    statement: A\n# after\n');
      assert.equal(edited('goals:\n  - id: a\n', { op: 'remove', path: ['goals', 0] }), 'goals: []\n');
    });

    it('moves an item with its lines', () => {
      const after = edited(HUADONG, { op: 'move', path: ['actions', 0], to: 1 });
      assert.deepEqual(data(after).actions.map((a: any) => a.id), [data(HUADONG).actions[1].id, data(HUADONG).actions[0].id, ...data(HUADONG).actions.slice(2).map((a: any) => a.id)]);
      assert.deepEqual(comments(after).sort(), comments(HUADONG).sort());
    });
  });

  describe('refusals', () => {
    it('never writes into a plan that does not parse', () => {
      assert.throws(() => formEdits('account: [\n', { op: 'set', path: ['account', 'name'], value: 'A' }), FormEditError);
    });
    it('refuses a path the plan cannot hold', () => {
      assert.throws(() => formEdits('account: x\n', { op: 'set', path: ['account', 'name'], value: 'A' }), FormEditError);
      assert.throws(() => formEdits('kam: 1\n', { op: 'set', path: [], value: 'A' }), FormEditError);
      assert.throws(() => formEdits('goals: []\n', { op: 'move', path: ['goals', 0], to: 1 }), FormEditError);
    });
    it('a value the plan already holds makes no edit', () => {
      assert.deepEqual(formEdits(RIVERSIDE, { op: 'set', path: ['account', 'owner'], value: 'Li Wei' }), []);
    });
  });

  describe('property: random intents on random plans', function () {
    this.timeout(240_000);
    const word = fc.oneof(fc.constantFrom('Li Wei', '12%', '1,200,000', 'yes', 'a: b', '# x', "it's", '院长', '- x', '2027-06-30', '  padded '), fc.string({ maxLength: 8 }));
    const index = fc.nat({ max: 3 });
    const intent = fc.oneof(
      fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(['account', 'name'], ['account', 'owner'], ['forecast', 'risks', 0], ['strategy', 'core']), value: word }),
      index.chain((i) => fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(['goals', i, 'target'], ['goals', i, 'statement'], ['diagnosis', 'stakeholders', i, 'name']), value: word })),
      fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(['account', 'team'], ['forecast', 'changes']), value: fc.array(word, { maxLength: 3 }) }),
      fc.record({ op: fc.constant('add' as const), path: fc.constantFrom(['goals'], ['diagnosis', 'stakeholders'], ['actions']) }),
      fc.record({ op: fc.constant('add' as const), path: fc.constantFrom(['account', 'team'], ['forecast', 'opportunities']), item: word }),
      index.chain((i) => fc.record({ op: fc.constant('remove' as const), path: fc.constantFrom(['goals', i], ['actions', i], ['account', 'owner']) })),
      fc.tuple(index, index).map(([i, to]): Intent => ({ op: 'move', path: ['goals', i], to })),
    ) as fc.Arbitrary<Intent>;
    const start = fc.tuple(fc.oneof({ weight: 3, arbitrary: randomPlan }, { weight: 1, arbitrary: fc.constantFrom(RIVERSIDE, HUADONG, HARBOUR) }), fc.boolean()).map(([t, crlf]) => (crlf ? t.replace(/\r?\n/g, '\r\n') : t));

    it('always parses, keeps every comment, and means what the intents said', () => {
      fc.assert(
        fc.property(start, fc.array(intent, { minLength: 1, maxLength: 6 }), (text, intents) => {
          if (parsePlan(text).syntaxErrors.length > 0) return;
          const crlf = text.includes('\r\n');
          for (const i of intents) {
            let edits;
            try {
              edits = formEdits(text, i, { today: FIXED_TODAY });
            } catch (e) {
              if (e instanceof FormEditError) continue; // refused: the text stays as it was
              throw e;
            }
            const after = applyOffsetEdits(text, edits);
            assert.deepEqual(parsePlan(after).syntaxErrors, [], 'parses');
            if (crlf) assert.ok(!/[^\r]\n/.test(after), 'keeps CRLF');
            if (i.op !== 'remove') assert.deepEqual(comments(after).sort(), comments(text).sort(), 'keeps every comment');
            assert.ok(means(text, after, i), `means ${JSON.stringify(i)}:\n--- before\n${text}\n--- after\n${after}`);
            text = after;
          }
        }),
        { numRuns: RUNS },
      );
    });

    it('the result checked by the part changed gets the verdict of the whole plan read again, spoiled or not', () => {
      // A character put in or taken out near the intent's change (or anywhere): a value of the same or
      // another entry changed, a key broken, a line moved in or out; most must be refused, and by both.
      const spoil = fc.record({ near: fc.boolean(), at: fc.nat(), put: fc.constantFrom('', 'x', ' ', '\n', '#', ':', '- ', '"', '  ') });
      let parts = 0;
      fc.assert(
        fc.property(start, intent, fc.array(spoil, { maxLength: 4 }), (text, i, spoils) => {
          if (parsePlan(text).syntaxErrors.length > 0) return;
          let result;
          try {
            result = intentResult(text, i, { today: FIXED_TODAY });
          } catch (e) {
            if (e instanceof FormEditError) return;
            throw e;
          }
          const { before, expectation } = result;
          const changed = difference(text, result.after).start;
          for (const s of [undefined, ...spoils]) {
            let after: string = result.after;
            if (s) {
              const at = s.near ? Math.max(0, Math.min(after.length, changed - 40 + (s.at % 80))) : s.at % (after.length + 1);
              after = after.slice(0, at) + s.put + after.slice(at + (s.put === '' ? 1 : 0));
            }
            if (after === text) continue;
            const part = verifyResult(before, after, expectation);
            const whole = verifyResult(before, after, expectation, { whole: true });
            if (part.by === 'part') parts++;
            assert.equal(part.ok, whole.ok, `${JSON.stringify(i)} by ${part.by}:\n--- before\n${text}\n--- after\n${after}`);
          }
        }),
        { numRuns: RUNS * 3 },
      );
      assert.ok(parts > RUNS, `the part changed was read ${parts} times: the fast path is exercised`);
    });
  });
});

/** Whether the data after is the data before with the intent done (scalars compared as text, empty as absent). */
function means(before: string, after: string, intent: Intent): boolean {
  let expected: any = structuredClone(parse(before) ?? {});
  const path = intent.path;
  // Down to the value's parent, making maps where the plan has none (an empty value counts as none).
  const parentOf = (root: any, steps: (string | number)[]) =>
    steps.slice(0, -1).reduce((here, step) => (here[step] !== null && typeof here[step] === 'object' ? here[step] : (here[step] = {})), root);
  const last = path[path.length - 1];
  if (intent.op === 'set') {
    const value = Array.isArray(intent.value) ? intent.value.map((v) => v.trim()).filter(Boolean) : typeof intent.value === 'string' ? intent.value.trim() : intent.value;
    const exists = path.reduce((here: any, step) => (here !== null && typeof here === 'object' ? here[step] : undefined), expected) !== undefined;
    const empty = value === '' || value === null || (Array.isArray(value) && value.length === 0);
    if (empty && !exists) return sameMeaning(parse(after), parse(before));
    const parent = parentOf(expected, path);
    if (Array.isArray(value)) {
      // A list set keeps the items still wanted in their places and adds the others at the end.
      const current: unknown[] = Array.isArray(parent[last]) ? parent[last] : [];
      const wanted = [...value];
      const kept = current.filter((item) => {
        const at = wanted.indexOf(String(item));
        if (at >= 0) wanted.splice(at, 1);
        return at >= 0;
      });
      parent[last] = [...kept, ...wanted];
    } else if (value !== '' && value !== null) parent[last] = value;
    else if (Array.isArray(parent)) parent.splice(Number(last), 1); // a list item cleared is taken out
    else delete parent[last];
  } else if (intent.op === 'add') {
    const parent = parentOf(expected, path);
    const list = Array.isArray(parent[last]) ? parent[last] : [];
    const got = (parse(after) ?? {}) as any;
    const added = path.reduce((here: any, s) => here?.[s], got)?.[list.length];
    parent[last] = [...list, intent.item ?? added];
  } else if (intent.op === 'remove') {
    const parent = parentOf(expected, path);
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const list = parentOf(expected, path);
    const [item] = list.splice(Number(last), 1);
    list.splice(intent.to, 0, item);
  }
  if (expected === null) expected = {};
  // Compared as the server compares (scalars as text, empty as absent); what is expected is this test's own.
  return sameMeaning(parse(after) ?? {}, expected);
}
