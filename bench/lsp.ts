// A language-server client for timing: spawns a server over stdio, answers its requests as VS Code
// would, and measures from sending a notification to receiving publishDiagnostics for the document.
// The same client drives our server and yaml-language-server, so both pay the same transport.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type ConfigurationItem,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

export interface ServerSpec {
  /** Arguments to `node`: the server's script and `--stdio`. */
  args: string[];
  /** What `workspace/configuration` answers for an item. */
  configuration(item: ConfigurationItem): unknown;
  initializationOptions?: unknown;
  /** Send didChangeConfiguration after initialized (yaml-language-server pulls its settings then). */
  announceConfiguration?: boolean;
  languageId: string;
  workspaceFolders?: string[];
}

interface Waiter {
  uri: string;
  resolve(params: PublishDiagnosticsParams): void;
}

export class TimingClient {
  /** How many publications each URI has had. */
  readonly counts = new Map<string, number>();
  /** When the last publication of any document arrived (performance.now()). */
  lastPublication = 0;
  private waiters: Waiter[] = [];
  private configurationAnswered!: () => void;
  /** Resolves once the server has asked for its settings (yaml-language-server needs them before it validates). */
  readonly configured = new Promise<void>((resolve) => (this.configurationAnswered = resolve));

  private constructor(
    readonly connection: ProtocolConnection,
    readonly process: ChildProcess,
    private readonly spec: ServerSpec,
  ) {}

  static async start(spec: ServerSpec): Promise<TimingClient> {
    const child = spawn(globalThis.process.execPath, spec.args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TimingClient(connection, child, spec);
    client.listen();
    const folders = (spec.workspaceFolders ?? []).map((p) => ({ uri: pathToFileURL(p).href, name: p }));
    await connection.sendRequest(InitializeRequest.type, {
      processId: globalThis.process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      initializationOptions: spec.initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    if (spec.announceConfiguration) {
      await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await client.configured;
    }
    return client;
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: this.spec.languageId, version, text },
    });
  }

  /** Inserts `text` at a line and character (or deletes `length` characters there) as `version`. */
  edit(uri: string, version: number, line: number, character: number, text: string, length = 0): void {
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + length } }, text }],
    });
  }

  /** Replaces [start, end) of the document by `text` as `version`; positions as LSP gives them. */
  change(uri: string, version: number, range: { start: Position; end: Position }, text: string): void {
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  close(uri: string): void {
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The next publication for the URI (yaml-language-server sends no version, so "next" is the match for both). */
  nextDiagnostics(uri: string, timeoutMs: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = { uri, resolve: (p) => (clearTimeout(timer), resolve(p)) };
      this.waiters.push(waiter);
    });
  }

  /** Sends, then times until the document's next publication, in ms. */
  async timeToDiagnostics(uri: string, send: () => void, timeoutMs: number): Promise<{ ms: number; params: PublishDiagnosticsParams }> {
    const next = this.nextDiagnostics(uri, timeoutMs);
    const start = performance.now();
    send();
    const params = await next;
    return { ms: performance.now() - start, params };
  }

  /** Times one request, in ms. */
  async timeRequest<R>(send: () => Promise<R>): Promise<{ ms: number; result: R }> {
    const start = performance.now();
    const result = await send();
    return { ms: performance.now() - start, result };
  }

  /** The server's peak resident memory (VmHWM) and current one (VmRSS), in MB; Linux only. */
  memory(): { peakMb: number; rssMb: number } | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(3000)]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Already gone.
    }
    await Promise.race([exited, delay(3000)]);
    if (this.process.exitCode === null) this.process.kill();
    this.connection.dispose();
  }

  private listen(): void {
    const { connection } = this;
    connection.onRequest(ConfigurationRequest.type, ({ items }) => {
      this.configurationAnswered();
      return items.map((item) => this.spec.configuration(item));
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.lastPublication = performance.now();
      this.counts.set(params.uri, (this.counts.get(params.uri) ?? 0) + 1);
      const ready = this.waiters.filter((w) => w.uri === params.uri);
      this.waiters = this.waiters.filter((w) => w.uri !== params.uri);
      for (const waiter of ready) waiter.resolve(params);
    });
    connection.listen();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
