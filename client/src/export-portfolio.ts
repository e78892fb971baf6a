// "KAM: Export Portfolio…": the workspace's portfolio as Markdown, one HTML page (sortable, each
// account linked to its plan) or CSV for spreadsheets, written by the server from the same rows as
// the view (kam/portfolioExport). Arguments skip the questions: ('md' | 'html' | 'csv', target URI).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { KamMethods, type PortfolioExportFormat, type PortfolioExportResult } from '../../server/src/lsp/protocol';
import type { PlanSource } from './plan-source';

const FORMATS: Record<PortfolioExportFormat, { label: string; filters: Record<string, string[]> }> = {
  md: { label: 'Markdown', filters: { Markdown: ['md'] } },
  html: { label: 'HTML', filters: { HTML: ['html', 'htm'] } },
  csv: { label: 'CSV', filters: { CSV: ['csv'] } },
};

export async function exportPortfolio(source: PlanSource, format?: PortfolioExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder with key-account plans first.'));
    return undefined;
  }
  format ??= (
    await vscode.window.showQuickPick(
      (Object.keys(FORMATS) as PortfolioExportFormat[]).map((f) => ({ label: FORMATS[f].label, description: `.${f}`, format: f })),
      { title: vscode.l10n.t('Export the portfolio'), placeHolder: vscode.l10n.t('Choose the format') },
    )
  )?.format;
  if (!format) return undefined;
  target ??= await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(folder, `portfolio.${format}`),
    filters: FORMATS[format].filters,
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export the portfolio'),
  });
  if (!target) return undefined;
  // The page links each account to its plan, relative to where the page is saved.
  const up = path.posix.relative(path.posix.dirname(target.path), folder.path);
  const linkBase = up === '' ? '' : `${up}/`;
  let result: PortfolioExportResult;
  try {
    result = await source.client.sendRequest<PortfolioExportResult>(KamMethods.portfolioExport, { format, linkBase });
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The portfolio could not be written: {0}', (e as Error).message));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  void vscode.window.showInformationMessage(vscode.l10n.t('Portfolio saved to {0}.', vscode.workspace.asRelativePath(target)));
  return target;
}
