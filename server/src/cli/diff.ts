// `kam diff`: two versions of one plan compared by meaning — OLD against NEW, or with --git the plan
// as committed at a revision against the plan on disk. Both are checked as `kam lint` checks the newer
// one. Exit code: 0, or 2 on bad usage, an unreadable path or an unknown revision.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { checkPlan } from '../rules/check';
import type { Plan } from '../engine/model';
import { localToday } from '../engine/values';
import { DIFF_FORMATS, DIFF_RENDERERS, reviewDiff, type DiffFormat, type Version } from '../report/diff';
import { planOfContents, readPlanFile } from '../engine/plan-files';
import { readCommitted } from './git-show';
import type { ConfigOptions } from './options';
import { registerPlanCommand, settingsOf } from './plan-command';

interface DiffOptions extends ConfigOptions {
  format: DiffFormat;
  /** The revision, or true for `--git` alone (HEAD). */
  git?: string | true;
}

const EXAMPLES = `
List items with an \`id\` (stakeholders, units, goals, actions, drivers) are matched
by id, so reordering them is no change; comments and layout are no change either.

Exit status: 0, 2 on bad usage, an unreadable path or an unknown revision.

Examples:
  $ kam diff old/acme.kam.yaml acme.kam.yaml
  $ kam diff --git HEAD acme.kam.yaml           the last commit against the file on disk
  $ kam diff --git v2026-q3 --format json acme.kam.yaml
  $ kam diff --locale zh-cn --git HEAD~3 plans/华东.kam.yaml`;

export function registerDiff(program: Command): void {
  registerPlanCommand<DiffOptions>(program, {
    name: 'diff',
    summary: 'what changed in a plan between two versions, by meaning',
    description: 'Compare two versions of one key-account plan by meaning: changes, plan health before and after, findings fixed and new.',
    paths: ['[paths...]', 'OLD NEW, or with --git the one plan file'],
    formats: DIFF_FORMATS,
    options: (command) => command.option('--git [rev]', 'compare the plan as committed at git revision REV (default HEAD) with the file on disk'),
    localeHelp: 'language of the memo and messages',
    examples: EXAMPLES,
    run: diff,
  });
}

function diff(command: Command, paths: string[], options: DiffOptions): number {
  const fail = (message: string): never => command.error(`error: ${message}`, { exitCode: 2 });
  let rev: string | undefined;
  if (options.git !== undefined) {
    rev = options.git === true ? 'HEAD' : options.git;
    // `kam diff --git plan.kam.yaml`: the one argument was taken as the revision.
    if (paths.length === 0 && options.git !== true) [rev, paths] = ['HEAD', [options.git]];
    if (paths.length !== 1) fail('with --git, name one plan file: kam diff --git REV PATH');
  } else if (paths.length !== 2) fail('name two versions of a plan: kam diff OLD NEW (or kam diff --git REV PATH)');

  const { cwd, configFor } = settingsOf(command, options);
  const newer = path.resolve(cwd, paths[paths.length - 1]);
  const config = configFor(newer);
  const today = options.today ?? localToday();
  const version = (label: string, plan: Plan): Version => ({ label, plan, findings: checkPlan(plan, { config, today }) });

  const after = version(paths[paths.length - 1], readOnDisk(paths[paths.length - 1], cwd, fail));
  let before: Version;
  if (rev !== undefined) {
    const committed = readCommitted(newer, rev, paths[0]);
    if ('error' in committed) return fail(committed.error);
    before = version(rev, planOfContents(committed.contents));
  } else before = version(paths[0], readOnDisk(paths[0], cwd, fail));

  process.stdout.write(DIFF_RENDERERS[options.format](reviewDiff(before, after), config.locale));
  return 0;
}

function readOnDisk(shownAs: string, cwd: string, fail: (message: string) => never): Plan {
  const file = path.resolve(cwd, shownAs);
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) fail(`cannot read ${shownAs}: is a folder; name one plan file`);
  const contents = readPlanFile(file);
  if (contents.kind === 'unreadable') return fail(`cannot read ${shownAs}: ${contents.message}`);
  return planOfContents(contents);
}
