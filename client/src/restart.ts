// Keeps the language server running. vscode-languageclient's default handler gives up after five
// crashes in three minutes and leaves the user with no checking at all; this one always restarts,
// tells the user once, and waits longer between restarts while the server keeps crashing so that a
// server dying on start does not spin.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';
import { RestartPolicy } from './restart-policy';

export class KeepRestarting implements ErrorHandler {
  private readonly policy = new RestartPolicy();

  /** A failing read or write: keep going for a few, then shut the connection (which restarts it). */
  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  async closed(): Promise<CloseHandlerResult> {
    const { tell, delayMs } = this.policy.crashed(Date.now());
    if (tell) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The KAM Plan language server stopped unexpectedly and is being restarted. Details are in the "KAM Plan" output.'),
      );
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { action: CloseAction.Restart, handled: true };
  }
}
