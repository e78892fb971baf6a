// Where the relationship facts show besides the findings: the hover on a stakeholder (days since the
// last contact, stale, unmanaged opposition, how to start), the hover on the new keys, and the
// stakeholder map's marks and legend in both views.
import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { parsePlan } from '../../server/src/engine';
import type { PlanDocument } from '../../server/src/services/document';
import { hover, keyMarkdown, type HoverOptions } from '../../server/src/services/hover';
import { renderGridSvg, renderMapSvg } from '../../server/src/views/map-svg';
import { buildStakeholderMap } from '../../server/src/views/stakeholder-map-model';
import { FIXED_TODAY } from '../helpers';
import { cursor, planDocument } from './services-helpers';

const PLAN = `kam: 1
account: {name: A}
diagnosis:
  stakeholders:
    - {id: zhao, name: Zhao Min, roles: [decision-maker], influence: medium, last_contact: 2026-08-01}
    - {id: qian, name: Qian Fang, stance: opponent, influence: high, last_contact: 2026-11-20}
    - {id: sun, name: Sun Lei, influence: high}
    - {id: li, name: Li Na, influence: low}
actions:
  - {id: a1, with: [zhao, qian, sun, li], status: cancelled}
`;

function markdownAt(doc: PlanDocument, position: Position, options: HoverOptions): string {
  const result = hover(doc, position, options) as Hover | null;
  assert.ok(result, 'no hover');
  return (result.contents as MarkupContent).value;
}

describe('hover: relationships', () => {
  const doc = planDocument(PLAN);
  const options = { today: FIXED_TODAY, staleAfterDays: 90 };

  it('counts the days since the last contact and says when a key relationship is stale', () => {
    const zhao = markdownAt(doc, cursor(doc, 'with: [zhao', 'zhao'), options);
    assert.match(zhao, /Last contact: 2026-08-01, 117 days ago/);
    assert.match(zhao, /\*\*Stale\*\* — more than 90 days for a key relationship/);
    assert.doesNotMatch(markdownAt(doc, cursor(doc, 'with: [zhao', 'zhao'), { ...options, staleAfterDays: 120 }), /Stale/);
    const zh = markdownAt(doc, cursor(doc, 'with: [zhao', 'zhao'), { ...options, locale: 'zh-cn' });
    assert.match(zh, /最近联系：2026-08-01，117 天前/);
    assert.match(zh, /关系疏远/);
  });

  it('flags opposition nobody meets (a cancelled action does not count), and tells how to start with someone never contacted', () => {
    assert.match(markdownAt(doc, cursor(doc, 'qian, sun', 'qian'), options), /\*\*Opposition unmanaged\*\*/);
    assert.match(markdownAt(doc, cursor(doc, 'sun, li', 'sun'), options), /No `last_contact` yet\. No relationship\? Ask for a meeting/);
    const li = markdownAt(doc, cursor(doc, 'li]', 'li'), options);
    assert.doesNotMatch(li, /last_contact|Stale|Opposition/, 'a low-influence person without a date: nothing to say');
  });

  it('says nothing about contact without a today (completion’s documentation)', () => {
    assert.doesNotMatch(markdownAt(doc, cursor(doc, 'with: [zhao', 'zhao'), {}), /Last contact/);
  });

  it('explains the new keys with the course’s questions, in both languages', () => {
    for (const [path, en, zh] of [
      [['diagnosis', 'purchasing_factors'], /Understand the customer’s perspective/, /采购决策的影响因素/],
      [['diagnosis', 'purchasing_factors', 'interpersonal'], /Who persuades the others\?/, /谁能说服其他人/],
      [['diagnosis', 'drivers', 0, 'id'], /unique among the drivers/, /驱动因素 id/],
      [['goals', 0, 'drivers'], /part-time employee/, /兼职员工/],
      [['diagnosis', 'stakeholders', 0, 'owner'], /No relationship yet\?/, /还没有关系/],
      [['forecast', 'changes'], /three opportunities/, /三个机会/],
    ] as const) {
      assert.match(keyMarkdown([...path], 'en') ?? '', en, path.join('.'));
      assert.match(keyMarkdown([...path], 'zh-cn') ?? '', zh, path.join('.'));
    }
  });
});

describe('stakeholder map: stale relationships and unmanaged opposition', () => {
  const plan = parsePlan(PLAN);

  it('marks the nodes only when it knows today', () => {
    const map = buildStakeholderMap(plan, { today: FIXED_TODAY, staleAfterDays: 90 });
    assert.deepEqual(
      map.nodes.map((n) => [n.name, n.stale, n.unmanaged, n.daysSinceContact]),
      [
        ['Zhao Min', true, false, 117],
        ['Qian Fang', false, true, 6],
        ['Sun Lei', false, false, undefined],
        ['Li Na', false, false, undefined],
      ],
    );
    assert.ok(buildStakeholderMap(plan).nodes.every((n) => !n.stale && n.daysSinceContact === undefined));
  });

  for (const locale of ['en', 'zh-cn'] as const) {
    it(`draws the marks and their legend in the org chart and the grid (${locale})`, () => {
      const map = buildStakeholderMap(plan, { today: FIXED_TODAY, staleAfterDays: 90 });
      const chart = renderMapSvg(map, { locale });
      const [stale, unmanaged] = locale === 'en' ? ['stale relationship', 'opposition unmanaged'] : ['关系疏远', '反对无人应对'];
      assert.match(chart, /<g class="kam-node kam-stance-unknown kam-influence-medium kam-stale"/);
      assert.match(chart, /<g class="kam-node kam-stance-opponent kam-influence-high kam-unmanaged"/);
      assert.equal((chart.match(/class="kam-stale-mark"/g) ?? []).length, 2, 'one on Zhao, one in the legend');
      assert.equal((chart.match(/class="kam-unmanaged-mark"/g) ?? []).length, 2, 'one on Qian, one in the legend');
      assert.ok(chart.includes(`>${stale}</text>`) && chart.includes(`>${unmanaged}</text>`), 'legend labels');
      const grid = renderGridSvg(map, { locale });
      assert.match(grid, /<text class="kam-grid-name kam-stale"[^>]*><title>Zhao Min\n⚠ /);
      assert.match(grid, /<text class="kam-grid-name kam-unmanaged"[^>]*><title>Qian Fang\n⚠ /);
      assert.ok(grid.includes('⚠ Zhao Min') && grid.includes('⚠ Qian Fang'));
      assert.ok(!grid.includes('⚠ Sun Lei'));
    });
  }
});
