// "KAM: New Plan": asks for the account's name and creates `<name>.kam.yaml` in the workspace folder
// from the whole-plan snippet (Chinese comments when VS Code speaks Chinese), then opens it.
// Arguments skip the questions (the integration tests use them): (account name, folder URI).
// Returns the file created.
import * as vscode from 'vscode';
import { normalizeLocale } from '../../server/src/engine/types';
import { planFileName, planFromSnippet, PLAN_SNIPPETS } from './plan-template';

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

/** The workspace folder (asked when there are several); with none open, a folder the user chooses. */
async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the new plan go?') }))?.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, openLabel: vscode.l10n.t('Create the plan here') });
  return chosen?.[0];
}

/** `name.kam.yaml`, or `name-2.kam.yaml`, … : the first that does not exist yet. */
async function freeUri(folder: vscode.Uri, file: string): Promise<vscode.Uri> {
  const base = file.replace(/\.kam\.yaml$/, '');
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, n === 1 ? file : `${base}-${n}.kam.yaml`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

function localDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
