// What `kam lint`, `kam portfolio` and `kam diff` share: a subcommand over plan paths with --format and
// the configuration options, the configuration each plan is checked with, and the walk over the plan
// files that reports a file it cannot read or check and goes on with the others.
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { defaultConfig, type KamConfig } from '../engine/config';
import type { Plan } from '../engine/model';
import type { Locale } from '../engine/types';
import { planOfContents, readPlanFile } from '../engine/plan-files';
import { applyLayers, environmentLocale, fileConfigs } from './config';
import { collectPlanFiles } from './files';
import type { PathProblem } from './formatters';
import { addConfigOptions, commandLineLayers, type ConfigOptions } from './options';
import { withoutNextVersion } from '../engine/node-memo';

export interface PlanCommand<O extends ConfigOptions> {
  name: string;
  summary: string;
  description: string;
  /** The paths argument: its name as commander spells it and what it says. */
  paths: [name: string, description: string];
  formats: readonly string[];
  /** Options of this command alone, added after --format. */
  options?: (command: Command) => void;
  /** What --locale chooses the language of. */
  localeHelp?: string;
  examples: string;
  /** The exit code. */
  run: (command: Command, paths: string[], options: O) => number;
}

/** The paths argument of a command over many plans. */
export const PLAN_PATHS: [name: string, description: string] = ['<paths...>', 'plan files and folders (a folder: every *.kam.yaml / *.kam.yml below it)'];

export function registerPlanCommand<O extends ConfigOptions>(program: Command, spec: PlanCommand<O>): void {
  const command = program
    .command(spec.name)
    .summary(spec.summary)
    .description(spec.description)
    .argument(...spec.paths)
    .addOption(new Option('-f, --format <format>', 'output format').choices(spec.formats).default('text'));
  spec.options?.(command);
  addConfigOptions(command, spec.localeHelp)
    .addHelpText('after', spec.examples)
    .action(function (this: Command, paths: string[], options: O) {
      process.exitCode = spec.run(this, paths, options);
    });
}

export interface Settings {
  cwd: string;
  /** The configuration a plan file is checked with: its .kamrc.yaml under the command line's. */
  configFor: (file: string) => KamConfig;
  /** The language of the command's own words. */
  locale: Locale;
}

/** The configuration from the command line; a problem in a .kamrc.yaml is a warning on standard error. */
export function settingsOf(command: Command, options: ConfigOptions): Settings {
  const cwd = process.cwd();
  const layers = commandLineLayers(command, options, cwd);
  const base = defaultConfig(environmentLocale());
  return { cwd, configFor: fileConfigs(base, layers, cwd, warn), locale: applyLayers(base, layers).locale };
}

export function warn(message: string): void {
  process.stderr.write(`kam: warning: ${message}\n`);
}

export interface Checked<R> {
  results: { file: string; absolute: string; result: R }[];
  /** Paths that could not be read and files that could not be checked, each also said on standard error. */
  problems: PathProblem[];
}

/** Checks each plan file under the paths; `shown` turns a path relative to cwd into the name the output uses. */
export function checkPlanFiles<R>(
  paths: readonly string[],
  { cwd, configFor }: Settings,
  check: (plan: Plan, config: KamConfig, file: string) => R,
  shown: (file: string) => string = (file) => file,
): Checked<R> {
  const collected = collectPlanFiles(paths, cwd);
  for (const folder of collected.empty) warn(`${folder}: no *.kam.yaml or *.kam.yml file in this folder`);
  const out: Checked<R> = { results: [], problems: collected.problems.map((p) => ({ file: shown(p.file), message: p.message })) };
  for (const absolute of collected.files) {
    const file = shown(path.relative(cwd, absolute) || absolute);
    const contents = readPlanFile(absolute);
    if (contents.kind === 'unreadable') {
      out.problems.push({ file, message: contents.message });
      continue;
    }
    try {
      // Each file is read once: nothing is kept for a next version.
      out.results.push({ file, absolute, result: withoutNextVersion(() => check(planOfContents(contents), configFor(absolute), file)) });
    } catch (e) {
      // A rule that throws is our bug: name the file and go on with the others.
      out.problems.push({ file, message: `internal error while checking: ${(e as Error).message}` });
    }
  }
  for (const p of out.problems) process.stderr.write(`kam: ${p.file}: ${p.message}\n`);
  return out;
}
