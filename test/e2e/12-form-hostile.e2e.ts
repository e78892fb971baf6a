// The plan editor's webview script (dist/form.js, with media/form.css) in Chromium, fed the form of
// a plan whose text is markup and script (test/fixtures/hostile.kam.yaml), as the extension feeds it:
// the page from formPage() with its CSP and nonce, its files served from disk by a page route
// (nothing reaches the network), a stand-in for VS Code's acquireVsCodeApi, and the model from the
// bundled language server. Nothing runs but form.js, nothing is fetched, no element comes from the
// plan, every value shows as written; a form.js that writes a name as markup is caught.
import * as assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import type { FormResult } from '../../server/src/lsp/protocol';
import { readRepoFile, repoPath } from '../helpers';
import { loadCodeServerScripts } from '../integration/code-server';
import { LspClient } from '../lsp/lsp-client';
import { API_SCRIPT, formOf, MEDIA, openForm, PAGE_URL, post, webviewUri, type Seen } from './form-page';
import { SCREENSHOTS } from './workbench';

const PLAN = repoPath('test', 'fixtures', 'hostile.kam.yaml');
const FOREIGN = ['img', 'iframe', 'object', 'embed', 'a', 'b', 'table', 'style', 'base', 'form', 'svg', 'math', 'audio', 'video'];

/** Everything the page did that it must not. */
async function problems(page: Page, seen: Seen): Promise<string[]> {
  await page.waitForTimeout(300);
  const audit = (await page.evaluate(`(() => {
    const foreign = ${JSON.stringify(FOREIGN)};
    const out = [];
    for (const e of document.querySelectorAll('*')) {
      if (foreign.includes(e.localName)) out.push('a <' + e.localName + '> element');
      for (const a of e.attributes) if (/^on/i.test(a.name)) out.push('<' + e.localName + '> has the event handler ' + a.name);
    }
    return out;
  })()`)) as string[];
  const own = [PAGE_URL, webviewUri(MEDIA.css), webviewUri(MEDIA.script)];
  return [
    ...seen.dialogs.map((d) => `dialog ${d}`),
    ...seen.violations.map((v) => `CSP violation: ${v}`),
    ...seen.requests.filter((r) => !own.includes(r)).map((r) => `request ${r}`),
    ...seen.scripts.filter((s) => s !== API_SCRIPT && s !== webviewUri(MEDIA.script)).map((s) => `script ${s}`),
    ...seen.pageErrors.map((e) => `page error: ${e}`),
    ...audit,
  ];
}

describe('Plan editor webview with a hostile plan, in Chromium', function () {
  this.timeout(120_000);
  let context: BrowserContext;
  let close: () => Promise<void>;
  let client: LspClient;
  let result: FormResult;

  before(async () => {
    client = await LspClient.start({ locale: 'en' });
    result = await formOf(client, PLAN, readRepoFile('test', 'fixtures', 'hostile.kam.yaml'));
    ({ context, close } = await (await loadCodeServerScripts()).openBrowser());
  });
  after(async () => {
    await close?.();
    await client?.close();
  });

  it('shows every value as written: nothing runs, nothing loads, no element comes from the plan', async () => {
    const { page, seen } = await openForm(context, { loading: '<img src=x onerror=alert(1)>' });
    await post(page, { type: 'model', result });
    await page.locator('#section-account').waitFor();
    const field = (term: string) => page.locator('#section-account').getByLabel(result.form.terms[term].label, { exact: true });
    assert.equal(await field('account.name').inputValue(), '<img src=x onerror=alert(1)> General');
    assert.equal(await field('account.segment').inputValue(), '</style><script>alert(1)</script> segment');
    const titles = await page.locator('#section-diagnosis article.item h4').allInnerTexts();
    assert.ok(titles.some((t) => t.includes('DROP TABLE')), JSON.stringify(titles));
    await page.setViewportSize({ width: 400, height: 800 });
    await page.screenshot({ path: `${SCREENSHOTS}/form-hostile-400px.png`, fullPage: false });
    assert.deepEqual(await problems(page, seen), []);
    assert.ok(seen.posted.some((m) => m.type === 'ready'));
  });

  it('keeps the field being typed in focused across a redraw: no keystroke is lost', async () => {
    const { page, seen } = await openForm(context);
    await post(page, { type: 'model', result });
    const field = page.locator('#section-account .field input[type="text"]').first();
    await field.focus();
    const path = await field.getAttribute('data-path');
    const before = await field.inputValue();
    await page.keyboard.type('ab');
    // A redraw while typing (the echo of another edit, a check cycle): the field keeps focus, value and caret.
    await post(page, { type: 'model', result: { ...result, version: result.version + 1 } });
    await page.locator(`#form[data-version="${result.version + 1}"]`).waitFor();
    assert.equal(await page.evaluate(`document.activeElement.getAttribute('data-path') ?? document.activeElement.localName`), path, 'the field keeps its focus');
    await page.keyboard.type('cd');
    await page.keyboard.press('Tab');
    assert.equal(await field.inputValue(), `${before}abcd`);
    const sets = seen.posted.filter((m) => m.type === 'intent' && (m.intent as { op: string; path: unknown[] }).op === 'set');
    // A slow page may pause long enough to send `ab` on its own; leaving the field sends every keystroke.
    assert.equal((sets.at(-1)?.intent as { value?: unknown } | undefined)?.value, `${before}abcd`, 'the last edit holds every keystroke');
    await page.close();
  });

  it('notices a form.js that writes a name as markup (the checks above can fail)', async () => {
    const unsafe = (source: string) =>
      `${source}\nwindow.addEventListener('message', (e) => e.data.type === 'model' && document.getElementById('header').insertAdjacentHTML('beforeend', e.data.result.form.sections[0].children[0].value));`;
    const { page, seen } = await openForm(context, { script: unsafe });
    await post(page, { type: 'model', result });
    await page.locator('#section-account').waitFor();
    const found = await problems(page, seen);
    assert.ok(found.includes('a <img> element'), found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('CSP violation')), found.join('\n'));
  });
});
