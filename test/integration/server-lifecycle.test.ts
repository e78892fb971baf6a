// The language server keeps checking after a restart on request and after it dies.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, copyToWorkspace, findings, fixtureFindings, insertAtTop, nextDiagnostics, openPlan } from './support';

const CODE = 'KAM101';

/** The language servers this extension host started (Linux: read from /proc). */
function serverProcesses(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server.js');
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** The one running language server, waiting while a stopped one is still exiting. */
async function theServerProcess(): Promise<number> {
  let found = serverProcesses();
  for (let tries = 0; found.length !== 1 && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    found = serverProcesses();
  }
  assert.equal(found.length, 1, `expected one language server process, found ${found.length}`);
  return found[0];
}

/**
 * Opens a fresh copy of the KAM101 fixture, then after `disrupt` inserts a line at the top: the
 * finding moving down one line shows a live server read the edit.
 */
async function checksAfter(name: string, disrupt: () => Promise<void>): Promise<void> {
  const expected = fixtureFindings(CODE);
  const uri = copyToWorkspace(`test/fixtures/rules/${CODE}.fires.kam.yaml`, `fixtures/${name}.kam.yaml`);
  const { document, diagnostics } = await openPlan(uri, (ds) => findings(ds, CODE).length > 0);
  assert.deepEqual(findings(diagnostics, CODE), expected);

  await disrupt();

  const moved = expected.map((f) => ({ ...f, line: f.line + 1 }));
  const after = nextDiagnostics(uri, (ds) => findings(ds, CODE).some((f) => f.line === moved[0].line));
  await insertAtTop(document, '# edited after the server restarted\n');
  assert.deepEqual(findings(await after, CODE), moved);
}

describe('Language server lifecycle', () => {
  before(activateKam);
  afterEach(closeAllEditors);

  it('checks again after kam.restartServer', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('kam.restartServer'), 'kam.restartServer is not registered');
    await checksAfter('restart-command', async () => {
      await vscode.commands.executeCommand('kam.restartServer');
      assert.ok((await activateKam()).client.isRunning(), 'the client is not running after the restart');
    });
  });

  it('restarts the server after it is killed', async function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip(); // finding the server's process needs Linux's /proc
    let killed = 0;
    await checksAfter('server-killed', async () => {
      killed = await theServerProcess();
      process.kill(killed, 'SIGKILL');
    });
    assert.notEqual(await theServerProcess(), killed);
  });
});
