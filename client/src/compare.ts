// "KAM: Compare with Earlier Version…": the plan's git history (git-history.ts: the Git extension's
// API, else the git command line), the chosen revision's text compared by the server with the
// editor's current text (kam/diff), shown in a webview; a click on a change reveals it in the plan.
// Arguments skip the question: (plan URI, revision).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { KamMethods, type DiffResult } from '../../server/src/lsp/protocol';
import { comparePage } from './compare-html';
import { planHistory } from './git-history';
import { revealInPlan, type PlanSource } from './plan-source';

export const COMPARE_VIEW = 'kam.compare';

export async function compareWithEarlier(source: PlanSource, plan: vscode.Uri | undefined, revision?: string): Promise<DiffResult | undefined> {
  if (!plan || plan.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a key-account plan (*.kam.yaml) saved in a git repository first.'));
    return undefined;
  }
  const name = path.basename(plan.fsPath);
  const history = await planHistory(plan);
  if (!history) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in a git repository.', name));
    return undefined;
  }
  if (revision === undefined) {
    const commits = (await history.commits(100).catch(() => [])).map((c) => ({
      label: `${c.hash.slice(0, 7)} ${c.subject}`,
      description: [c.date, c.author].filter(Boolean).join(' · '),
      hash: c.hash,
    }));
    if (commits.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no committed version yet.', name));
      return undefined;
    }
    revision = (await vscode.window.showQuickPick(commits, { title: vscode.l10n.t('Compare with an earlier version'), placeHolder: vscode.l10n.t('Choose a commit') }))?.hash;
    if (!revision) return undefined;
  }
  let before: string;
  try {
    before = await history.show(revision);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in revision {1}.', name, revision));
    return undefined;
  }
  await vscode.workspace.openTextDocument(plan); // the server compares with the text it has
  const label = /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 7) : revision;
  const diff = await source.ask<DiffResult>(KamMethods.diff, plan, { before, label });
  if (!diff) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The versions could not be compared: the KAM Plan language server did not answer.'));
    return undefined;
  }
  const panel = vscode.window.createWebviewPanel(COMPARE_VIEW, diff.words.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
  panel.webview.html = comparePage(diff, vscode.env.language);
  panel.webview.onDidReceiveMessage((message: { type?: string; index?: unknown }) => {
    const change = message.type === 'reveal' && typeof message.index === 'number' ? diff.changes[message.index] : undefined;
    if (change) void revealInPlan(plan, source.range(change.range));
  });
  return diff;
}
