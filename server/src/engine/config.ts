// One configuration table for the editor and the CLI: each rule, by code or name, set to
// off | info | warning | error, plus KAM303's limit, KAM207's staleness and the message locale.
// Sources, later winning: defaults < editor settings < the nearest `.kamrc.yaml`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_STALE_AFTER_DAYS } from './engagement';
import type { Rule } from './rule';
import type { Locale, Setting } from './types';
import { normalizeLocale } from './types';

export interface KamConfig {
  /** Rule code → setting (names are turned into codes on merge, so a later layer always wins). */
  rules: Record<string, Setting>;
  maxAnnualChange: number;
  /** `relationships.staleAfterDays`: days without contact after which a key relationship is stale (KAM207). */
  staleAfterDays: number;
  locale: Locale;
}

export const DEFAULT_MAX_ANNUAL_CHANGE = 1;
export const RC_FILES = ['.kamrc.yaml', '.kamrc.yml'];
const SETTINGS: readonly string[] = ['off', 'info', 'warning', 'error'];

export function defaultConfig(locale: Locale = 'en'): KamConfig {
  return { rules: {}, maxAnnualChange: DEFAULT_MAX_ANNUAL_CHANGE, staleAfterDays: DEFAULT_STALE_AFTER_DAYS, locale };
}

/** The setting in force for a rule: the configured one, else the rule's default. */
export function settingFor(config: KamConfig, rule: Rule): Setting {
  return config.rules[rule.code] ?? rule.severity;
}

/**
 * Merges a raw config object (from `.kamrc.yaml`, VS Code settings or CLI flags) over a base.
 * Problems are returned, not thrown, so a bad config is reported and the rest still applies.
 */
export function mergeConfig(base: KamConfig, raw: unknown, knownRules: readonly Rule[]): { config: KamConfig; problems: string[] } {
  const config: KamConfig = { ...base, rules: { ...base.rules } };
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config, problems: ['the configuration must be a map'] };
  const r = raw as Record<string, unknown>;
  if (r.rules !== undefined && r.rules !== null) {
    if (typeof r.rules !== 'object' || Array.isArray(r.rules)) problems.push('`rules` must be a map of rule code or name to off | info | warning | error');
    else
      for (const [key, value] of Object.entries(r.rules as Record<string, unknown>)) {
        const rule = knownRules.find((rule) => rule.code === key.toUpperCase() || rule.name === key);
        if (!rule) problems.push(`unknown rule \`${key}\``);
        else if (typeof value !== 'string' || !SETTINGS.includes(value)) problems.push(`rule \`${key}\`: \`${String(value)}\` is not off | info | warning | error`);
        else config.rules[rule.code] = value as Setting;
      }
  }
  const goals = r.goals as Record<string, unknown> | undefined;
  const limit = goals && typeof goals === 'object' ? goals.maxAnnualChange : r.maxAnnualChange;
  if (limit !== undefined) {
    if (typeof limit === 'number' && Number.isFinite(limit) && limit >= 0) config.maxAnnualChange = limit;
    else problems.push('`goals.maxAnnualChange` must be a number ≥ 0 (1 = doubling per year)');
  }
  const relationships = r.relationships as Record<string, unknown> | undefined;
  const stale = relationships && typeof relationships === 'object' ? relationships.staleAfterDays : undefined;
  if (stale !== undefined) {
    if (typeof stale === 'number' && Number.isInteger(stale) && stale >= 0) config.staleAfterDays = stale;
    else problems.push('`relationships.staleAfterDays` must be a whole number of days ≥ 0');
  }
  if (typeof r.locale === 'string' && r.locale !== 'auto') config.locale = normalizeLocale(r.locale);
  return { config, problems };
}

/** The nearest `.kamrc.yaml` in the folder of `file` or above it (up to `stopAt` when given). */
export function findRcFile(file: string, stopAt?: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    for (const name of RC_FILES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

/** Reads an rc file; a file that does not parse is one problem, not an exception. */
export function readRcFile(file: string): { raw: unknown; problems: string[] } {
  try {
    return { raw: parse(fs.readFileSync(file, 'utf8')), problems: [] };
  } catch (e) {
    return { raw: undefined, problems: [`${file}: ${(e as Error).message}`] };
  }
}
