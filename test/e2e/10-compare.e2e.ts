// The account manager keeps the plan in git. After a meeting she changes Liu Yan's stance in the
// editor, runs KAM: Compare with Earlier Version…, picks the last commit, and reads the one change
// since then; a click on it puts the cursor on the stance line.
import * as assert from 'node:assert/strict';
import { HISTORY_PLAN, historyPlanText } from './history-repo';
import { workbench } from './session';
import type { Workbench } from './workbench';

const PLAN = HISTORY_PLAN;
const CHANGE = 'Liu Yan (liu): stance skeptic → supporter';

describe('Compare a plan with an earlier version', () => {
  let wb: Workbench;
  let stanceLine: number;
  let skepticColumn: number;

  before(async () => {
    wb = await workbench();
    // The repository history/ with its two commits is made before VS Code starts (session.ts).
    const plan = historyPlanText();
    const lines = plan.split('\n');
    stanceLine = lines.findIndex((line) => line.includes('stance: skeptic')) + 1;
    skepticColumn = lines[stanceLine - 1].indexOf('skeptic') + 1;
  });

  // The next suites start from a plain window.
  after(async () => wb?.runCommand('View: Close All Editors').catch(() => undefined));

  it('shows the stance changed since the last commit, and a click on it goes to the stance line', async () => {
    await wb.page.keyboard.press('Escape'); // whatever a step before left open
    await wb.runCommand('View: Close All Editors');
    await wb.quickOpen(PLAN);
    await wb.editor().locator('.view-lines').click(); // the keyboard with the editor
    // Replace "skeptic" with "supporter", as typed.
    await wb.goTo(stanceLine, skepticColumn);
    const supporters = wb.editor().locator('.view-line', { hasText: 'stance: supporter' });
    const before = await supporters.count();
    await wb.page.keyboard.press('Shift+End');
    await wb.page.keyboard.type('supporter');
    await wb.editor().locator('.view-line', { hasText: 'stance: skeptic' }).first().waitFor({ state: 'detached' });
    assert.equal(await supporters.count(), before + 1, 'the stance line does not read "stance: supporter"');
    await wb.page.keyboard.press('Escape'); // a completion list may be open
    await wb.goTo(1, 1);

    await wb.runCommand('KAM: Compare with Earlier Version');
    await wb.answerQuickInput('Review moved', 'Review moved to January');
    const change = wb.webview().locator('button', { hasText: CHANGE });
    await change.waitFor({ timeout: 30_000 });
    const changes = await wb.webview().locator('button[data-index]').allInnerTexts();
    assert.deepEqual(changes, [CHANGE], 'only the stance changed since the last commit');
    await wb.screenshot('compare-stance-change');

    await change.click();
    const position = wb.page.locator('.statusbar-item[id="status.editor.selection"]');
    const deadline = Date.now() + 10_000;
    let text = '';
    while (!(text = await position.innerText().catch(() => '')).startsWith(`Ln ${stanceLine},`) && Date.now() < deadline) await wb.page.waitForTimeout(100);
    assert.match(text, new RegExp(`^Ln ${stanceLine},`), `the cursor is not on the stance line ${stanceLine}`);
    await wb.screenshot('compare-revealed');
  });
});
