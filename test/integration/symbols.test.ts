// The editor's Outline view, breadcrumbs and Go to Symbol read the document symbols
// (vscode.executeDocumentSymbolProvider): the plan's sections, and its people by name and id.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, copyToWorkspace, showPlan } from './support';

function child(symbols: readonly vscode.DocumentSymbol[] | undefined, name: string): vscode.DocumentSymbol {
  const found = symbols?.find((s) => s.name === name);
  assert.ok(found, `no symbol ${name} among ${symbols?.map((s) => s.name).join(', ')}`);
  return found;
}

describe('Document symbols in VS Code', () => {
  before(activateKam);
  after(closeAllEditors);

  it('lists the sections in order and the stakeholders under the diagnosis', async () => {
    const uri = copyToWorkspace('examples/riverside-general.kam.yaml', 'symbols/riverside.kam.yaml');
    const document = await showPlan(uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(symbols?.length, 'no symbols');
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['kam', 'account', 'diagnosis', 'forecast', 'goals', 'strategy', 'actions', 'controls', 'feedback', 'rescue_network'],
    );
    assert.equal(child(symbols, 'account').detail, 'Riverside General Hospital');
    const diagnosis = child(symbols, 'diagnosis');
    assert.equal(document.getText(diagnosis.selectionRange), 'diagnosis');
    assert.deepEqual(diagnosis.children.map((s) => s.name), ['macro', 'micro', 'drivers', 'organization', 'stakeholders', 'financials', 'purchasing_factors']);

    const stakeholders = child(diagnosis.children, 'stakeholders').children;
    assert.deepEqual(
      stakeholders.map((s) => [s.name, s.detail, s.kind, document.getText(s.selectionRange)]),
      [
        ['Dr. Zhao Min (zhao)', 'decision-maker, influencer · President', vscode.SymbolKind.Class, 'zhao'],
        ['Wang Jun (wang)', 'proposer · Director of pharmacy', vscode.SymbolKind.Class, 'wang'],
        ['Dr. Chen Hua (chen)', 'guide, implementer · Head of cardiology', vscode.SymbolKind.Class, 'chen'],
        ['Liu Yan (liu)', 'constrainer · Procurement manager', vscode.SymbolKind.Class, 'liu'],
      ],
    );
    assert.deepEqual(child(symbols, 'goals').children.map((s) => s.name), ['g-share', 'g-listing']);
  });
});
