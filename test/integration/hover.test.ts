// Hover as the editor asks for it (vscode.executeHoverProvider).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, copyToWorkspace, positionOf, showPlan } from './support';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; ranges: vscode.Range[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
  return { text, ranges: hovers.flatMap((h) => (h.range ? [h.range] : [])) };
}

describe('Hover in VS Code', () => {
  before(activateKam);
  after(closeAllEditors);

  it('shows the stakeholder a `with:` reference names', async () => {
    const uri = copyToWorkspace('examples/riverside-general.kam.yaml', 'hover/riverside.kam.yaml');
    const document = await showPlan(uri);
    const { text, ranges } = await hoverText(uri, positionOf(document, 'with: [zhao', 'zhao').translate(0, 1));
    assert.match(text, /Dr\. Zhao Min/, `the hover shows: ${text}`);
    assert.match(text, /President/);
    assert.match(text, /decision maker/);
    assert.ok(ranges.some((r) => document.getText(r) === 'zhao'), 'the hover does not cover the reference');
  });

  it('explains a role name', async () => {
    const uri = copyToWorkspace('examples/riverside-general.kam.yaml', 'hover/riverside-role.kam.yaml');
    const document = await showPlan(uri);
    const { text } = await hoverText(uri, positionOf(document, 'roles: [constrainer]', 'constrainer'));
    assert.match(text, /\*\*constrainer\*\* · 条件限制者 — practicality/, `the hover shows: ${text}`);
    assert.match(text, /payment terms/);
  });
});
