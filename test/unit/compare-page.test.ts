// The compare page and the portfolio view's model, apart from VS Code: the page loads nothing, runs
// only its nonced script and shows plan text as text; the rows sort and filter as the view offers.
import * as assert from 'node:assert/strict';
import { comparePage } from '../../client/src/compare-html';
import { needsAttention, portfolioView } from '../../client/src/portfolio-model';
import type { DiffResult, PortfolioEntry } from '../../server/src/lsp/protocol';
import { elements, parseHtml, textOf } from './views-helpers';

const HOSTILE = '<img src=x onerror=alert(1)> & "quoted" \'single\' </script>';
const RANGE = { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } };

function diff(): DiffResult {
  return {
    uri: 'file:///plan.kam.yaml',
    version: 1,
    locale: 'en',
    before: { label: 'HEAD', health: 90 },
    after: { label: 'plan.kam.yaml', health: 95 },
    changes: [
      { kind: 'changed', path: 'diagnosis.stakeholders[x].name', before: 'a', after: HOSTILE, text: `${HOSTILE} (x): name a → b`, range: RANGE },
      { kind: 'added', path: 'goals[g]', before: null, after: { id: 'g' }, text: 'Goal g added', range: RANGE },
    ],
    findings: { fixed: [{ code: 'KAM002', message: HOSTILE }], new: [] },
    words: { title: `Changes: HEAD → ${HOSTILE}`, health: 'Plan health: 90 → 95', changes: 'Changes (2)', fixed: 'Findings fixed (1)', new: 'New findings (0)', noChange: 'No change', none: 'none' },
  };
}

describe('compare page', () => {
  const html = comparePage(diff(), 'en', 'NONCE123');
  const root = parseHtml(html);
  const all = elements(root);

  it('has a strict policy: nothing loads, styles and the one script run by nonce', () => {
    const csp = all.find((e) => e.tag === 'meta' && e.attrs.some((a) => a.value === 'Content-Security-Policy'))!;
    assert.equal(csp.attrs.find((a) => a.name === 'content')!.value, "default-src 'none'; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123';");
    const scripts = all.filter((e) => e.tag === 'script');
    assert.equal(scripts.length, 1);
    assert.ok(scripts.every((s) => s.attrs.some((a) => a.name === 'nonce' && a.value === 'NONCE123')));
    assert.ok(!all.some((e) => e.attrs.some((a) => a.name === 'src' || a.name === 'href' || a.name.startsWith('on'))));
  });

  it('shows plan text as text, each change a button carrying its index', () => {
    assert.ok(!all.some((e) => e.tag === 'img'));
    const buttons = all.filter((e) => e.tag === 'button');
    assert.deepEqual(buttons.map((b) => b.attrs.find((a) => a.name === 'data-index')!.value), ['0', '1']);
    assert.equal(textOf(buttons[0]), `${HOSTILE} (x): name a → b`);
    assert.ok(textOf(root).includes(`KAM002 ${HOSTILE}`));
  });
});

describe('portfolio view model', () => {
  const row = (file: string, health: number, extra: Partial<PortfolioEntry> = {}): PortfolioEntry => ({
    file, uri: `file:///${file}`, open: false, account: file.toUpperCase(), owner: null, stage: null, health,
    findings: { error: 0, warning: 0, info: 0 }, next_review: null, review_overdue: false, unassigned_roles: [], stale_contacts: 0, goals: 0, smart_goals: 0, ...extra,
  });
  const rows = [row('b', 90, { next_review: '2027-03-01' }), row('a', 70), row('c', 95, { review_overdue: true, next_review: '2026-01-01' }), row('d', 99, { findings: { error: 1, warning: 0, info: 0 } })];

  it('sorts by health, by next review (undated last) and by name', () => {
    assert.deepEqual(portfolioView(rows, 'health', false).map((r) => r.file), ['a', 'b', 'c', 'd']);
    assert.deepEqual(portfolioView(rows, 'review', false).map((r) => r.file), ['c', 'b', 'a', 'd']);
    assert.deepEqual(portfolioView(rows, 'name', false).map((r) => r.file), ['a', 'b', 'c', 'd']);
  });

  it('needs attention: low health, an error, or an overdue review', () => {
    assert.deepEqual(rows.filter(needsAttention).map((r) => r.file), ['a', 'c', 'd']);
    assert.deepEqual(portfolioView(rows, 'health', true).map((r) => r.file), ['a', 'c', 'd']);
  });
});
