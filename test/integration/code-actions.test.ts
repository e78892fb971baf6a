// Quick fixes and fix-all as VS Code asks for them (the light bulb, "Fix All", codeActionsOnSave):
// through vscode.executeCodeActionProvider, applied as the editor applies them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, codeOf, copyToWorkspace, findings, fixtureFindings, nextDiagnostics, openPlan } from './support';

const CODE = 'KAM202';

function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Thenable<(vscode.CodeAction | vscode.Command)[]> {
  return vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind);
}

function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return !('command' in a && typeof a.command === 'string');
}

/** The comments of a text, in order: a fix must keep every one of them. */
function comments(text: string): string[] {
  return text.match(/#.*$/gm) ?? [];
}

/** Opens a fresh copy of the KAM202 fixture once its findings are all in. */
async function openFixture(name: string) {
  const expected = fixtureFindings(CODE);
  const uri = copyToWorkspace(`test/fixtures/rules/${CODE}.fires.kam.yaml`, `fixes/${name}.kam.yaml`);
  const opened = await openPlan(uri, (ds) => findings(ds, CODE).length >= expected.length);
  assert.deepEqual(findings(opened.diagnostics, CODE), expected);
  return { uri, expected, ...opened };
}

describe('Quick fixes in VS Code', () => {
  before(activateKam);
  afterEach(closeAllEditors);

  it('replaces a mistyped role with the one KAM202 suggests, keeping the comments', async () => {
    const { uri, document, diagnostics, expected } = await openFixture('quick-fix');
    const typo = diagnostics.find((d) => codeOf(d) === CODE && document.getText(d.range) === 'decison-maker');
    assert.ok(typo, `no ${CODE} on \`decison-maker\` among ${diagnostics.map((d) => `${codeOf(d)}: ${document.getText(d.range)}`).join(', ')}`);

    const actions = (await codeActions(uri, typo.range)).filter(isCodeAction);
    // (The API command hands back kind, title and edit; not the diagnostics an action fixes.)
    const quickFixes = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(
      quickFixes.map((a) => a.title),
      ['Change `decison-maker` to `decision-maker`', 'Fix all auto-fixable KAM problems'],
    );
    const [fix] = quickFixes;
    assert.ok(fix.edit, 'the quick fix carries no edit');
    assert.equal(fix.isPreferred, true, 'the one obvious fix is the preferred one');

    const before = document.getText();
    const line = typo.range.start.line;
    const gone = nextDiagnostics(uri, (ds) => !findings(ds, CODE).some((f) => f.line === line + 1));
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code did not apply the fix');
    assert.equal(document.lineAt(line).text, before.split('\n')[line].replace('decison-maker', 'decision-maker'));
    assert.deepEqual(comments(document.getText()), comments(before));
    // The finding is gone, the other two stay where they were.
    assert.deepEqual(findings(await gone, CODE), expected.filter((f) => f.line !== line + 1));
  });

  it('fixes every auto-fixable problem with source.fixAll.kam, leaving the rest', async () => {
    const { uri, document } = await openFixture('fix-all');
    const before = document.getText();
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = (await codeActions(uri, whole, 'source.fixAll.kam')).filter(isCodeAction);
    assert.deepEqual(
      actions.map((a) => a.kind?.value),
      ['source.fixAll.kam'],
      `expected one fix-all action, got: ${actions.map((a) => `${a.kind?.value} ${a.title}`).join(' | ')}`,
    );
    const [fixAll] = actions;
    assert.ok(fixAll.edit, 'fix-all carries no edit');

    const settled = nextDiagnostics(uri, (ds) => findings(ds, CODE).length === 1);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit), 'VS Code did not apply fix-all');
    const text = document.getText();
    // Both suggested names replaced; `champion` (a stance, no role to suggest) left for a person to decide.
    assert.match(text, /roles: \[decision-maker\] # expect: KAM202/);
    assert.match(text, /roles: \[指导者, 杀手\] # expect: KAM202/);
    assert.match(text, /- champion # expect: KAM202/);
    assert.deepEqual(comments(text).filter((c) => comments(before).includes(c)), comments(before), 'a comment was lost');
    // The missing diagnosis sections (KAM102) are filled in too.
    const after = await settled;
    const champion = text.split('\n').findIndex((l) => l.includes('- champion')) + 1;
    assert.deepEqual(findings(after, CODE), [{ code: CODE, line: champion }]);
    assert.deepEqual(findings(after, 'KAM102'), [], 'fix-all left KAM102 findings');
  });
});
