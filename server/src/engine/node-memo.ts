// Answers kept per YAML node (a map's key index, an entity of the model, a collection's plain data),
// so that a version reparsed from the one before (reparse.ts) computes again only what an edit
// touched. Reparsing replaces the edited entries with new nodes and forgets the collections that held
// them; every other node keeps its answers, which depend on its values alone.
//
// A plan read once and let go (a file of `kam lint`, a closed file the workspace scan checks) has no
// next version: what would be kept for it only fills long-lived tables the collector must sweep (the
// server's peak memory over a 1,000-plan workspace grew by a third), so `withoutNextVersion` keeps none.

const tables: WeakMap<object, unknown>[] = [];
let recording = true;

/** Runs `read` (a parse, a check) keeping nothing for a next version of the plans it reads. */
export function withoutNextVersion<T>(read: () => T): T {
  const was = recording;
  recording = false;
  try {
    return read();
  } finally {
    recording = was;
  }
}

/** A table that keeps its answers for the next version only: outside withoutNextVersion. */
class NextVersionMemo<T> extends WeakMap<object, T> {
  override set(node: object, answer: T): this {
    if (recording) super.set(node, answer);
    return this;
  }
}

/** A table of answers kept for the next version only (outside withoutNextVersion), by any object. */
export function nextVersionMemo<T>(): WeakMap<object, T> {
  return new NextVersionMemo<T>();
}

/**
 * A new table of answers per node, emptied of the nodes an edit changed. One that also serves within a
 * version (a map's key index, asked again and again by one check) keeps its answers always.
 */
export function nodeMemo<T>(options: { withinVersion?: boolean } = {}): WeakMap<object, T> {
  const table = options.withinVersion ? new WeakMap<object, T>() : nextVersionMemo<T>();
  tables.push(table);
  return table;
}

/** Drops every answer kept for these nodes: their items were replaced in place. */
export function forgetNodes(nodes: Iterable<object>): void {
  for (const node of nodes) for (const table of tables) table.delete(node);
}
