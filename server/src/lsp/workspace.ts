// The whole portfolio in the Problems panel: every plan file in the workspace folders is checked,
// not only the open ones. Closed files are read from disk; an open document always wins (the
// Validator checks it as it is edited), and when it closes, its disk copy takes over again.
// Creations, changes and deletions arrive as workspace/didChangeWatchedFiles.
//
// Hundreds of plans must not make the editor wait: closed files are checked one at a time with a
// turn of the event loop before each, so a request for an open document waits for one file's check
// at most. Of a closed file only its path, the URI its diagnostics were published under, its
// portfolio row (a few numbers, for the KAM Portfolio view) and a digest of its text with its findings
// (so opening it unchanged publishes them at once) are kept.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type Diagnostic, type FileEvent, type WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { KamConfig } from '../engine/config';
import { exclusionFor, findPlanFiles, isPlanFile, planOfContents, readPlanFile, relativeTo, type Exclusion } from '../engine/plan-files';
import { LineIndex } from '../engine/lines';
import { withoutNextVersion } from '../engine/node-memo';
import type { Finding } from '../engine/rule';
import { localToday } from '../engine/values';
import { portfolioRow, type PortfolioRow } from '../report/portfolio';
import { text } from '../engine/vocabulary';
import { checkPlan } from '../rules/check';
import { MAX_DIAGNOSTICS, toDiagnostics } from './diagnostics';
import type { PlanDocuments } from './documents';
import { OFF_THREAD_CHARS, offThread } from './off-thread';
import { filePathOf, type Settings } from './settings';
import { letRequestsFirst, type ClosedDocuments } from './validation';

/**
 * Files whose settings are asked for together before they are checked: the round trips to the client
 * overlap, and their answers are read before the checks start rather than one between each two checks
 * (the connection takes one message per turn of the event loop) while a hover waits behind them.
 */
const READ_AHEAD = 16;
/** A burst of setting changes (VS Code also sends one right after start) makes one scan. */
const RESCAN_DELAY_MS = 100;

/** The editor shows it (with the count) while the scan's checks are under way: `$/progress`. */
const PROGRESS_TITLE = text('Checking the plans of the workspace', '正在检查工作区中的计划');

/** A scan whose checks are under way: logged with its duration, and shown as work done progress, until the queue runs dry. */
interface ScanReport {
  files: number;
  started: number;
  /** Files of the scan's queue checked so far, of `total`. */
  checked: number;
  total: number;
  percentage: number;
  progress: WorkDoneProgressServerReporter;
}

interface Folder {
  path: string;
  /** `kam.workspace.checkClosedFiles` for this folder. */
  enabled: boolean;
  excluded: Exclusion;
}

export class WorkspacePlans implements ClosedDocuments {
  private folders: Folder[] = [];
  /** Files waiting for a disk check, first in line first: path → the URI to publish under. */
  private queue = new Map<string, string>();
  /** Files whose disk diagnostics are published: path → the URI they were published under. */
  private readonly shown = new Map<string, string>();
  /** What each file's disk check found, with what it depended on: a document opened with the same text reuses it. */
  private readonly known = new Map<string, { digest: string; config: KamConfig; today: string; findings: Finding[] }>();
  private scans = 0;
  private rescanTimer?: NodeJS.Timeout;
  private draining = false;
  /** The portfolio row of each closed plan checked from disk: path → its URI and row. */
  private readonly rows = new Map<string, { uri: string; row: PortfolioRow }>();
  private report?: ScanReport;

  /** @param today fixes "today" for time-based rules (tests); the local date otherwise. */
  constructor(
    private readonly connection: Connection,
    private readonly documents: PlanDocuments,
    private readonly settings: Settings,
    private readonly today?: string,
  ) {}

  /**
   * Finds every plan in the workspace folders and checks the closed ones: on start, and whenever
   * the folders, the settings or an rc file change (any of them may change every file's findings).
   */
  rescan(): void {
    const generation = ++this.scans; // a scan under way stops walking at once
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.scan(generation).catch((e) => this.connection.console.error(`Scanning the workspace failed: ${(e as Error).stack ?? String(e)}`));
    }, RESCAN_DELAY_MS);
  }

  /** The rows of the closed plans checked so far (an open plan's row comes from its editor text). */
  portfolioRows(): { uri: string; row: PortfolioRow }[] {
    return [...this.rows.values()];
  }

  /** Plans waiting for their disk check. */
  get pending(): number {
    return this.queue.size;
  }

  /** Plan files created, changed or deleted on disk. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const { uri, type } of changes) {
      const file = filePathOf(uri);
      if (!file) continue;
      if (isPlanFile(file)) this.enqueue(file, uri);
      else if (type === FileChangeType.Created) void this.folderCreated(file);
      // A deleted folder may come as one event: the plans below it go too.
      if (type === FileChangeType.Deleted) for (const [shown, shownUri] of this.shown) if (shown.startsWith(file + path.sep)) this.enqueue(shown, shownUri);
    }
    void this.drain();
  }

  /**
   * A folder created (made, copied, unpacked, checked out): the plans already in it are checked. The
   * file watcher starts watching a new folder only after it is told of it, so the creation of a file
   * written right after its folder is often never reported; the folder's own creation always is.
   */
  private async folderCreated(dir: string): Promise<void> {
    if (!this.settings.folderOf(dir) || !(await fs.promises.stat(dir).catch(() => undefined))?.isDirectory()) return;
    for (const file of await findPlanFiles(dir)) if (this.admits(file)) this.enqueue(file, pathToFileURL(file).href);
    await this.drain();
  }

  /** A document closed: a plan of the workspace gets its disk copy's diagnostics, checked before anything else in line. */
  adopt(uri: string): boolean {
    const file = filePathOf(uri);
    if (!file || !this.admits(file) || !fs.existsSync(file)) return false;
    this.queue = new Map([[file, uri], ...this.queue]);
    void this.drain();
    return true;
  }

  checkedAs(uri: string, text: string, config: KamConfig, today: string): Finding[] | undefined {
    const file = filePathOf(uri);
    const known = file === undefined ? undefined : this.known.get(file);
    if (!known || known.today !== today || known.digest !== digest(text)) return undefined;
    if (known.config !== config && JSON.stringify(known.config) !== JSON.stringify(config)) return undefined;
    return known.findings;
  }

  private async scan(generation: number): Promise<void> {
    const started = Date.now();
    const folders = await Promise.all(this.settings.workspaceFolders.map((folder) => this.folderSettings(folder)));
    if (generation !== this.scans) return;
    this.folders = folders;
    const found = new Map<string, string>();
    const stale = () => generation !== this.scans;
    for (const folder of folders) {
      if (!folder.enabled) continue;
      // A workspace folder inside this one is walked on its own, with its own settings.
      const skipFolder = (dir: string) => folders.some((f) => f.path === dir);
      for (const file of await findPlanFiles(folder.path, { excluded: folder.excluded, skipFolder, stale })) found.set(file, pathToFileURL(file).href);
    }
    if (stale()) return;
    // Files shown before but gone, now excluded or in a removed folder are checked too: they lose their diagnostics.
    for (const [file, uri] of [...found, ...this.shown]) this.enqueue(file, uri);
    const total = this.queue.size;
    this.report?.progress.done(); // a scan replaced by this one
    this.report = undefined;
    // Created only where the client supports it (a no-op reporter otherwise); asking may take a round trip.
    const progress = await this.connection.window.createWorkDoneProgress();
    if (stale()) return progress.done();
    progress.begin(PROGRESS_TITLE[this.settings.uiLocale], 0, `0/${total}`);
    this.report = { files: found.size, started, checked: 0, total, percentage: 0, progress };
    await this.drain();
  }

  private async folderSettings(folder: string): Promise<Folder> {
    const uri = pathToFileURL(folder).href;
    const [kam, filesExclude] = await Promise.all([this.settings.editorSettings(uri), this.settings.editorSettings(uri, 'files.exclude')]);
    const checkClosedFiles = (kam as { workspace?: { checkClosedFiles?: unknown } } | undefined)?.workspace?.checkClosedFiles;
    return { path: folder, enabled: checkClosedFiles !== false, excluded: exclusionFor(filesExclude) };
  }

  private enqueue(file: string, uri: string): void {
    if (!this.queue.has(file)) this.queue.set(file, uri);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.size > 0) {
        const batch: [string, string][] = [];
        for (const entry of this.queue) if (batch.push(entry) === READ_AHEAD) break;
        for (const [file] of batch) this.queue.delete(file);
        await Promise.all(batch.filter(([file]) => this.admits(file)).map(([, uri]) => this.settings.configFor(uri).catch(() => undefined)));
        for (const [file, uri] of batch) {
          await letRequestsFirst();
          await this.refresh(file, uri);
          this.checked();
        }
      }
    } finally {
      this.draining = false;
    }
    if (this.report && this.queue.size === 0) {
      this.connection.console.log(`Checked the ${this.report.files} plan files of the workspace in ${Date.now() - this.report.started} ms`);
      this.report.progress.done();
      this.report = undefined;
    }
  }

  /** One more file of the scan is checked: the progress moves on each whole percent. */
  private checked(): void {
    const report = this.report;
    if (!report || report.checked >= report.total) return;
    report.checked++;
    const percentage = Math.floor((report.checked / report.total) * 100);
    if (percentage === report.percentage) return;
    report.percentage = percentage;
    report.progress.report(percentage, `${report.checked}/${report.total}`);
  }

  /** Publishes the file's disk diagnostics, or takes them away when it is no plan of the workspace any more. */
  private async refresh(file: string, uri: string): Promise<void> {
    // An open document's own diagnostics stand; they replace the disk copy's.
    if (this.isOpen(file)) return void this.shown.delete(file);
    try {
      const config = this.admits(file) ? await this.settings.configFor(uri) : undefined;
      if (this.isOpen(file)) return void this.shown.delete(file); // opened while the settings were read
      const diagnostics = config && (await this.check(file, uri, config));
      if (diagnostics) {
        this.shown.set(file, uri);
        this.publish(uri, diagnostics);
      } else this.forget(file);
    } catch (e) {
      this.connection.console.error(`Checking ${uri} failed: ${(e as Error).stack ?? String(e)}`);
      this.forget(file);
    }
  }

  /** The findings of the file as saved; undefined when it is gone. A file over the size limit is reported, not read. */
  private async check(file: string, uri: string, config: KamConfig): Promise<Diagnostic[] | undefined> {
    // Read and told as `kam lint` reads and tells it; a file gone or unreadable has nothing to show.
    const contents = readPlanFile(file);
    if (contents.kind === 'unreadable') return undefined;
    const today = this.today ?? localToday();
    const folder = this.settings.folderOf(file);
    const relative = folder ? relativeTo(folder, file) : path.basename(file);
    if (contents.kind === 'text' && offThread.enabled && contents.text.length >= OFF_THREAD_CHARS) {
      // Its parse alone would keep the server from answering for seconds: the worker checks it.
      const reply = await offThread.check(uri, contents.text, config, today, MAX_DIAGNOSTICS, { file: relative });
      for (const error of reply.errors) this.connection.console.error(error);
      if (reply.findings && reply.row) {
        this.rows.set(file, { uri, row: reply.row });
        // When only the first findings came back, a document opened with this text is checked itself.
        if (reply.total === reply.findings.length) this.known.set(file, { digest: digest(contents.text), config, today, findings: reply.findings });
        else this.known.delete(file);
        return toDiagnostics(reply.findings, LineIndex.of(contents.text), config.locale, reply.total);
      }
    }
    // A closed file is read as a whole each time it changes: nothing is kept for a next version.
    const { plan, findings } = withoutNextVersion(() => {
      const plan = planOfContents(contents);
      const onRuleError = (rule: { code: string }, e: unknown) => this.connection.console.error(`${rule.code} failed on ${uri}: ${(e as Error).stack ?? String(e)}`);
      return { plan, findings: checkPlan(plan, { config, today, onRuleError }) };
    });
    const kept = detached({ row: portfolioRow(plan, findings, { file: relative, today, config }), findings });
    this.rows.set(file, { uri, row: kept.row });
    if (plan.text !== '') this.known.set(file, { digest: digest(plan.text), config, today, findings: kept.findings });
    else this.known.delete(file);
    return toDiagnostics(findings, plan.lines, config.locale);
  }

  /** Takes the file's disk diagnostics away, if any were published. */
  private forget(file: string): void {
    this.rows.delete(file);
    this.known.delete(file);
    const uri = this.shown.get(file);
    if (uri === undefined) return;
    this.shown.delete(file);
    this.publish(uri, []);
  }

  /** Whether the file is a plan of a workspace folder that checks closed files, and not excluded. */
  private admits(file: string): boolean {
    const root = this.settings.folderOf(file);
    const folder = this.folders.find((f) => f.path === root);
    return folder !== undefined && folder.enabled && isPlanFile(file) && !folder.excluded(relativeTo(folder.path, file));
  }

  private isOpen(file: string): boolean {
    return this.documents.all().some((document) => filePathOf(document.uri) === file);
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}

/**
 * A copy of what is kept of a closed file. The texts read from its YAML are slices of the file's whole
 * text, and a slice keeps that text alive: the rows and findings of 1,000 plans held half of their
 * texts (9 MB) besides themselves.
 */
function detached<T>(value: T): T {
  return structuredClone(value);
}

/** A short fingerprint of a text: a document opened with the same text as the file checked on disk. */
function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
