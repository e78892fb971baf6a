// The options the subcommands share: --today, --locale, --config and --rule, parsed and turned into
// configuration layers the same way, so a plan is checked alike by `kam lint` and `kam report`; and
// -o/--output, written the same way by each.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { defaultConfig, readRcFile } from '../engine/config';
import type { Locale, Setting } from '../engine/types';
import { isValidDate } from '../engine/values';
import { mergeLayer, parseRuleFlag } from './config';
import { describe } from '../engine/plan-files';

export interface ConfigOptions {
  today?: string;
  locale?: Locale;
  config?: string;
  rule?: [string, Setting][];
}

/** Adds --today, --locale, -c/--config and --rule to a subcommand. */
export function addConfigOptions(command: Command, localeHelp = 'message language'): Command {
  return command
    .option('--today <date>', 'the date time-based rules compare with, YYYY-MM-DD (default: today)', parseToday)
    .option('--locale <locale>', `${localeHelp}, en or zh-cn (default: the configuration, else LANG / LC_ALL)`, parseLocale)
    .option('-c, --config <file>', "a configuration file (.kamrc.yaml format) applied over each plan's own")
    .option('--rule <rule=setting>', 'set a rule, by code or name, to off | info | warning | error (repeatable)', collectRule);
}

export function parseToday(value: string): string {
  if (!isValidDate(value)) throw new InvalidArgumentError('Expected a date YYYY-MM-DD.');
  return value;
}

export function parseLocale(value: string): Locale {
  const lower = value.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-hans') return 'zh-cn';
  throw new InvalidArgumentError('Expected en or zh-cn.');
}

export function collectRule(value: string, previous: [string, Setting][] = []): [string, Setting][] {
  try {
    return [...previous, parseRuleFlag(value)];
  } catch (e) {
    throw new InvalidArgumentError(`${(e as Error).message}.`);
  }
}

/** --config FILE, then the flags. A problem here is bad usage (exit 2), where one in a .kamrc.yaml is a warning. */
export function commandLineLayers(command: Command, options: ConfigOptions, cwd: string): unknown[] {
  const layers: unknown[] = [];
  if (options.config) {
    const file = path.resolve(cwd, options.config);
    if (!fs.existsSync(file)) command.error(`error: cannot read --config ${options.config}: no such file`, { exitCode: 2 });
    const read = readRcFile(file);
    const problems = [...read.problems.map((p) => p.replace(`${file}: `, '')), ...mergeLayer(defaultConfig(), read.raw).problems];
    if (problems.length > 0) command.error(problems.map((p) => `error: --config ${options.config}: ${p}`).join('\n'), { exitCode: 2 });
    layers.push(read.raw);
  }
  layers.push({ rules: Object.fromEntries(options.rule ?? []), ...(options.locale ? { locale: options.locale } : {}) });
  return layers;
}

/** Adds -o/--output FILE: where the output goes instead of standard output. */
export function addOutputOption(command: Command, what = 'the output'): Command {
  return command.option('-o, --output <file>', `write ${what} to FILE (default: standard output)`);
}

/** Writes the output to `--output` (relative to `cwd`) or to standard output; a file that cannot be written is bad usage (exit 2). */
export function writeOutput(command: Command, output: string | undefined, text: string, cwd: string): void {
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    fs.writeFileSync(path.resolve(cwd, output), text);
  } catch (e) {
    command.error(`error: cannot write ${output}: ${describe(e)}`, { exitCode: 2 });
  }
}

/** `--max-warnings N`: a whole number of warnings, 0 or more. */
export function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('Expected a whole number, 0 or more.');
  return Number(value);
}
