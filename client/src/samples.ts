// "KAM: Try a Sample Plan": copies one of the sample plans shipped in examples/ into the workspace
// (the copy is the user's to change; the extension's own files stay as installed) and opens it.
// Arguments skip the questions (the integration tests use them): (sample file name, folder URI).
// Returns the copy.
import * as vscode from 'vscode';
import { freeUri, pickFolder } from './plan-folder';

interface Sample extends vscode.QuickPickItem {
  file: string;
}

export async function openSample(extensionUri: vscode.Uri, file?: string, folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const examples = vscode.Uri.joinPath(extensionUri, 'examples');
  file ??= (await pickSample(examples))?.file;
  if (!file) return undefined;
  folder ??= await pickFolder();
  if (!folder) return undefined;
  const target = await freeUri(folder, file);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(examples, file), target);
  await vscode.window.showTextDocument(target);
  return target;
}

async function pickSample(examples: vscode.Uri): Promise<Sample | undefined> {
  const files = (await vscode.workspace.fs.readDirectory(examples)).map(([name]) => name).filter((name) => name.endsWith('.kam.yaml'));
  const samples = await Promise.all(
    files.sort().map(async (file): Promise<Sample> => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(examples, file)));
      return { label: accountName(text) ?? file, description: file, file };
    }),
  );
  return vscode.window.showQuickPick(samples, { title: vscode.l10n.t('Try a sample plan'), placeHolder: vscode.l10n.t('A copy goes into your folder') });
}

/** The `account.name` line of a sample (they are ours, written in block style). */
function accountName(text: string): string | undefined {
  return /^account:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:[ \t]*(.+?)[ \t]*$/m.exec(text)?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
}
