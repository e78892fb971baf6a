// A small LSP client for the server tests: spawns the bundled server (`node dist/server.js --stdio`,
// or any other command line such as `node dist/kam.js lsp --stdio`), answers its requests the way
// VS Code would, keeps a copy of every open document and records what the server publishes.
//
//   const client = await LspClient.start({ settings: { rules: { KAM201: 'off' } } });
//   const uri = client.open('file:///tmp/a.kam.yaml', text);
//   const { diagnostics } = await client.waitForDiagnostics(uri);
//   const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: client.positionOf(uri, 'owner:') });
//   await client.close();
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  ProgressType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type Position,
  type TextDocumentClientCapabilities,
  type TextDocumentContentChangeEvent,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIXED_TODAY, repoPath } from '../helpers';

export const SERVER_ARGS = [repoPath('dist', 'server.js'), '--stdio'];
export const CLI_SERVER_ARGS = [repoPath('dist', 'kam.js'), 'lsp', '--stdio'];

export interface LspClientOptions {
  /** Arguments to `node`; default: the bundled server over stdio. */
  args?: string[];
  /** What the client answers for the `kam` section of `workspace/configuration`. */
  settings?: Record<string, unknown>;
  /** What it answers for other sections, such as `files.exclude`; null for any not given. */
  sections?: Record<string, unknown>;
  /** `initializationOptions.locale`, as the extension sends `vscode.env.language`. */
  locale?: string;
  /** `initializationOptions.today`; default the fixtures' date. `null` leaves it unset. */
  today?: string | null;
  /** Workspace folders, as file paths. */
  workspaceFolders?: string[];
  /** Extra `textDocument` client capabilities (hover formats, completion snippets, …). */
  textDocument?: TextDocumentClientCapabilities;
}

type Predicate = (params: PublishDiagnosticsParams) => boolean;

const WORK_DONE = new ProgressType<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd>();

interface Waiter {
  uri: string;
  predicate: Predicate;
  resolve(params: PublishDiagnosticsParams): void;
}

export class LspClient {
  /** Answers `workspace/configuration` for the `kam` section; change it, then call `configurationChanged()`. */
  settings: Record<string, unknown>;
  /** Answers `workspace/configuration` for other sections, by name (`files.exclude`). */
  sections: Record<string, unknown> = {};
  /** Every `window/showMessage` (and `window/showMessageRequest`, answered with no choice) the server sent. */
  readonly messages: ShowMessageParams[] = [];
  /** Every `window/logMessage` the server sent. */
  readonly logs: LogMessageParams[] = [];
  /** The tokens of every `window/workDoneProgress/create`, and every `$/progress` the server sent on them. */
  readonly progressTokens: (string | number)[] = [];
  readonly progress: { token: string | number; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }[] = [];
  initializeResult?: InitializeResult;

  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly documents = new Map<string, TextDocument>();
  private waiters: Waiter[] = [];
  private stderr = '';
  private exited?: string;
  /** Rejects, with the server's stderr, when the server process ends. */
  private readonly died: Promise<never>;

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly server: ChildProcess,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.died = new Promise<never>((_, reject) =>
      server.once('close', (code, signal) => {
        this.exited = `server exited (code ${code}, signal ${signal})`;
        reject(new Error(`${this.exited}${this.stderrNote()}`));
      }),
    );
    this.died.catch(() => undefined);
  }

  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const args = options.args ?? SERVER_ARGS;
    if (!fs.existsSync(args[0])) throw new Error(`${args[0]} does not exist: build it first with \`node esbuild.mjs\``);
    const server = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(
      new StreamMessageReader(server.stdout!),
      new StreamMessageWriter(server.stdin!),
    );
    const client = new LspClient(connection, server, options.settings ?? {});
    client.sections = options.sections ?? {};
    client.listen();
    const today = options.today === undefined ? FIXED_TODAY : options.today;
    const folders = (options.workspaceFolders ?? []).map((p) => ({ uri: pathToFileURL(p).href, name: p }));
    client.initializeResult = await client.guard(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folders[0]?.uri ?? null,
        workspaceFolders: folders,
        initializationOptions: { locale: options.locale, ...(today ? { today } : {}) },
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
            ...options.textDocument,
          },
          window: { showMessage: {}, workDoneProgress: true },
        },
      }),
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The server process's id (to read its memory use). */
  get pid(): number | undefined {
    return this.server.pid;
  }

  /** Opens a document (version 1) and returns its URI. */
  open(uri: string, text: string, languageId = 'kam-yaml'): string {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  }

  /** Sends incremental (or full) edits as the given version, and applies them to the local copy. */
  change(uri: string, version: number, edits: TextDocumentContentChangeEvent[]): void {
    const document = this.document(uri);
    TextDocument.update(document, edits, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: edits,
    });
  }

  /** Replaces the first occurrence of `search` in the document as the next version; returns that version. */
  replace(uri: string, search: string, replacement: string): number {
    const document = this.document(uri);
    const range = { start: this.positionOf(uri, search), end: this.positionOf(uri, search, search.length) };
    const version = document.version + 1;
    this.change(uri, version, [{ range, text: replacement }]);
    return version;
  }

  /** Where `search` (its first occurrence) starts in the document, plus `delta` characters: for hover and completion requests. */
  positionOf(uri: string, search: string, delta = 0): Position {
    const document = this.document(uri);
    const start = document.getText().indexOf(search);
    if (start < 0) throw new Error(`${uri} does not contain ${JSON.stringify(search)}`);
    return document.positionAt(start + delta);
  }

  /** The client's copy of an open document. */
  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  closeDocument(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server `settings` changed, as VS Code does for the synchronized `kam` section. */
  configurationChanged(): void {
    void this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { kam: this.settings } });
  }

  watchedFilesChanged(changes: FileEvent[]): void {
    void this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Every publication for the URI so far, oldest first. */
  publications(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /**
   * The latest publication for the URI that satisfies the predicate: already received, or the next to come.
   * By default, any publication for the document's current version.
   */
  waitForDiagnostics(uri: string, predicate?: Predicate, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const test = predicate ?? ((p: PublishDiagnosticsParams) => p.version === this.documents.get(uri)?.version);
    const latest = this.publications(uri).at(-1);
    if (latest && test(latest)) return Promise.resolve(latest);
    return this.guard(
      new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          const seen = this.publications(uri).map((p) => `v${p.version}: ${p.diagnostics.map((d) => d.code).join(',') || '-'}`);
          reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms (published: ${seen.join(' | ') || 'nothing'})${this.stderrNote()}`));
        }, timeoutMs).unref();
        const waiter: Waiter = { uri, predicate: test, resolve: (params) => (clearTimeout(timer), resolve(params)) };
        this.waiters.push(waiter);
      }),
    );
  }

  /** Shuts the server down (shutdown, exit) and waits for its process to end. */
  async close(): Promise<void> {
    if (this.exited === undefined) {
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 2000);
        await this.connection.sendNotification(ExitNotification.type);
        await withTimeout(this.died.catch(() => undefined), 2000);
      } catch {
        this.server.kill();
      }
    }
    this.connection.dispose();
  }

  private listen(): void {
    const { connection, server } = this;
    server.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onRequest(ConfigurationRequest.type, ({ items }) =>
      items.map((item) => (item.section === 'kam' ? this.settings : (this.sections[item.section ?? ''] ?? null))),
    );
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      this.progressTokens.push(token);
      connection.onProgress(WORK_DONE, token, (value) => {
        this.progress.push({ token, value });
      });
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
    });
    connection.onRequest(ShowMessageRequest.type, (params) => {
      this.messages.push(params);
      return null;
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, [...this.publications(params.uri), params]);
      const [ready, waiting] = partition(this.waiters, (w) => w.uri === params.uri && w.predicate(params));
      this.waiters = waiting;
      for (const waiter of ready) waiter.resolve(params);
    });
    connection.listen();
  }

  /** The promise, or the server's death with its stderr, whichever comes first. */
  private guard<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.died]);
  }

  private stderrNote(): string {
    return this.stderr ? `\nserver stderr:\n${this.stderr}` : '';
  }
}

/** 1-based line of a diagnostic's start, as the fixtures' `# expect:` comments count. */
export function lineOf(diagnostic: Diagnostic): number {
  return diagnostic.range.start.line + 1;
}

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** `KAM201@12` for each diagnostic, sorted: compact, readable assertions. */
export function codesAndLines(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${lineOf(d)}`).sort();
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
