// The HTML report as a reader opens it: `kam report --format html` written to a file and opened in
// Chromium from disk. It must load nothing but itself, log no error, and run no script, even for a
// plan whose text is made of markup and script (test/fixtures/hostile.kam.yaml).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { repoPath } from '../helpers';
import { loadCodeServerScripts } from '../integration/code-server';
import { recordPageEvents, type PageEvents } from './page-events';

/** What a page did while it loaded, and its text once loaded. */
interface Observed extends PageEvents {
  text: string;
}

/** Opens a file in a fresh page and records everything it does until it has loaded and settled. */
async function observe(context: BrowserContext, file: string): Promise<Observed> {
  const page = await context.newPage();
  const seen: Observed = { requests: [], consoleErrors: [], pageErrors: [], dialogs: [], scripts: [], text: '' };
  const stopScripts = await recordPageEvents(context, page, seen, 'count');
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Late handlers (a failed image's onerror, a timer) have their moment.
    await page.waitForTimeout(500);
    await stopScripts();
    seen.text = await page.locator('body').innerText();
  } finally {
    await page.close();
  }
  return seen;
}

function report(plan: string, out: string): string {
  execFileSync(process.execPath, [repoPath('dist', 'kam.js'), 'report', '--format', 'html', '-o', out, repoPath(plan)], { stdio: 'pipe' });
  assert.ok(fs.existsSync(out), `kam report wrote no ${out}`);
  return out;
}

describe('HTML report in Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let close: () => Promise<void>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-report-'));
    // Fails with the `apt-get install -y chromium` to run when Debian's Chromium is missing.
    ({ context, close } = await (await loadCodeServerScripts()).openBrowser());
  });
  after(async () => {
    await close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('notices a page that runs script and fetches (the checks below can fail)', async () => {
    const control = path.join(dir, 'control.html');
    fs.writeFileSync(control, '<!DOCTYPE html><title>control</title><img src="missing.png" onerror="alert(1)">');
    const seen = await observe(context, control);
    assert.deepEqual(seen.dialogs, ['alert: 1']);
    assert.ok(seen.scripts.length > 0, 'the event handler ran but no script was seen');
    assert.ok(seen.requests.some((r) => r.endsWith('/missing.png')), `the image request was not seen: ${seen.requests.join(', ')}`);
  });

  it('opens the example plan’s report with no request, error or script', async () => {
    const file = report('examples/riverside-general.kam.yaml', path.join(dir, 'riverside.html'));
    const seen = await observe(context, file);
    assert.deepEqual(seen.requests, [pathToFileURL(file).href], 'the report fetched something besides itself');
    assert.deepEqual(seen.consoleErrors, []);
    assert.deepEqual(seen.pageErrors, []);
    assert.deepEqual(seen.scripts, []);
    assert.match(seen.text, /Riverside General Hospital/);
    assert.match(seen.text, /Dr\. Zhao Min/);
  });

  it('shows a hostile plan’s text as text: no dialog, no script, nothing fetched', async () => {
    const file = report('test/fixtures/hostile.kam.yaml', path.join(dir, 'hostile.html'));
    const seen = await observe(context, file);
    assert.deepEqual(seen.dialogs, [], 'a dialog opened');
    assert.deepEqual(seen.scripts, [], 'a script ran');
    assert.deepEqual(seen.requests, [pathToFileURL(file).href], 'the report fetched something besides itself');
    assert.deepEqual(seen.consoleErrors, []);
    assert.deepEqual(seen.pageErrors, []);
    // The markup is shown as written.
    assert.ok(seen.text.includes('<img src=x onerror=alert(1)> General'), 'the account name is not shown as written');
    assert.ok(seen.text.includes('</style><script>alert(1)</script>'), 'the script-like title is not shown as written');
  });
});
