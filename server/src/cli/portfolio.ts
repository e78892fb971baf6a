// `kam portfolio`: one row per plan found under the paths (the same discovery as `kam lint`), sorted
// by plan health, lowest first. Each plan is checked as `kam lint` checks it. Exit code: 0, or 2 on bad
// usage or a path that could not be read (the other plans are still summarised).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { checkPlan } from '../rules/check';
import { defaultConfig } from '../engine/config';
import { localToday } from '../engine/values';
import { compareRows, portfolioRow, PORTFOLIO_FORMATS, PORTFOLIO_RENDERERS, type Portfolio, type PortfolioFormat, type PortfolioRow } from '../report/portfolio';
import { applyLayers, environmentLocale, fileConfigs } from './config';
import { describe, planOfContents, readPlanFile } from '../engine/plan-files';
import { collectPlanFiles } from './files';
import { addConfigOptions, commandLineLayers, type ConfigOptions } from './options';

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
  const command = program
    .command('portfolio')
    .summary('summarise every plan: health, reviews, roles, contacts, goals')
    .description('Summarise key-account plans, one row a plan, sorted by plan health (lowest first), then file.')
    .argument('<paths...>', 'plan files and folders (a folder: every *.kam.yaml / *.kam.yml below it)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(PORTFOLIO_FORMATS).default('text'))
    .option('-o, --output <file>', 'write to FILE (default: standard output)');
  addConfigOptions(command, 'language of the headings and messages')
    .addHelpText('after', EXAMPLES)
    .action(function (this: Command, paths: string[], options: PortfolioOptions) {
      process.exitCode = portfolio(this, paths, options);
    });
}

function portfolio(command: Command, paths: string[], options: PortfolioOptions): number {
  const cwd = process.cwd();
  const warn = (message: string) => process.stderr.write(`kam: warning: ${message}\n`);
  const layers = commandLineLayers(command, options, cwd);
  const base = defaultConfig(environmentLocale());
  const configFor = fileConfigs(base, layers, cwd, warn);
  const today = options.today ?? localToday();
  const collected = collectPlanFiles(paths, cwd);
  for (const folder of collected.empty) warn(`${folder}: no *.kam.yaml or *.kam.yml file in this folder`);

  const rows: PortfolioRow[] = [];
  const problems = collected.problems.map((p) => ({ file: slashed(p.file), message: p.message }));
  for (const absolute of collected.files) {
    const file = slashed(path.relative(cwd, absolute) || absolute);
    const contents = readPlanFile(absolute);
    if (contents.kind === 'unreadable') {
      problems.push({ file, message: contents.message });
      continue;
    }
    try {
      const config = configFor(absolute);
      const plan = planOfContents(contents);
      rows.push(portfolioRow(plan, checkPlan(plan, { config, today }), { file, today, config }));
    } catch (e) {
      // A rule that throws is our bug: name the file and go on with the others.
      problems.push({ file, message: `internal error while checking: ${(e as Error).message}` });
    }
  }
  for (const p of problems) process.stderr.write(`kam: ${p.file}: ${p.message}\n`);

  const summary: Portfolio = { today, locale: applyLayers(base, layers).locale, rows: rows.sort(compareRows), problems };
  const outFile = options.output === undefined ? undefined : path.resolve(cwd, options.output);
  // Links in the page lead from where it is written to the plans, which are named relative to cwd.
  const linkBase = outFile ? slashed(path.relative(path.dirname(outFile), cwd)) : '';
  const text = PORTFOLIO_RENDERERS[options.format](summary, linkBase === '' ? '' : `${linkBase}/`);
  if (outFile === undefined) process.stdout.write(text);
  else
    try {
      fs.writeFileSync(outFile, text);
    } catch (e) {
      command.error(`error: cannot write ${options.output}: ${describe(e)}`, { exitCode: 2 });
    }
  return problems.length > 0 ? 2 : 0;
}

/** Paths as the spec writes them, `/`-separated on every system. */
function slashed(file: string): string {
  return file.split(path.sep).join('/');
}
