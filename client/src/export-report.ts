// "KAM: Export Report…": the plan's report as Markdown, one self-contained HTML file or a PowerPoint deck, written by
// the server with the code `kam report` uses (kam/report), saved where the user says (next to the
// plan by default), then offered to open. Arguments skip the questions (the integration tests use
// them): (plan URI, 'md' | 'html' | 'pptx', target URI). Returns the file written.
import * as vscode from 'vscode';
import { KamMethods, type ReportFormat, type ReportResult } from '../../server/src/lsp/protocol';
import { besidePlan, type PlanSource } from './plan-source';

export async function exportReport(
  source: PlanSource,
  plan: vscode.Uri | undefined,
  format?: ReportFormat,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  if (!plan) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a key-account plan (*.kam.yaml) first.'));
    return undefined;
  }
  format ??= await pickFormat();
  if (!format) return undefined;
  // The server reports on the documents it has: opening the plan hands it over.
  await vscode.workspace.openTextDocument(plan);
  const report = await source.ask<ReportResult>(KamMethods.report, plan, { format });
  if (!report) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be written: the KAM Plan language server did not answer.'));
    return undefined;
  }
  target ??= await vscode.window.showSaveDialog({
    defaultUri: besidePlan(plan, `report.${format}`),
    filters: FILTERS[format],
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export the plan report'),
  });
  if (!target) return undefined;
  const bytes = format === 'pptx' ? Buffer.from(report.text, 'base64') : new TextEncoder().encode(report.text);
  await vscode.workspace.fs.writeFile(target, bytes);
  // Offered, not awaited: the command is done once the file is written.
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Report saved to {0}.', vscode.workspace.asRelativePath(target)), open).then((choice) => {
    if (choice === open) void openReport(target, format);
  });
  return target;
}

async function pickFormat(): Promise<ReportFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: ReportFormat })[] = [
    { label: 'Markdown', description: '.md', detail: vscode.l10n.t('Text with tables, for a wiki or a repository.'), format: 'md' },
    { label: 'HTML', description: '.html', detail: vscode.l10n.t('One self-contained page with the stakeholder map; prints cleanly to PDF.'), format: 'html' },
    { label: 'PowerPoint', description: '.pptx', detail: vscode.l10n.t('Slides for the review meeting: health, diagnosis, stakeholder map, goals, actions, SWOT, controls, findings.'), format: 'pptx' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export the plan report'), placeHolder: vscode.l10n.t('Choose the format') });
  return picked?.format;
}

const FILTERS: Record<ReportFormat, Record<string, string[]>> = { md: { Markdown: ['md'] }, html: { HTML: ['html', 'htm'] }, pptx: { PowerPoint: ['pptx'] } };

/** HTML in the browser (it is made to be read and printed there), a deck in its own application; Markdown in VS Code's preview. */
async function openReport(target: vscode.Uri, format: ReportFormat): Promise<void> {
  if (format === 'html' || format === 'pptx') {
    await vscode.env.openExternal(target);
    return;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', target);
  } catch {
    await vscode.window.showTextDocument(target);
  }
}
