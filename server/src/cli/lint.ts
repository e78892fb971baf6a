// `kam lint`: checks plan files and folders and prints the findings as text, JSON, SARIF or GitHub
// workflow annotations. Exit code: 0 no error-severity finding (and no more warnings than
// --max-warnings), 1 otherwise, 2 bad usage or a path that could not be linted.
import type { Command } from 'commander';
import { checkPlan } from '../rules/check';
import type { KamConfig } from '../engine/config';
import type { Plan } from '../engine/model';
import { addOutputOption, parseMaxWarnings, writeOutput, type ConfigOptions } from './options';
import { checkPlanFiles, PLAN_PATHS, registerPlanCommand, settingsOf } from './plan-command';
import { FORMATS, FORMATTERS, type Format, type LintRun, type LocatedFinding } from './formatters';

interface LintOptions extends ConfigOptions {
  format: Format;
  output?: string;
  maxWarnings?: number;
}

const EXAMPLES = `
Configuration, later winning: defaults < the nearest .kamrc.yaml above each plan
< --config FILE < --locale and --rule flags.

Exit status: 0 no error-severity finding, 1 at least one (or more warnings than
--max-warnings), 2 bad usage or a path that could not be linted.

Examples:
  $ kam lint plans/                              every *.kam.yaml below plans/
  $ kam lint --today 2026-11-26 acme.kam.yaml    fix "today" for time-based rules
  $ kam lint --format sarif -o kam.sarif plans/  for code scanning
  $ kam lint --format github plans/              annotations in a GitHub Actions job
  $ kam lint --max-warnings 0 plans/             fail on any warning too
  $ kam lint --rule KAM206=off --rule role-unassigned=error plans/
  $ kam lint --locale zh-cn plans/               messages in Simplified Chinese`;

export function registerLint(program: Command): void {
  registerPlanCommand<LintOptions>(program, {
    name: 'lint',
    summary: 'check plans and report findings',
    description: 'Check key-account plans (*.kam.yaml) and report findings.',
    paths: PLAN_PATHS,
    formats: FORMATS,
    options: (command) => {
      command.option('--max-warnings <n>', 'exit 1 when there are more than N warnings (default: no limit)', parseMaxWarnings);
      addOutputOption(command, 'the findings');
    },
    examples: EXAMPLES,
    run: lint,
  });
}

function lint(command: Command, paths: string[], options: LintOptions): number {
  const settings = settingsOf(command, options);
  const { cwd } = settings;
  const checked = checkPlanFiles(paths, settings, (plan, config) => located(plan, config, options.today));
  const run: LintRun = {
    results: checked.results.map(({ file, absolute, result }) => ({ file, absolute, findings: result })),
    problems: checked.problems,
    locale: settings.locale,
    cwd,
  };

  const color = options.format === 'text' && options.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR;
  writeOutput(command, options.output, FORMATTERS[options.format](run, { color }), cwd);
  if (run.problems.length > 0) return 2;
  const count = (severity: string) => run.results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  if (count('error') > 0) return 1;
  const warnings = count('warning');
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`kam: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows\n`);
    return 1;
  }
  return 0;
}

/** Findings with 1-based lines and columns counted as the server counts them (a lone CR ends a line too). */
function located(plan: Plan, config: KamConfig, today?: string): LocatedFinding[] {
  const at = (offset: number) => {
    const { line, character } = plan.lines.positionAt(offset);
    return { line: line + 1, column: character + 1 };
  };
  return checkPlan(plan, { config, today }).map((f) => {
    const start = at(f.span.start);
    const end = at(f.span.end);
    return { code: f.code, name: f.name, severity: f.severity, message: f.message, ...start, endLine: end.line, endColumn: end.column };
  });
}
