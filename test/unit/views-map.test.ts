// The stakeholder map model (nodes, org edges, units, role coverage, influence × stance grid, layout)
// and its SVG: on the example, on broken references, duplicates and cycles, and on 500 stakeholders.
import * as assert from 'node:assert/strict';
import { parsePlan, ROLES } from '../../server/src/engine';
import { MAP_CSS, MAP_LIGHT_THEME, renderGridSvg, renderMapSvg } from '../../server/src/views/map-svg';
import { CLUSTER_LIMIT, NODE_SIZE } from '../../server/src/views/map-layout';
import { buildStakeholderMap, type Box, type StakeholderMap } from '../../server/src/views/stakeholder-map-model';
import { readRepoFile } from '../helpers';
import { assertSafeDom, assertWellFormedXml, attr, elements, parseHtml, REPORT_ELEMENTS, textNodes } from './views-helpers';

function mapOf(text: string): StakeholderMap {
  return buildStakeholderMap(parsePlan(text));
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function assertSaneLayout(map: StakeholderMap): void {
  const { layout } = map;
  assert.equal(layout.nodes.length, map.nodes.length, 'every node is placed');
  assert.deepEqual(new Set(layout.nodes.map((n) => n.id)), new Set(map.nodes.map((n) => n.id)));
  for (const box of [...layout.nodes, ...layout.clusters]) {
    for (const v of [box.x, box.y, box.width, box.height]) assert.ok(Number.isFinite(v), `${box.id}: ${v}`);
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= layout.width + 0.5 && box.y + box.height <= layout.height + 0.5, `${box.id} lies outside the drawing`);
  }
  const sorted = [...layout.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].width; j++)
      assert.ok(!overlap(sorted[i], sorted[j]), `${sorted[i].id} overlaps ${sorted[j].id}`);
  for (const e of layout.edges) for (const p of e.points) assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y), e.id);
}

/** A plan of n stakeholders: five reports each, units nested four deep, every role somewhere. */
function bigPlan(n: number, extra: (i: number) => string = () => ''): string {
  const units = Array.from({ length: 40 }, (_, u) => `    - id: u${u}\n      name: Unit ${u}\n${u > 0 ? `      parent: u${Math.floor((u - 1) / 4)}\n` : ''}`).join('');
  const people = Array.from({ length: n }, (_, i) => {
    const lines = [`    - id: p${i}`, `      name: Person ${i}`, `      title: Title ${i}`, `      unit: u${i % 40}`, `      roles: [${ROLES[i % ROLES.length]}]`];
    lines.push(`      stance: ${['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'][i % 6]}`, `      influence: ${['high', 'medium', 'low'][i % 3]}`);
    if (i > 0) lines.push(`      reports_to: p${Math.floor((i - 1) / 5)}`);
    return lines.join('\n') + '\n' + extra(i);
  }).join('');
  return `kam: 1\naccount:\n  name: Big\ndiagnosis:\n  organization:\n${units}  stakeholders:\n${people}`;
}

describe('views: stakeholder map model', () => {
  describe('on examples/riverside-general.kam.yaml', () => {
    const map = mapOf(readRepoFile('examples', 'riverside-general.kam.yaml'));

    it('has one node per stakeholder with its canonical facts', () => {
      assert.deepEqual(
        map.nodes.map((n) => [n.id, n.stakeholderId, n.name, n.stance, n.influence, n.roles, n.gatekeeper, n.unitName]),
        [
          ['s0', 'zhao', 'Dr. Zhao Min', 'neutral', 'high', ['decision-maker', 'influencer'], false, "President's office"],
          ['s1', 'wang', 'Wang Jun', 'supporter', 'high', ['proposer'], false, 'Pharmacy department'],
          ['s2', 'chen', 'Dr. Chen Hua', 'champion', 'medium', ['guide', 'implementer'], false, 'Cardiology department'],
          ['s3', 'liu', 'Liu Yan', 'skeptic', 'medium', ['constrainer'], true, 'Procurement office'],
        ],
      );
      assert.deepEqual(map.nodes[3].interests, ['Payment terms', 'Price per defined daily dose']);
      assert.equal(map.nodes[0].owner, 'Li Wei');
    });

    it('draws reports_to from the manager down, and units as nested clusters', () => {
      assert.deepEqual(map.edges.map((e) => [e.manager, e.report]), [['s0', 's1'], ['s0', 's2'], ['s0', 's3']]);
      assert.deepEqual(map.clusters.map((c) => [c.unitId, c.parent, c.members]), [
        ['presidency', undefined, ['s0']],
        ['pharmacy', 'u0', ['s1']],
        ['cardiology', 'u0', ['s2']],
        ['procurement', 'u0', ['s3']],
      ]);
      assert.deepEqual(map.unresolved, []);
    });

    it('covers all six roles', () => {
      assert.deepEqual(
        map.coverage.map((c) => [c.role, c.holders, c.unassigned]),
        [['decision-maker', ['s0'], false], ['proposer', ['s1'], false], ['guide', ['s2'], false], ['implementer', ['s2'], false], ['constrainer', ['s3'], false], ['influencer', ['s0'], false]],
      );
    });

    it('places everyone in the influence × stance grid', () => {
      assert.deepEqual(map.grid.rows, ['high', 'medium', 'low']);
      assert.deepEqual(map.grid.columns, ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown']);
      assert.deepEqual(map.grid.cells.high.neutral, ['s0']);
      assert.deepEqual(map.grid.cells.high.supporter, ['s1']);
      assert.deepEqual(map.grid.cells.medium.champion, ['s2']);
      assert.deepEqual(map.grid.cells.medium.skeptic, ['s3']);
      assert.equal(Object.values(map.grid.cells).flatMap((row) => Object.values(row).flat()).length, 4);
      assert.deepEqual(map.grid.unrated, []);
    });

    it('lays out a top-down org chart inside unit frames, boxes sized by influence', () => {
      assertSaneLayout(map);
      const { layout } = map;
      assert.equal(layout.clustered, true);
      const box = (id: string) => layout.nodes.find((n) => n.id === id)!;
      for (const report of ['s1', 's2', 's3']) assert.ok(box(report).y > box('s0').y + box('s0').height, `${report} sits below the president`);
      assert.deepEqual([box('s0').width, box('s0').height], [NODE_SIZE.high.width, NODE_SIZE.high.height]);
      assert.deepEqual([box('s2').width, box('s2').height], [NODE_SIZE.medium.width, NODE_SIZE.medium.height]);
      const frame = (id: string) => layout.clusters.find((c) => c.id === id)!;
      const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
      assert.ok(inside(box('s1'), frame('u1')) && inside(frame('u1'), frame('u0')) && inside(box('s0'), frame('u0')));
      for (const e of layout.edges) assert.ok(e.points.length >= 2);
    });

    it('is plain data: it survives JSON', () => {
      assert.deepEqual(JSON.parse(JSON.stringify(map)), map);
    });
  });

  describe('on broken plans', () => {
    const text = `kam: 1
diagnosis:
  organization:
    - id: a
      name: Unit A
      parent: b
    - id: b
      name: Unit B
      parent: a
    - id: a
      name: Unit A again
  stakeholders:
    - id: x
      name: X
      reports_to: y
      unit: a
      roles: [decision-maker, 决策者, nonsense]
      stance: furious
      influence: enormous
    - id: y
      name: Y
      reports_to: x
      unit: nowhere
    - id: x
      name: Second X
      reports_to: ghost
    - id: z
      name: Z
      reports_to: z
    - name: Nameless
    - id: constructor
      name: Proto
      reports_to: __proto__
      unit: toString
`;
    const map = mapOf(text);

    it('keeps duplicate ids as separate nodes, references meaning the first', () => {
      assert.equal(map.nodes.length, 6);
      assert.deepEqual(map.nodes.map((n) => n.duplicate), [false, false, true, false, false, false]);
      assert.equal(new Set(map.nodes.map((n) => n.id)).size, 6);
      // y reports to x: the first x.
      assert.ok(map.edges.some((e) => e.manager === 's0' && e.report === 's1'));
      assert.ok(!map.edges.some((e) => e.manager === 's2'));
    });

    it('draws a reporting cycle, skips a self-report, lists references that name nothing', () => {
      assert.deepEqual(map.edges.map((e) => [e.manager, e.report]), [['s1', 's0'], ['s0', 's1']]);
      assert.deepEqual(
        map.unresolved.map((u) => [u.node, u.field, u.value]),
        [['s1', 'unit', 'nowhere'], ['s2', 'reports_to', 'ghost'], ['s5', 'reports_to', '__proto__'], ['s5', 'unit', 'toString']],
      );
      assert.ok(map.unresolved.every((u) => text.slice(u.span.start, u.span.end) === u.value));
    });

    it('drops unit parents that close a loop, and a unit whose id is taken', () => {
      // a's parent is b and b's is a: neither link can be drawn as nesting.
      assert.deepEqual(map.clusters.map((c) => [c.unitId, c.name, c.parent]), [['a', 'Unit A', undefined], ['b', 'Unit B', undefined]]);
      assert.deepEqual(mapOf(text.replace('      parent: a\n', '')).clusters.map((c) => c.parent), ['u1', undefined]);
    });

    it('normalises what it cannot read: stance unknown, no influence, canonical roles once', () => {
      assert.equal(map.nodes[0].stance, 'unknown');
      assert.equal(map.nodes[0].influence, undefined);
      assert.deepEqual(map.nodes[0].roles, ['decision-maker']);
      assert.equal(map.nodes[4].name, 'Nameless');
      assert.equal(map.grid.unrated.length, 6);
      assert.deepEqual(map.coverage.filter((c) => c.unassigned).map((c) => c.role), ROLES.filter((r) => r !== 'decision-maker'));
    });

    it('still lays everyone out', () => {
      assertSaneLayout(map);
    });
  });

  it('sets people who report to no one and have no reports out in rows, not one endless rank', () => {
    const people = Array.from({ length: 30 }, (_, i) => `    - id: p${i}\n      name: Person ${i}\n`).join('');
    const map = mapOf(`kam: 1\ndiagnosis:\n  stakeholders:\n${people}`);
    assertSaneLayout(map);
    assert.ok(map.layout.width < 1600, `width ${map.layout.width}`);
    assert.equal(new Set(map.layout.nodes.map((n) => n.y)).size, 5, 'five rows of six');
  });

  it('handles 500 stakeholders with cycles, missing references and duplicate ids', function () {
    this.timeout(60_000);
    const text = bigPlan(520, (i) => (i % 97 === 0 ? `    - id: p${i}\n      name: Duplicate ${i}\n      reports_to: ${i % 2 ? 'ghost' : `p${i + 1}`}\n` : ''));
    const cyclic = text.replace('    - id: p0\n      name: Person 0\n', '    - id: p0\n      name: Person 0\n      reports_to: p519\n');
    const started = Date.now();
    const map = mapOf(cyclic);
    const elapsed = Date.now() - started;
    assert.equal(map.nodes.length, 520 + 6);
    assert.equal(map.nodes.filter((n) => n.duplicate).length, 6);
    assert.ok(map.nodes.length > CLUSTER_LIMIT && !map.layout.clustered, 'too many people to frame units');
    assert.ok(map.edges.some((e) => e.manager === 's' + map.nodes.findIndex((n) => n.stakeholderId === 'p519') && e.report === 's0'), 'the cycle edge is drawn');
    assert.ok(map.unresolved.some((u) => u.value === 'ghost'));
    assertSaneLayout(map);
    assert.ok(elapsed < 30_000, `${elapsed} ms`);
    const svg = renderMapSvg(map, { locale: 'en' });
    assertWellFormedXml(svg);
    assert.equal((svg.match(/data-node="/g) ?? []).length, map.nodes.length);
  });

  it('frames units on a plan just under the limit', function () {
    this.timeout(60_000);
    const map = mapOf(bigPlan(60));
    assertSaneLayout(map);
    assert.equal(map.layout.clustered, true);
  });

  describe('a large org chart', () => {
    const map = mapOf(bigPlan(400));
    const box = (id: string) => map.layout.nodes.find((n) => n.id === id)!;
    const managers = new Set(map.edges.map((e) => e.manager));

    it('reads top-down: everyone below the person they report to', () => {
      assertSaneLayout(map);
      for (const e of map.edges) assert.ok(box(e.report).y >= box(e.manager).y + box(e.manager).height, `${e.report} is not below ${e.manager}`);
    });

    it('stands the reports who have no reports of their own in one column below their manager, on a line down its side', () => {
      // p75 (s75) manages p376 … p380 (s376 … s380), none of whom manages anyone.
      const team = map.edges.filter((e) => e.manager === 's75');
      assert.deepEqual(team.map((e) => e.report), ['s376', 's377', 's378', 's379', 's380']);
      assert.ok(team.every((e) => !managers.has(e.report)));
      const column = team.map((e) => box(e.report));
      assert.equal(new Set(column.map((b) => b.x)).size, 1, 'one column');
      for (let i = 1; i < column.length; i++) assert.ok(column[i].y >= column[i - 1].y + column[i - 1].height, 'in plan order, top to bottom');
      const manager = box('s75');
      for (const [i, e] of team.entries()) {
        const points = map.layout.edges.find((l) => l.id === e.id)!.points;
        assert.deepEqual(points[0], { x: manager.x + manager.width / 2, y: manager.y + manager.height }, 'from the manager’s bottom');
        assert.deepEqual(points.at(-1), { x: column[i].x, y: column[i].y + column[i].height / 2 }, 'into the report’s side');
      }
    });

    it('is a fraction as wide as the same people side by side', () => {
      const leaves = map.nodes.filter((n) => !managers.has(n.id)).length;
      assert.ok(map.layout.width < (leaves * NODE_SIZE.high.width) / 3, `width ${map.layout.width} for ${leaves} people without reports`);
    });
  });

  it('keeps a small chart’s reports side by side', () => {
    const people = ['boss', 'a', 'b', 'c'].map((id) => `    - id: ${id}\n      name: ${id}\n${id === 'boss' ? '' : '      reports_to: boss\n'}`).join('');
    const { layout } = mapOf(`kam: 1\ndiagnosis:\n  stakeholders:\n${people}`);
    assert.equal(new Set(layout.nodes.slice(1).map((n) => n.y)).size, 1, 'one row');
    assert.equal(new Set(layout.nodes.slice(1).map((n) => n.x)).size, 3);
  });

  it('lays a plan out again only when what decides the layout changes', () => {
    const text = bigPlan(200);
    const first = mapOf(text).layout;
    assert.equal(mapOf(text.replace('stance: champion', 'stance: opponent')).layout, first, 'a stance changes no box or line');
    const resized = mapOf(text.replace('influence: high', 'influence: low')).layout;
    assert.notEqual(resized, first);
    assert.deepEqual(mapOf(text).layout, first);
  });
});

describe('views: map SVG', () => {
  const map = mapOf(readRepoFile('examples', 'riverside-general.kam.yaml'));

  it('is a standalone, well-formed SVG with its style and light colours', () => {
    const svg = renderMapSvg(map, { locale: 'en' });
    assertWellFormedXml(svg);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes('--kam-champion: #'), 'light theme embedded');
    assert.ok(!renderMapSvg(map, { locale: 'en', standalone: false }).includes('<style>'));
    for (const css of [MAP_CSS, MAP_LIGHT_THEME]) assert.ok(!/[<&]/.test(css), 'the style sheets hold no markup characters');
  });

  it('colours nodes by stance and sizes them by influence through classes only', () => {
    const dom = parseHtml(renderMapSvg(map, { locale: 'en', standalone: false }));
    const nodes = elements(dom).filter((e) => attr(e, 'class')?.split(' ').includes('kam-node'));
    assert.deepEqual(
      nodes.map((n) => attr(n, 'class')),
      [
        'kam-node kam-stance-neutral kam-influence-high',
        'kam-node kam-stance-supporter kam-influence-high',
        'kam-node kam-stance-champion kam-influence-medium',
        'kam-node kam-stance-skeptic kam-influence-medium kam-gatekeeper',
      ],
    );
    assert.ok(elements(dom).every((e) => attr(e, 'fill') === undefined && attr(e, 'stroke') === undefined && attr(e, 'style') === undefined), 'no inline colour');
    assertSafeDom(dom, REPORT_ELEMENTS);
  });

  it('badges roles, tags the gatekeeper and shows role coverage in the legend, in the locale', () => {
    const en = textNodes(parseHtml(renderMapSvg(map, { locale: 'en' })));
    for (const t of ['DM', 'IN', 'GU', 'IM', 'PR', 'CO', 'GK', 'gatekeeper', 'decision maker: Dr. Zhao Min', 'constrainer: Liu Yan']) assert.ok(en.includes(t), t);
    const zh = textNodes(parseHtml(renderMapSvg(map, { locale: 'zh-cn' })));
    for (const t of ['决', '影', '关卡', '关卡者', '最高阶决策者：Dr. Zhao Min', '拥护者']) assert.ok(zh.includes(t), t);
  });

  it('marks unassigned roles in the legend', () => {
    const weak = mapOf('kam: 1\ndiagnosis:\n  stakeholders:\n    - id: a\n      name: Only One\n      roles: [guide]\n');
    const dom = parseHtml(renderMapSvg(weak, { locale: 'en' }));
    const unassigned = elements(dom).filter((e) => attr(e, 'class')?.includes('kam-unassigned'));
    assert.equal(unassigned.length, 5);
    assert.ok(textNodes(dom).includes('decision maker: ⚠ unassigned'));
  });

  it('draws the grid as a second picture, names in their cells', () => {
    const svg = renderGridSvg(map, { locale: 'en' });
    assertWellFormedXml(svg);
    const dom = parseHtml(svg);
    assertSafeDom(dom, REPORT_ELEMENTS);
    const texts = textNodes(dom);
    for (const t of ['Dr. Zhao Min', 'Wang Jun', 'Dr. Chen Hua', 'Liu Yan', 'high', 'medium', 'low', 'champion', 'opponent']) assert.ok(texts.includes(t), t);
    assert.equal(elements(dom).filter((e) => attr(e, 'class')?.startsWith('kam-cell')).length, 18);
  });

  it('says so when there is nobody to draw', () => {
    const empty = mapOf('kam: 1\n');
    assert.ok(textNodes(parseHtml(renderMapSvg(empty, { locale: 'en' }))).includes('No stakeholders yet.'));
    assertWellFormedXml(renderGridSvg(empty, { locale: 'zh-cn' }));
  });
});
