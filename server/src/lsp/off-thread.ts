// Long plans are parsed and checked in a worker thread (check-worker.ts): the parse of a long text is
// one step that cannot be cut (a 1 MB plan: seconds), and while it runs on the main thread no request
// is answered. Validation hands the worker a long plan the main thread has not parsed; the main thread
// parses it only when a feature asks (the first hover on such a plan waits for that parse).
// The worker is the server's own script started again (main.ts), so the package carries no second
// bundle; where no script is named (`kam lsp`, tests in process) long plans are checked here.
import { Worker } from 'node:worker_threads';
import type { KamConfig } from '../engine/config';
import type { Finding } from '../engine/rule';
import type { PortfolioRow } from '../report/portfolio/row';

/** A text this long (UTF-16 units: about 256 KB, 10,000 lines) takes a few hundred ms to parse. */
export const OFF_THREAD_CHARS = 256 * 1024;

/**
 * What the worker is asked: check this text as the document's next version and send back its first
 * `keep` findings (a hostile plan has 100,000: copying them all to this thread would take it for
 * half a second); or let the document's plan go.
 */
export type CheckJob =
  | { forget: true; uri: string }
  | ({ forget?: false; id: number; uri: string; text: string; config: KamConfig; today: string; keep: number } & FileJob);

/**
 * A closed file of the workspace (workspace.ts): its plan is not kept, and its portfolio row, which
 * needs the whole plan and every finding, is made there too.
 */
export interface FileJob {
  file?: string;
}

/** The worker's answer: the first findings in checkPlan's order and how many there were, unless the check failed; the errors to log. */
export interface CheckReply {
  id: number;
  findings?: Finding[];
  total?: number;
  /** For a closed file: its row of the portfolio. */
  row?: PortfolioRow;
  errors: string[];
}

let workerScript: string | undefined;

/** Names the script that serves checks when started as a worker (the server's entry, main.ts). */
export function checkInWorker(script: string): void {
  workerScript = script;
}

export class OffThreadChecks {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: CheckReply) => void>();
  /** The documents whose plan the worker keeps. */
  private readonly kept = new Set<string>();

  /** False when no script serves checks: the caller checks on its own thread. */
  get enabled(): boolean {
    return workerScript !== undefined;
  }

  /** The text checked in the worker; without findings when it failed (the caller then checks on its own thread). */
  check(uri: string, text: string, config: KamConfig, today: string, keep: number, closed: FileJob = {}): Promise<CheckReply> {
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    if (closed.file === undefined) this.kept.add(uri);
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ id, uri, text, config, today, keep, ...closed } satisfies CheckJob);
    });
  }

  /** The document is closed, or checked on the main thread from now on: the worker lets its plan go. */
  forget(uri: string): void {
    if (this.kept.delete(uri)) this.worker?.postMessage({ forget: true, uri } satisfies CheckJob);
  }

  private start(): Worker {
    const worker = new Worker(workerScript!);
    worker.unref(); // the server exits when its client goes, whatever the worker is doing
    worker.on('message', (reply: CheckReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    worker.on('error', (e) => this.stopped(worker, e.stack ?? String(e)));
    worker.on('exit', (code) => this.stopped(worker, `The check worker stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  /** A worker that died answers what it was asked with its error; the next check starts another. */
  private stopped(worker: Worker, error: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.kept.clear();
    for (const [id, resolve] of this.waiting) resolve({ id, errors: [error] });
    this.waiting.clear();
  }
}

/** The server's one worker: open documents (validation.ts) and closed files (workspace.ts) share it. */
export const offThread = new OffThreadChecks();
