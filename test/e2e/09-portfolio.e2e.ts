// The sales director opens the Explorer's "KAM Portfolio" view: every plan of the workspace, the
// least healthy first (the Lakeside plan with its duplicate ids) with an error mark; a click on it
// opens the plan.
import * as assert from 'node:assert/strict';
import { PLAN_WITH_FINDINGS, workbench } from './session';
import type { Workbench } from './workbench';

describe('Portfolio in the Explorer', () => {
  let wb: Workbench;

  before(async () => {
    wb = await workbench();
  });

  it('lists every plan, lowest health first, and opens the worst one', async () => {
    const view = await wb.sideBarView('KAM Portfolio');
    await view.locator('.monaco-list-row', { hasText: 'Lakeside Cancer Centre' }).waitFor();
    await view.locator('.monaco-list-row', { hasText: 'Riverside General Hospital' }).waitFor();
    await wb.screenshot('portfolio-view');
    const rows = await wb.treeRows(view);
    assert.equal(rows[0].label, 'Lakeside Cancer Centre', `rows: ${rows.map((r) => r.label).join(', ')}`);
    assert.ok(rows[0].icons.includes('error'), `the worst plan has no error mark (${rows[0].icons.join(', ')})`);
    const healths = rows.map((r) => Number(/^(\d+)/.exec(r.description)?.[1]));
    assert.deepEqual([...healths].sort((a, b) => a - b), healths, `not sorted by health: ${healths.join(', ')}`);
    await view.locator('.monaco-list-row').first().click();
    await wb.page.locator('.tab.active', { hasText: PLAN_WITH_FINDINGS.name }).waitFor();
    await wb.screenshot('portfolio-opened');
    // Leave the keyboard with the editor, as a user who goes on to type in the plan would (the next suites use the palette).
    await wb.editor().locator('.view-lines').click();
  });
});
