// The last few stakeholder-map layouts, kept by what decides them: a stance changed, or a second
// look at the same plan, reuses the layout instead of running dagre again.
import { computeLayout } from './map-layout';
import type { MapCluster, MapEdge, MapLayout, MapNode } from './stakeholder-map-model';

/**
 * Top-to-bottom org chart by dagre. Units become frames when the plan is small enough and dagre's
 * compound layout succeeds; otherwise the chart is drawn from `reports_to` alone (in columns when it
 * is large: stackedLayout), with the people who report to no one and have no reports set out in rows
 * below it rather than in one endless rank.
 * The last few layouts are kept by what decides them (the boxes' sizes, the lines, the frames), so
 * an edit that changes none of that, such as a stance, and a second look at the same plan reuse it.
 * A layout returned may be shared: it is not to be changed.
 */
export function layoutMap(nodes: readonly MapNode[], edges: readonly MapEdge[], clusters: readonly MapCluster[]): MapLayout {
  const key = layoutKey(nodes, edges, clusters);
  const layout = layouts.get(key) ?? computeLayout(nodes, edges, clusters);
  layouts.delete(key);
  layouts.set(key, layout);
  if (layouts.size > LAYOUTS_KEPT) layouts.delete(layouts.keys().next().value!);
  return layout;
}

const LAYOUTS_KEPT = 8;
const layouts = new Map<string, MapLayout>();

/** Everything a layout depends on, as text (node and edge ids are positions, so the order says them). */
function layoutKey(nodes: readonly MapNode[], edges: readonly MapEdge[], clusters: readonly MapCluster[]): string {
  return [
    nodes.length,
    nodes.map((n) => n.influence ?? '').join(),
    edges.map((e) => `${e.manager}>${e.report}`).join(),
    clusters.map((c) => `${c.id}<${c.parent ?? ''}:${c.members.join(' ')}`).join(),
  ].join('|');
}
