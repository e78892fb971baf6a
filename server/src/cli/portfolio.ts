// `kam portfolio`: one row per plan found under the paths (the same discovery as `kam lint`), sorted
// by plan health, lowest first. Each plan is checked as `kam lint` checks it. Exit code: 0, or 2 on bad
// usage or a path that could not be read (the other plans are still summarised).
import * as path from 'node:path';
import type { Command } from 'commander';
import { checkPlan } from '../rules/check';
import { localToday } from '../engine/values';
import { compareRows, portfolioRow, PORTFOLIO_FORMATS, PORTFOLIO_RENDERERS, type Portfolio, type PortfolioFormat, type PortfolioRow } from '../report/portfolio';
import { addOutputOption, writeOutput, type ConfigOptions } from './options';
import { checkPlanFiles, PLAN_PATHS, registerPlanCommand, settingsOf } from './plan-command';

interface PortfolioOptions extends ConfigOptions {
  format: PortfolioFormat;
  output?: string;
}

const EXAMPLES = `
A plan that does not parse is listed with health 0 and its KAM001 error; a file
that cannot be read is listed with why (and the exit status is 2).

Exit status: 0, 2 on bad usage or a path that could not be read.

Examples:
  $ kam portfolio plans/                                 an aligned table
  $ kam portfolio --format json --today 2026-11-26 plans/
  $ kam portfolio --format html -o portfolio.html plans/  one page, sortable, each account linked to its plan
  $ kam portfolio --format csv --locale zh-cn -o 组合.csv plans/`;

export function registerPortfolio(program: Command): void {
  registerPlanCommand<PortfolioOptions>(program, {
    name: 'portfolio',
    summary: 'summarise every plan: health, reviews, roles, contacts, goals',
    description: 'Summarise key-account plans, one row a plan, sorted by plan health (lowest first), then file.',
    paths: PLAN_PATHS,
    formats: PORTFOLIO_FORMATS,
    options: (command) => addOutputOption(command, 'the summary'),
    localeHelp: 'language of the headings and messages',
    examples: EXAMPLES,
    run: portfolio,
  });
}

function portfolio(command: Command, paths: string[], options: PortfolioOptions): number {
  const settings = settingsOf(command, options);
  const { cwd } = settings;
  const today = options.today ?? localToday();
  const checked = checkPlanFiles(paths, settings, (plan, config, file) => portfolioRow(plan, checkPlan(plan, { config, today }), { file, today, config }), slashed);
  const rows: PortfolioRow[] = checked.results.map((r) => r.result);
  const summary: Portfolio = { today, locale: settings.locale, rows: rows.sort(compareRows), problems: checked.problems };
  // Links in the page lead from where it is written to the plans, which are named relative to cwd.
  const linkBase = options.output === undefined ? '' : slashed(path.relative(path.dirname(path.resolve(cwd, options.output)), cwd));
  writeOutput(command, options.output, PORTFOLIO_RENDERERS[options.format](summary, linkBase === '' ? '' : `${linkBase}/`), cwd);
  return checked.problems.length > 0 ? 2 : 0;
}

/** Paths as the spec writes them, `/`-separated on every system. */
function slashed(file: string): string {
  return file.split(path.sep).join('/');
}
