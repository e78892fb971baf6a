// Where a plan the extension writes goes (a new plan, a copied sample): the workspace folder, asked
// when there are several or none, under a name that takes no existing file's place.
import * as vscode from 'vscode';

/** The workspace folder (asked when there are several); with none open, a folder the user chooses. */
export async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the new plan go?') }))?.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, openLabel: vscode.l10n.t('Create the plan here') });
  return chosen?.[0];
}

/** `name.kam.yaml`, or `name-2.kam.yaml`, … : the first that does not exist yet. */
export async function freeUri(folder: vscode.Uri, file: string): Promise<vscode.Uri> {
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
