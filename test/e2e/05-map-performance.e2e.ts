// How long the stakeholder map of a large account takes to draw (issue 6 asks for under a second
// with 500 stakeholders): from the palette command to all 500 people on the map in the webview.
// The figure is printed; the only bound is a guard against a hang.
import * as assert from 'node:assert/strict';
import { LARGE_PLAN, workbench } from './session';
import type { Workbench } from './workbench';

const HANG_GUARD_MS = 60_000;

describe('Stakeholder map of a large account', () => {
  let wb: Workbench;

  before(async () => {
    wb = await workbench();
    await wb.quickOpen(LARGE_PLAN.name);
  });

  it(`draws ${LARGE_PLAN.people} stakeholders (time printed)`, async () => {
    const nodes = wb.webview().locator('#canvas svg g.kam-node');
    const started = Date.now();
    await wb.runCommand('KAM: Show Stakeholder Map');
    await nodes.nth(LARGE_PLAN.people - 1).waitFor({ state: 'attached', timeout: HANG_GUARD_MS });
    const elapsed = Date.now() - started;
    await wb.screenshot('map-500-stakeholders');
    assert.equal(await nodes.count(), LARGE_PLAN.people);
    console.log(`       the map of ${LARGE_PLAN.people} stakeholders drew in ${elapsed} ms (palette command to every node in the webview; the aim is < 1000 ms)`);
  });
});
