// The stakeholder map (关键决策者): who the key decision makers are, how they report to each other, which
// of the six roles are held, where each stands (influence × stance), and an org-chart layout. Built
// for any plan the checker accepts: duplicate ids, missing references and reporting cycles are drawn
// or listed, never thrown. Node ids are positional (`s0`, `s1`, …), so a plan's own ids never collide
// or reach markup as identifiers. The facts are here; the layout is map-layout.ts, kept by map-layout-cache.ts.
import type { Plan, Stakeholder } from '../engine/model';
import { daysSinceContact, engagedIds, isStale, isUnmanagedOpposition } from '../engine/engagement';
import { indexById } from '../engine/plan-index';
import { ROLES, type Role } from '../engine/roles';
import type { Span } from '../engine/types';
import { type Influence, INFLUENCES, isOneOf, type Stance, STANCES } from '../engine/format';
import { holdersByRole, stakeholderLabel } from '../engine/plan-facts';
import { layoutMap } from './map-layout-cache';

export interface MapNode {
  /** `s<index in the stakeholder list>`. */
  id: string;
  /** The stakeholder's `id` as written, if any. */
  stakeholderId?: string;
  name: string;
  title?: string;
  /** The unit id as written, and the unit's name when the id names a unit. */
  unit?: string;
  unitName?: string;
  /** `unknown` when absent or not one of the six. */
  stance: Stance;
  /** Absent when not given or not high | medium | low. */
  influence?: Influence;
  /** Canonical roles, each once. */
  roles: Role[];
  gatekeeper: boolean;
  owner?: string;
  interests: string[];
  span: Span;
  /** An earlier stakeholder has the same id; references to the id mean that one. */
  duplicate: boolean;
  /** Days since `last_contact`, when the map knows today and the date is valid. */
  daysSinceContact?: number;
  /** A key relationship (decision maker or high influence) not contacted for over `staleAfterDays` (KAM207). */
  stale: boolean;
  /** High-influence opponent or skeptic no live action is with (KAM209). */
  unmanaged: boolean;
}

/** What the map counts days from; without it no relationship is marked stale. */
export interface RelationshipClock {
  today: string;
  staleAfterDays: number;
}

/** A `reports_to` line of the org chart: from the manager down to the report. */
export interface MapEdge {
  id: string;
  manager: string;
  report: string;
  /** The `reports_to` value. */
  span: Span;
}

/** A unit of the organisation (组织的架构), drawn as a frame around its members when the layout allows. */
export interface MapCluster {
  /** `u<index in the unit list>`. */
  id: string;
  unitId: string;
  name: string;
  /** The parent cluster, when `parent` names a unit and does not close a loop. */
  parent?: string;
  /** Node ids of the stakeholders whose `unit` is this one. */
  members: string[];
  span: Span;
}

/** A reference the map could not draw: it names no stakeholder or unit. */
export interface Unresolved {
  node: string;
  field: 'reports_to' | 'unit';
  value: string;
  span: Span;
}

export interface RoleCoverage {
  role: Role;
  holders: string[];
  unassigned: boolean;
}

/** Influence rows (high → low) × stance columns (champion → unknown); each cell lists node ids. */
export interface InfluenceGrid {
  rows: readonly Influence[];
  columns: readonly Stance[];
  cells: Record<Influence, Record<Stance, string[]>>;
  /** Nodes without a valid influence: in no row. */
  unrated: string[];
}

export interface Point {
  x: number;
  y: number;
}

/** A rectangle; x and y are its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  width: number;
  height: number;
  /** Units drawn as frames (compound layout) or not (the org chart alone). */
  clustered: boolean;
  nodes: (Box & { id: string })[];
  clusters: (Box & { id: string })[];
  edges: { id: string; points: Point[] }[];
}

export interface StakeholderMap {
  nodes: MapNode[];
  edges: MapEdge[];
  clusters: MapCluster[];
  unresolved: Unresolved[];
  coverage: RoleCoverage[];
  grid: InfluenceGrid;
  layout: MapLayout;
}

export function buildStakeholderMap(plan: Plan, clock?: RelationshipClock): StakeholderMap {
  const facts = stakeholderFacts(plan, clock);
  return { ...facts, layout: layoutMap(facts.nodes, facts.edges, facts.clusters) };
}

/** The map without its layout: what the layout is made from (timed apart from it in test/e2e/05). */
export function stakeholderFacts(plan: Plan, clock?: RelationshipClock): Omit<StakeholderMap, 'layout'> {
  const nodeOf = new Map<Stakeholder, MapNode>();
  const engaged = engagedIds(plan);
  const firstById = indexById(plan.stakeholders);
  const units = indexById(plan.units);
  const clusterOf = new Map(plan.units.map((u, i) => [u, `u${i}`]));

  const nodes = plan.stakeholders.map((s, i): MapNode => {
    const node: MapNode = {
      id: `s${i}`,
      stakeholderId: s.id,
      name: stakeholderLabel(s),
      title: s.title,
      unit: s.unit,
      unitName: s.unit === undefined ? undefined : units.get(s.unit)?.name,
      stance: isOneOf(STANCES, s.stance) ? s.stance : 'unknown',
      influence: isOneOf(INFLUENCES, s.influence) ? s.influence : undefined,
      roles: [...new Set(s.roles.map((r) => r.role).filter((r): r is Role => r !== undefined))],
      gatekeeper: s.gatekeeper,
      owner: s.owner,
      interests: s.interests,
      span: s.span,
      duplicate: s.id !== undefined && firstById.get(s.id) !== s,
      ...dayCount(s, clock),
      stale: clock !== undefined && isStale(s, clock.today, clock.staleAfterDays),
      unmanaged: isUnmanagedOpposition(s, engaged),
    };
    nodeOf.set(s, node);
    return node;
  });

  const edges: MapEdge[] = [];
  const unresolved: Unresolved[] = [];
  plan.stakeholders.forEach((s, i) => {
    const node = nodes[i];
    const reportsTo = s.fields.get('reports_to');
    if (s.reports_to !== undefined && reportsTo) {
      const manager = firstById.get(s.reports_to);
      if (!manager) unresolved.push({ node: node.id, field: 'reports_to', value: s.reports_to, span: reportsTo.value });
      else if (manager !== s) edges.push({ id: `e${edges.length}`, manager: nodeOf.get(manager)!.id, report: node.id, span: reportsTo.value });
    }
    const unit = s.fields.get('unit');
    if (s.unit !== undefined && unit && !units.has(s.unit)) unresolved.push({ node: node.id, field: 'unit', value: s.unit, span: unit.value });
  });

  const clusters = plan.units
    .filter((u) => u.id !== undefined && units.get(u.id) === u)
    .map((u): MapCluster => ({
      id: clusterOf.get(u)!,
      unitId: u.id!,
      name: u.name?.trim() || u.id!,
      members: nodes.filter((n) => n.unit === u.id).map((n) => n.id),
      span: u.span,
    }));
  // A parent is kept only when following parents from it never comes back to the unit.
  for (const cluster of clusters) {
    const parent = units.get(units.get(cluster.unitId)!.parent ?? '');
    if (parent && !reaches(parent.id!, cluster.unitId, (id) => units.get(id)?.parent)) cluster.parent = clusterOf.get(parent);
  }

  const holders = holdersByRole(plan.stakeholders);
  const coverage = ROLES.map((role): RoleCoverage => {
    const ids = holders.get(role)!.map((s) => nodeOf.get(s)!.id);
    return { role, holders: ids, unassigned: ids.length === 0 };
  });

  return { nodes, edges, clusters, unresolved, coverage, grid: influenceGrid(nodes) };
}

/** `{ daysSinceContact }` when there is a count, else nothing: the model stays plain JSON. */
function dayCount(s: Stakeholder, clock: RelationshipClock | undefined): Pick<MapNode, 'daysSinceContact'> {
  const days = clock && daysSinceContact(s, clock.today);
  return days === undefined ? {} : { daysSinceContact: days };
}

/** Whether following `next` from `from` arrives at `target` (a walk that stops on any loop). */
function reaches(from: string, target: string, next: (id: string) => string | undefined): boolean {
  const seen = new Set<string>();
  for (let id: string | undefined = from; id !== undefined && !seen.has(id); id = next(id)) {
    if (id === target) return true;
    seen.add(id);
  }
  return false;
}

function influenceGrid(nodes: readonly MapNode[]): InfluenceGrid {
  const cells = Object.fromEntries(
    INFLUENCES.map((row) => [row, Object.fromEntries(STANCES.map((column) => [column, [] as string[]]))]),
  ) as InfluenceGrid['cells'];
  const unrated: string[] = [];
  for (const n of nodes) {
    if (n.influence) cells[n.influence][n.stance].push(n.id);
    else unrated.push(n.id);
  }
  return { rows: INFLUENCES, columns: STANCES, cells, unrated };
}
