// The "Key Account Plan" tree in the Explorer, read through the extension's API (activate() returns
// the tree's provider): the account with its health score, the seven stages, unassigned roles as
// warnings; a click shows the place in the plan; the tree follows edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutlineNode } from '../../server/src/lsp/protocol';
import type { OutlineTree } from '../../client/src/outline-tree';
import { activateKam, closeAllEditors, copyToWorkspace, eventually, positionOf, showPlan } from './support';

const STAGES = ['Diagnosis', 'Forecast', 'Goals', 'Strategy', 'Actions', 'Controls', 'Feedback'];

/** The first item, depth first, that passes `test`, walking the tree as VS Code does (getChildren). */
function find(tree: OutlineTree, test: (n: OutlineNode) => boolean, under?: OutlineNode): OutlineNode | undefined {
  for (const n of tree.getChildren(under)) {
    const found = test(n) ? n : find(tree, test, n);
    if (found) return found;
  }
  return undefined;
}

/** The role items under "Key decision makers" that no one holds. */
function unassigned(tree: OutlineTree): OutlineNode[] {
  const roles = find(tree, (n) => n.kind === 'roles');
  return roles ? tree.getChildren(roles).filter((n) => n.kind === 'role-unassigned') : [];
}

describe('Plan outline tree in VS Code', () => {
  let tree: OutlineTree;
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    tree = (await activateKam()).views.outline;
    // Northgate: four of the six roles held; constrainer and influencer not.
    uri = copyToWorkspace('test/fixtures/rules/KAM201.fires.kam.yaml', 'outline/northgate.kam.yaml');
    document = await showPlan(uri);
  });
  after(closeAllEditors);

  it('shows the active plan: the account with its score, and the seven stages', async () => {
    const shown = await eventually(() => tree.current && vscode.Uri.parse(tree.current.uri).fsPath === uri.fsPath && tree.current);
    assert.ok(shown, `the tree does not show ${uri.fsPath} but ${tree.current?.uri}`);
    const roots = tree.getChildren();
    assert.equal(roots.length, 1);
    const [root] = roots;
    assert.equal(root.kind, 'account');
    assert.equal(root.label, "Northgate Children's Hospital");
    assert.equal(root.description, `${shown.health.score}/100`);
    assert.ok(shown.health.score < 100, 'a plan with findings scores below 100');
    assert.deepEqual(tree.getChildren(root).map((n) => n.label), STAGES);
    assert.ok(tree.getChildren(root).every((n) => n.kind === 'stage'));
    // VS Code draws what getTreeItem gives: the account expanded, showing its score.
    const item = tree.getTreeItem(root);
    assert.equal(item.label, "Northgate Children's Hospital");
    assert.equal(item.description, `${shown.health.score}/100`);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    // The status bar shows the same score.
    const { health } = (await activateKam()).views;
    const status = await eventually(() => health.current?.uri === shown.uri && health.current);
    assert.equal(status && status.score, shown.health.score);
    assert.match(health.item.text, new RegExp(`Plan health ${shown.health.score}$`));
  });

  it('lists the unassigned roles as warning items under the diagnosis', () => {
    const diagnosis = tree.getChildren(tree.getChildren()[0])[0];
    assert.equal(diagnosis.label, 'Diagnosis');
    assert.notEqual(diagnosis.mark, 'ok', 'the diagnosis has findings (KAM201) but no mark');
    const roles = find(tree, (n) => n.kind === 'roles', diagnosis);
    assert.ok(roles, 'no "Key decision makers" item');
    assert.equal(roles.description, '4/6');
    const missing = unassigned(tree);
    assert.deepEqual(missing.map((n) => n.label), ['constrainer', 'influencer']);
    for (const node of missing) {
      assert.equal(node.mark, 'warning');
      assert.equal(node.description, 'unassigned');
      const item = tree.getTreeItem(node);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon && item.iconPath.id === 'warning', `${node.label} has no warning icon`);
      assert.ok(item.tooltip, `${node.label} has no tooltip asking who holds the role`);
    }
  });

  it('shows a stakeholder in the plan when the item is clicked', async () => {
    const he = find(tree, (n) => n.kind === 'stakeholder' && n.label.includes('He Ping'));
    assert.ok(he, 'Dr. He Ping is not in the tree');
    const command = tree.getTreeItem(he).command;
    assert.ok(command, 'the item runs no command on click');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, uri.fsPath);
    assert.equal(editor.document.getText(editor.selection), 'he');
    assert.equal(editor.selection.start.line, positionOf(document, '- id: he').line);
  });

  it('follows the plan as it is edited', async () => {
    const edit = new vscode.WorkspaceEdit();
    const roles = positionOf(document, 'roles: [coach, user]', 'user');
    edit.insert(uri, roles.translate(0, 'user'.length), ', constrainer');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const left = await eventually(() => unassigned(tree).length === 1 && unassigned(tree));
    assert.deepEqual(left && left.map((n) => n.label), ['influencer'], `unassigned now: ${unassigned(tree).map((n) => n.label).join(', ')}`);
    assert.equal(find(tree, (n) => n.kind === 'roles')?.description, '5/6');
  });
});
