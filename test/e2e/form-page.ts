// The plan editor's webview (dist/form.js, bundled from media/form/, and media/form.css) alone in Chromium, as the extension serves
// it: the page from formPage() with its CSP and nonce, its files served from disk by a page route
// (nothing reaches the network), and a stand-in for VS Code's acquireVsCodeApi that records what the
// script posts and the state it keeps (handed to the next page, as VS Code restores a webview).
// The models come from the bundled language server (formOf).
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { formPage } from '../../client/src/form-html';
import { KamMethods, type FormResult } from '../../server/src/lsp/protocol';
import { repoPath } from '../helpers';
import type { LspClient } from '../lsp/lsp-client';
import { recordPageEvents, type PageEvents } from './page-events';

export const PAGE_URL = 'https://kam-form.webview.test/index.html';
const CSP_SOURCE = "'self' https://*.vscode-cdn.net";
export const webviewUri = (file: string) => new URL(`https://file%2B.vscode-resource.vscode-cdn.net${pathToFileURL(file).pathname}`).href;
/** The stylesheet, and the script as esbuild bundles it (media/form/ with lit and @vscode-elements). */
export const MEDIA = { css: repoPath('media', 'form.css'), script: repoPath('dist', 'form.js') };
const NONCE = 'kamFormNonce0123456789==';
export const API_SCRIPT = 'kam-test-vscode-api.js';

export interface Seen extends PageEvents {
  posted: Record<string, unknown>[];
  violations: string[];
  /** The last state the script kept (vscode.setState). */
  state: unknown;
}

export interface FormPageOptions {
  /** Changes the script before it is served (a test that the checks can fail). */
  script?: (source: string) => string;
  /** The state VS Code hands back (vscode.getState) to a webview it restores. */
  state?: unknown;
  /** What the page shows until the first model. */
  loading?: string;
}

export async function openForm(context: BrowserContext, { script = (s) => s, state = null, loading = '…' }: FormPageOptions = {}): Promise<{ page: Page; seen: Seen }> {
  const page = await context.newPage();
  const seen: Seen = { requests: [], scripts: [], dialogs: [], consoleErrors: [], pageErrors: [], posted: [], violations: [], state };
  await recordPageEvents(context, page, seen, 'skip');
  await page.exposeBinding('kamHost', (_source, kind: string, value: unknown) => {
    if (kind === 'postMessage') seen.posted.push(value as Record<string, unknown>);
    else if (kind === 'setState') seen.state = value;
    else if (kind === 'violation') seen.violations.push(String(value));
  });
  await page.addInitScript({
    content: `(() => {
  let state = ${JSON.stringify(state)};
  window.acquireVsCodeApi = () => Object.freeze({
    postMessage: (message) => window.kamHost('postMessage', message),
    getState: () => state,
    setState: (value) => { state = value; window.kamHost('setState', value); },
  });
  document.addEventListener('securitypolicyviolation', (e) => window.kamHost('violation', e.violatedDirective + ' ' + (e.blockedURI || '(inline)')));
})();
//# sourceURL=${API_SCRIPT}`,
  });
  const html = formPage({ cspSource: CSP_SOURCE, css: webviewUri(MEDIA.css), script: webviewUri(MEDIA.script), loading, nonce: NONCE });
  const served = new Map([
    [PAGE_URL, { contentType: 'text/html; charset=utf-8', body: html }],
    [webviewUri(MEDIA.css), { contentType: 'text/css; charset=utf-8', body: fs.readFileSync(MEDIA.css, 'utf8') }],
    [webviewUri(MEDIA.script), { contentType: 'text/javascript; charset=utf-8', body: script(fs.readFileSync(MEDIA.script, 'utf8')) }],
  ]);
  await page.route('**/*', (route) => {
    const file = served.get(route.request().url());
    return file ? route.fulfill({ status: 200, ...file }) : route.abort('blockedbyclient');
  });
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  return { page, seen };
}

/** Posts a message to form.js as the extension does (webview.postMessage). */
export async function post(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => (globalThis as unknown as { postMessage(m: unknown, origin: string): void }).postMessage(m, '*'), message);
}

/** Posts a model and waits until the page shows it. */
export async function show(page: Page, result: FormResult): Promise<void> {
  await post(page, { type: 'model', result });
  await page.locator(`#form[data-version="${result.version}"]`).waitFor();
}

/** The form of a plan, from the language server, as the extension asks for it. */
export async function formOf(client: LspClient, file: string, text: string): Promise<FormResult> {
  const uri = client.open(pathToFileURL(file).href, text);
  await client.waitForDiagnostics(uri);
  return client.connection.sendRequest<FormResult>(KamMethods.form, { uri });
}

/** The `set` intents the page posted, oldest first. */
export function sets(seen: Seen): { path: unknown[]; value: unknown; version: number }[] {
  return seen.posted
    .filter((m) => m.type === 'intent' && (m.intent as { op: string }).op === 'set')
    .map((m) => {
      const { path, value } = m.intent as { path: unknown[]; value: unknown };
      return { path, value, version: m.version as number };
    });
}
