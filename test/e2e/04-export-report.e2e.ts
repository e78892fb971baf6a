// The newcomer runs "KAM: Export Report…" from the command palette, picks HTML, and names the file in
// the save dialog (code-server's own dialog: a quick input taking a path); the report is written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PLAN_WITH_FINDINGS, workbench } from './session';
import type { Workbench } from './workbench';

describe('Report export', () => {
  let wb: Workbench;

  before(async () => {
    wb = await workbench();
    await wb.quickOpen(PLAN_WITH_FINDINGS.name);
  });

  it('exports the plan as HTML where the user says', async () => {
    const target = path.join(wb.workspace, 'lakeside-report.html');
    await wb.runCommand('KAM: Export Report…');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'HTML' }).first().waitFor();
    await wb.screenshot('export-format');
    await wb.answerQuickInput('HTML', 'HTML');
    // The save dialog proposes a file beside the plan; the user types another path.
    const proposed = await wb.quickInputValue((value) => value.endsWith('.html'));
    assert.equal(proposed, path.join(wb.workspace, 'lakeside-duplicates.report.html'), 'the dialog does not propose a file beside the plan');
    await wb.screenshot('export-save-dialog');
    await wb.answerQuickInput(target);

    const saved = wb.page.locator('.notification-toast', { hasText: 'Report saved to lakeside-report.html' });
    await saved.waitFor();
    await wb.screenshot('export-saved');
    assert.ok(fs.existsSync(target), `${target} was not written`);
    const html = fs.readFileSync(target, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes('Lakeside Cancer Centre'), 'the report does not name the account');
  });
});
