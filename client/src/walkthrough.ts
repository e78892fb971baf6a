// The "Get Started with KAM Plan" walkthrough (contributes.walkthroughs): opened once, on the
// extension's first activation in a profile — desktop VS Code opens a walkthrough by itself only
// when the extension is installed from its UI, not from a .vsix on the command line or in
// code-server — unless the user turned walkthroughs off (workbench.welcomePage.walkthroughs.openOnInstall).
import * as vscode from 'vscode';

export const WALKTHROUGH_ID = 'kam.gettingStarted';
const SHOWN = 'kam.walkthroughShown';

/** The steps that need a command another part of the extension may not contribute yet show only when it does. */
export function setWalkthroughContext(context: vscode.ExtensionContext): void {
  const commands: { command: string }[] = context.extension.packageJSON.contributes?.commands ?? [];
  const planEditor = commands.some((c) => c.command === 'kam.openPlanEditor');
  void vscode.commands.executeCommand('setContext', 'kam.planEditorAvailable', planEditor);
}

/** Opens the walkthrough; beside the plan when the extension started because a plan was opened. */
export function showWalkthrough(context: vscode.ExtensionContext): Thenable<unknown> {
  const beside = vscode.window.activeTextEditor !== undefined;
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, beside);
}

/** Opens the walkthrough if this profile has never shown it; true when it did. */
export async function showWalkthroughOnce(context: vscode.ExtensionContext): Promise<boolean> {
  if (context.globalState.get<boolean>(SHOWN)) return false;
  await context.globalState.update(SHOWN, true);
  if (!vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)) return false;
  try {
    await showWalkthrough(context);
    return true;
  } catch {
    return false; // an editor without walkthroughs: the commands still work
  }
}
