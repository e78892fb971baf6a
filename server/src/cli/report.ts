// `kam report`: writes the report of one plan, as Markdown or as one self-contained HTML file.
// The plan is checked as `kam lint` checks it (same configuration layers), and the report is written
// in the configuration's locale. Exit code: 0 written, 2 bad usage or a plan or output that cannot be used.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { checkPlan } from '../rules/check';
import { defaultConfig } from '../engine/config';
import { MAX_PLAN_BYTES, megabytes } from '../engine/limits';
import { parsePlan } from '../engine/parse';
import { describe, notTextDetail, readPlanFile } from '../engine/plan-files';
import { localToday } from '../engine/values';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../report';
import { environmentLocale, fileConfigs } from './config';
import { addConfigOptions, addOutputOption, commandLineLayers, writeOutput, type ConfigOptions } from './options';

interface ReportCommandOptions extends ConfigOptions {
  format?: ReportFormat;
  output?: string;
}

const EXAMPLES = `
Without --format, an output file ending in .html or .htm gets HTML, anything else Markdown.

Exit status: 0 the report was written (whatever the plan's findings), 2 bad usage,
or a plan or output file that cannot be read or written.

Examples:
  $ kam report acme.kam.yaml > acme.md
  $ kam report -o acme.html acme.kam.yaml                    one file, no script, prints to PDF
  $ kam report --locale zh-cn --today 2026-11-26 -o 报告.html plans/华东.kam.yaml`;

export function registerReport(program: Command): void {
  const command = program
    .command('report')
    .summary('write the report of a plan (Markdown or HTML)')
    .description(
      'Write the report of one key-account plan: account, plan health, findings by stage, diagnosis, key decision ' +
        'makers with their map, role coverage, forecast, SMART goals, strategy and SWOT, actions with the total budget, ' +
        'controls, feedback and the rescue network.',
    )
    .argument('<path>', 'a plan file (*.kam.yaml)')
    .addOption(new Option('-f, --format <format>', 'md or html (default: from -o, else md)').choices(REPORT_FORMATS));
  addOutputOption(command, 'the report');
  addConfigOptions(command, 'report language')
    .addHelpText('after', EXAMPLES)
    .action(function (this: Command, planPath: string, options: ReportCommandOptions) {
      process.exitCode = report(this, planPath, options);
    });
}

function report(command: Command, planPath: string, options: ReportCommandOptions): number {
  const cwd = process.cwd();
  const fail = (message: string): never => command.error(`error: ${message}`, { exitCode: 2 });
  const layers = commandLineLayers(command, options, cwd);

  const absolute = path.resolve(cwd, planPath);
  const contents = fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory()
    ? { kind: 'unreadable' as const, message: 'is a folder; name one plan file' }
    : readPlanFile(absolute);
  if (contents.kind === 'unreadable') return fail(`cannot read ${planPath}: ${contents.message}`);
  if (contents.kind === 'binary') return fail(`cannot read ${planPath}: ${notTextDetail(contents.byte)}`);
  if (contents.kind === 'tooLarge') return fail(`cannot read ${planPath}: ${megabytes(contents.bytes)} MB is more than the ${megabytes(MAX_PLAN_BYTES)} MB a plan may have`);

  const warn = (message: string) => process.stderr.write(`kam: warning: ${message}\n`);
  const config = fileConfigs(defaultConfig(environmentLocale()), layers, cwd, warn)(absolute);
  const today = options.today ?? localToday();
  const plan = parsePlan(contents.text);
  const format = options.format ?? (options.output && /\.html?$/i.test(options.output) ? 'html' : 'md');
  const output = renderReport(plan, checkPlan(plan, { config, today }), { format, locale: config.locale, today });
  writeOutput(command, options.output, output, cwd);
  return 0;
}
