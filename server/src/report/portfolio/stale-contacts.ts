// How many key relationships have gone cold: stakeholders who hold the decision-maker role or have
// `influence: high`, last contacted more than `relationships.staleAfterDays` days (default 90) before
// today. KAM207 (relationship-stale) makes the same test: where the plan's findings hold KAM207 they are
// counted (one per stakeholder); otherwise — the rule turned off, or a registry without it — the test is
// made here, in this one place, so the column is a fact about the plan whatever the rule settings, as
// the unassigned roles are.
import type { KamConfig } from '../../engine/config';
import type { Plan } from '../../engine/model';
import type { Finding } from '../../engine/rule';
import { daysBetween, isValidDate } from '../../engine/values';

export const STALE_RULE = 'KAM207';
/** The spec's default for `relationships.staleAfterDays`. */
export const DEFAULT_STALE_AFTER_DAYS = 90;

export function staleContacts(plan: Plan, findings: readonly Finding[], today: string, config?: KamConfig): number {
  const reported = findings.filter((f) => f.code === STALE_RULE).length;
  if (reported > 0) return reported;
  // `staleAfterDays` joins KamConfig with KAM207 (issue 13); until then the spec's default holds.
  const limit = (config as { staleAfterDays?: number } | undefined)?.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
  if (!isValidDate(today)) return 0;
  return plan.stakeholders.filter((s) => {
    const key = s.influence === 'high' || s.roles.some((r) => r.role === 'decision-maker');
    return key && isValidDate(s.last_contact) && daysBetween(s.last_contact, today) > limit;
  }).length;
}
