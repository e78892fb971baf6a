// Reparsing after an edit (server/src/engine/reparse.ts): each version parsed from the one before
// must read exactly as a fresh parse, and the common edits must actually reuse the document.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { checkPlan } from '../../server/src/rules/check';
import { parsePlan } from '../../server/src/engine';
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

  for (const [what, edit] of [
    ['a syntax error', (t: string) => typedInto(t, 'name: Riverside', ': [')],
    ['an alias', (t: string) => typedInto(t, 'name: Riverside', ' *x')],
    ['a key moved out of its entry', (t: string) => t.replace('\n      title: President', '\ntitle: President')],
    ['a duplicate key', (t: string) => typedInto(t, '- id: zhao', '\n      id: again')],
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
});
