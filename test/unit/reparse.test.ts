// Reparsing after an edit (server/src/engine/reparse.ts): each version parsed from the one before
// must read exactly as a fresh parse, and the common edits must actually reuse the document.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { shiftFindings } from '../../server/src/engine/shift';
import { checkPlan } from '../../server/src/rules/check';
import { parsePlan } from '../../server/src/engine';
import { withoutNextVersion } from '../../server/src/engine/node-memo';
import { FIXED_TODAY, repoPath } from '../helpers';
import { assertReparseMatches, documentShape, editSession } from '../properties';

const RUNS = Number(process.env.KAM_PROPERTY_RUNS ?? 200);
const EXAMPLE = fs.readFileSync(repoPath('examples', 'riverside-general.kam.yaml'), 'utf8');

/** The example with `piece` typed at the first place `after` occurs, plus how far in that is. */
function typedInto(text: string, after: string, piece: string): string {
  const at = text.indexOf(after);
  assert.ok(at >= 0, `the example has no ${JSON.stringify(after)}`);
  return text.slice(0, at + after.length) + piece + text.slice(at + after.length);
}

describe('reparse after an edit', function () {
  this.timeout(120_000);

  it('every version of random editing sessions reads as a fresh parse', () => {
    fc.assert(fc.property(editSession, (session) => void assertReparseMatches(session)), { numRuns: RUNS });
  });

  it('the sessions exercise the reuse path, not only the fallback', () => {
    const sessions = fc.sample(editSession, { numRuns: 100, seed: 11 });
    const reused = sessions.reduce((n, s) => n + assertReparseMatches(s), 0);
    const steps = sessions.reduce((n, s) => n + s.edits.length, 0);
    assert.ok(reused > steps / 5, `only ${reused} of ${steps} versions reused their predecessor`);
  });

  for (const [what, after, piece] of [
    ['a character typed in a text value', 'name: Riverside', 'x'],
    ['a word typed in a list item', '- id: zhao', '-min'],
    ['a new key in a stakeholder', '- id: zhao', '\n      gatekeeper: true'],
    ['a comment at the end of a line', 'name: Riverside General Hospital', ' # the main site'],
  ] as const) {
    it(`reuses the document for ${what}, with the same findings`, () => {
      const before = parsePlan(EXAMPLE);
      const text = typedInto(EXAMPLE, after, piece);
      const doc = before.doc;
      const after_ = parsePlan(text, before);
      assert.equal(after_.doc, doc, 'the document was parsed whole');
      const fresh = parsePlan(text);
      assert.equal(documentShape(after_), documentShape(fresh));
      assert.deepEqual(checkPlan(after_, { today: FIXED_TODAY }), checkPlan(fresh, { today: FIXED_TODAY }));
    });
  }

  /** The lines from the one starting with `first` up to the one starting with `next`. */
  const linesFrom = (text: string, first: string, next: string) => text.slice(text.indexOf(first), text.indexOf(next, text.indexOf(first)));
  const ACTION = linesFrom(EXAMPLE, '  - id: a-outcomes', '  - id: a-committee');

  for (const [what, edit, trivia] of [
    ['a word typed in a comment line', (t: string) => typedInto(t, '# Key-account plan', ' for 2027'), true],
    ['Enter at the end of a value (a blank line)', (t: string) => typedInto(t, 'owner: Li Wei', '\n  '), true],
    ['a blank line taken away', (t: string) => t.replace('kam: 1\n\n', 'kam: 1\n'), true],
    ['a new list item', (t: string) => t.replace('  - id: g-listing', '  - id: g-new\n    statement: A new goal\n  - id: g-listing'), false],
    ['a key typed as a new line of an item', (t: string) => typedInto(t, '  - id: g-share', '\n    remark: typed line by line'), false],
    ['an action pasted twice', (t: string) => t.replace(ACTION, ACTION + ACTION.replace('a-outcomes', 'a-copy') + ACTION.replace('a-outcomes', 'a-copy2')), false],
    ['an action deleted', (t: string) => t.replace(ACTION, ''), false],
  ] as const) {
    it(`reuses the document ${trivia ? 'and moves the findings ' : ''}after ${what}`, () => {
      const before = parsePlan(EXAMPLE);
      const findings = checkPlan(before, { today: FIXED_TODAY });
      const text = edit(EXAMPLE);
      assert.notEqual(text, EXAMPLE);
      const doc = before.doc;
      const after = parsePlan(text, before);
      assert.equal(after.doc, doc, 'the document was parsed whole');
      const fresh = parsePlan(text);
      assert.equal(documentShape(after), documentShape(fresh));
      const expected = checkPlan(fresh, { today: FIXED_TODAY });
      assert.deepEqual(checkPlan(after, { today: FIXED_TODAY }), expected);
      assert.equal(after.shift !== undefined, trivia, trivia ? 'not taken as a comment or blank-line edit' : 'taken as a comment or blank-line edit');
      if (after.shift) assert.deepEqual(shiftFindings(findings, after.shift), expected);
    });
  }

  for (const [what, edit] of [
    ['a syntax error', (t: string) => typedInto(t, 'name: Riverside', ': [')],
    ['an alias', (t: string) => typedInto(t, 'name: Riverside', ' *x')],
    ['a key moved out of its entry', (t: string) => t.replace('\n      title: President', '\ntitle: President')],
    ['a duplicate key', (t: string) => typedInto(t, '- id: zhao', '\n      id: again')],
    // Alone, the empty value would take in the blank line after it (found by `npm run fuzz`).
    ['a section emptied before a blank line', (t: string) => t.replace(/account:\n(?: {2}.*\n)+/, 'account: # to do\n\n')],
  ] as const) {
    it(`parses the whole text after ${what}`, () => {
      const before = parsePlan(EXAMPLE);
      const text = edit(EXAMPLE);
      assert.notEqual(text, EXAMPLE);
      const doc = before.doc;
      const after = parsePlan(text, before);
      assert.notEqual(after.doc, doc, 'the old document was reused');
      assert.equal(documentShape(after), documentShape(parsePlan(text)));
    });
  }

  // Found by `npm run fuzz`: after a comment line, the parser ends an empty list item with the line
  // break, which a piece parsed without the comment (or an item left out of the piece) does not know.
  const RISKS = '    - Generix Pharma wins VBP round 9 and undercuts on price.\n';
  for (const [what, base, edit] of [
    ['a value turned into a comment before a blank line within its entry', (t: string) => t.replace('      name: DRG cost control\n', '      name: DRG cost control\n   \n'), (t: string) => t.replace('name: DRG cost control', 'name: # DRG')],
    ['a list item emptied right after a comment line', (t: string) => t.replace(RISKS, `    - Price war.\n# watch\n${RISKS}    - Supply.\n`), (t: string) => t.replace(RISKS, '    - &a\n')],
    ['a comment line typed before an empty list item', (t: string) => t.replace(RISKS, `    - Price war.\n    - &a\n${RISKS}`), (t: string) => t.replace('    - Price war.\n', '    - Price war.\n# watch\n')],
  ] as const) {
    it(`reads as a fresh parse after ${what}`, () => {
      const start = base(EXAMPLE);
      const text = edit(start);
      assert.notEqual(text, start);
      assert.equal(documentShape(parsePlan(text, parsePlan(start))), documentShape(parsePlan(text)));
    });
  }

  it('keeps the entities an edit left alone, unless the plan was read once (withoutNextVersion): then the next version reads them anew', () => {
    const text = typedInto(EXAMPLE, 'name: Riverside', 'x');
    const kept = parsePlan(EXAMPLE);
    const once = withoutNextVersion(() => parsePlan(EXAMPLE));
    const [afterKept, afterOnce] = [parsePlan(text, kept), parsePlan(text, once)];
    assert.equal(afterKept.goals[0], kept.goals[0], 'a goal the edit did not touch is the same entity');
    assert.notEqual(afterOnce.goals[0], once.goals[0], 'nothing was kept for the plan read once');
    assert.equal(documentShape(afterOnce), documentShape(parsePlan(text)));
    assert.deepEqual(checkPlan(afterOnce, { today: FIXED_TODAY }), checkPlan(afterKept, { today: FIXED_TODAY }));
  });
});
