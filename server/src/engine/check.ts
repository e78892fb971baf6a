// Runs rules over one parsed plan (the registry's run is rules/check.ts: the engine knows no rule).
// A plan with YAML syntax errors gets KAM001 only: rules over a half-parsed document would report
// sections "missing" that are merely unreadable.
import type { KamConfig } from './config';
import { defaultConfig, settingFor } from './config';
import type { Plan } from './model';
import type { Finding, Report, Rule } from './rule';
import { interpolate } from './types';
import { localToday } from './values';

export interface CheckOptions {
  config?: KamConfig;
  /** `YYYY-MM-DD`; defaults to the local date. */
  today?: string;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /**
   * Called when a rule throws; the other rules still run. Without it the error propagates, so the
   * CLI, the tests and the fuzzer see every crash.
   */
  onRuleError?: (rule: Rule, error: unknown) => void;
}

export const SYNTAX_RULE = 'KAM001';

export function runRules(plan: Plan, registry: readonly Rule[], options: CheckOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig();
  const today = options.today ?? localToday();
  let rules = options.rules ?? registry;
  if (plan.syntaxErrors.length > 0) rules = rules.filter((r) => r.code === SYNTAX_RULE);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = settingFor(config, rule);
    if (setting === 'off') continue;
    const report = (r: Report) => {
      const messageId = r.messageId ?? 'default';
      const template = rule.messages[messageId] ?? rule.messages.default;
      const args = r.args ?? {};
      findings.push({
        code: rule.code,
        name: rule.name,
        severity: setting,
        stage: rule.stage,
        span: r.span,
        message: interpolate(template[config.locale], args, config.locale),
        messageId,
        args,
        data: r.data,
      });
    };
    try {
      rule.check({ plan, today, maxAnnualChange: config.maxAnnualChange, staleAfterDays: config.staleAfterDays, report });
    } catch (error) {
      if (!options.onRuleError) throw error;
      options.onRuleError(rule, error);
    }
  }
  return findings.sort(byPlace);
}

/** The order of findings: by place, then code. The sort is stable: one rule's findings keep their order. */
export function byPlace(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.code.localeCompare(b.code);
}
