// What the client does when the language server dies, as plain logic (no `vscode`, so a test can run
// it): always restart, tell the user on the first crash only, and wait longer between restarts while
// the server keeps crashing so that a server dying on start does not spin.

/** Crashes counted for the back-off. */
export const WINDOW_MS = 3 * 60 * 1000;
/** Crashes within the window restarted at once; later ones wait 1 s, 2 s, 4 s … up to MAX_DELAY_MS. */
export const FREE_RESTARTS = 4;
export const MAX_DELAY_MS = 30_000;

export class RestartPolicy {
  private crashes: number[] = [];
  private told = false;

  /** A crash at `now` (ms): whether to tell the user, and how long to wait before the restart. */
  crashed(now: number): { tell: boolean; delayMs: number } {
    this.crashes = [...this.crashes.filter((t) => now - t < WINDOW_MS), now];
    const tell = !this.told;
    this.told = true;
    const extra = this.crashes.length - FREE_RESTARTS;
    return { tell, delayMs: extra > 0 ? Math.min(MAX_DELAY_MS, 1000 * 2 ** (extra - 1)) : 0 };
  }
}
