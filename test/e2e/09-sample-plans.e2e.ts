// The newcomer opens the two sample plans and their stakeholder maps: the English one and the
// Chinese one (names drawn in Chinese, with Debian's Noto CJK fonts). These are the README's pictures
// (docs/images, renewed with KAM_DOCS_IMAGES=1).
import * as assert from 'node:assert/strict';
import { workbench } from './session';
import type { Workbench } from './workbench';

const SAMPLES = [
  { file: 'riverside-general.kam.yaml', people: ['Dr. Zhao Min', 'Wang Jun', 'Dr. Chen Hua', 'Liu Yan'], image: 'plan-and-map' },
  { file: 'huadong-peoples-hospital.kam.yaml', people: ['孙建国', '周敏', '吴医生'], image: 'plan-and-map-zh' },
];

describe('Sample plans and their maps', () => {
  let wb: Workbench;

  before(async () => {
    wb = await workbench();
  });
  after(() => wb.closeAllEditors()); // the next steps find one webview: theirs

  for (const sample of SAMPLES) {
    it(`opens ${sample.file} and draws its people on the map`, async () => {
      await wb.closeAllEditors();
      if (await wb.page.locator('.part.panel').isVisible()) await wb.runCommand('View: Hide Panel');
      await wb.quickOpen(sample.file);
      await wb.runCommand('KAM: Show Stakeholder Map');
      await wb.page.locator('.tabs-container .tab', { hasText: `Stakeholder map: ${sample.file}` }).waitFor();
      const nodes = wb.webview().locator('#canvas svg g.kam-node');
      await nodes.nth(sample.people.length - 1).waitFor();
      const drawn = (await nodes.allTextContents()).join('\n');
      for (const name of sample.people) assert.ok(drawn.includes(name), `${name} is not on the map: ${JSON.stringify(drawn)}`);
      await wb.docsImage(sample.image);
    });
  }
});
