// The newcomer opens the Explorer's "Key Account Plan" view: the account with its health score, the
// seven stages of the cycle, and a warning item for every role no one holds (the Lakeside plan
// names no roles at all).
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { PLAN_WITH_FINDINGS, workbench } from './session';
import type { Workbench } from './workbench';

const STAGES = ['Diagnosis', 'Forecast', 'Goals', 'Strategy', 'Actions', 'Controls', 'Feedback'];
const ROLES = ['decision maker', 'proposer', 'guide', 'implementer', 'constrainer', 'influencer'];

describe('Plan outline in the Explorer', () => {
  let wb: Workbench;
  let view: Locator;

  before(async () => {
    wb = await workbench();
    await wb.quickOpen(PLAN_WITH_FINDINGS.name);
  });

  it('shows the account, its score and the seven stages', async () => {
    view = await wb.sideBarView('Key Account Plan');
    await view.locator('.pane-header .description', { hasText: PLAN_WITH_FINDINGS.name }).waitFor();
    await view.locator('.monaco-list-row', { hasText: 'Feedback' }).waitFor();
    await wb.screenshot('outline-view');
    const rows = await wb.treeRows(view);
    const root = rows.find((r) => r.label === 'Lakeside Cancer Centre');
    assert.ok(root, `no account row among ${rows.map((r) => r.label).join(', ')}`);
    assert.match(root.description, /^\d+\/100$/, 'the account row shows no score');
    assert.deepEqual(rows.filter((r) => STAGES.includes(r.label)).map((r) => r.label), STAGES);
  });

  it('marks every unassigned role with a warning', async () => {
    const rows = await wb.treeRows(view);
    const roles = rows.filter((r) => ROLES.includes(r.label));
    assert.deepEqual(roles.map((r) => r.label), ROLES, 'the six roles are not all listed');
    for (const role of roles) {
      assert.equal(role.description, 'unassigned', `${role.label}: ${role.description}`);
      assert.ok(role.icons.includes('warning'), `${role.label} has no warning icon (${role.icons.join(', ')})`);
    }
    assert.equal(rows.find((r) => r.label === 'Key decision makers')?.description, '0/6');
  });
});
