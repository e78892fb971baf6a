// A newcomer installs the packaged extension (`npm run package`, then `code-server --install-extension
// kam-plan.vsix`, done by the workbench) and opens a folder of plans: the "Get Started with KAM Plan"
// walkthrough comes up by itself, and its buttons work.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRepoFile } from '../helpers';
import { workbench } from './session';
import type { Workbench } from './workbench';

const MAX_VSIX_BYTES = 1.5 * 1024 * 1024;

describe('Installed package and walkthrough', () => {
  let wb: Workbench;

  before(async () => {
    wb = await workbench();
  });

  it('is the .vsix, at most 1.5 MB, installed without sources or dependencies', () => {
    const { vsix, installed } = wb.extension;
    const size = fs.statSync(vsix).size;
    assert.ok(size <= MAX_VSIX_BYTES, `${path.basename(vsix)} is ${(size / 1024 / 1024).toFixed(2)} MB`);
    const version = (JSON.parse(readRepoFile('package.json')) as { version: string }).version;
    assert.equal((JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string }).version, version);
    for (const shipped of ['dist/client.js', 'dist/server.js', 'dist/form.js', 'media/icon/icon.png', 'LICENSE.txt', 'changelog.md', 'examples']) {
      assert.ok(fs.existsSync(path.join(installed, shipped)), `the installed extension lacks ${shipped}`);
    }
    for (const left of ['dist/kam.js', 'client', 'server', 'test', 'node_modules', 'scripts', 'package-lock.json']) {
      assert.ok(!fs.existsSync(path.join(installed, left)), `the installed extension carries ${left}`);
    }
  });

  it('opens the walkthrough on the first start', async () => {
    await wb.page.locator('.tabs-container .tab', { hasText: 'Walkthrough: KAM Plan' }).waitFor({ timeout: 60_000 });
    const page = wb.page.locator('.gettingStartedContainer');
    await page.getByText('Get Started with KAM Plan').first().waitFor();
    const steps = await page.locator('.getting-started-step .step-title').allInnerTexts();
    // The Plan Editor's step shows once the package contributes its command.
    const { contributes } = JSON.parse(readRepoFile('package.json')) as { contributes: { commands: { command: string }[] } };
    const planEditor = contributes.commands.some((c) => c.command === 'kam.openPlanEditor') ? ['Edit in the Plan Editor'] : [];
    assert.deepEqual(
      steps.map((s) => s.trim()),
      ['Create a plan', 'See and fix the findings', 'Open the stakeholder map', ...planEditor, 'Export the report'],
    );
    await wb.docsImage('walkthrough');
  });

  it('shows the Plan Editor’s step with a picture of the form', async () => {
    const page = wb.page.locator('.gettingStartedContainer');
    await page.locator('.getting-started-step', { hasText: 'Edit in the Plan Editor' }).locator('.step-title').click();
    const picture = page.getByRole('img', { name: /^The Plan Editor: the plan as a form/ });
    await picture.waitFor();
    // Loaded from the package, not a broken link: the picture has its own size.
    type Picture = { complete: boolean; naturalWidth: number };
    await wb.page.waitForFunction((img) => (img as unknown as Picture).complete && (img as unknown as Picture).naturalWidth > 0, await picture.elementHandle());
    assert.match(await picture.evaluate((img) => (img as unknown as { currentSrc: string }).currentSrc), /plan-editor\.png/);
  });

  it('runs a step’s button: Show the Problems opens the Problems panel', async () => {
    const page = wb.page.locator('.gettingStartedContainer');
    await page.locator('.getting-started-step', { hasText: 'See and fix the findings' }).locator('.step-title').click();
    await page.getByRole('button', { name: 'Show the Problems' }).click();
    await wb.page.locator('.markers-panel').waitFor();
    await wb.screenshot('walkthrough-problems');
  });

  it('offers New Plan under File > New File…, which creates the plan', async () => {
    await wb.runCommand('Create: New File...');
    // Picked from the list as it comes (typing would offer a file of that name first).
    const entry = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'New Plan' }).first();
    await entry.waitFor();
    await wb.screenshot('new-file-menu');
    await entry.click();
    await wb.answerQuickInput('Newcomer Clinic');
    await wb.page.locator('.tabs-container .tab.active[data-resource-name="newcomer-clinic.kam.yaml"]').waitFor();
    const file = path.join(wb.workspace, 'newcomer-clinic.kam.yaml');
    assert.match(fs.readFileSync(file, 'utf8'), /^ {2}name: Newcomer Clinic$/m);
    // Out of the way of the next steps, which count the workspace's findings.
    await wb.runCommand('View: Close Editor');
    fs.rmSync(file);
  });

  after(async () => {
    // The other steps start from a plain window.
    await wb.runCommand('View: Close All Editors');
    if (await wb.page.locator('.part.panel').isVisible()) await wb.runCommand('View: Hide Panel');
    wb.walkthroughClosed = true;
  });
});
