// Drives VS Code's UI as a user would: code-server with the packaged extension (`npm run package`)
// installed from its .vsix, in headless Chromium. Each helper waits for what the user would wait for, and every step can leave a
// screenshot under test-results/e2e/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { FIXED_TODAY, repoPath } from '../helpers';
import { loadCodeServerScripts, type CodeServerScripts } from '../integration/code-server';
import { writeDocsPicture } from './docs-picture';

export const SCREENSHOTS = repoPath('test-results', 'e2e');
/** The tab of the walkthrough the extension opens on its first start. */
export const WALKTHROUGH_TAB = 'Walkthrough: KAM Plan';

type Browser = Awaited<ReturnType<CodeServerScripts['openBrowser']>>;
type Server = Awaited<ReturnType<CodeServerScripts['startCodeServer']>>;

/** A row of the Problems panel. */
export interface Problem {
  code: string;
  /** 1-based, as the panel shows it. */
  line: number;
  message: string;
}

export interface WorkbenchOptions {
  /** Extra plans for the workspace (a copy of examples/): file name → repository path. */
  plans?: Record<string, string>;
  /** Files written into the workspace before VS Code starts (so quick open lists them): file name → text. */
  files?: Record<string, string>;
  /** Anything else to make in the workspace before VS Code starts (a git repository, say). */
  prepare?: (workspace: string) => void;
}

export class Workbench {
  private shots = 0;

  private constructor(
    readonly page: Page,
    readonly workspace: string,
    private readonly browser: Browser,
    private readonly server: Server,
    private readonly extensionsDir: string,
    /** The package under test and where code-server installed it. */
    readonly extension: { vsix: string; installed: string },
  ) {}

  /** True once the walkthrough of the first start has come and been closed (by closeAllEditors, or a step that says so). */
  walkthroughClosed = false;

  static async start({ plans = {}, files = {}, prepare }: WorkbenchOptions = {}): Promise<Workbench> {
    const cs = await loadCodeServerScripts();
    const workspace = cs.tempDir('workspace');
    fs.cpSync(repoPath('examples'), workspace, { recursive: true });
    for (const [name, from] of Object.entries(plans)) fs.copyFileSync(repoPath(from), path.join(workspace, name));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(workspace, name), text);
    prepare?.(workspace);
    const extensionsDir = cs.tempDir('extensions');
    const vsix = cs.packageExtension();
    const installed = cs.installVsix(vsix, extensionsDir);
    const server = await cs.startCodeServer({ folder: workspace, extensionsDir, env: { KAM_TODAY: FIXED_TODAY } });
    const browser = await cs.openBrowser().catch(async (err) => {
      await server.stop();
      throw err;
    });
    const workbench = new Workbench(browser.page, workspace, browser, server, extensionsDir, { vsix, installed });
    fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser.page.setDefaultTimeout(30_000);
    await browser.page.goto(cs.workbenchUrl(server, { folder: workspace }));
    await browser.page.locator('.explorer-folders-view').waitFor();
    return workbench;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
    for (const dir of [this.workspace, this.extensionsDir]) fs.rmSync(dir, { recursive: true, force: true });
  }

  /**
   * A screenshot for the README (docs/images/name.png): saved with the others, and written into
   * docs/images as a palette PNG when KAM_DOCS_IMAGES=1 (`KAM_DOCS_IMAGES=1 npm run test:e2e` renews them).
   */
  async docsImage(name: string): Promise<string> {
    const file = await this.screenshot(name);
    if (process.env.KAM_DOCS_IMAGES === '1') await writeDocsPicture(file, repoPath('docs', 'images', `${name}.png`));
    return file;
  }

  /** Saves test-results/e2e/NN-name.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(SCREENSHOTS, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Ctrl+P, the file's name, Enter; resolves when its editor is the active one. */
  /**
   * A clean window for the next step: whatever widget holds the keyboard (a tree's find box, a hover,
   * a quick input) is dismissed, the keyboard goes back to the workbench, and every editor is closed.
   */
  async closeAllEditors(): Promise<void> {
    if (await this.page.locator('.tabs-container .tab', { hasText: WALKTHROUGH_TAB }).count()) this.walkthroughClosed = true;
    // An editor may still open meanwhile (the walkthrough of a first start comes a moment late): then again.
    for (let attempt = 1; ; attempt++) {
      for (let i = 0; i < 2; i++) await this.page.keyboard.press('Escape');
      await this.page.locator('.part.editor').click({ position: { x: 5, y: 5 } });
      await this.runCommand('View: Close All Editors');
      const closed = this.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
      if (attempt === 3) return closed;
      if (await closed.then(() => true, () => false)) return;
    }
  }

  async quickOpen(fileName: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.locator('.quick-input-widget input[type="text"]').fill(fileName);
    // Enter opens the focused row: wait until the filter has put the file there, not a recent editor.
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor();
    await this.editor().locator('.view-lines').waitFor();
  }

  /**
   * Runs a command from the command palette (F1) by its title as the palette lists it, e.g.
   * "KAM: Show Stakeholder Map"; resolves once the palette has taken it.
   */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input[type="text"]');
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /**
   * Answers an open quick input (a pick list, an input box, the save dialog of the remote file
   * system): types `text` in place of what it holds, waits until a row shows `row` if given, and
   * presses Enter.
   */
  async answerQuickInput(text: string, row?: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input[type="text"]');
    await input.waitFor();
    await input.fill(text);
    if (row) await this.page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** The text of the open quick input once `until` accepts it (or after the timeout, for the caller's assertion to show). */
  async quickInputValue(until: (value: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const input = this.page.locator('.quick-input-widget input[type="text"]');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await input.inputValue();
      if (until(value) || Date.now() > deadline) return value;
      await this.page.waitForTimeout(100);
    }
  }

  /** The content of the webview on screen (VS Code nests each webview's page in an inner frame). */
  webview(): FrameLocator {
    return this.page.locator('iframe.webview.ready').filter({ visible: true }).contentFrame().locator('iframe#active-frame').contentFrame();
  }

  /**
   * A view of the side bar (by its title, as its header shows it), expanded, with the room of the
   * others: they are collapsed, as a user makes space for a tree that lists more than fits.
   */
  async sideBarView(title: string): Promise<Locator> {
    const panes = this.page.locator('.part.sidebar .pane');
    const pane = panes.filter({ has: this.page.locator('.pane-header h3.title', { hasText: title }) });
    const header = pane.locator('.pane-header');
    await header.waitFor();
    for (const other of await panes.locator('.pane-header[aria-expanded="true"]').all()) {
      if ((await other.locator('h3.title').innerText()).trim() !== title) await other.click();
    }
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await pane.locator('.pane-body').waitFor();
    return pane;
  }

  /** The rows a tree view shows now: each one's label, description and codicon names. */
  async treeRows(view: Locator): Promise<{ label: string; description: string; icons: string[] }[]> {
    const rows = [];
    for (const row of await view.locator('.monaco-list-row').all()) {
      const label = (await row.locator('.label-name').allInnerTexts()).join('').trim();
      const description = (await row.locator('.label-description').allInnerTexts()).join('').trim();
      const classes = (await row.locator('.codicon').evaluateAll((icons) => icons.map((i) => i.getAttribute('class') ?? ''))).join(' ');
      rows.push({ label, description, icons: [...classes.matchAll(/codicon-([\w-]+)/g)].map((m) => m[1]) });
    }
    return rows;
  }

  /** Puts the cursor of the active editor at a line and column (1-based), with Ctrl+G. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    // Go to Line is quick open's `:` mode: the text keeps the colon.
    await this.answerQuickInput(`:${line}:${column}`);
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The active editor. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M), types `filter` into its filter box, and reads the
   * rows once `until` holds for them (or after the timeout, so the caller's assertion shows what
   * the panel did list).
   */
  async problems(filter: string, until: (problems: Problem[]) => boolean, timeoutMs = 20_000): Promise<Problem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    const input = this.page.locator('.viewpane-filter input');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // The panel may still be restoring its state and clear what was typed: type it again.
      if ((await input.inputValue()) !== filter) await input.fill(filter);
      const problems = await this.readProblems();
      if (until(problems) || Date.now() > deadline) return problems;
      await this.page.waitForTimeout(250);
    }
  }

  /** Read in one go: the panel re-renders its rows while diagnostics arrive. */
  private async readProblems(): Promise<Problem[]> {
    const rows = await this.page.locator('.markers-panel .monaco-list-row:has(.marker-code)').allInnerTexts();
    // A row reads "message / source / code / [Ln N, Col M]", one per line.
    return rows.map((text) => {
      const lines = text.split('\n').map((l) => l.trim());
      const position = /Ln (\d+)/.exec(lines.at(-1) ?? '');
      return { code: lines.at(-2) ?? '', line: position ? Number(position[1]) : NaN, message: lines.slice(0, -3).join('\n') };
    });
  }

  /**
   * Moves the mouse onto the squiggle on a line of the active editor (1-based; the line must be
   * in view) and returns the hover's text once it shows `expected`, or whatever hover showed.
   */
  async hoverSquiggle(line: number, expected: string): Promise<string> {
    const editor = this.editor();
    const number = await editor.locator('.margin-view-overlays .line-numbers', { hasText: new RegExp(`^${line}$`) }).boundingBox();
    if (!number) throw new Error(`line ${line} is not in view`);
    let target: { x: number; y: number } | undefined;
    for (const squiggle of await editor.locator('[class*="squiggly-"]').all()) {
      const box = await squiggle.boundingBox();
      if (box && Math.abs(box.y - number.y) < number.height / 2) target = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    if (!target) throw new Error(`no squiggle on line ${line}`);
    await this.page.mouse.move(target.x - 20, target.y);
    await this.page.mouse.move(target.x, target.y, { steps: 5 });
    const hover = this.page.locator('.monaco-hover:visible');
    await hover.filter({ hasText: expected }).first().waitFor().catch(() => {});
    return (await hover.allInnerTexts()).join('\n');
  }
}
