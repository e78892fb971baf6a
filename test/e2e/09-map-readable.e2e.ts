// The stakeholder map's first view is readable: opened beside a plan (half the window), a five-person
// org chart is fitted to the panel with its names at least as large as the editor's text, laid out
// to suit the panel (the four reports in a column under their head), and the rest is scrolled to;
// the influence grid likewise. Measured in the webview as drawn: each name's rendered height and
// the size its font is drawn at (its font size times the canvas's scale).
import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { FIVE_PEOPLE, workbench } from './session';
import type { Workbench } from './workbench';

/** What the page shows of the names: the font size each is drawn at (px on screen) and its box. */
interface Drawn {
  drawnFontSizes: number[];
  heights: number[];
  boxes: { left: number; top: number; right: number; bottom: number }[];
  viewport: { width: number; height: number };
  scale: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- runs in the webview; the tests compile without the DOM's types */
function measureInPage(viewport: any, selector: string): Drawn {
  const { getComputedStyle, DOMMatrix } = globalThis as any; // the page's (Playwright sends only this function's source)
  const canvas = viewport.querySelector('#canvas');
  const scale = new DOMMatrix(getComputedStyle(canvas).transform).a;
  const names: any[] = [...viewport.querySelectorAll(selector)];
  const origin = viewport.getBoundingClientRect();
  const boxes = names.map((n) => {
    const r = n.getBoundingClientRect();
    return { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
  });
  return {
    drawnFontSizes: names.map((n) => parseFloat(getComputedStyle(n).fontSize) * scale),
    heights: boxes.map((b) => b.bottom - b.top),
    boxes,
    viewport: { width: viewport.clientWidth, height: viewport.clientHeight },
    scale,
  };
}

function fontSizeInPage(element: any): number {
  return parseFloat((globalThis as any).getComputedStyle(element).fontSize);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

async function measure(map: FrameLocator, selector: string): Promise<Drawn> {
  return map.locator('#viewport').evaluate(measureInPage, selector);
}

describe('Stakeholder map: the first view is readable', () => {
  let wb: Workbench;
  let editorFontSize: number;

  before(async () => {
    wb = await workbench();
    await wb.runCommand('View: Close All Editors');
    await wb.quickOpen(FIVE_PEOPLE.name);
    editorFontSize = await wb.editor().locator('.view-lines').evaluate(fontSizeInPage);
    assert.ok(editorFontSize >= 10, `editor font size ${editorFontSize}`);
  });

  it('draws a five-person org chart beside the plan with names at least the editor\'s font size', async () => {
    await wb.runCommand('KAM: Show Stakeholder Map');
    await wb.page.locator('.tabs-container .tab', { hasText: `Stakeholder map: ${FIVE_PEOPLE.name}` }).waitFor();
    const map = wb.webview();
    await map.locator('#canvas[data-timing] g.kam-node[data-node="s4"]').waitFor();
    const editorWidth = (await wb.editor().boundingBox())!.width;
    const drawn = await measure(map, 'g.kam-node .kam-node-name');
    await wb.screenshot('map-five-people-beside-plan');
    console.log(
      `    names drawn at ${Math.min(...drawn.drawnFontSizes).toFixed(1)} px (editor ${editorFontSize} px), scale ${drawn.scale.toFixed(2)}, ` +
        `panel ${drawn.viewport.width}×${drawn.viewport.height} beside an editor ${Math.round(editorWidth)} px wide`,
    );

    assert.ok(drawn.viewport.width < editorWidth * 1.5, 'the map is beside the plan, not over it');
    assert.equal(drawn.drawnFontSizes.length, FIVE_PEOPLE.people.length);
    for (const size of drawn.drawnFontSizes) assert.ok(size >= editorFontSize - 0.01, `a name drawn at ${size} px, under the editor's ${editorFontSize} px`);
    for (const height of drawn.heights) assert.ok(height >= editorFontSize, `a name ${height} px high`);
    // Narrow enough for the panel: every name is within it across; the head is in view.
    for (const box of drawn.boxes) assert.ok(box.left >= 0 && box.right <= drawn.viewport.width, `a name is cut off across: ${JSON.stringify(box)}`);
    assert.ok(drawn.boxes[0].top >= 0 && drawn.boxes[0].bottom <= drawn.viewport.height, 'the head is in view');
    // Laid out for a narrow panel: the four reports one under another, below the head.
    const reports = drawn.boxes.slice(1);
    for (let i = 1; i < reports.length; i++) assert.ok(reports[i].top > reports[i - 1].bottom, 'the reports stand in a column');
    assert.ok(reports[0].top > drawn.boxes[0].bottom);
  });

  it('scrolls to what does not fit, and zooms with Ctrl', async () => {
    const map = wb.webview();
    const before = await measure(map, 'g.kam-node .kam-node-name');
    const last = before.boxes.at(-1)!;
    const viewport = await map.locator('#viewport').boundingBox();
    assert.ok(viewport);
    await wb.page.mouse.move(viewport.x + viewport.width / 2, viewport.y + viewport.height / 2);
    for (let i = 0; i < 10; i++) await wb.page.mouse.wheel(0, 120);
    const after = await measure(map, 'g.kam-node .kam-node-name');
    assert.equal(after.scale, before.scale, 'the wheel scrolls, it does not zoom');
    if (last.bottom > before.viewport.height) {
      assert.ok(after.boxes.at(-1)!.bottom <= after.viewport.height, 'the last person scrolled into view');
      assert.ok(after.boxes[0].top < before.boxes[0].top, 'the picture moved up');
    } else assert.deepEqual(after.boxes, before.boxes, 'a picture that fits does not scroll');
    await wb.page.keyboard.down('Control');
    await wb.page.mouse.wheel(0, -240);
    await wb.page.keyboard.up('Control');
    assert.ok((await measure(map, 'g.kam-node .kam-node-name')).scale > after.scale, 'Ctrl+wheel zooms in');
  });

  it('draws the influence grid\'s names at least the editor\'s font size too', async () => {
    const map = wb.webview();
    await map.getByRole('button', { name: 'Influence grid' }).click();
    await map.locator('#canvas svg.kam-grid').waitFor();
    const drawn = await measure(map, '.kam-grid-name');
    await wb.screenshot('map-five-people-grid');
    assert.ok(drawn.drawnFontSizes.length >= FIVE_PEOPLE.people.length, `${drawn.drawnFontSizes.length} names in the grid`);
    for (const size of drawn.drawnFontSizes) assert.ok(size >= editorFontSize - 0.01, `a name drawn at ${size} px, under the editor's ${editorFontSize} px`);
    // Wider than the panel at that size: it starts at its row labels, on the left, and scrolls across.
    const grid = await measure(map, 'svg.kam-grid');
    assert.ok(grid.boxes[0].left >= 0 && grid.boxes[0].left <= 30, `the grid starts at ${grid.boxes[0].left} px`);
    if (grid.boxes[0].right > grid.viewport.width) {
      const viewport = (await map.locator('#viewport').boundingBox())!;
      await wb.page.mouse.move(viewport.x + viewport.width / 2, viewport.y + viewport.height / 2);
      await wb.page.keyboard.down('Shift');
      for (let i = 0; i < 10; i++) await wb.page.mouse.wheel(0, 120);
      await wb.page.keyboard.up('Shift');
      const scrolled = await measure(map, 'svg.kam-grid');
      assert.ok(scrolled.boxes[0].right <= scrolled.viewport.width, `Shift+wheel scrolls the grid across to its right edge: ${JSON.stringify(scrolled.boxes[0])}`);
    }
  });
});
