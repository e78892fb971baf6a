// Completion as the editor's suggest widget asks for it (vscode.executeCompletionItemProvider).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, copyToWorkspace, positionOf, showPlan } from './support';

const SIX_ROLES = ['decision-maker', 'proposer', 'guide', 'implementer', 'constrainer', 'influencer'];

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('Completion in VS Code', () => {
  before(activateKam);
  after(closeAllEditors);

  it('offers the six roles inside `roles: [ ]`', async () => {
    const uri = copyToWorkspace('examples/riverside-general.kam.yaml', 'completion/roles.kam.yaml');
    const document = await showPlan(uri);
    // Empty the list of the first stakeholder, as if about to type a role.
    const list = positionOf(document, 'roles: [decision-maker, influencer]', '[');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(list, list.translate(0, '[decision-maker, influencer]'.length)), '[]');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.lineAt(list.line).text.trim(), 'roles: []');

    const items = await completionsAt(uri, list.translate(0, 1));
    const labels = items.map(labelOf);
    for (const role of SIX_ROLES) assert.ok(labels.includes(role), `${role} is not offered; offered: ${labels.join(', ')}`);
    // Role names, not keys or snippets, and each one explained.
    const guide = items.find((i) => labelOf(i) === 'guide')!;
    assert.equal(guide.kind, vscode.CompletionItemKind.EnumMember);
    assert.ok(guide.detail || guide.documentation, 'the role comes without an explanation');
  });
});
