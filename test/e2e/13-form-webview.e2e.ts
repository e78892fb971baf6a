// The plan editor's webview in Chromium (test/e2e/form-page.ts serves it as the extension does), fed
// forms from the bundled language server: the stakeholders as a table usable in a 400 px side editor,
// SWOT as a 4 × 4 grid, each finding's link to its rule's page, keyboard-only use, the state a
// reloaded webview gets back, a value refused as stale sent again without being taken back, and the
// figures of a long plan (printed, not asserted: speed belongs to the bench).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { generatePlan } from '../../bench/generate';
import type { FormResult } from '../../server/src/lsp/protocol';
import { readRepoFile, repoPath } from '../helpers';
import { loadCodeServerScripts } from '../integration/code-server';
import { LspClient } from '../lsp/lsp-client';
import { formOf, openForm, post, sets, show, type Seen } from './form-page';
import { largePlan } from './large-plan';
import { SCREENSHOTS } from './workbench';

// What the functions run in the page see (the tests are compiled without the DOM's types).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any, window: any, requestAnimationFrame: (f: () => void) => number;

const EXAMPLE = repoPath('examples', 'riverside-general.kam.yaml');
const STAKEHOLDERS = '[data-term="diagnosis.stakeholders"]';
const ROWS = `${STAKEHOLDERS} [role="row"][data-item]`;

describe('Plan editor webview, in Chromium: tables, grids, keyboard, restore', function () {
  this.timeout(180_000);
  let context: BrowserContext;
  let close: () => Promise<void>;
  let client: LspClient;
  let example: FormResult;
  const pages: Page[] = [];

  async function open(result: FormResult, options: Parameters<typeof openForm>[1] = {}, width = 1000): Promise<{ page: Page; seen: Seen }> {
    const opened = await openForm(context, options);
    pages.push(opened.page);
    await opened.page.setViewportSize({ width, height: 800 });
    await show(opened.page, result);
    return opened;
  }

  before(async () => {
    client = await LspClient.start({ locale: 'en' });
    example = await formOf(client, EXAMPLE, readRepoFile('examples', 'riverside-general.kam.yaml'));
    ({ context, close } = await (await loadCodeServerScripts()).openBrowser());
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });
  after(async () => {
    await close?.();
    await client?.close();
  });

  it('draws the stakeholders as a table that works at 400 px: sideways scroll, the name column held in view', async () => {
    const { page, seen } = await open(example, {}, 400);
    assert.equal(await page.locator('#form > p').count(), 0, 'the form took the place of the loading line');
    await page.locator(STAKEHOLDERS).scrollIntoViewIfNeeded();
    const people = readRepoFile('examples', 'riverside-general.kam.yaml').match(/^ {4}- id: /gm)!.length;
    assert.equal(await page.locator(ROWS).count(), people - 10, 'a row per person (the 4 units and 6 drivers are not people)');
    // A column per key, named as the vocabulary names it, the name first.
    const headers = await page.locator(`${STAKEHOLDERS} [role="columnheader"][data-term]`).evaluateAll((hs) => hs.map((h) => [h.getAttribute('data-term'), h.textContent]));
    const keys = headers.map(([term]) => term!.split('.').pop());
    assert.equal(keys[0], 'name');
    for (const key of ['title', 'unit', 'reports_to', 'roles', 'stance', 'influence', 'gatekeeper', 'owner', 'last_contact']) assert.ok(keys.includes(key), `no column ${key} in ${keys}`);
    for (const [term, label] of headers) assert.equal(label, example.form.terms[term!].label);
    const zhao = page.locator(ROWS).first();
    assert.equal(await zhao.locator('.field[data-term$=".name"] input').inputValue(), 'Dr. Zhao Min');
    // The six roles as chips, each named in English and Chinese; the unit and the boss as pickers by name.
    const chips = await zhao.locator('button.chip').allTextContents();
    assert.equal(chips.length, 6);
    assert.ok(chips.every((c) => /[a-z]/i.test(c) && /[\u4e00-\u9fff]/.test(c)), JSON.stringify(chips));
    assert.deepEqual(await zhao.locator('button.chip[aria-pressed="true"]').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-role'))), ['decision-maker', 'influencer']);
    assert.match(await zhao.locator('.field[data-term$=".unit"] select').evaluate((s) => s.selectedOptions[0].textContent), /\(presidency\)/);
    // The page itself never scrolls sideways; the table does, and the name stays at its left edge.
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 400, 'the page is wider than the view');
    const scroller = page.locator(`${STAKEHOLDERS} .table-scroll`);
    const name = zhao.locator('.field[data-term$=".name"]');
    const owner = zhao.locator('.field[data-term$=".owner"]');
    const [nameBefore, ownerBefore] = [await name.boundingBox(), await owner.boundingBox()];
    await scroller.evaluate((e) => (e.scrollLeft = 600));
    const [nameAfter, ownerAfter] = [await name.boundingBox(), await owner.boundingBox()];
    assert.equal(Math.round(nameAfter!.x), Math.round(nameBefore!.x), 'the name column stays put');
    assert.ok(ownerAfter!.x < ownerBefore!.x - 500, 'the other columns scroll');
    await page.screenshot({ path: `${SCREENSHOTS}/form-stakeholders-400px.png` });
    // Choosing a stance in a row sets that person's stance.
    await zhao.locator('.field[data-term$=".stance"] select').selectOption('supporter');
    assert.deepEqual(sets(seen).at(-1)?.path, ['diagnosis', 'stakeholders', 0, 'stance']);
  });

  it('draws SWOT as a 4 × 4 grid of lists, folded into one column at 400 px', async () => {
    const { page, seen } = await open(example);
    const swot = page.locator('[data-term="strategy.swot"]');
    const rows = swot.locator('[role="row"]:not(.head)');
    assert.deepEqual(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-term'))), ['own_product', 'own_company', 'competitor_product', 'competitor_company'].map((r) => `strategy.swot.${r}`));
    assert.equal(await swot.locator('[role="columnheader"]').count(), 5, 'a corner and four columns');
    assert.equal(await swot.locator('[role="cell"]').count(), 16);
    const cell = (row: string, column: string) => swot.locator(`[role="cell"][data-term="strategy.swot.${row}.${column}"]`);
    assert.deepEqual(await cell('own_product', 'strengths').locator('.row input').evaluateAll((is) => is.map((i) => (i as { value: string }).value)), ['Once-daily combination', 'Outcome data']);
    // Side by side in a wide view.
    const tops = await Promise.all(['strengths', 'weaknesses', 'opportunities', 'threats'].map(async (c) => Math.round((await cell('own_product', c).boundingBox())!.y)));
    assert.equal(new Set(tops).size, 1, `the cells of a row share a line: ${tops}`);
    // A new item in an empty cell: an `add` at that cell's path (the server writes the maps it needs).
    const adder = cell('own_company', 'strengths').locator('input[placeholder]');
    assert.match((await adder.getAttribute('aria-label')) ?? '', /own company|our company/i);
    await adder.fill('Service team on site');
    await adder.press('Enter');
    assert.deepEqual(seen.posted.at(-1)?.intent, { op: 'add', path: ['strategy', 'swot', 'own_company', 'strengths'], item: 'Service team on site' });
    await page.setViewportSize({ width: 400, height: 800 });
    const stacked = await Promise.all(['strengths', 'weaknesses'].map(async (c) => (await cell('own_product', c).boundingBox())!.y));
    assert.ok(stacked[1] > stacked[0], 'one under the other at 400 px');
    assert.ok(await cell('own_product', 'weaknesses').locator('.cell-label').isVisible(), 'each cell says what it holds');
    await swot.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/form-swot-400px.png` });
  });

  it('links each finding to its rule’s page, the Problems panel’s link', async () => {
    const text = readRepoFile('test', 'fixtures', 'hostile.kam.yaml');
    const result = await formOf(client, repoPath('test', 'fixtures', 'hostile.kam.yaml'), text);
    const { page, seen } = await open(result);
    const links = page.locator('.finding button.code.link');
    const count = await page.locator('.finding').count();
    assert.ok(count > 0, 'the plan has findings');
    assert.equal(await links.count(), count, 'every finding shown carries its link');
    const code = (await links.first().innerText()).trim();
    await links.first().focus();
    await page.keyboard.press('Enter');
    const asked = seen.posted.at(-1) as { type: string; href: string };
    assert.equal(asked.type, 'openDoc');
    assert.ok(asked.href.endsWith(`/docs/rules/${code}.md`), asked.href);
    assert.ok(fs.existsSync(fileURLToPath(asked.href)), `${asked.href} is not a file`);
  });

  it('works from the keyboard: every control named, Enter commits a field, Escape takes the typing back', async () => {
    const { page, seen } = await open(example);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button, [role="radio"], [role="group"]')]
        .filter((e) => {
          const labelled = (e as { labels?: unknown[] }).labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
          return !labelled && !(e.localName === 'button' && e.textContent?.trim());
        })
        .map((e) => e.outerHTML.slice(0, 120)),
    );
    assert.deepEqual(unnamed, [], 'controls without a name');
    const described = await page.evaluate(() => [...document.querySelectorAll('[aria-describedby]')].map((e) => e.getAttribute('aria-describedby')));
    assert.ok(described.length > 0);
    for (const id of described) assert.ok(await page.locator(`[id="${id}"]`).count(), `aria-describedby="${id}" names no element`);
    // Tab from the top reaches the header, then the fields in the page's order.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('#header') !== null), true, 'the header comes first');
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.closest('#form') !== null)); i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-path')), JSON.stringify(['account', 'name']));
    // Escape: what was typed since the model goes, nothing is sent.
    const owner = page.locator(`[data-path='${JSON.stringify(['account', 'owner'])}']`);
    const was = await owner.inputValue();
    await owner.focus();
    await page.keyboard.type(' (acting)');
    await page.keyboard.press('Escape');
    assert.equal(await owner.inputValue(), was);
    await page.waitForTimeout(700); // past the typing pause: a value still queued would be sent now
    assert.equal(sets(seen).length, 0, 'Escape sent nothing');
    // Enter: the field is sent at once, without waiting for the pause.
    await page.keyboard.type('!');
    await page.keyboard.press('Enter');
    assert.deepEqual(sets(seen).at(-1), { path: ['account', 'owner'], value: `${was}!`, version: example.version });
    // The stage stepper is a radio group; Space or Enter on a step chooses it.
    const step = page.locator('#section-account').getByRole('radio', { name: /execution/i });
    await step.focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(sets(seen).at(-1)?.value, 'execution');
  });

  it('gets back its scroll position, open sections, shown rows and focused field after a reload', async () => {
    // A group the plan does not write yet, opened with its Add button: open again after a reload.
    const bare = await formOf(client, repoPath('test-results', 'bare.kam.yaml'), 'kam: 1\naccount:\n  name: Bare Clinic\n');
    const blank = await open(bare);
    const add = blank.page.locator('section.group > .empty > vscode-button').first();
    const term = await add.evaluate((b) => b.closest('section')!.getAttribute('data-term'));
    await add.click();
    const reopened = await open(bare, { state: blank.seen.state });
    assert.ok(await reopened.page.locator(`section[data-term="${term}"] > .children`).count(), `${term} is open again`);
    // A field focused, the page scrolled.
    const first = await open(example);
    const focused = first.page.locator(`[data-path='${JSON.stringify(['account', 'segment'])}']`);
    await focused.focus();
    await first.page.evaluate(() => window.scrollTo(0, 1200));
    await first.page.waitForFunction(() => Math.round(window.scrollY) === 1200);
    await first.page.waitForTimeout(200);
    const state = first.seen.state;
    assert.ok(state, 'the webview kept a state');
    // VS Code tears the webview down (a reload, a hidden tab) and hands the state to the new one.
    const second = await open(example, { state });
    // The same element at the top of the view, as far below the header as before.
    const anchor = (state as { anchor?: { selector: string; top: number } }).anchor;
    assert.ok(anchor, JSON.stringify(state));
    const top = await second.page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().top, anchor.selector);
    assert.ok(top !== undefined && Math.abs(top - anchor.top) <= 2, `${anchor.selector} at ${top}, was at ${anchor.top}`);
    assert.ok((await second.page.evaluate(() => window.scrollY)) > 600, 'scrolled down');
    assert.equal(await second.page.evaluate(() => document.activeElement?.getAttribute('data-path')), JSON.stringify(['account', 'segment']));
  });

  it('sends a value refused as stale again, and never shows the older value meanwhile', async () => {
    const { page, seen } = await open(example);
    const path = ['account', 'owner'];
    const owner = page.locator(`[data-path='${JSON.stringify(path)}']`);
    await owner.fill('Wang Fang');
    await owner.press('Tab');
    assert.deepEqual(sets(seen).at(-1), { path, value: 'Wang Fang', version: example.version });
    // The plan moved on meanwhile (a text edit): the intent is refused as stale, then the newer model
    // arrives, still without the typed value.
    await post(page, { type: 'rejected', path, stale: true });
    await show(page, { ...example, version: example.version + 1 });
    assert.equal(await owner.inputValue(), 'Wang Fang', 'the field still shows what was typed');
    assert.deepEqual(sets(seen).at(-1), { path, value: 'Wang Fang', version: example.version + 1 });
    // Refused again, and the model that follows is of the same version: sent again all the same.
    await post(page, { type: 'rejected', path, stale: true });
    await show(page, { ...example, version: example.version + 1 });
    assert.equal(sets(seen).filter((s) => s.value === 'Wang Fang').length, 3);
    // Once a model holds the value, it is done: no more sends.
    const done = structuredClone(example);
    done.version += 2;
    (done.form.sections[0] as { children: { path: unknown[]; value: unknown }[] }).children.find((c) => JSON.stringify(c.path) === JSON.stringify(path))!.value = 'Wang Fang';
    await show(page, done);
    await show(page, { ...done, version: done.version + 1 });
    assert.equal(sets(seen).length, 3);
  });

  it('opens long plans: 500 people in the table, a 5,000-line plan (figures printed)', async () => {
    for (const [name, text] of [
      ['500 stakeholders', largePlan(500)],
      ['5,000 lines', generatePlan(5_000, 1)],
    ] as const) {
      const result = await formOf(client, repoPath('test-results', `${name.replace(/\W+/g, '-')}.kam.yaml`), text);
      const { page } = await open(result);
      // Time from the model's arrival to the first screen drawn (the page's own clock).
      const drawn = await page.evaluate(
        (r) =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            window.postMessage({ type: 'model', result: { ...r, version: r.version + 1 } }, '*');
            const wait = () => (document.getElementById('form')!.dataset.version === String(r.version + 1) ? requestAnimationFrame(() => resolve(performance.now() - start)) : setTimeout(wait, 1));
            wait();
          }),
        result,
      );
      const rows = await page.locator(ROWS).count();
      // All rows shown, then scrolled through: the frames' gaps tell whether it stays smooth.
      const more = page.locator(`${STAKEHOLDERS} > .more`);
      while (await more.count()) await more.click();
      const frames = await page.evaluate(
        () =>
          new Promise<number[]>((resolve) => {
            const gaps: number[] = [];
            let last = performance.now();
            const end = document.documentElement.scrollHeight;
            const step = () => {
              const now = performance.now();
              gaps.push(now - last);
              last = now;
              window.scrollBy(0, 120);
              if (window.scrollY + window.innerHeight < end - 10 && gaps.length < 2000) requestAnimationFrame(step);
              else resolve(gaps.slice(1));
            };
            requestAnimationFrame(step);
          }),
      );
      frames.sort((a, b) => a - b);
      const total = await page.locator(ROWS).count();
      console.log(
        `      ${name}: first screen drawn ${drawn.toFixed(0)} ms after the model (${rows} rows at first, ${total} after "show more"); ` +
          `scrolling ${frames.length} frames, median ${frames[frames.length >> 1].toFixed(1)} ms, p95 ${frames[Math.floor(frames.length * 0.95)].toFixed(1)} ms`,
      );
      assert.ok(rows > 0 && rows < total, 'the first screen draws some rows, the rest on demand');
      assert.ok(await page.locator(ROWS).first().locator('input').first().isEditable());
    }
  });
});
