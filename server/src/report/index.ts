// The plan report, shared by `kam report`, the language server and the webview: build the model once,
// render it as Markdown or as one self-contained HTML file.
import type { Plan } from '../engine/model';
import type { Finding } from '../engine/rule';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { buildReport, type ReportModel, type ReportOptions } from './model';

export const REPORT_RENDERERS = { md: renderMarkdown, html: renderHtml } satisfies Record<string, (report: ReportModel) => string>;
export type ReportFormat = keyof typeof REPORT_RENDERERS;
export const REPORT_FORMATS = Object.keys(REPORT_RENDERERS) as ReportFormat[];

export function renderReport(plan: Plan, findings: readonly Finding[], options: ReportOptions & { format: ReportFormat }): string {
  return REPORT_RENDERERS[options.format](buildReport(plan, findings, options));
}

export { buildReport, renderHtml, renderMarkdown, type ReportModel, type ReportOptions };
