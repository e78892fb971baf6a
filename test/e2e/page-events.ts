// What a page in Chromium does, recorded for the safe-view tests (the HTML report, the map webview):
// what it fetches, logs, throws, pops up and runs.
import type { BrowserContext, Page } from 'playwright-core';

export interface PageEvents {
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Scripts compiled in the page's own world (files, inline scripts, event handlers, javascript: URLs). */
  scripts: string[];
}

/**
 * Starts recording into `seen`; resolves to what stops recording scripts. Dialogs are dismissed. `unnamed` says how a script without a URL is
 * recorded: the report has none of its own, so any counts; the map page is driven by Playwright,
 * whose evaluations carry no URL either (there the CSP listener and the DOM audit cover inline code).
 */
export async function recordPageEvents(context: BrowserContext, page: Page, seen: PageEvents, unnamed: 'count' | 'skip'): Promise<() => Promise<void>> {
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && seen.consoleErrors.push(message.text()));
  page.on('pageerror', (err) => seen.pageErrors.push(err.message));
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Chromium's debugger reports every script it compiles; only the page's main world counts.
  const cdp = await context.newCDPSession(page);
  cdp.on('Debugger.scriptParsed', (script) => {
    const aux = script.executionContextAuxData as { isDefault?: boolean } | undefined;
    if (!aux?.isDefault) return;
    if (script.url) seen.scripts.push(script.url);
    else if (unnamed === 'count') seen.scripts.push(`(inline, ${script.length} chars)`);
  });
  await cdp.send('Debugger.enable');
  return async () => void (await cdp.send('Debugger.disable'));
}
