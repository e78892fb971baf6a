// How many key relationships have gone cold (engine/engagement's `isStale`, the test KAM207 makes).
// Where the plan's findings hold KAM207 they are counted (one per stakeholder); otherwise — the rule
// turned off — the engine's test is made here, so the column is a fact about the plan whatever the
// rule settings, as the unassigned roles are.
import type { KamConfig } from '../../engine/config';
import { DEFAULT_STALE_AFTER_DAYS, isStale } from '../../engine/engagement';
import type { Plan } from '../../engine/model';
import type { Finding } from '../../engine/rule';
import { isValidDate } from '../../engine/values';

export const STALE_RULE = 'KAM207';

export function staleContacts(plan: Plan, findings: readonly Finding[], today: string, config?: KamConfig): number {
  const reported = findings.filter((f) => f.code === STALE_RULE).length;
  if (reported > 0) return reported;
  if (!isValidDate(today)) return 0;
  const limit = config?.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
  return plan.stakeholders.filter((s) => isStale(s, today, limit)).length;
}
