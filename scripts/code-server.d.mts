// Types of code-server.mjs for the TypeScript test launchers.
import type { BrowserContext, Page } from 'playwright-core';

export const CODE_SERVER_VERSION: string;
export const REPO_ROOT: string;
export const CHROMIUM: string;

export function codeServerDir(): string;
export function ensureCodeServer(options?: { log?: (message: string) => void }): string;
export function tempDir(prefix: string): string;
export function sleep(ms: number): Promise<void>;

export interface CodeServer {
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The temporary folder holding its profile and log; removed by stop(). */
  home: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  logTail(): string;
  stop(): Promise<void>;
}

export function startCodeServer(options?: {
  folder?: string;
  extensionsDir?: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  port?: number;
  log?: (message: string) => void;
  timeoutMs?: number;
}): Promise<CodeServer>;

export function workbenchUrl(server: CodeServer, options?: { folder?: string; development?: string; testsPath?: string }): string;

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export function openBrowser(options?: { viewport?: { width: number; height: number } }): Promise<Browser>;
export function packageExtension(options?: { log?: (message: string) => void }): string;
export function installVsix(vsix: string, extensionsDir: string): string;
