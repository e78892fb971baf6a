// A long check must not stop the server answering: while a 1 MB hostile plan is checked, a small plan
// is asked for its folding ranges every PING_MS (a request the server answers from the plan alone).
// The figure is the longest any of those waited: how long the server did not answer at all.
import { pathToFileURL } from 'node:url';
import * as os from 'node:os';
import * as path from 'node:path';
import { FoldingRangeRequest } from 'vscode-languageserver-protocol';
import { MAX_PLAN_BYTES } from '../server/src/engine/limits';
import type { ServerSpec } from './lsp';
import { delay, TimingClient } from './lsp';

const PING_MS = 10;
const RUNS = 3;
const IDLE_MS = 2000;
const SMALL = 'kam: 1\naccount:\n  name: Riverside General Hospital\n  owner: Li Wei\n';

export interface LongCheckFigures {
  /** The longest a ping waited over IDLE_MS with nothing to check, in ms. */
  idle: number;
  /** Per run, the longest a ping waited for its answer, in ms. */
  longestWait: number[];
  /** Per run, from opening the hostile plan to its diagnostics, in ms. */
  check: number[];
  /** How many diagnostics the hostile plan got. */
  findings: number;
  bytes: number;
}

/**
 * The worst plan found within the size limit: one top-level map of one-line keys, each unknown to the
 * format (a finding each), just under 1 MB.
 */
export function hostilePlan(): string {
  const lines = ['kam: 1'];
  let bytes = lines[0].length + 1;
  for (let i = 0; ; i++) {
    const line = `k${i}: ${i}`;
    if (bytes + line.length + 1 > MAX_PLAN_BYTES - 1024) break;
    lines.push(line);
    bytes += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

export async function measureLongCheck(spec: ServerSpec, timeoutMs: number): Promise<LongCheckFigures> {
  const text = hostilePlan();
  const client = await TimingClient.start(spec);
  try {
    const base = pathToFileURL(path.join(os.tmpdir(), 'kam-bench-long')).href;
    const small = `${base}/small.kam.yaml`;
    await client.timeToDiagnostics(small, () => client.open(small, SMALL), timeoutMs);
    /** Pings until `done` settles; the longest any ping waited, in ms. */
    const pingUntil = async (done: Promise<unknown>): Promise<number> => {
      let over = false;
      void done.finally(() => (over = true));
      let longest = 0;
      const waits: Promise<void>[] = [];
      while (!over) {
        const sent = performance.now();
        const answered = client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: small } });
        waits.push(answered.then(() => void (longest = Math.max(longest, performance.now() - sent))));
        await Promise.race([delay(PING_MS), done]);
      }
      await Promise.all(waits);
      return longest;
    };
    // The same pings with nothing to check: what the machine's load alone costs them.
    const idle = await pingUntil(delay(IDLE_MS));
    const figures: LongCheckFigures = { idle, longestWait: [], check: [], findings: 0, bytes: Buffer.byteLength(text) };
    for (let run = 0; run < RUNS; run++) {
      const uri = `${base}/hostile-${run}.kam.yaml`;
      const started = performance.now();
      const published = client.nextDiagnostics(uri, timeoutMs);
      client.open(uri, text);
      const longest = await pingUntil(published);
      figures.check.push(performance.now() - started);
      figures.longestWait.push(longest);
      figures.findings = (await published).diagnostics.length;
      const closed = client.nextDiagnostics(uri, timeoutMs).catch(() => undefined);
      client.close(uri);
      await closed;
    }
    return figures;
  } finally {
    await client.stop();
  }
}
