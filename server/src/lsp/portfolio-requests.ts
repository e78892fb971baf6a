// The requests behind the KAM Portfolio view and the compare command: the workspace's rows, served
// from what the workspace check already holds (closed plans) and from the editor's text (open plans),
// never from a scan of their own; the portfolio written as md / html / csv; and an earlier text of a
// plan compared with its current version by meaning.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { checkPlan } from '../rules/check';
import { parsePlan } from '../engine/parse';
import { interpolate } from '../engine/types';
import { localToday } from '../engine/values';
import { changeLine, reviewDiff } from '../report/diff';
import { DIFF_WORDS } from '../report/diff/words';
import { compareRows, portfolioRow, PORTFOLIO_RENDERERS } from '../report/portfolio';
import { rangeOf } from '../services/document';
import type { PlanDocuments } from './documents';
import type { FeatureEnvironment } from './features';
import {
  KamMethods,
  type DiffParams,
  type DiffResult,
  type PortfolioEntry,
  type PortfolioExportFormat,
  type PortfolioExportParams,
  type PortfolioExportResult,
  type PortfolioResult,
} from './protocol';
import { filePathOf } from './settings';
import { checkedPlan } from './view-requests';
import type { WorkspacePlans } from './workspace';

const EXPORT_FORMATS: readonly PortfolioExportFormat[] = ['md', 'html', 'csv'];

export function registerPortfolioRequests(
  connection: Connection,
  documents: PlanDocuments,
  env: () => FeatureEnvironment & { workspacePlans: WorkspacePlans },
): void {
  async function portfolio(): Promise<PortfolioResult> {
    const { settings, today, workspacePlans } = env();
    const rows = new Map<string, PortfolioEntry>();
    for (const { uri, row } of workspacePlans.portfolioRows()) rows.set(uri, { ...row, uri, open: false });
    // An open plan's row follows its editor text; one outside the workspace folders is not in the portfolio.
    for (const document of documents.all()) {
      const file = filePathOf(document.uri);
      const folder = file && settings.folderOf(file);
      if (!file || !folder) continue;
      const c = await checkedPlan(connection, documents, env, document.uri);
      if (!c) continue;
      const relative = path.relative(folder, file).split(path.sep).join('/');
      rows.set(document.uri, { ...portfolioRow(c.parsed.plan, c.findings, { file: relative, today: c.today, config: c.config }), uri: document.uri, open: true });
    }
    // The portfolio speaks as a plan at the top of the first folder would (its settings, its .kamrc.yaml).
    const first = settings.workspaceFolders[0];
    const locale = first ? (await settings.configFor(pathToFileURL(path.join(first, 'portfolio.kam.yaml')).href)).locale : 'en';
    return {
      locale,
      today: today ?? localToday(),
      rows: [...rows.values()].sort(compareRows),
      pending: workspacePlans.pending,
    };
  }

  connection.onRequest(KamMethods.portfolio, portfolio);

  connection.onRequest(KamMethods.portfolioExport, async ({ format, linkBase = '' }: PortfolioExportParams): Promise<PortfolioExportResult> => {
    if (!EXPORT_FORMATS.includes(format)) throw new ResponseError(ErrorCodes.InvalidParams, `format must be one of ${EXPORT_FORMATS.join(', ')}`);
    const { locale, today, rows } = await portfolio();
    return { format, text: PORTFOLIO_RENDERERS[format]({ locale, today, rows, problems: [] }, linkBase) };
  });

  connection.onRequest(KamMethods.diff, async ({ uri, before, label }: DiffParams): Promise<DiffResult | null> => {
    const c = await checkedPlan(connection, documents, env, uri);
    if (!c) return null;
    const earlier = parsePlan(before);
    const diff = reviewDiff(
      { label, plan: earlier, findings: checkPlan(earlier, { config: c.config, today: c.today }) },
      { label: path.basename(filePathOf(uri) ?? uri), plan: c.parsed.plan, findings: c.findings },
    );
    const { document } = c.parsed;
    const words = Object.fromEntries(
      (['title', 'health', 'changes', 'fixed', 'new', 'noChange', 'none'] as const).map((w) => [
        w,
        interpolate(DIFF_WORDS[w][c.locale], {
          before: w === 'title' ? diff.before.label : diff.before.health,
          after: w === 'title' ? diff.after.label : diff.after.health,
          count: w === 'changes' ? diff.changes.length : w === 'fixed' ? diff.findings.fixed.length : diff.findings.new.length,
        }),
      ]),
    );
    return {
      uri: document.uri,
      version: document.version,
      locale: c.locale,
      before: diff.before,
      after: diff.after,
      changes: diff.changes.map((change) => ({
        kind: change.kind,
        path: change.path,
        before: change.before,
        after: change.after,
        text: changeLine(change, c.locale),
        range: rangeOf(document, change.at),
      })),
      findings: diff.findings,
      words,
    };
  });
}
