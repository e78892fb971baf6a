// A rule's reports per entry, kept from one version to the next. An entity the model kept across an
// edit (model-read.ts) has the same values, and its spans all moved by the same length: what a rule
// reported for it alone, looking up only lists that are the very same arrays as before (kept by the
// model when the edit left them alone), is what it reports again, moved. A rule that loops over thousands
// of actions then looks at the few an edit touched.
import type { Entity } from './model';
import type { Report } from './rule';
import { nextVersionMemo } from './node-memo';

interface Kept {
  /** What the reports were made from besides the entity: the lists looked up, compared by identity. */
  context: readonly unknown[];
  /** Where the entity started when they were made. */
  start: number;
  reports: Report[];
}

/**
 * Every loop's kept reports for an entity, in one slot per loop: one table entry per entity, not one
 * per entity and loop (a check of 4,000 entries fills it once; each entry of a weak table costs the
 * collector too).
 */
const kept = nextVersionMemo<(Kept | undefined)[]>();
let loops = 0;

/**
 * One rule's (or one of its loops') reports per entity. `each(entity, context, report, check)` passes
 * on what `check` reports about the entity, from the previous version when neither it nor the context
 * changed. The reports must stand within the entity and depend on nothing else.
 */
export function reportsPerEntry(): (entity: Entity, context: readonly unknown[], report: (r: Report) => void, check: (report: (r: Report) => void) => void) => void {
  const slot = loops++;
  return (entity, context, report, check) => {
    let slots = kept.get(entity);
    if (!slots) kept.set(entity, (slots = []));
    let mine = slots[slot];
    if (!mine || mine.context.length !== context.length || mine.context.some((c, i) => c !== context[i])) {
      const reports: Report[] = [];
      check((r) => void reports.push(r));
      mine = slots[slot] = { context, start: entity.span.start, reports };
    } else if (mine.start !== entity.span.start) {
      const d = entity.span.start - mine.start;
      mine.reports = mine.reports.map((r) => ({ ...r, span: { start: r.span.start + d, end: r.span.end + d } }));
      mine.start = entity.span.start;
    }
    for (const r of mine.reports) report(r);
  };
}

/** Drops what was kept for an entity whose spans did not all move alike (read again around an edited comment). */
export function forgetReports(entity: Entity): void {
  kept.delete(entity);
}
