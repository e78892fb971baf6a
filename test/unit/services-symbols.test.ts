import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePlan, type Plan } from '../../server/src/engine';
import { documentSymbols, OutlineMemo } from '../../server/src/services/symbols';
import { edited, editSession } from '../properties';
import { example, lineAt, planDocument, textAt } from './services-helpers';

const RUNS = Number(process.env.KAM_PROPERTY_RUNS ?? 200);

const riverside = example('riverside-general');

function child(symbols: DocumentSymbol[] | undefined, name: string): DocumentSymbol {
  const found = symbols?.find((s) => s.name === name);
  assert.ok(found, `no symbol ${name} among ${symbols?.map((s) => s.name).join(', ')}`);
  return found;
}

const within = (inner: Range, outer: Range) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

/** What a client insists on: a name, and a selection inside the symbol's range. */
function assertWellFormed(symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    assert.ok(s.name.trim() !== '', 'a symbol needs a name');
    assert.ok(within(s.selectionRange, s.range), `selection of ${s.name} outside its range`);
    assertWellFormed(s.children ?? []);
  }
}

describe('services: document symbols', () => {
  const doc = planDocument(riverside);
  const symbols = documentSymbols(doc);

  it('lists the top-level sections in file order, with their kinds', () => {
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind]),
      [
        ['kam', SymbolKind.Constant],
        ['account', SymbolKind.Module],
        ['diagnosis', SymbolKind.Namespace],
        ['forecast', SymbolKind.Namespace],
        ['goals', SymbolKind.Namespace],
        ['strategy', SymbolKind.Namespace],
        ['actions', SymbolKind.Namespace],
        ['controls', SymbolKind.Namespace],
        ['feedback', SymbolKind.Namespace],
        ['rescue_network', SymbolKind.Namespace],
      ],
    );
    assert.equal(child(symbols, 'account').detail, 'Riverside General Hospital');
    assertWellFormed(symbols);
  });

  it('spans a section from its key to its last line, and selects the key', () => {
    const diagnosis = child(symbols, 'diagnosis');
    assert.equal(textAt(doc, diagnosis.selectionRange), 'diagnosis');
    assert.equal(lineAt(doc, diagnosis.range), 'diagnosis:');
    assert.equal(diagnosis.range.start.character, 0);
    const last = riverside.split('\n')[diagnosis.range.end.line];
    assert.equal(last, "    individual: Dr. Zhao is new to DRG and careful with risk until the pilot's first review.");
    assert.equal(diagnosis.range.end.character, last.length);
  });

  it('nests the six diagnosis sections and the purchasing factors', () => {
    const names = child(symbols, 'diagnosis').children?.map((s) => s.name);
    assert.deepEqual(names, ['macro', 'micro', 'drivers', 'organization', 'stakeholders', 'financials', 'purchasing_factors']);
    assert.deepEqual(child(child(symbols, 'diagnosis').children, 'macro').children?.map((s) => s.name), ['economic', 'regulatory', 'political', 'demographic']);
  });

  it('lists all four stakeholders by name and id, with their roles and title', () => {
    const stakeholders = child(child(symbols, 'diagnosis').children, 'stakeholders');
    assert.deepEqual(
      stakeholders.children?.map((s) => [s.name, s.detail, s.kind, textAt(doc, s.selectionRange)]),
      [
        ['Dr. Zhao Min (zhao)', 'decision-maker, influencer · President', SymbolKind.Class, 'zhao'],
        ['Wang Jun (wang)', 'proposer · Director of pharmacy', SymbolKind.Class, 'wang'],
        ['Dr. Chen Hua (chen)', 'guide, implementer · Head of cardiology', SymbolKind.Class, 'chen'],
        ['Liu Yan (liu)', 'constrainer · Procurement manager', SymbolKind.Class, 'liu'],
      ],
    );
    // The item's range is the whole entry: from `id` to its last key.
    const zhao = stakeholders.children![0];
    assert.equal(lineAt(doc, zhao.range), '    - id: zhao');
    assert.equal(riverside.split('\n')[zhao.range.end.line], '      last_contact: 2026-10-30');
  });

  it('shows role aliases by their canonical names', () => {
    const huadong = planDocument(example('huadong-peoples-hospital'));
    const stakeholders = child(child(documentSymbols(huadong), 'diagnosis').children, 'stakeholders');
    assert.deepEqual(stakeholders.children?.map((s) => s.detail), [
      'decision-maker · 院长',
      'proposer, influencer · 药剂科主任',
      'guide, implementer · 内分泌科主任',
      'constrainer · 采购办主任',
    ]);
  });

  it('names units, goals, actions, controls, feedback and drivers', () => {
    const diagnosis = child(symbols, 'diagnosis').children;
    const view = (s: DocumentSymbol | undefined) => s?.children?.map((c) => [c.name, c.detail ?? '']);
    assert.deepEqual(view(child(diagnosis, 'organization')), [
      ["President's office (presidency)", ''],
      ['Pharmacy department (pharmacy)', 'parent: presidency'],
      ['Cardiology department (cardiology)', 'parent: presidency'],
      ['Procurement office (procurement)', 'parent: presidency'],
    ]);
    assert.deepEqual(view(child(symbols, 'goals')), [
      ['g-share', "Raise our share of the hospital's antihypertensive spend from 22% to 28%"],
      ['g-listing', 'Get the new combination tablet listed on the formulary with 2,000 units a month'],
    ]);
    assert.deepEqual(view(child(symbols, 'actions')), [
      ['a-outcomes', '2027-01-20 · Li Wei'],
      ['a-committee', '2027-02-15 · Anna Berg'],
    ]);
    assert.deepEqual(view(child(symbols, 'controls')), [
      ['g-share', 'Monthly share from hospital pharmacy data · 2027-03-31'],
      ['g-listing', 'Committee decision and first order · 2027-04-30'],
    ]);
    assert.deepEqual(view(child(symbols, 'feedback')), [['2026-10-30 · zhao', 'Wants proof of lower readmissions, not price talk.']]);
    assert.equal(child(diagnosis, 'drivers').children?.length, 6);
    assert.equal(child(diagnosis, 'drivers').children![0].name, 'DRG cost control (d-drg)');
    assert.equal(textAt(doc, child(diagnosis, 'drivers').children![0].selectionRange), 'd-drg');
  });

  it('opens nested maps of strategy and the rescue network', () => {
    const swot = child(child(symbols, 'strategy').children, 'swot');
    assert.deepEqual(child(swot.children, 'own_product').children?.map((s) => [s.name, s.kind]), [
      ['strengths', SymbolKind.Array],
      ['weaknesses', SymbolKind.Array],
      ['opportunities', SymbolKind.Array],
      ['threats', SymbolKind.Array],
    ]);
    assert.deepEqual(child(child(symbols, 'rescue_network').children, 'negotiation').children?.map((s) => s.name), ['internal', 'customer', 'external']);
  });

  it('keeps CRLF ranges on the right lines', () => {
    const crlf = planDocument(riverside.replace(/\n/g, '\r\n'));
    const crlfSymbols = documentSymbols(crlf);
    assert.deepEqual(crlfSymbols, symbols);
  });

  it('outlines a half-typed plan', () => {
    const text = [
      'account:',
      '  name:',
      'diagnosis:',
      '  stakeholders:',
      '    - id: zhao',
      '      roles: [guide, wizard]',
      '    -',
      '    - name: Wang',
      '    - title: Nurse',
      '  organization:',
      'goals:',
      '  - statement: Grow share',
      '  - deadline:',
      'actions:',
      '  - what: Call Wang',
      'controls:',
      '  - {}',
      '',
    ].join('\n');
    const half = planDocument(text);
    const outline = documentSymbols(half);
    assertWellFormed(outline);
    const stakeholders = child(child(outline, 'diagnosis').children, 'stakeholders').children;
    assert.deepEqual(stakeholders?.map((s) => [s.name, s.detail]), [
      ['zhao', 'guide, wizard'],
      ['Wang', undefined],
      ['#3', 'Nurse'],
    ]);
    assert.deepEqual(child(outline, 'goals').children?.map((s) => s.name), ['Grow share', '#2']);
    assert.equal(textAt(half, child(outline, 'actions').children![0].selectionRange), 'Call Wang');
    assert.deepEqual(child(outline, 'controls').children?.map((s) => s.name), ['#1']);
  });

  it('keeps selections inside their ranges when aliases point elsewhere', () => {
    const text = 'x: &who zhao\ny: &s\n  - id: *who\n    name: Zhao\ndiagnosis:\n  stakeholders: *s\n  organization:\n    - *s\n';
    const outline = documentSymbols(planDocument(text));
    assertWellFormed(outline);
    assert.equal(child(child(outline, 'diagnosis').children, 'stakeholders').children, undefined, 'an aliased list is not nested');
  });

  for (const [label, text] of [
    ['an empty file', ''],
    ['a comment only', '# nothing yet\n'],
    ['a scalar document', 'just text'],
    ['a list document', '- id: zhao\n- id: wang\n'],
    ['a syntax error', 'diagnosis:\n  stakeholders:\n    - id: zhao\n     name: [Zhao\n  bad: : :\n'],
    ['an unclosed flow map', '{account: {name: X'],
    ['a tab-indented file', 'diagnosis:\n\tstakeholders:\n'],
  ]) {
    it(`copes with ${label}`, () => {
      const outline = documentSymbols(planDocument(text));
      assertWellFormed(outline);
      if (!text.includes(':')) assert.deepEqual(outline, []);
    });
  }

  describe('after edits, with the memo of the previous outline', function () {
    this.timeout(120_000);

    /** Types the session's versions one after another, each parsed from the one before as the server does, with one memo throughout. */
    function outlines(session: typeof editSession extends fc.Arbitrary<infer S> ? S : never, onVersion: (remembered: DocumentSymbol[], fresh: DocumentSymbol[], where: string) => void): void {
      const memo = new OutlineMemo();
      const history: string[] = [];
      let text = session.start;
      let plan: Plan = parsePlan(text);
      const outline = (p: Plan) => ({ document: TextDocument.create('file:///p.kam.yaml', 'kam-yaml', 1, p.text), plan: p });
      documentSymbols(outline(plan), memo);
      for (const step of session.edits) {
        if (step === 'undo' && history.length === 0) continue;
        const next = step === 'undo' ? history.pop()! : edited(text, step);
        if (step !== 'undo') history.push(text);
        plan = parsePlan(next, plan);
        onVersion(documentSymbols(outline(plan), memo), documentSymbols(outline(parsePlan(next))), `after ${JSON.stringify(step)} on ${JSON.stringify(text)}`);
        text = next;
      }
    }

    it('every version of random editing sessions gets the outline of a fresh computation', () => {
      fc.assert(
        fc.property(editSession, (session) => outlines(session, (remembered, fresh, where) => assert.deepEqual(remembered, fresh, `outline differs ${where}`))),
        { numRuns: RUNS },
      );
    });

    it('keeps the symbols of the entries an edit did not touch', () => {
      const text = example('riverside-general');
      const at = text.indexOf('\nactions:');
      const memo = new OutlineMemo();
      const first = planDocument(text);
      const before = documentSymbols(first, memo);
      // A blank line typed before the actions, parsed from the version before as the server does: the
      // goals above it stay as they were, the actions move down one line.
      const after = documentSymbols({ ...first, plan: parsePlan(`${text.slice(0, at)}\n${text.slice(at)}`, first.plan) }, memo);
      const goals = (o: DocumentSymbol[]) => child(o, 'goals').children!;
      const actions = (o: DocumentSymbol[]) => child(o, 'actions').children!;
      assert.ok(goals(after).length > 1 && goals(after).every((g, i) => g === goals(before)[i]), 'the goals are the same objects');
      assert.ok(actions(after).every((a, i) => a !== actions(before)[i] && a.range.start.line === actions(before)[i].range.start.line + 1));
    });
  });
});
