// The newcomer runs "KAM: Show Stakeholder Map" from the command palette: the map opens beside the
// plan and shows the account's people and, in its legend, the roles no one holds.
import * as assert from 'node:assert/strict';
import { PLAN_WITH_FINDINGS, workbench } from './session';
import type { Workbench } from './workbench';

const PEOPLE = ['Dr. Lin Tao', 'Xu Fang', 'Lin Jie'];
const ROLES = ['decision maker', 'proposer', 'guide', 'implementer', 'constrainer', 'influencer'];

describe('Stakeholder map', () => {
  let wb: Workbench;

  before(async () => {
    wb = await workbench();
    await wb.quickOpen(PLAN_WITH_FINDINGS.name);
  });

  it('opens from the command palette and draws the people', async () => {
    await wb.runCommand('KAM: Show Stakeholder Map');
    await wb.page.locator('.tabs-container .tab', { hasText: `Stakeholder map: ${PLAN_WITH_FINDINGS.name}` }).waitFor();
    const map = wb.webview();
    const nodes = map.locator('#canvas svg g.kam-node');
    await nodes.nth(PEOPLE.length - 1).waitFor();
    await wb.screenshot('stakeholder-map');
    assert.equal(await nodes.count(), PEOPLE.length);
    const drawn = (await nodes.allTextContents()).join('\n');
    for (const name of PEOPLE) assert.ok(drawn.includes(name), `${name} is not on the map: ${JSON.stringify(drawn)}`);
  });

  it('lists every unassigned role in the legend', async () => {
    const chips = wb.webview().locator('#legend .chip.unassigned');
    await chips.first().waitFor();
    const texts = await chips.allTextContents();
    assert.deepEqual(texts, ROLES.map((role) => `⚠ ${role}: unassigned`));
  });
});
