// The configuration each linted file gets. Sources, later winning:
//   defaults (locale from the environment) < the file's nearest .kamrc.yaml < --config FILE < --locale / --rule flags.
import * as path from 'node:path';
import { defaultConfig, findRcFile, mergeConfig, readRcFile, type KamConfig } from '../engine/config';
import { normalizeLocale, type Locale, type Setting } from '../engine/types';
import { RULES, ruleByCode } from '../rules';

/** The language the environment asks for: LC_ALL, then LC_MESSAGES, then LANG (the POSIX order). */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return normalizeLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** `--rule KAM201=off` or `--rule role-unassigned=error`; throws the reason it is not. */
export function parseRuleFlag(flag: string): [code: string, setting: Setting] {
  const m = /^([^=]+)=(.*)$/.exec(flag);
  if (!m) throw new Error(`Expected CODE_OR_NAME=off|info|warning|error, got \`${flag}\``);
  const [key, value] = [m[1].trim(), m[2].trim()];
  const { problems } = mergeConfig(defaultConfig(), { rules: { [key]: value } }, RULES);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return [ruleByCode(key)!.code, value as Setting];
}

/** Merges already-validated layers (the command line's); their problems were reported before. */
export function applyLayers(base: KamConfig, layers: readonly unknown[]): KamConfig {
  return layers.reduce<KamConfig>((config, raw) => mergeConfig(config, raw, RULES).config, base);
}

/** Merges one layer and says what was wrong with it. */
export function mergeLayer(base: KamConfig, raw: unknown): { config: KamConfig; problems: string[] } {
  return mergeConfig(base, raw, RULES);
}

/**
 * A per-file configuration lookup. Each .kamrc.yaml is read once, and its problems reported once
 * through `warn`: a bad rc file should not stop the lint, only be pointed out.
 */
export function fileConfigs(base: KamConfig, layers: readonly unknown[], cwd: string, warn: (message: string) => void) {
  const byRcFile = new Map<string, KamConfig>();
  return (file: string): KamConfig => {
    const rc = findRcFile(file) ?? '';
    let config = byRcFile.get(rc);
    if (!config) {
      let withRc = base;
      if (rc) {
        const read = readRcFile(rc);
        const merged = mergeLayer(base, read.raw);
        for (const problem of [...read.problems.map((p) => p.replace(`${rc}: `, '')), ...merged.problems])
          warn(`${path.relative(cwd, rc)}: ${problem}`);
        withRc = merged.config;
      }
      config = applyLayers(withRc, layers);
      byRcFile.set(rc, config);
    }
    return config;
  };
}
