// What VS Code lends the webview: the channel to the extension (client/src/plan-editor.ts relays
// what is posted) and the state it hands back to a page it rebuilds after tearing it down.
// @ts-check

// @ts-ignore: provided by VS Code to the webview
const vscode = acquireVsCodeApi();
const saved = vscode.getState() || {};

/**
 * What a webview VS Code tears down (a reload, a hidden tab) gets back: where the page was scrolled
 * (the element at the top and how far below the header it sat, with the pixel offset as a fallback),
 * the rows shown, the groups opened, the field that had the focus.
 * @type {{ scroll: number, anchor?: { selector: string, top: number }, shown: Record<string, number>, open: Record<string, boolean>, focus?: string }}
 */
export const state = { scroll: saved.scroll || 0, anchor: saved.anchor, shown: saved.shown || {}, open: saved.open || {}, focus: saved.focus };

/** Posts to the extension (the page is ready, an intent, open the text or a rule's page). */
export const post = (/** @type {any} */ message) => vscode.postMessage(message);
/** Keeps `state` for the next page. */
export const keep = () => vscode.setState(state);
