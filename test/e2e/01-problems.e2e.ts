// A user opens a plan with problems: the Problems panel lists the findings by rule code and line,
// and hovering a squiggle shows the finding's message. The steps run in order on one workbench.
import * as assert from 'node:assert/strict';
import { byCodeAndLine, fixtureExpectations, readRepoFile } from '../helpers';
import { PLAN_WITH_FINDINGS, workbench } from './session';
import type { Problem, Workbench } from './workbench';

const { name, fixture: code } = PLAN_WITH_FINDINGS;
const expected = fixtureExpectations(readRepoFile('test', 'fixtures', 'rules', `${code}.fires.kam.yaml`))
  .expected.filter((e) => e.code === code)
  .sort(byCodeAndLine);

describe('Problems and hover', () => {
  let wb: Workbench;
  let listed: Problem[] = [];

  before(async () => {
    wb = await workbench();
  });

  it('opens the plan with Ctrl+P', async () => {
    await wb.quickOpen(name);
    await wb.screenshot('plan-opened');
  });

  it(`lists the ${code} findings in the Problems panel`, async () => {
    // Until the filter has applied and the server's findings have all arrived.
    listed = await wb.problems(code, (ps) => ps.length >= expected.length && ps.every((p) => p.code === code));
    await wb.screenshot('problems-panel');
    assert.deepEqual(listed.map(({ code, line }) => ({ code, line })).sort(byCodeAndLine), expected);
    for (const p of listed) assert.ok(p.message.length > 0, `${p.code} on line ${p.line} has no message`);
  });

  it('shows the finding on hover over its squiggle', async () => {
    const first = listed[0];
    assert.ok(first, 'no finding listed to hover');
    const hover = await wb.hoverSquiggle(first.line, first.message);
    await wb.screenshot('hover');
    assert.ok(hover.includes(first.message), `the hover shows ${JSON.stringify(hover)}, not ${JSON.stringify(first.message)}`);
    assert.ok(hover.includes(code), `the hover does not name ${code}: ${JSON.stringify(hover)}`);
  });
});
