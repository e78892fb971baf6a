// How long the stakeholder map of a large account takes to draw (issue 6 asks for under a second
// with 500 stakeholders). "Draws" is from the palette command (Enter) until the frame holding every
// person is painted in the webview: map.js notes when (#canvas[data-timing], with when the extension
// asked the server and had the answer), and all the clocks are this machine's. The plan is opened
// and checked first, as a user opens the map of a plan they are looking at.
//
// The figures are printed with their parts, not asserted: the map's own (from the model's arrival in
// the page to the painted frame, which issue 15 asks under a second) and VS Code's (from the command
// until map.js runs). Most of the total is VS Code making the webview
// (panel, frame, the page's service worker, the page), which on a shared 2-core machine takes from
// 0.9 s to over 4 s, while the map's own part once the page runs is 0.1 to 0.3 s. The only bound is
// a guard against a hang.
import * as assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/engine';
import { renderGridSvg, renderMapSvg } from '../../server/src/views/map-svg';
import { layoutMap } from '../../server/src/views/map-layout-cache';
import { stakeholderFacts } from '../../server/src/views/stakeholder-map-model';
import { largePlan } from './large-plan';
import { LARGE_PLAN, workbench } from './session';
import type { Workbench } from './workbench';

const HANG_GUARD_MS = 60_000;

/** What map.js keeps in #canvas[data-timing] (epoch ms). */
interface Timing {
  requested: number;
  answered: number;
  pageStarted: number;
  scriptStarted: number;
  received: number;
  built: number;
  painted: number;
}

describe('Stakeholder map of a large account', () => {
  let wb: Workbench;

  before(async () => {
    wb = await workbench();
    await wb.quickOpen(LARGE_PLAN.name);
    // Checked: its findings are listed (KAM205 names the decision makers, among them p462).
    const problems = await wb.problems('p462', (rows) => rows.some((p) => p.code === 'KAM205'));
    assert.ok(problems.length > 0, 'the large plan was never checked');
  });

  it(`draws ${LARGE_PLAN.people} stakeholders (time printed)`, async () => {
    const map = wb.webview();
    await openPalette(wb, 'KAM: Show Stakeholder Map');
    const started = Date.now();
    await wb.page.keyboard.press('Enter');
    // The canvas of this plan's map (its last person drawn), not that of a map opened before.
    const drawn = map.locator('#canvas[data-timing]', { has: map.locator(`g.kam-node[data-node="s${LARGE_PLAN.people - 1}"]`) });
    const t = JSON.parse((await drawn.getAttribute('data-timing', { timeout: HANG_GUARD_MS })) ?? '{}') as Timing;
    const seen = Date.now();
    await wb.screenshot('map-500-stakeholders');
    assert.equal(await map.locator('#canvas svg g.kam-node').count(), LARGE_PLAN.people);

    const at = (time: number) => `${time - started} ms`;
    const server = serverParts();
    console.log(
      [
        `the map of ${LARGE_PLAN.people} stakeholders drew in ${t.painted - started} ms (palette command to the frame with everyone painted)`,
        `  the map's own part: painted ${t.painted - t.received} ms after the model arrived in the page (the aim is < 1000 ms)`,
        `  VS Code's part: ${t.scriptStarted - started} ms from the command until map.js ran (the panel, its frame, code-server's service worker, the page)`,
        `  VS Code's webview: frame made at ${at(t.pageStarted)}, our page's script ran at ${at(t.scriptStarted)}`,
        `  meanwhile the model: asked at ${at(t.requested)}, answered at ${at(t.answered)} (${t.answered - t.requested} ms: server and JSON-RPC both ways)`,
        `    the server's part, timed in this process on the same plan: ${server}`,
        `  the model in the page at ${at(t.received)}, built in ${t.built - t.received} ms, styled, laid out and painted in ${t.painted - t.built} ms`,
        `  (the test saw it at ${at(seen)})`,
      ]
        .map((line) => `       ${line}`)
        .join('\n'),
    );
  });
});

/** The palette (F1) with the command's row listed, so that only Enter is left. */
async function openPalette(wb: Workbench, title: string): Promise<void> {
  await wb.page.keyboard.press('F1');
  await wb.page.locator('.quick-input-widget input[type="text"]').fill(`>${title}`);
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
}

/**
 * What kam/stakeholderMap does, step by step, the first time in this process (as in a server that
 * has not drawn this plan yet): the parse is the server's already (it checked the plan), the rest
 * is the answer's.
 */
function serverParts(): string {
  const time = <T>(step: () => T): [T, number] => {
    const start = performance.now();
    return [step(), Math.round(performance.now() - start)];
  };
  const [plan, parse] = time(() => parsePlan(largePlan(LARGE_PLAN.people)));
  const [facts, model] = time(() => stakeholderFacts(plan));
  const [layout, laidOut] = time(() => layoutMap(facts.nodes, facts.edges, facts.clusters));
  const options = { locale: 'en' as const, standalone: false };
  const [svg, drawn] = time(() => ({ map: renderMapSvg({ ...facts, layout }, options), grid: renderGridSvg({ ...facts, layout }, options) }));
  const [json, written] = time(() => JSON.stringify({ map: { ...facts, layout }, svg }));
  return `model ${model} ms, layout ${laidOut} ms, SVG ${drawn} ms, JSON ${written} ms (${Math.round(json.length / 1024)} KB); the parse, done at the check, ${parse} ms`;
}
