// The stakeholder map's webview script (media/map.js, with media/map.css) in Chromium, fed the map of
// a plan whose text is markup and script (test/fixtures/hostile.kam.yaml), as the extension feeds it:
// the page from mapPage() with its CSP and nonce, its resources at webview URIs served from disk by
// a page route (nothing reaches the network), a stand-in for VS Code's acquireVsCodeApi, and the
// model from the bundled language server posted after map.js says `ready`. Whatever the user does
// (hover, click, right-click, keys, toolbar, grid, PNG, a restored view), nothing runs but map.js,
// nothing is fetched, no element comes from the plan, and every name shows as written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { mapPage } from '../../client/src/map-html';
import { KamMethods, type StakeholderMapResult } from '../../server/src/lsp/protocol';
import { readRepoFile, repoPath } from '../helpers';
import { loadCodeServerScripts } from '../integration/code-server';
import { LspClient } from '../lsp/lsp-client';
import { recordPageEvents, type PageEvents } from './page-events';
import { SCREENSHOTS } from './workbench';

const PLAN = repoPath('test', 'fixtures', 'hostile.kam.yaml');
const PLAN_TEXT = readRepoFile('test', 'fixtures', 'hostile.kam.yaml');
/** Where the page itself is served from (a reserved name: nothing there could answer). */
const PAGE_URL = 'https://kam-map.webview.test/index.html';
/** `webview.cspSource` and `webview.asWebviewUri` as VS Code 1.99 makes them. */
const CSP_SOURCE = "'self' https://*.vscode-cdn.net";
const asWebviewUri = (file: string) => `https://file%2B.vscode-resource.vscode-cdn.net${pathToFileURL(file).pathname}`;
const MEDIA = { css: repoPath('media', 'map.css'), script: repoPath('media', 'map.js') };
/** What Chromium requests for a webview URI (it writes the host's `%2B` as `+`). */
const requested = (file: string) => new URL(asWebviewUri(file)).href;
/** The name the stand-in for VS Code's API runs under, so the script log can tell it apart. */
const API_SCRIPT = 'kam-test-vscode-api.js';

/** The words map.js shows (vscode.l10n.t in stakeholder-map.ts), each carrying markup of the hostile plan. */
const WORD_KEYS = ['fit', 'zoomIn', 'zoomOut', 'map', 'grid', 'saveSvg', 'savePng', 'reveal', 'stance', 'influence', 'roles', 'coverage', 'unassigned', 'loading', 'hint'];
const WORD_MARKUP = ['<img src=x onerror=alert(1)>', '</style><script>alert(1)</script>', '<a href=javascript:alert(1)>a</a>', '<svg onload=alert(1)>'];
const WORDS: Record<string, string> = {
  uri: pathToFileURL(PLAN).href,
  ...Object.fromEntries(WORD_KEYS.map((k, i) => [k, `${k} ${WORD_MARKUP[i % WORD_MARKUP.length]}`])),
};

/** The colour theme VS Code gives every webview (Light+), so the screenshots look as in the editor. */
const THEME = `:root {
  --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px; --vscode-foreground: #616161;
  --vscode-editor-foreground: #000000; --vscode-editor-background: #ffffff; --vscode-descriptionForeground: #717171;
  --vscode-disabledForeground: rgba(97, 97, 97, 0.5); --vscode-editorLineNumber-foreground: #237893;
  --vscode-panel-border: rgba(128, 128, 128, 0.35); --vscode-editorWidget-border: #c8c8c8; --vscode-sideBar-background: #f3f3f3;
  --vscode-charts-foreground: #616161; --vscode-charts-green: #388a34; --vscode-charts-red: #e51400;
  --vscode-charts-yellow: #bf8803; --vscode-charts-purple: #652d90; --vscode-terminal-ansiGreen: #00bc00;
  --vscode-badge-background: #c4c4c4; --vscode-badge-foreground: #333333; --vscode-button-background: #007acc;
  --vscode-button-foreground: #ffffff; --vscode-button-secondaryBackground: #5f6a79; --vscode-button-secondaryForeground: #ffffff;
  --vscode-button-secondaryHoverBackground: #4c5561; --vscode-editorHoverWidget-background: #f3f3f3;
  --vscode-editorHoverWidget-border: #c8c8c8; --vscode-editorHoverWidget-foreground: #616161;
  --vscode-editorWarning-foreground: #bf8803; --vscode-focusBorder: #0090f1; --vscode-list-activeSelectionBackground: #0060c0;
  --vscode-list-activeSelectionForeground: #ffffff; --vscode-menu-background: #ffffff; --vscode-menu-foreground: #616161;
  --vscode-menu-selectionBackground: #0060c0; --vscode-menu-selectionForeground: #ffffff;
  --vscode-menu-separatorBackground: #d4d4d4; --vscode-widget-shadow: rgba(0, 0, 0, 0.16);
}`;

/** Elements the hostile plan writes as text, and others that load or run something: none may appear. */
const FOREIGN_ELEMENTS = ['img', 'iframe', 'frame', 'object', 'embed', 'a', 'b', 'table', 'tr', 'td', 'style', 'base', 'form', 'foreignobject', 'math', 'audio', 'video', 'image', 'use'];

/** Runs in the page: every element or attribute that should not be there, and the scripts and links it has. */
const AUDIT = `(() => {
  const foreign = new Set(${JSON.stringify(FOREIGN_ELEMENTS)});
  const urlAttributes = /^(href|xlink:href|src|srcset|action|formaction|data|poster|background)$/i;
  const problems = [];
  for (const e of document.querySelectorAll('*')) {
    const tag = e.localName.toLowerCase();
    if (foreign.has(tag)) problems.push('a <' + tag + '> element');
    for (const a of e.attributes) {
      if (/^on/i.test(a.name)) problems.push('<' + tag + '> has the event handler ' + a.name + '="' + a.value + '"');
      if (urlAttributes.test(a.name) && /^[\\s\\0-\\x1f]*javascript:/i.test(a.value)) problems.push('<' + tag + '> has a javascript: ' + a.name);
    }
  }
  const scripts = [...document.scripts].map((s) => ({ type: s.type, src: s.src, nonce: s.nonce, code: s.textContent.trim().length > 0 }));
  const svgs = document.querySelectorAll('svg').length;
  const links = [...document.querySelectorAll('link')].map((l) => l.href);
  return { problems, scripts, svgs, links };
})()`;

/** What the page did: what it fetched, ran, popped up, logged and sent to the extension. */
interface Observed extends PageEvents {
  violations: string[];
  /** What map.js posted (vscode.postMessage) and kept (vscode.setState). */
  posted: Record<string, unknown>[];
  states: Record<string, unknown>[];
}

interface OpenOptions {
  /** The state VS Code hands back (a restored panel). */
  state?: unknown;
  /** Changes the served map.js (the check that the observers notice a broken script). */
  script?: (source: string) => string;
}

/** One map webview: the page, what it does, and the extension's side of the conversation. */
class MapWebview {
  readonly seen: Observed = { requests: [], scripts: [], dialogs: [], violations: [], consoleErrors: [], pageErrors: [], posted: [], states: [] };
  readonly nonce = 'kamTestNonce0123456789==';

  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, options: OpenOptions = {}): Promise<MapWebview> {
    const view = new MapWebview(await context.newPage());
    const { page, seen } = view;
    await recordPageEvents(context, page, seen, 'skip');
    await page.exposeBinding('kamHost', (_source, kind: string, value: unknown) => {
      if (kind === 'postMessage') seen.posted.push(value as Record<string, unknown>);
      else if (kind === 'setState') seen.states.push(value as Record<string, unknown>);
      else seen.violations.push(String(value));
    });
    // What VS Code puts in every webview before its content: acquireVsCodeApi (once per page) and
    // the theme's variables (set by script, which the page's CSP does not govern).
    await page.addInitScript({
      content: `(() => {
  const theme = new CSSStyleSheet();
  theme.replaceSync(${JSON.stringify(THEME)});
  document.adoptedStyleSheets = [theme];
  let acquired = false;
  let state = ${JSON.stringify(options.state ?? null)};
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: (message) => window.kamHost('postMessage', message),
      getState: () => state,
      setState: (value) => (window.kamHost('setState', value), (state = value)),
    });
  };
  document.addEventListener('securitypolicyviolation', (e) => window.kamHost('violation', e.violatedDirective + ' ' + (e.blockedURI || '(inline)') + ' ' + e.sample));
})();
//# sourceURL=${API_SCRIPT}`,
    });
    const html = mapPage({ cspSource: CSP_SOURCE, css: asWebviewUri(MEDIA.css), script: asWebviewUri(MEDIA.script), language: 'en', words: WORDS, nonce: view.nonce });
    const script = options.script ?? ((source: string) => source);
    const served = new Map([
      [PAGE_URL, { contentType: 'text/html; charset=utf-8', body: html }],
      [requested(MEDIA.css), { contentType: 'text/css; charset=utf-8', body: fs.readFileSync(MEDIA.css, 'utf8') }],
      [requested(MEDIA.script), { contentType: 'text/javascript; charset=utf-8', body: script(fs.readFileSync(MEDIA.script, 'utf8')) }],
    ]);
    await page.route('**/*', (route) => {
      const file = served.get(route.request().url());
      return file ? route.fulfill({ status: 200, ...file }) : route.abort('blockedbyclient');
    });
    await page.goto(PAGE_URL, { waitUntil: 'load' });
    await view.posts((m) => m.type === 'ready');
    return view;
  }

  /** Posts a message to map.js as the extension does (webview.postMessage; a model with its timing). */
  async post(message: { type: 'model'; model: StakeholderMapResult } | { type: 'renderPng'; id: number; svg: string }): Promise<void> {
    const now = Date.now();
    const sent = message.type === 'model' ? { ...message, timing: { requested: now, answered: now } } : message;
    await this.page.evaluate((m) => (globalThis as unknown as { postMessage(m: unknown, origin: string): void }).postMessage(m, '*'), sent);
  }

  /** Resolves to the first message map.js posted (from `from` on) that matches. */
  async posts(match: (m: Record<string, unknown>) => boolean, from = 0, what = 'the message'): Promise<Record<string, unknown>> {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await this.page.waitForTimeout(25)) {
      const found = this.seen.posted.slice(from).find(match);
      if (found) return found;
    }
    throw new Error(`map.js did not post ${what}; it posted ${JSON.stringify(this.seen.posted.slice(from))}`);
  }

  /** Everything the page did that it must not: anything here means plan text ran or loaded. */
  async findings(): Promise<string[]> {
    // Late handlers (a failed image's onerror, a timer) have their moment.
    await this.page.waitForTimeout(300);
    const audit = (await this.page.evaluate(AUDIT)) as { problems: string[]; scripts: { type: string; src: string; nonce: string; code: boolean }[]; svgs: number; links: string[] };
    const own = [PAGE_URL, requested(MEDIA.css), requested(MEDIA.script)];
    const scripts = audit.scripts.filter((s) => s.type !== 'application/json');
    return [
      ...this.seen.dialogs.map((d) => `dialog ${d}`),
      ...this.seen.violations.map((v) => `CSP violation: ${v}`),
      ...this.seen.requests.filter((r) => !own.includes(r) && !r.startsWith('data:')).map((r) => `request ${r}`),
      ...this.seen.scripts.filter((s) => s !== API_SCRIPT && s !== requested(MEDIA.script)).map((s) => `script ${s}`),
      ...this.seen.consoleErrors.map((e) => `console error: ${e}`),
      ...this.seen.pageErrors.map((e) => `page error: ${e}`),
      ...audit.problems,
      ...(scripts.length === 1 && scripts[0].src === requested(MEDIA.script) && scripts[0].nonce === this.nonce && !scripts[0].code
        ? []
        : [`script elements besides map.js by nonce: ${JSON.stringify(scripts)}`]),
      ...(audit.svgs <= 1 ? [] : [`${audit.svgs} <svg> elements`]),
      ...(audit.links.length === 1 && audit.links[0] === requested(MEDIA.css) ? [] : [`links: ${audit.links.join(', ')}`]),
    ];
  }
}

/** Whether a label shows a name: the whole of it, or its start cut with `…` to fit a box. */
function shows(label: string, name: string): boolean {
  return label === name || (label.endsWith('…') && label.length > 1 && name.startsWith(label.slice(0, -1)));
}

describe('Stakeholder map webview with a hostile plan, in Chromium', function () {
  this.timeout(120_000);
  let context: BrowserContext;
  let close: () => Promise<void>;
  let client: LspClient;
  let model: StakeholderMapResult;
  let standalone: StakeholderMapResult;
  /** The stakeholders' names as the plan writes them. */
  let names: string[];
  const opened: MapWebview[] = [];
  const open = async (options?: OpenOptions) => {
    const view = await MapWebview.open(context, options);
    opened.push(view);
    return view;
  };
  /** A map with the model drawn, in the view its state says. */
  const drawn = async (options?: OpenOptions) => {
    const view = await open(options);
    await view.post({ type: 'model', model });
    await view.page.locator('#canvas svg').waitFor({ state: 'attached' });
    return view;
  };

  before(async () => {
    names = (parse(PLAN_TEXT) as { diagnosis: { stakeholders: { name: string }[] } }).diagnosis.stakeholders.map((s) => s.name);
    // The map as the extension gets it: from the bundled server, for the plan open in the editor.
    client = await LspClient.start({ locale: 'en' });
    const uri = client.open(pathToFileURL(PLAN).href, PLAN_TEXT);
    await client.waitForDiagnostics(uri);
    model = (await client.connection.sendRequest(KamMethods.stakeholderMap, { uri })) as StakeholderMapResult;
    standalone = (await client.connection.sendRequest(KamMethods.stakeholderMap, { uri, standalone: true })) as StakeholderMapResult;
    // Fails with the `apt-get install -y chromium` to run when Debian's Chromium is missing.
    ({ context, close } = await (await loadCodeServerScripts()).openBrowser());
  });
  after(async () => {
    for (const view of opened) await view.page.close().catch(() => undefined);
    await close?.();
    await client?.close();
  });

  it('notices a map.js that writes a name as markup (the checks below can fail)', async () => {
    // Appended to map.js (so it runs by nonce): the first name into the legend as HTML.
    const unsafe = (source: string) =>
      `${source}\nwindow.addEventListener('message', (e) => e.data.type === 'model' && document.getElementById('legend').insertAdjacentHTML('beforeend', e.data.model.map.nodes[0].name));`;
    const view = await drawn({ script: unsafe });
    const found = await view.findings();
    assert.ok(found.includes('a <img> element'), found.join('\n'));
    assert.ok(found.some((f) => f.startsWith('<img> has the event handler onerror')), found.join('\n'));
    assert.ok(found.includes(`request ${new URL('x', PAGE_URL).href}`), `the image request was not seen: ${found.join('\n')}`);
    // The CSP is the last line: the handler is refused, and the refusal is seen.
    assert.ok(found.some((f) => f.startsWith('CSP violation: script-src')), found.join('\n'));
    assert.deepEqual(view.seen.dialogs, []);
    assert.deepEqual(view.seen.scripts, [API_SCRIPT, requested(MEDIA.script)], 'the script log missed the page’s own scripts');
  });

  it('gets the hostile names intact from the server, and every word map.js shows', () => {
    assert.deepEqual(model.map.nodes.map((n) => n.name), names);
    const used = [...new Set([...readRepoFile('media', 'map.js').matchAll(/\bwords\.(\w+)/g)].map((m) => m[1]))];
    assert.deepEqual(used.filter((w) => !(w in WORDS)), [], 'words map.js shows that this test does not give it');
  });

  it('shows the page’s words as text before and after the map arrives', async () => {
    const view = await open();
    const { page } = view;
    assert.equal(await page.locator('#canvas p.loading').textContent(), WORDS.loading);
    assert.deepEqual(view.seen.posted, [{ type: 'ready', view: 'map' }]);
    assert.equal(view.seen.states.at(-1)?.uri, WORDS.uri);
    await view.post({ type: 'model', model });
    await page.locator('#canvas svg.kam-map').waitFor({ state: 'attached' });
    const buttons = page.locator('#toolbar button');
    const expected = ['map', 'grid', 'fit', '−', '+', 'saveSvg', 'savePng'].map((k) => WORDS[k] ?? k);
    assert.deepEqual(await buttons.allTextContents(), expected);
    const titles = await Promise.all((await buttons.all()).map((b) => b.getAttribute('title')));
    assert.deepEqual(titles, ['map', 'grid', 'fit', 'zoomOut', 'zoomIn', 'saveSvg', 'savePng'].map((k) => WORDS[k]));
    assert.equal(await page.locator('#viewport').getAttribute('title'), WORDS.hint);
    assert.deepEqual(await page.locator('#legend .legend-title').allTextContents(), [WORDS.coverage, WORDS.stance]);
    assert.deepEqual(await view.findings(), []);
  });

  it('draws every name in the org chart, the legend and the tooltips as written; nothing runs or loads', async () => {
    const view = await drawn();
    const { page } = view;
    const nodes = page.locator('#canvas svg g.kam-node');
    assert.equal(await nodes.count(), names.length);
    const roleLabel = new Map(model.choices.roles.map((c) => [c.value, c.label]));
    const expectedChips = model.map.coverage.map((c) => {
      const role = roleLabel.get(c.role)!;
      return c.unassigned ? `⚠ ${role}: ${WORDS.unassigned}` : `${role}: ${c.holders.map((id) => model.map.nodes.find((n) => n.id === id)!.name).join(', ')}`;
    });
    const chips = page.locator('#legend .chip');
    assert.deepEqual(await chips.allTextContents(), expectedChips);
    for (const [i, chip] of (await chips.all()).entries()) assert.equal(await chip.getAttribute('title'), expectedChips[i]);
    const legendText = (await page.locator('#legend').textContent()) ?? '';
    for (const id of model.map.coverage.flatMap((c) => c.holders)) {
      const name = model.map.nodes.find((n) => n.id === id)!.name;
      assert.ok(legendText.includes(name), `the legend does not show ${name.slice(0, 60)}`);
    }
    for (const node of model.map.nodes) {
      const g = page.locator(`#canvas g.kam-node[data-node="${node.id}"]`);
      const label = (await g.locator('text.kam-node-name').textContent()) ?? '';
      assert.ok(shows(label, node.name), `node ${node.id} shows "${label}" for ${node.name.slice(0, 60)}`);
      assert.ok((await g.getAttribute('aria-label'))?.startsWith(node.name), `node ${node.id}'s aria-label`);
      // Hover: the tooltip, the name first, then what the box has no room for.
      await g.hover();
      const tooltip = page.locator('#tooltip');
      await tooltip.waitFor({ state: 'visible' });
      assert.equal(await tooltip.locator('strong').textContent(), node.name);
      const tip = (await tooltip.textContent()) ?? '';
      for (const detail of [node.title, node.unitName, node.owner, ...node.interests]) {
        if (detail) assert.ok(tip.includes(detail), `the tooltip of ${node.id} lacks ${detail}`);
      }
      if (node.id === 's0') await page.screenshot({ path: screenshotPath('map-hostile-tooltip') });
      // Click: the extension is asked to show the person in the plan.
      let from = view.seen.posted.length;
      await g.click();
      assert.deepEqual(await view.posts((m) => m.type === 'reveal', from, 'reveal'), { type: 'reveal', node: node.id });
      // Right-click: the menu, titled with the name; a choice comes back as an edit.
      await g.click({ button: 'right' });
      const menu = page.locator('#menu');
      await menu.waitFor({ state: 'visible' });
      assert.equal(await menu.locator('.menu-title').textContent(), node.name);
      from = view.seen.posted.length;
      const stance = model.choices.stances.find((s) => s.value !== node.stance)!;
      await menu.getByRole('menuitemradio', { name: stance.label, exact: true }).click();
      assert.deepEqual(await view.posts((m) => m.type === 'edit', from, 'edit'), { type: 'edit', node: node.id, field: 'stance', value: stance.value });
      // Keys: Enter shows the person, Shift+F10 opens their menu, Escape closes it.
      from = view.seen.posted.length;
      await g.focus();
      await page.keyboard.press('Enter');
      assert.deepEqual(await view.posts((m) => m.type === 'reveal', from, 'reveal on Enter'), { type: 'reveal', node: node.id });
      await page.keyboard.press('Shift+F10');
      await menu.waitFor({ state: 'visible' });
      assert.equal(await menu.locator('.menu-title').textContent(), node.name);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });
    }
    const unitLabels = await page.locator('#canvas .kam-unit-label').allTextContents();
    for (const unit of model.map.clusters.filter((c) => c.members.length > 0)) {
      assert.ok(unitLabels.some((l) => shows(l, unit.name)), `unit ${unit.name} is shown as ${unitLabels.join(' | ')}`);
    }
    assert.deepEqual(await view.findings(), []);
  });

  it('pans, zooms, saves and switches to the grid, where the names are text too', async () => {
    const view = await drawn();
    const { page } = view;
    const viewport = page.locator('#viewport');
    const box = (await viewport.boundingBox())!;
    const states = view.seen.states.length;
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + 60, { steps: 5 });
    await page.mouse.up();
    await page.mouse.wheel(0, -240);
    for (const key of ['zoomIn', 'zoomOut', 'fit']) await page.getByTitle(WORDS[key], { exact: true }).click();
    await page.waitForTimeout(100);
    assert.ok(view.seen.states.length >= states + 4, 'panning and zooming kept no state');
    let from = view.seen.posted.length;
    await page.getByRole('button', { name: WORDS.saveSvg, exact: true }).click();
    await page.getByRole('button', { name: WORDS.savePng, exact: true }).click();
    await view.posts((m) => m.type === 'save' && m.format === 'png', from, 'save');
    assert.deepEqual(view.seen.posted.slice(from), [{ type: 'save', format: 'svg' }, { type: 'save', format: 'png' }]);

    from = view.seen.posted.length;
    await page.getByRole('button', { name: WORDS.grid, exact: true }).click();
    await page.locator('#canvas svg.kam-grid').waitFor({ state: 'attached' });
    assert.deepEqual(await view.posts((m) => m.type === 'view', from, 'view'), { type: 'view', view: 'grid' });
    assert.equal(view.seen.states.at(-1)?.view, 'grid');
    assert.equal(await page.locator('#legend').isHidden(), true);
    const texts = await page.locator('#canvas svg.kam-grid text').allTextContents();
    for (const name of names) assert.ok(texts.some((t) => t.includes(name) || shows(t, name)), `the grid does not show ${name.slice(0, 60)}`);
    await page.screenshot({ path: screenshotPath('map-hostile-grid') });
    assert.deepEqual(await view.findings(), []);
  });

  it('draws the PNG of the hostile map without running or loading anything', async () => {
    const view = await drawn();
    for (const [id, svg] of [standalone.svg.map, standalone.svg.grid].entries()) {
      const from = view.seen.posted.length;
      await view.post({ type: 'renderPng', id, svg });
      const answer = await view.posts((m) => (m.type === 'png' || m.type === 'pngError') && m.id === id, from, 'the PNG');
      assert.equal(answer.type, 'png', JSON.stringify(answer));
      const png = Buffer.from(String(answer.data), 'base64');
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
      assert.ok(png.length > 5_000, `a PNG of ${png.length} bytes`);
    }
    assert.deepEqual(await view.findings(), []);
  });

  it('restores a panel in the grid from its state, and follows an update of the plan', async () => {
    const first = await drawn();
    await first.page.getByRole('button', { name: WORDS.grid, exact: true }).click();
    const state = first.seen.states.at(-1);
    assert.equal(state?.view, 'grid');
    const view = await open({ state });
    assert.deepEqual(view.seen.posted, [{ type: 'ready', view: 'grid' }]);
    await view.post({ type: 'model', model });
    await view.page.locator('#canvas svg.kam-grid').waitFor({ state: 'attached' });
    // The next version of the plan: the same names, drawn again in place.
    await view.post({ type: 'model', model: { ...model, version: model.version + 1 } });
    await view.page.getByRole('button', { name: WORDS.map, exact: true }).click();
    assert.equal(await view.page.locator('#canvas svg g.kam-node').count(), names.length);
    assert.deepEqual(await view.findings(), []);
  });
});

function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}
