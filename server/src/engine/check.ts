// Runs rules over one parsed plan (the registry's run is rules/check.ts: the engine knows no rule).
// A plan with YAML syntax errors gets KAM001 only: rules over a half-parsed document would report
// sections "missing" that are merely unreadable.
import type { KamConfig } from './config';
import { defaultConfig, settingFor } from './config';
import type { Plan } from './model';
import type { Finding, Report, Rule } from './rule';
import { shiftFindings } from './shift';
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

// ---- After an edit ----------------------------------------------------------------------------

/** Each rule's findings by its code, as runRules gives them for that rule alone. */
export type FindingsByRule = ReadonlyMap<string, readonly Finding[]>;

/**
 * A rule's findings for a version reparsed from the previous one (`plan.edit`), carried over from
 * `previous` (the previous version's, with the same settings and day) and moved past the edit, when
 * the edit changed no value the rule reads; undefined when the rule must run. An edit of comments or
 * blank lines changes no value at all.
 */
export function carriedFindings(plan: Plan, rule: Rule, previous: FindingsByRule): Finding[] | undefined {
  const found = previous.get(rule.code);
  const sections = plan.edit?.sections;
  if (!found || !sections) return undefined;
  if (sections.length > 0 && (!rule.reads || rule.reads.some((key) => sections.includes(key)))) return undefined;
  // When lines were added or taken away a message that names a line needs the rule (KAM204).
  return shiftFindings(found, plan.edit!.move);
}

/**
 * runRules for a version reparsed from the previous one: each rule runs only when the edit changed
 * what it reads (see carriedFindings). `previous` must be the previous version's findings by rule,
 * checked with the same options.
 */
export function runRulesAfterEdit(plan: Plan, registry: readonly Rule[], previous: FindingsByRule | undefined, options: CheckOptions = {}): Map<string, Finding[]> {
  const byRule = new Map<string, Finding[]>();
  for (const rule of options.rules ?? registry) {
    byRule.set(rule.code, (previous && carriedFindings(plan, rule, previous)) || runRules(plan, [rule], { ...options, rules: [rule] }));
  }
  return byRule;
}

/** Every rule's findings in one list, in runRules's order. */
export function allFindings(byRule: FindingsByRule): Finding[] {
  return [...byRule.values()].flat().sort(byPlace);
}
