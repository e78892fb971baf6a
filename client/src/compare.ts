// "KAM: Compare with Earlier Version…": the plan's git history (`git log`), the chosen revision's text
// (`git show`) compared by the server with the editor's current text (kam/diff), shown in a webview;
// a click on a change reveals it in the plan. Arguments skip the question: (plan URI, revision).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { KamMethods, type DiffResult } from '../../server/src/lsp/protocol';
import { comparePage } from './compare-html';
import { revealInPlan, type PlanSource } from './plan-source';

export const COMPARE_VIEW = 'kam.compare';

export async function compareWithEarlier(source: PlanSource, plan: vscode.Uri | undefined, revision?: string): Promise<DiffResult | undefined> {
  if (!plan || plan.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a key-account plan (*.kam.yaml) saved in a git repository first.'));
    return undefined;
  }
  const file = plan.fsPath;
  const dir = path.dirname(file);
  let root: string;
  try {
    root = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in a git repository.', path.basename(file)));
    return undefined;
  }
  if (revision === undefined) {
    const log = await git(dir, ['log', '-n', '100', '--date=short', '--format=%H%x1f%h%x1f%ad%x1f%an%x1f%s', '--', path.basename(file)]).catch(() => '');
    const commits = log
      .split('\n')
      .filter((l) => l.includes('\x1f'))
      .map((l) => {
        const [hash, short, date, author, subject] = l.split('\x1f');
        return { label: `${short} ${subject}`, description: `${date} · ${author}`, hash };
      });
    if (commits.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no committed version yet.', path.basename(file)));
      return undefined;
    }
    revision = (await vscode.window.showQuickPick(commits, { title: vscode.l10n.t('Compare with an earlier version'), placeHolder: vscode.l10n.t('Choose a commit') }))?.hash;
    if (!revision) return undefined;
  }
  const relative = path.relative(await realpath(root), await realpath(file)).split(path.sep).join('/');
  let before: string;
  try {
    before = await git(root, ['show', `${revision}:${relative}`]);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not in revision {1}.', relative, revision));
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

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('git', args, { cwd, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
}

async function realpath(file: string): Promise<string> {
  return fs.realpath(file).catch(() => file);
}
