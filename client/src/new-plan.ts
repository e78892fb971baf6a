// "KAM: New Plan": asks for the account's name and creates `<name>.kam.yaml` in the workspace folder
// from the whole-plan snippet (Chinese comments when VS Code speaks Chinese), then opens it.
// Arguments skip the questions (the integration tests use them): (account name, folder URI).
// Returns the file created.
import * as vscode from 'vscode';
import { normalizeLocale } from '../../server/src/engine/types';
import { planFileName, planFromSnippet, PLAN_SNIPPETS } from './plan-template';
import { freeUri, pickFolder } from './plan-folder';

export async function newPlan(extensionUri: vscode.Uri, account?: string, folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  account ??= await vscode.window.showInputBox({
    title: vscode.l10n.t('New key-account plan'),
    prompt: vscode.l10n.t("The account's name"),
    placeHolder: vscode.l10n.t('e.g. Riverside General Hospital'),
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter the name of the account.')),
  });
  if (!account?.trim()) return undefined;
  folder ??= await pickFolder();
  if (!folder) return undefined;

  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'kam-yaml.json'))));
  const body: string[] = snippets[PLAN_SNIPPETS[normalizeLocale(vscode.env.language)]].body;
  const target = await freeUri(folder, planFileName(account));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(planFromSnippet(body, account, localDate())));
  await vscode.window.showTextDocument(target);
  return target;
}

function localDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
