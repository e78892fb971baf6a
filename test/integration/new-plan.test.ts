// "KAM: New Plan" with its questions answered by arguments: a `name.kam.yaml` from the whole-plan
// snippet, opened as a KAM plan, and never over an existing file.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, LANGUAGE_ID, workspaceDir } from './support';

describe('New Plan in VS Code', () => {
  before(activateKam);
  after(closeAllEditors);

  it('creates the plan from the template and opens it as kam-yaml', async () => {
    const folder = vscode.Uri.file(path.join(workspaceDir(), 'new-plan'));
    await vscode.workspace.fs.createDirectory(folder);
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('kam.newPlan', 'Acme Clinic', folder);
    assert.ok(created, 'no plan created');
    assert.equal(path.dirname(created.fsPath), folder.fsPath);
    assert.match(path.basename(created.fsPath), /\.kam\.yaml$/);

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, created.fsPath, 'the new plan is not the active editor');
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    const text = editor.document.getText();
    assert.match(text, /^kam: 1$/m);
    assert.match(text, /^ {2}name: Acme Clinic$/m);
    for (const section of ['account', 'diagnosis', 'goals', 'strategy', 'actions', 'controls', 'feedback']) {
      assert.match(text, new RegExp(`^${section}:`, 'm'), `the template has no ${section}`);
    }

    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('kam.newPlan', 'Acme Clinic', folder);
    assert.ok(again && again.fsPath !== created.fsPath, 'a second plan of the same name overwrote the first');
  });
});
