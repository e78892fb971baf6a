// Resilience: a slow check is superseded by a newer edit (only the latest version's diagnostics are
// published), the server's memory stays bounded over 10,000 edits, and the client restarts a crashed
// server, telling the user once and backing off while it keeps crashing (client/src/restart-policy.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { FREE_RESTARTS, MAX_DELAY_MS, RestartPolicy, WINDOW_MS } from '../../client/src/restart-policy';
import { LspClient } from './lsp-client';

/** A valid plan with `people` stakeholders, five lines each. */
function bigPlan(people: number): string {
  const lines = ['kam: 1', 'account:', '  name: Big Account', '  owner: Li Wei', 'diagnosis:', '  stakeholders:'];
  for (let i = 0; i < people; i++) {
    lines.push(`    - id: p${i}`, `      name: Person ${i}`, '      roles: [guide]', '      stance: neutral', '      influence: low');
  }
  return `${lines.join('\n')}\n`;
}

/** The process's resident memory in bytes (Linux). */
function rss(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  assert.ok(kb, 'no VmRSS');
  return Number(kb) * 1024;
}

describe('language server: resilience', function () {
  this.timeout(120_000);
  let client: LspClient;
  beforeEach(async () => (client = await LspClient.start()));
  afterEach(() => client?.close());

  it('publishes only the latest version when 30 edits come quickly on a 30,000-line plan', async () => {
    const text = bigPlan(6000);
    assert.ok(text.split('\n').length >= 30_000);
    const uri = client.open('untitled:big.kam.yaml', text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
    const before = client.publications(uri).length;
    for (let v = 2; v <= 31; v++) client.replace(uri, `name: Person ${v}\n`, `name: Person ${v}x\n`);
    await client.waitForDiagnostics(uri, (p) => p.version === 31, 60_000);
    // Anything late would come now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const versions = client.publications(uri).slice(before).map((p) => p.version);
    assert.deepEqual(versions, [31], `published for versions ${versions.join(', ')}`);
    const all = client.publications(uri).map((p) => p.version ?? 0);
    assert.deepEqual(all, [...all].sort((a, b) => a - b), 'an older version published after a newer one');
  });

  it('answers a hover on another plan while a long check runs, before that check publishes', async () => {
    const big = client.open('untitled:long.kam.yaml', bigPlan(6000));
    await client.waitForDiagnostics(big, (p) => p.version === 1, 60_000);
    const small = client.open('untitled:small.kam.yaml', bigPlan(3));
    await client.waitForDiagnostics(small, undefined, 30_000);
    const order: string[] = [];
    // A `*` anywhere makes the next version a full parse and check of 30,000 lines: hundreds of ms.
    client.replace(big, 'name: Person 10\n', 'name: Person 10 # *\n');
    const diagnostics = client.waitForDiagnostics(big, (p) => p.version === 2, 60_000).then(() => order.push('diagnostics'));
    // Past the pause after an edit (at most 150 ms): the check is under way.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const hover = client.connection
      .sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: client.positionOf(small, 'p1', 1) })
      .then(() => order.push('hover'));
    await Promise.all([hover, diagnostics]);
    assert.deepEqual(order, ['hover', 'diagnostics']);
  });

  it('keeps its memory bounded over 10,000 edits', async () => {
    const text = bigPlan(60);
    assert.ok(text.split('\n').length >= 300);
    const uri = client.open('untitled:typing.kam.yaml', text);
    await client.waitForDiagnostics(uri, undefined, 30_000);
    const document = client.document(uri);
    const at = document.positionAt(text.indexOf('Person 30') + 'Person 30'.length);
    const sizes: Record<number, number> = {};
    for (let n = 1; n <= 10_000; n++) {
      // Type a letter, then delete it: the plan stays the same size, so memory should too.
      const version = document.version + 1;
      client.change(uri, version, [n % 2 ? { range: { start: at, end: at }, text: 'a' } : { range: { start: at, end: { ...at, character: at.character + 1 } }, text: '' }]);
      if (n % 100 === 0) await client.waitForDiagnostics(uri, (p) => p.version === version, 30_000);
      if (n === 1000 || n === 10_000) {
        global.gc?.();
        sizes[n] = rss(client.pid!);
      }
    }
    const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
    console.log(`      server RSS after 1,000 edits: ${mb(sizes[1000])} MB; after 10,000: ${mb(sizes[10_000])} MB`);
    assert.ok(sizes[10_000] - sizes[1000] < 50 * 1024 * 1024, `grew by ${mb(sizes[10_000] - sizes[1000])} MB`);
  });
});

describe('client: restart after a crash', () => {
  it('tells the user on the first crash only', () => {
    const policy = new RestartPolicy();
    const told = [0, 1000, 2000, WINDOW_MS * 3].map((t) => policy.crashed(t).tell);
    assert.deepEqual(told, [true, false, false, false]);
  });

  it('restarts at once a few times, then backs off, up to a ceiling', () => {
    const policy = new RestartPolicy();
    const delays = Array.from({ length: 12 }, (_, i) => policy.crashed(i * 10).delayMs);
    assert.deepEqual(delays.slice(0, FREE_RESTARTS), Array(FREE_RESTARTS).fill(0));
    assert.deepEqual(delays.slice(FREE_RESTARTS, FREE_RESTARTS + 4), [1000, 2000, 4000, 8000]);
    assert.equal(Math.max(...delays), MAX_DELAY_MS);
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 8; i++) policy.crashed(i);
    assert.equal(policy.crashed(WINDOW_MS + 100).delayMs, 0, 'a crash long after the last spell restarts at once');
  });
});
