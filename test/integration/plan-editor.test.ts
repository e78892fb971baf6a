// The plan editor in a real VS Code: a plan opened in the form (kam.planEditor), intents applied
// through the form's own path (kam/formEdit, then workspace.applyEdit), VS Code's undo giving back the
// file to the byte and redo the edit, dirty and save as for any edit, and the form following a change
// made in the text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { FormResult } from '../../server/src/lsp/protocol';
import type { FormField, FormNode } from '../../server/src/services/form/form-model';
import { repoPath } from '../helpers';
import { activateKam, closeAllEditors, eventually, writeToWorkspace } from './support';

const PLAN = fs.readFileSync(repoPath('test', 'fixtures', 'undo', 'harbour-view.kam.yaml'), 'utf8');

function fieldValue(result: FormResult | undefined, path: (string | number)[]): FormField['value'] | undefined {
  const want = JSON.stringify(path);
  const visit = (n: any): FormField | undefined => {
    if (n.type === 'field') return JSON.stringify(n.path) === want ? n : undefined;
    for (const k of n.items ?? n.children ?? []) {
      const found = visit(k);
      if (found) return found;
    }
    return undefined;
  };
  for (const s of (result?.form.sections ?? []) as FormNode[]) {
    const found = visit(s);
    if (found) return found.value;
  }
  return undefined;
}

async function openForm(name: string, text: string) {
  const uri = writeToWorkspace(`form/${name}.kam.yaml`, text);
  const { views } = await activateKam();
  const editor = await views.forms.openForm(uri);
  assert.ok(editor, 'kam.openPlanEditor opened no form');
  const model = await eventually(() => editor.model);
  assert.ok(model, 'the form got no model');
  assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputCustom, true, 'the plan shows in a custom editor');
  return { uri, editor, document: editor.document };
}

describe('Plan editor (the form)', () => {
  before(() => activateKam());
  afterEach(closeAllEditors);

  for (const { name, eol } of [
    { name: 'LF', eol: '\n' },
    { name: 'CRLF', eol: '\r\n' },
  ]) {
    it(`intents from the form are edits: undo gives back the file to the byte, redo the edit, save cleans (${name})`, async () => {
      const text = PLAN.replace(/\n/g, eol);
      const { uri, editor, document } = await openForm(`undo-${name}`, text);
      assert.equal(document.getText(), text);
      assert.equal(document.isDirty, false);

      assert.ok(await editor.apply({ op: 'set', path: ['account', 'owner'], value: 'Zhou Min' }), 'the set was not applied');
      const once = document.getText();
      assert.notEqual(once, text);
      assert.ok(document.isDirty, 'an edit from the form marks the plan unsaved');
      assert.ok(await editor.apply({ op: 'add', path: ['diagnosis', 'stakeholders'] }), 'the add was not applied');
      const edited = document.getText();
      assert.ok(!/[^\r]\n/.test(edited) || eol === '\n', 'the line ends stay CRLF');
      for (const comment of text.match(/#[^\r\n]*/g) ?? []) assert.ok(edited.includes(comment), `the comment \`${comment}\` is kept`);
      const model = await eventually(async () => {
        const m = editor.model;
        return m && m.version === document.version ? m : undefined;
      });
      assert.equal(fieldValue(model, ['account', 'owner']), 'Zhou Min', 'the form shows its own edit');

      // Ctrl+Z in the form: VS Code's own undo of the text document.
      await vscode.commands.executeCommand('undo');
      await eventually(() => document.getText() === once, 5_000);
      await vscode.commands.executeCommand('undo');
      assert.ok(await eventually(() => document.getText() === text, 5_000), 'undo did not give back the original text');
      assert.ok(await eventually(() => !document.isDirty, 5_000), 'the plan is still dirty after undo');
      await vscode.commands.executeCommand('redo');
      await vscode.commands.executeCommand('redo');
      assert.ok(await eventually(() => document.getText() === edited, 5_000), 'redo did not bring the edits back');
      assert.ok(document.isDirty);
      assert.ok(await document.save(), 'the plan did not save');
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), edited, 'the file on disk is what the form made');
      assert.equal(document.isDirty, false);
    });
  }

  it('a change made in the text shows in the open form', async () => {
    const { editor, document } = await openForm('follow', PLAN);
    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('"Harbour View') + 1; // the name, not the comment above it
    assert.ok(at >= 0);
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 'Harbour View'.length)), 'Seaside');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const model = await eventually(() => (editor.model && String(fieldValue(editor.model, ['account', 'name'])).startsWith('Seaside') ? editor.model : undefined));
    assert.ok(model, `the form still shows ${String(fieldValue(editor.model, ['account', 'name']))}`);
  });

  it('an intent made on an older version is refused, and the plan keeps its text', async () => {
    const { editor, document } = await openForm('stale', PLAN);
    const version = document.version;
    assert.ok(await editor.apply({ op: 'set', path: ['account', 'owner'], value: 'A' }));
    const after = document.getText();
    assert.equal(await editor.apply({ op: 'set', path: ['account', 'owner'], value: 'B' }, version), false);
    assert.equal(document.getText(), after);
  });

  it('KAM: Open as Text shows the same document in the text editor', async () => {
    const { uri, document } = await openForm('as-text', PLAN);
    await vscode.commands.executeCommand('kam.openAsText', uri);
    const text = await eventually(() => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined));
    assert.ok(text, 'no text editor for the plan');
    assert.equal(text.document, document);
  });
});
