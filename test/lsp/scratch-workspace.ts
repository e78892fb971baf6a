// A workspace folder on disk for each test of the workspace suites, with the servers started on it
// closed and the folder removed after the test.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type LspClientOptions } from './lsp-client';

export interface ScratchWorkspace {
  /** A fresh temporary folder per test; the workspace folder is its `workspace/`. */
  readonly root: string;
  readonly folder: string;
  /** Writes a file below the workspace folder and returns its URI. */
  write(relative: string, text: string): string;
  /** Starts a server with the workspace folder open. */
  start(options?: LspClientOptions): Promise<LspClient>;
}

/** Call inside a `describe`: registers the hooks that make and remove the folder around each test. */
export function scratchWorkspace(prefix: string): ScratchWorkspace {
  const clients: LspClient[] = [];
  const ws = {
    root: '',
    folder: '',
    write(relative: string, text: string): string {
      const file = path.join(ws.folder, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return pathToFileURL(file).href;
    },
    async start(options: LspClientOptions = {}): Promise<LspClient> {
      const client = await LspClient.start({ workspaceFolders: [ws.folder], ...options });
      clients.push(client);
      return client;
    },
  };
  beforeEach(() => {
    ws.root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    ws.folder = path.join(ws.root, 'workspace');
    fs.mkdirSync(ws.folder);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    fs.rmSync(ws.root, { recursive: true, force: true });
  });
  return ws;
}

/** Waits until the condition holds, polling. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
