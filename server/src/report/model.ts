// The plan report as a document of sections and blocks, in one locale. The Markdown and HTML renderers
// only lay it out, so both say the same thing in the same order. Each group of sections is built in its
// own module from one ReportContext (./context.ts).
import type { Plan } from '../engine/model';
import { DEFAULT_STALE_AFTER_DAYS } from '../engine/engagement';
import type { Finding } from '../engine/rule';
import type { Locale } from '../engine/types';
import type { PlanHealth } from '../views/health';
import type { Section } from './blocks';
import { reportContext, section, empty, type ReportContext } from './context';
import { findingsSection, healthSection } from './findings-sections';
import { coverageSection, diagnosisSection, forecastSection, stakeholdersSection, summarySection } from './account-sections';
import { goalsSection, strategySection } from './goal-sections';
import { actionsSection, controlsSection, feedbackSection, rescueNetworkSection } from './action-sections';
import { investmentSection, relationshipsSection, traceabilitySection } from './method-sections';

export type { Block, Cell, Section, TimelineEntry } from './blocks';
export { markSymbol } from './context';

export interface ReportModel {
  locale: Locale;
  title: string;
  /** One line under the title: the date and the score. */
  subtitle: string;
  health: PlanHealth;
  sections: Section[];
}

export interface ReportOptions {
  locale: Locale;
  /** The report's date, `YYYY-MM-DD` (the same "today" the findings were computed with). */
  today: string;
  /** `relationships.staleAfterDays` (default 90): when a key relationship counts as stale. */
  staleAfterDays?: number;
}

export function buildReport(plan: Plan, findings: readonly Finding[], { locale, today, staleAfterDays = DEFAULT_STALE_AFTER_DAYS }: ReportOptions): ReportModel {
  const ctx = reportContext(plan, findings, locale, today, staleAfterDays);
  // The method sections build their own heading; a file that does not parse keeps only the heading.
  const method = (build: (ctx: ReportContext) => Section): Section => {
    const built = build(ctx);
    return ctx.readable ? built : section(built.id, built.title, empty(ctx, 'unreadable'));
  };
  const name = plan.account?.name?.trim() || ctx.say('unnamed');
  return {
    locale,
    title: ctx.say('title', { name }),
    subtitle: ctx.say('generated', { date: today, score: ctx.health.score }),
    health: ctx.health,
    sections: [
      summarySection(ctx),
      healthSection(ctx),
      findingsSection(ctx),
      diagnosisSection(ctx),
      stakeholdersSection(ctx),
      coverageSection(ctx),
      method(relationshipsSection),
      forecastSection(ctx),
      goalsSection(ctx),
      strategySection(ctx),
      actionsSection(ctx),
      controlsSection(ctx),
      method(traceabilitySection),
      method(investmentSection),
      feedbackSection(ctx),
      rescueNetworkSection(ctx),
    ],
  };
}
