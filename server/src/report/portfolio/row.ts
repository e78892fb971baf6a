// One plan's line in the portfolio: who the account is, how healthy its plan is, and what needs
// attention (findings, an overdue review, roles nobody holds, contacts gone cold, goals not SMART).
// Built from a checked plan; the field names are the spec's JSON (`kam portfolio --format json`).
import type { KamConfig } from '../../engine/config';
import type { Plan } from '../../engine/model';
import type { Finding } from '../../engine/rule';
import type { Severity } from '../../engine/types';
import { isValidDate } from '../../engine/values';
import { planHealth } from '../../views/health';
import { holdersByRole } from '../../engine/plan-facts';
import { smartStatus } from '../../engine/smart-status';
import { staleContacts } from './stale-contacts';

export interface PortfolioRow {
  /** The plan's path, relative to the folder the portfolio was asked in, `/`-separated. */
  file: string;
  account: string | null;
  owner: string | null;
  stage: string | null;
  health: number;
  findings: Record<Severity, number>;
  next_review: string | null;
  review_overdue: boolean;
  unassigned_roles: string[];
  stale_contacts: number;
  goals: number;
  smart_goals: number;
}

export interface RowOptions {
  file: string;
  today: string;
  config?: KamConfig;
}

export function portfolioRow(plan: Plan, findings: readonly Finding[], options: RowOptions): PortfolioRow {
  const health = planHealth(findings);
  const account = plan.account;
  const nextReview = isValidDate(account?.next_review) ? account.next_review : null;
  const unassigned = [...holdersByRole(plan.stakeholders)].filter(([, holders]) => holders.length === 0).map(([role]) => role);
  return {
    file: options.file,
    account: textOrNull(account?.name),
    owner: textOrNull(account?.owner),
    stage: textOrNull(account?.stage),
    health: health.score,
    findings: health.counts,
    next_review: nextReview,
    review_overdue: nextReview !== null && nextReview < options.today,
    // A plan that does not parse has no stakeholders to judge: no role is reported missing.
    unassigned_roles: health.parses ? unassigned : [],
    stale_contacts: staleContacts(plan, findings, options.today, options.config),
    goals: plan.goals.length,
    smart_goals: plan.goals.filter((g) => smartStatus(g, findings).every((c) => c.pass)).length,
  };
}

function textOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Lowest health first (the plans that need attention), then by file. */
export function compareRows(a: Pick<PortfolioRow, 'health' | 'file'>, b: Pick<PortfolioRow, 'health' | 'file'>): number {
  return a.health - b.health || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

export interface PortfolioTotals {
  plans: number;
  findings: Record<Severity, number>;
  review_overdue: number;
}

export function portfolioTotals(rows: readonly PortfolioRow[]): PortfolioTotals {
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of rows) for (const s of ['error', 'warning', 'info'] as const) findings[s] += r.findings[s];
  return { plans: rows.length, findings, review_overdue: rows.filter((r) => r.review_overdue).length };
}
