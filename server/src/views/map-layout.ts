// Where the stakeholder map's boxes stand: a top-to-bottom org chart by dagre, with units as frames
// when the plan is small enough, in columns when it is large, and the unlinked people in rows below.
import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { Influence } from '../engine/format';
import type { Box, MapCluster, MapEdge, MapLayout, MapNode, Point } from './stakeholder-map-model';

// The package's types are ESM; its CommonJS build is what `require` (and the bundle) loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dagre = require('@dagrejs/dagre') as typeof Dagre;

/** Node size by influence: the more a person weighs, the larger their box. */
export const NODE_SIZE: Record<Influence | 'unrated', { width: number; height: number }> = {
  high: { width: 200, height: 68 },
  medium: { width: 180, height: 62 },
  low: { width: 160, height: 56 },
  unrated: { width: 170, height: 58 },
};

/**
 * Above this many stakeholders, units are not framed (dagre's compound layout grows slow and brittle)
 * and the reports who have none of their own stand in columns (stackedLayout).
 */
export const CLUSTER_LIMIT = 150;
const SPACING = { nodesep: 28, ranksep: 56, margin: 20 };

export function nodeSize(node: Pick<MapNode, 'influence'>): { width: number; height: number } {
  return NODE_SIZE[node.influence ?? 'unrated'];
}

/** The layout of the map, computed (map-layout-cache.ts keeps the last few). */
export function computeLayout(nodes: readonly MapNode[], edges: readonly MapEdge[], clusters: readonly MapCluster[]): MapLayout {
  const framed = clusters.some((c) => c.members.length > 0) && nodes.length <= CLUSTER_LIMIT;
  if (framed) {
    try {
      return dagreLayout(nodes.map(sized), edges, clusters);
    } catch {
      // dagre's compound layout fails on some shapes; the plain chart still says who reports to whom.
    }
  }
  const linked = new Set(edges.flatMap((e) => [e.manager, e.report]));
  const chart = nodes.filter((n) => linked.has(n.id));
  const loose = nodes.filter((n) => !linked.has(n.id));
  let layout: MapLayout;
  try {
    layout = nodes.length > CLUSTER_LIMIT ? stackedLayout(chart, edges) : narrowerLayout(chart, edges);
  } catch {
    layout = { width: 0, height: 0, clustered: false, nodes: [], clusters: [], edges: [] };
    loose.unshift(...chart);
  }
  return appendRows(layout, loose);
}

/**
 * Wider than this (px, at 1:1), a chart beside the plan in half a window would have to shrink its names
 * below the editor's text to fit: it is laid out in columns (stackedLayout) when that is narrower.
 */
export const WIDE_CHART = 720;

/** A small chart top-down, as org charts are drawn; a wide one with each team of reports in a column. */
function narrowerLayout(chart: readonly MapNode[], edges: readonly MapEdge[]): MapLayout {
  const upright = dagreLayout(chart.map(sized), edges, []);
  if (upright.width <= WIDE_CHART) return upright;
  const stacked = stackedLayout(chart, edges);
  return stacked.width < upright.width ? stacked : upright;
}

/** A box to place: a node, or a column of them. */
interface Sized {
  id: string;
  width: number;
  height: number;
}

/** A line of the chart: from the manager down to the report. */
type Line = Pick<MapEdge, 'id' | 'manager' | 'report'>;

function sized(node: MapNode): Sized {
  return { id: node.id, ...nodeSize(node) };
}

/** The column of a manager's reports who have no reports of their own: indented under a spine. */
const STACK = { indent: 20, gap: 10 };

/**
 * A large org chart as organisation charts draw wide teams: the reports of a manager who have no
 * reports of their own stand in one column below the manager, joined to a line down its left side,
 * instead of side by side. On a chart of hundreds of people that is a drawing a fraction as wide,
 * and dagre places a fraction of the boxes (each column is one).
 */
function stackedLayout(chart: readonly MapNode[], edges: readonly MapEdge[]): MapLayout {
  const managers = new Set(edges.map((e) => e.manager));
  const teams = new Map<string, MapEdge[]>();
  for (const e of edges) {
    if (managers.has(e.report)) continue;
    const team = teams.get(e.manager);
    if (team) team.push(e);
    else teams.set(e.manager, [e]);
  }
  const stacks = [...teams].map(([manager, team], i) => ({ id: `k${i}`, manager, team }));
  const stacked = new Set(stacks.flatMap((s) => s.team.map((e) => e.report)));
  const byId = new Map(chart.map((n) => [n.id, n]));
  const size = (id: string) => nodeSize(byId.get(id)!);

  const boxes: Sized[] = chart.filter((n) => !stacked.has(n.id)).map(sized);
  const lines: Line[] = edges.filter((e) => !stacked.has(e.report));
  for (const { id, manager, team } of stacks) {
    const sizes = team.map((e) => size(e.report));
    const height = sizes.reduce((h, s) => h + s.height, 0) + STACK.gap * (team.length - 1);
    boxes.push({ id, width: STACK.indent + Math.max(...sizes.map((s) => s.width)), height });
    lines.push({ id, manager, report: id });
  }
  const layout = dagreLayout(boxes, lines, [], 'top');

  const placed = new Map(layout.nodes.map((b) => [b.id, b]));
  const routes = new Map(layout.edges.map((e) => [e.id, e.points]));
  for (const { id, manager, team } of stacks) {
    const column = placed.get(id)!;
    const above = placed.get(manager)!;
    const from = { x: above.x + above.width / 2, y: above.y + above.height };
    const turn = Math.min(from.y + SPACING.ranksep / 2, (from.y + column.y) / 2);
    const spine = column.x + STACK.indent / 2;
    let y = column.y;
    for (const e of team) {
      const box = { id: e.report, x: column.x + STACK.indent, y, ...size(e.report) };
      const middle = y + box.height / 2;
      placed.set(e.report, box);
      routes.set(e.id, [from, { x: from.x, y: turn }, { x: spine, y: turn }, { x: spine, y: middle }, { x: box.x, y: middle }]);
      y += box.height + STACK.gap;
    }
  }
  return {
    ...layout,
    nodes: chart.map((n) => placed.get(n.id)!),
    edges: edges.map((e) => ({ id: e.id, points: routes.get(e.id)! })),
  };
}

function dagreLayout(boxes: readonly Sized[], edges: readonly Line[], clusters: readonly MapCluster[], rankalign: 'top' | 'center' = 'center'): MapLayout {
  const empty: MapLayout = { width: 0, height: 0, clustered: false, nodes: [], clusters: [], edges: [] };
  if (boxes.length === 0) return empty;
  const compound = clusters.length > 0;
  // A reporting forest (no cycle, no frames) needs neither network simplex, which dominates dagre's
  // time, nor the search for fewer crossings: every edge spans one rank, and dagre's first order,
  // depth first, has no crossing at all. Without both, dagre takes a third of the time on a tree of
  // 500 people.
  const tree = !compound && isForest(boxes, edges);
  const g = new dagre.graphlib.Graph({ compound, multigraph: true });
  g.setGraph({
    rankdir: 'TB',
    nodesep: SPACING.nodesep,
    ranksep: SPACING.ranksep,
    marginx: SPACING.margin,
    marginy: SPACING.margin,
    ranker: tree ? 'tight-tree' : 'network-simplex',
    rankalign,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const { id, width, height } of boxes) g.setNode(id, { width, height });
  const drawn = compound ? framedClusters(clusters) : [];
  for (const c of drawn) g.setNode(c.id, {});
  for (const c of drawn) if (c.parent) g.setParent(c.id, c.parent); // framedClusters keeps every ancestor
  for (const c of drawn) for (const m of c.members) g.setParent(m, c.id);
  for (const e of edges) g.setEdge(e.manager, e.report, {}, e.id);
  dagre.layout(g, { disableOptimalOrderHeuristic: tree });

  const box = (id: string): Box => {
    const { x = 0, y = 0, width, height } = g.node(id);
    return { x: x - width / 2, y: y - height / 2, width, height };
  };
  const { width = 0, height = 0 } = g.graph();
  return {
    width,
    height,
    clustered: drawn.length > 0,
    nodes: boxes.map((b) => ({ id: b.id, ...box(b.id) })),
    clusters: drawn.map((c) => ({ id: c.id, ...box(c.id) })),
    edges: edges.map((e) => ({ id: e.id, points: (g.edge(e.manager, e.report, e.id)?.points ?? []).map(({ x, y }: Point) => ({ x, y })) })),
  };
}

/** Whether the lines form trees: no one has two managers and following managers never loops. */
function isForest(nodes: readonly Sized[], edges: readonly Line[]): boolean {
  const manager = new Map<string, string>();
  for (const e of edges) {
    if (manager.has(e.report)) return false;
    manager.set(e.report, e.manager);
  }
  // Walks up from each node; a node whose way up is known to end is not walked again.
  const ends = new Set<string>();
  for (const n of nodes) {
    const path = new Set<string>();
    for (let id: string | undefined = n.id; id !== undefined && !ends.has(id); id = manager.get(id)) {
      if (path.has(id)) return false;
      path.add(id);
    }
    for (const id of path) ends.add(id);
  }
  return true;
}

/** The clusters worth a frame: those with members, and the ancestors of those. */
function framedClusters(clusters: readonly MapCluster[]): MapCluster[] {
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const keep = new Set<MapCluster>();
  for (const c of clusters) {
    if (c.members.length === 0) continue;
    for (let k: MapCluster | undefined = c; k && !keep.has(k); k = k.parent ? byId.get(k.parent) : undefined) keep.add(k);
  }
  return clusters.filter((c) => keep.has(c));
}

/** Sets nodes out in rows below a layout, as wide as the layout (at least six nodes). */
function appendRows(layout: MapLayout, nodes: readonly MapNode[]): MapLayout {
  if (nodes.length === 0) return layout;
  const cellWidth = NODE_SIZE.high.width + SPACING.nodesep;
  const cellHeight = NODE_SIZE.high.height + SPACING.nodesep;
  const columns = Math.max(6, Math.floor((layout.width - 2 * SPACING.margin + SPACING.nodesep) / cellWidth));
  const top = layout.height > 0 ? layout.height : SPACING.margin;
  const placed = nodes.map((n, i) => {
    const size = nodeSize(n);
    const [col, row] = [i % columns, Math.floor(i / columns)];
    return {
      id: n.id,
      x: SPACING.margin + col * cellWidth + (NODE_SIZE.high.width - size.width) / 2,
      y: top + row * cellHeight + (NODE_SIZE.high.height - size.height) / 2,
      ...size,
    };
  });
  const rows = Math.ceil(nodes.length / columns);
  const usedColumns = Math.min(columns, nodes.length);
  return {
    ...layout,
    width: Math.max(layout.width, 2 * SPACING.margin + usedColumns * cellWidth - SPACING.nodesep),
    height: top + rows * cellHeight - SPACING.nodesep + SPACING.margin,
    nodes: [...layout.nodes, ...placed],
  };
}
