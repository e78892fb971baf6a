// Keeps the language server running. vscode-languageclient's default handler gives up after five
// crashes in three minutes and leaves the user with no checking at all; this one always restarts,
// tells the user once, and waits longer between restarts while the server keeps crashing so that a
// server dying on start does not spin.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** Crashes counted for the back-off. */
const WINDOW_MS = 3 * 60 * 1000;
/** Crashes within the window restarted at once; later ones wait 1 s, 2 s, 4 s … up to MAX_DELAY_MS. */
const FREE_RESTARTS = 4;
const MAX_DELAY_MS = 30_000;

export class KeepRestarting implements ErrorHandler {
  private crashes: number[] = [];
  private told = false;

  /** A failing read or write: keep going for a few, then shut the connection (which restarts it). */
  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  async closed(): Promise<CloseHandlerResult> {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < WINDOW_MS), now];
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The KAM Plan language server stopped unexpectedly and is being restarted. Details are in the "KAM Plan" output.'),
      );
    }
    const extra = this.crashes.length - FREE_RESTARTS;
    if (extra > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_DELAY_MS, 1000 * 2 ** (extra - 1))));
    return { action: CloseAction.Restart, handled: true };
  }
}
