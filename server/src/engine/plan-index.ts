// Lookups over the plan's ids and actions that several rules share.
import type { Action, Plan } from './model';

/** Entities by id; the first of duplicates wins (a later one is KAM204's finding). */
export function indexById<T extends { id?: string }>(entities: readonly T[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const e of entities) if (e.id !== undefined && !index.has(e.id)) index.set(e.id, e);
  return index;
}

/** The actions still in the plan: planned or done. A missing status means planned; `cancelled` is out. */
export function liveActions(plan: Plan): Action[] {
  return plan.actions.filter((a) => a.status !== 'cancelled');
}

/** The ids of the stakeholders some live action is `with`. */
export function engagedIds(plan: Plan): Set<string> {
  return new Set(liveActions(plan).flatMap((a) => a.with.map((ref) => ref.value)));
}
