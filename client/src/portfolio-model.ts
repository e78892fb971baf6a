// The KAM Portfolio view's model, apart from VS Code so it can be tested on its own: the rows the
// server sent, sorted by health, next review or name, optionally cut to those needing attention.
import type { PortfolioEntry } from '../../server/src/lsp/protocol';

export type PortfolioSort = 'health' | 'review' | 'name';

/** Below this health a plan needs attention, as the report's meter marks it (docs/health-score.md). */
export const ATTENTION_BELOW = 85;

/** A plan needs attention when its health is low, it has an error, or its review is overdue. */
export function needsAttention(row: PortfolioEntry): boolean {
  return row.health < ATTENTION_BELOW || row.findings.error > 0 || row.review_overdue;
}

const byText = (a: string, b: string) => a.localeCompare(b);
const nameOf = (row: PortfolioEntry) => row.account ?? row.file;

const ORDER: Record<PortfolioSort, (a: PortfolioEntry, b: PortfolioEntry) => number> = {
  health: (a, b) => a.health - b.health || byText(a.file, b.file),
  // The soonest (or most overdue) review first; plans without a date last.
  review: (a, b) => byText(a.next_review ?? '\uffff', b.next_review ?? '\uffff') || a.health - b.health,
  name: (a, b) => byText(nameOf(a), nameOf(b)) || byText(a.file, b.file),
};

export function portfolioView(rows: readonly PortfolioEntry[], sort: PortfolioSort, attentionOnly: boolean): PortfolioEntry[] {
  return rows.filter((r) => !attentionOnly || needsAttention(r)).sort(ORDER[sort]);
}
