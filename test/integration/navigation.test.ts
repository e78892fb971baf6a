// Go to Definition, Find All References, highlights and Rename Symbol on plan ids, as the editor asks
// for them (the vscode.execute*Provider commands).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, copyToWorkspace, positionOf, showPlan } from './support';

/** The 0-based lines where `zhao` stands as an id or a reference to it in riverside-general. */
function zhaoLines(text: string): number[] {
  return text
    .split('\n')
    .flatMap((line, i) => (/(id|reports_to|from): zhao$|with: \[.*(?<![\w-])zhao(?![\w-])/.test(line) ? [i] : []));
}

const linesOf = (locations: readonly { range: vscode.Range }[]) => locations.map((l) => l.range.start.line).sort((a, b) => a - b);

describe('Navigation and rename in VS Code', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    await activateKam();
    uri = copyToWorkspace('examples/riverside-general.kam.yaml', 'navigation/riverside.kam.yaml');
    document = await showPlan(uri);
  });
  after(closeAllEditors);

  it('goes from a `with:` reference to the stakeholder’s id', async () => {
    const at = positionOf(document, 'with: [zhao', 'zhao');
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, at);
    assert.equal(targets.length, 1, `expected one definition, got ${targets.length}`);
    const target = targets[0];
    const [targetUri, range] = 'targetUri' in target ? [target.targetUri, target.targetSelectionRange ?? target.targetRange] : [target.uri, target.range];
    assert.equal(targetUri.toString(), uri.toString());
    assert.equal(document.getText(range), 'zhao');
    assert.equal(document.lineAt(range.start.line).text, '    - id: zhao');
  });

  it('finds every reference of a stakeholder and highlights them', async () => {
    const at = positionOf(document, 'reports_to: zhao', 'zhao');
    const expected = zhaoLines(document.getText());
    assert.equal(expected.length, 6);
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, at);
    assert.deepEqual(linesOf(references), expected);
    for (const r of references) assert.equal(document.getText(r.range), 'zhao');
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', uri, at);
    assert.deepEqual(linesOf(highlights), expected);
    const definition = highlights.find((h) => h.range.start.line === expected[0]);
    assert.equal(definition?.kind, vscode.DocumentHighlightKind.Write, 'the id is highlighted as written');
  });

  it('refuses a name that is not an id, with the reason', async () => {
    const at = positionOf(document, '- id: zhao', 'zhao');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, at, 'bad id')),
      (e: Error) => e.message.includes('`bad id`'),
    );
  });

  it('renames a stakeholder in every reference and nowhere else', async () => {
    const before = document.getText();
    const at = positionOf(document, 'with: [zhao', 'zhao');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, at, 'zhao-min');
    assert.ok(edit, 'no rename edit');
    assert.deepEqual(
      edit.entries().map(([u]) => u.toString()),
      [uri.toString()],
      'the rename reaches into another file',
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code did not apply the rename');
    const expected = before.replace(/^(\s*(?:- id|reports_to|from): )zhao$/gm, '$1zhao-min').replace('with: [zhao, liu]', 'with: [zhao-min, liu]');
    assert.notEqual(expected, before);
    assert.equal(document.getText(), expected);
    assert.deepEqual(zhaoLines(document.getText()), [], 'a reference still says zhao');
    assert.match(document.getText(), /name: Dr\. Zhao Min/, 'the name is not an id');
  });
});
