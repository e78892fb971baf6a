// The language status items: the server's state with Restart, the .kamrc.yaml the server says applies
// to the active plan (with Open), and the server's output; and an open .kamrc.yaml gets its checks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, eventually, nextDiagnostics, showPlan, writeToWorkspace } from './support';

const PLAN = 'kam: 1\naccount:\n  name: Status Clinic\n  owner: Li Wei\n';

describe('Language status', () => {
  before(activateKam);
  afterEach(closeAllEditors);

  it('shows the server running, with Restart and Show Output', async () => {
    const { views } = await activateKam();
    await showPlan(writeToWorkspace('status/plain.kam.yaml', PLAN));
    const { server, output } = views.status;
    await eventually(() => /KAM Plan server running/.test(server.text));
    assert.match(server.text, /KAM Plan server running/);
    assert.equal(server.command?.command, 'kam.restartServer');
    assert.equal(output.command?.command, 'kam.showOutput');
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['kam.restartServer', 'kam.showOutput']) assert.ok(commands.includes(command), command);
  });

  it('names the .kamrc.yaml that applies to the active plan, or says there is none', async () => {
    const { views } = await activateKam();
    const rc = writeToWorkspace('status/team/.kamrc.yaml', 'rules:\n  KAM201: off\n');
    const withRc = writeToWorkspace('status/team/deep/a.kam.yaml', PLAN);
    const without = writeToWorkspace('status/plain.kam.yaml', PLAN);

    await showPlan(withRc);
    const named = await eventually(async () => (await views.status.refresh())?.rcFile);
    assert.equal(named && vscode.Uri.parse(named).fsPath, rc.fsPath);
    assert.match(views.status.configuration.text, /status\/team\/\.kamrc\.yaml$/);
    assert.equal(views.status.configuration.command?.command, 'vscode.open');

    await showPlan(without);
    await eventually(async () => (await views.status.refresh())?.rcFile === null);
    assert.equal(views.status.current?.rcFile, null);
    assert.match(views.status.configuration.text, /No \.kamrc\.yaml/);
  });

  it('an open .kamrc.yaml gets its own diagnostics, with did-you-mean', async () => {
    await activateKam();
    const rc = writeToWorkspace('status/bad/.kamrc.yaml', 'rules:\n  KAM201: warn\n');
    const diagnostics = nextDiagnostics(rc, (ds) => ds.length > 0);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(rc));
    const [first] = await diagnostics;
    assert.equal(typeof first.code === 'object' ? first.code.value : first.code, 'rc-bad-setting');
    assert.match(first.message, /Did you mean `warning`\?/);
    assert.equal(first.range.start.line, 1);
  });
});
