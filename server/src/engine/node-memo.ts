// Answers kept per YAML node (a map's key index, an entity of the model, a collection's plain data),
// so that a version reparsed from the one before (reparse.ts) computes again only what an edit
// touched. Reparsing replaces the edited entries with new nodes and forgets the collections that held
// them; every other node keeps its answers, which depend on its values alone.

const tables: WeakMap<object, unknown>[] = [];

/** A new table of answers per node, emptied of the nodes an edit changed. */
export function nodeMemo<T>(): WeakMap<object, T> {
  const table = new WeakMap<object, T>();
  tables.push(table);
  return table;
}

/** Drops every answer kept for these nodes: their items were replaced in place. */
export function forgetNodes(nodes: Iterable<object>): void {
  for (const node of nodes) for (const table of tables) table.delete(node);
}
