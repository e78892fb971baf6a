// The "Get Started with KAM Plan" walkthrough (contributes.walkthroughs): opened once, on the
// extension's first activation in a profile — VS Code opens a walkthrough by itself only when the
// extension is installed from its UI during the session, not from a .vsix on the command line or
// in code-server — unless the user turned walkthroughs off (workbench.welcomePage.walkthroughs.openOnInstall).
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

/**
 * Opens the walkthrough if this profile has never shown it; resolves to true once it shows.
 * At start-up the extension may run before VS Code has read its walkthrough: the Welcome page then
 * opens on another one. Asking again while that page is in front points it at ours once VS Code
 * knows it; if the user has gone elsewhere in the meantime, they are left alone.
 */
export async function showWalkthroughOnce(context: vscode.ExtensionContext, timeoutMs = 20_000): Promise<boolean> {
  if (context.globalState.get<boolean>(SHOWN)) return false;
  await context.globalState.update(SHOWN, true);
  if (!vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)) return false;
  const name: string = context.extension.packageJSON.displayName; // the walkthrough's tab: "Walkthrough: KAM Plan"
  const deadline = Date.now() + timeoutMs;
  try {
    await showWalkthrough(context);
    const page = vscode.window.tabGroups.activeTabGroup.activeTab;
    if (!page || page.input !== undefined) return false; // no Welcome page came up
    while (!page.label.includes(name)) {
      if (Date.now() > deadline || !page.isActive || !vscode.window.tabGroups.all.some((g) => g.tabs.includes(page))) return false;
      await new Promise((resolve) => setTimeout(resolve, 250));
      await showWalkthrough(context);
    }
    return true;
  } catch {
    return false; // an editor without walkthroughs: the commands still work
  }
}
