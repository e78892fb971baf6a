// How many key relationships have gone cold. KAM207 (relationship-stale) is the authority: when the
// registry has it, its findings are counted (one per stakeholder, and a rule turned off counts none).
// Without it, the same test is made here, in this one place: a stakeholder who holds the decision-maker
// role or has `influence: high`, last contacted more than `relationships.staleAfterDays` days ago.
import type { KamConfig } from '../../engine/config';
import type { Plan } from '../../engine/model';
import type { Finding } from '../../engine/rule';
import { daysBetween, isValidDate } from '../../engine/values';
import { ruleByCode } from '../../rules';

export const STALE_RULE = 'KAM207';
/** The spec's default for `relationships.staleAfterDays`. */
export const DEFAULT_STALE_AFTER_DAYS = 90;

export function staleContacts(plan: Plan, findings: readonly Finding[], today: string, config?: KamConfig): number {
  if (ruleByCode(STALE_RULE)) return findings.filter((f) => f.code === STALE_RULE).length;
  const limit = (config as { staleAfterDays?: number } | undefined)?.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
  if (!isValidDate(today)) return 0;
  return plan.stakeholders.filter((s) => {
    const key = s.influence === 'high' || s.roles.some((r) => r.role === 'decision-maker');
    return key && isValidDate(s.last_contact) && daysBetween(s.last_contact, today) > limit;
  }).length;
}
