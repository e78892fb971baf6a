// The portfolio as rows of cells in the reader's language: what the text, Markdown, HTML and CSV
// renderers share, so the five formats show the same columns in the same order.
import { interpolate, type Locale } from '../../engine/types';
import type { Role } from '../../engine/roles';
import { CONTRACT_STAGE_LABELS, countsText, labelOf, ROLE_LABELS } from '../../engine/vocabulary';
import { portfolioTotals, type PortfolioRow } from './row';
import { PORTFOLIO_WORDS as W } from './words';

export interface Portfolio {
  today: string;
  locale: Locale;
  /** Sorted: lowest health first, then by file. */
  rows: PortfolioRow[];
  /** Files listed but not read, with why. */
  problems: { file: string; message: string }[];
}

export const COLUMNS = ['health', 'account', 'owner', 'stage', 'errors', 'warnings', 'infos', 'nextReview', 'unassigned', 'stale', 'smartGoals', 'file'] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns whose cells are numbers: right-aligned, sorted as numbers. */
export const NUMERIC: ReadonlySet<Column> = new Set(['health', 'errors', 'warnings', 'infos', 'stale']);

export function columnTitles(locale: Locale): string[] {
  return COLUMNS.map((c) => W[c][locale]);
}

export function cells(row: PortfolioRow, locale: Locale): Record<Column, string> {
  const review = row.next_review === null ? '' : row.review_overdue ? `${row.next_review} (${W.overdue[locale]})` : row.next_review;
  return {
    health: String(row.health),
    account: row.account ?? '',
    owner: row.owner ?? '',
    stage: row.stage === null ? '' : labelOf(CONTRACT_STAGE_LABELS, row.stage, locale),
    errors: String(row.findings.error),
    warnings: String(row.findings.warning),
    infos: String(row.findings.info),
    nextReview: review,
    unassigned: row.unassigned_roles.map((r) => ROLE_LABELS[r as Role]?.[locale] ?? r).join(locale === 'zh-cn' ? '、' : ', '),
    stale: String(row.stale_contacts),
    smartGoals: `${row.smart_goals}/${row.goals}`,
    file: row.file,
  };
}

export function totalsLine(portfolio: Portfolio): string {
  const totals = portfolioTotals(portfolio.rows);
  return interpolate(W.totals[portfolio.locale], {
    plans: totals.plans,
    findings: countsText(totals.findings, portfolio.locale),
    overdue: totals.review_overdue,
  });
}
