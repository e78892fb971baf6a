// The org chart's shape beside a plan: a narrow chart top-down, a wide one with each team of reports
// in a column, so the chart fits half a window with its names at a readable size.
import * as assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/engine';
import { WIDE_CHART } from '../../server/src/views/map-layout';
import { buildStakeholderMap, type StakeholderMap } from '../../server/src/views/stakeholder-map-model';

/** A head with `reports` direct reports, none of whom has reports of their own. */
function team(reports: number): StakeholderMap {
  const people = [`    - id: head\n      name: Head of Purchasing\n      influence: high\n`];
  for (let i = 0; i < reports; i++) people.push(`    - id: r${i}\n      name: Report ${i}\n      reports_to: head\n`);
  return buildStakeholderMap(parsePlan(`kam: 1\naccount:\n  name: Acme\ndiagnosis:\n  stakeholders:\n${people.join('')}`));
}

/** The boxes by plan id (`head`, `r0`, …); the map's own ids are `s<index>`. */
function boxes(map: StakeholderMap) {
  const planId = new Map(map.nodes.map((n, i) => [n.id, i === 0 ? 'head' : `r${i - 1}`]));
  return new Map(map.layout.nodes.map((b) => [planId.get(b.id)!, b]));
}

describe('stakeholder map: narrow charts top-down, wide ones in columns', () => {
  it('a head and two reports: top-down, the reports side by side below the head', () => {
    const map = team(2);
    const at = boxes(map);
    assert.ok(map.layout.width <= WIDE_CHART, `width ${map.layout.width}`);
    assert.equal(at.get('r0')!.y, at.get('r1')!.y);
    assert.notEqual(at.get('r0')!.x, at.get('r1')!.x);
    assert.ok(at.get('r0')!.y > at.get('head')!.y + at.get('head')!.height);
  });

  for (const reports of [4, 12])
    it(`a head and ${reports} reports (too wide side by side): one column below the head, narrower than ${WIDE_CHART} px`, () => {
      const map = team(reports);
      const at = boxes(map);
      assert.ok(map.layout.width <= WIDE_CHART, `width ${map.layout.width}`);
      const column = Array.from({ length: reports }, (_, i) => at.get(`r${i}`)!);
      assert.equal(new Set(column.map((b) => b.x)).size, 1, 'the reports share a column');
      for (let i = 1; i < reports; i++) assert.ok(column[i].y >= column[i - 1].y + column[i - 1].height, 'one below the other');
      assert.ok(column[0].y > at.get('head')!.y + at.get('head')!.height);
      // Every report still has its line from the head.
      assert.equal(map.layout.edges.length, reports);
      for (const e of map.layout.edges) assert.ok(e.points.length >= 2);
    });
});
