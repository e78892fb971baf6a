// Lookups over the plan's ids that several rules share.

const indexes = new WeakMap<readonly object[], ReadonlyMap<string, unknown>>();

/**
 * Entities by id; the first of duplicates wins (a later one is KAM204's finding). Made once per list:
 * several rules ask for the same list of a version (the lists of a plan never change).
 */
export function indexById<T extends { id?: string }>(entities: readonly T[]): ReadonlyMap<string, T> {
  let index = indexes.get(entities) as Map<string, T> | undefined;
  if (index) return index;
  index = new Map<string, T>();
  for (const e of entities) if (e.id !== undefined && !index.has(e.id)) index.set(e.id, e);
  indexes.set(entities, index);
  return index;
}
