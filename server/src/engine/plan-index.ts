// Lookups over the plan's ids that several rules share.

/** Entities by id; the first of duplicates wins (a later one is KAM204's finding). */
export function indexById<T extends { id?: string }>(entities: readonly T[]): Map<string, T> {
  const index = new Map<string, T>();
  for (const e of entities) if (e.id !== undefined && !index.has(e.id)) index.set(e.id, e);
  return index;
}
