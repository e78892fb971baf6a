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
import { renderPptx } from '../report/pptx';
import { environmentLocale, fileConfigs } from './config';
import { addConfigOptions, addOutputOption, commandLineLayers, writeOutput, type ConfigOptions } from './options';

/** The text formats, and the PowerPoint deck (a file, so it needs -o). */
const FORMATS = [...REPORT_FORMATS, 'pptx'] as const;
type Format = ReportFormat | 'pptx';

interface ReportCommandOptions extends ConfigOptions {
  format?: Format;
  output?: string;
}

const EXAMPLES = `
Without --format, an output file ending in .html or .htm gets HTML, .pptx a PowerPoint deck
(title and health, diagnosis, stakeholder map, goals, actions, SWOT, controls, findings),
anything else Markdown. A deck is written to a file only: name it with -o.

Exit status: 0 the report was written (whatever the plan's findings), 2 bad usage,
or a plan or output file that cannot be read or written.

Examples:
  $ kam report acme.kam.yaml > acme.md
  $ kam report -o acme.html acme.kam.yaml                    one file, no script, prints to PDF
  $ kam report -o acme.pptx acme.kam.yaml                    slides for the review meeting
  $ kam report --locale zh-cn --today 2026-11-26 -o 报告.html plans/华东.kam.yaml`;

export function registerReport(program: Command): void {
  const command = program
    .command('report')
    .summary('write the report of a plan (Markdown, HTML or PowerPoint)')
    .description(
      'Write the report of one key-account plan: account, plan health, findings by stage, diagnosis, key decision ' +
        'makers with their map, role coverage, forecast, SMART goals, strategy and SWOT, actions with the total budget, ' +
        'controls, feedback and the rescue network.',
    )
    .argument('<path>', 'a plan file (*.kam.yaml)')
    .addOption(new Option('-f, --format <format>', 'md, html or pptx (default: from -o, else md)').choices(FORMATS));
  addOutputOption(command, 'the report');
  addConfigOptions(command, 'report language')
    .addHelpText('after', EXAMPLES)
    .action(async function (this: Command, planPath: string, options: ReportCommandOptions) {
      process.exitCode = await report(this, planPath, options);
    });
}

async function report(command: Command, planPath: string, options: ReportCommandOptions): Promise<number> {
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
  const format = options.format ?? formatOf(options.output);
  if (format === 'pptx' && options.output === undefined) return fail('a PowerPoint deck is written to a file: add -o FILE.pptx');
  const findings = checkPlan(plan, { config, today });
  const reportOptions = { locale: config.locale, today, staleAfterDays: config.staleAfterDays };
  if (format !== 'pptx') {
    writeOutput(command, options.output, renderReport(plan, findings, { ...reportOptions, format }), cwd);
    return 0;
  }
  const deck = await renderPptx(plan, findings, reportOptions);
  try {
    fs.writeFileSync(path.resolve(cwd, options.output!), deck);
  } catch (e) {
    return fail(`cannot write ${options.output}: ${describe(e)}`);
  }
  return 0;
}

function formatOf(output: string | undefined): Format {
  if (output && /\.html?$/i.test(output)) return 'html';
  return output && /\.pptx$/i.test(output) ? 'pptx' : 'md';
}
