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
    await checksAfter('server-killed', async () => {
      const [pid, ...others] = serverProcesses();
      assert.ok(pid !== undefined && others.length === 0, `expected one language server process, found ${[pid, ...others]}`);
      process.kill(pid, 'SIGKILL');
    });
    assert.equal(serverProcesses().length, 1, 'no single new language server process');
  });
});
