// No lost bytes: each kind of edit the extension makes (a quick fix, fix-all, a rename, a change
// chosen on the stakeholder map), applied through VS Code and taken back with VS Code's own `undo`,
// leaves the document exactly as it was: comments, blank lines, quotes and CRLF line ends included.
// The document is clean again, and `redo` brings the edit back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { StakeholderField } from '../../server/src/lsp/protocol';
import { repoPath } from '../helpers';
import { activateKam, closeAllEditors, codeOf, eventually, openPlan, positionOf, writeToWorkspace } from './support';

/** A plan with comments, blank lines, flow and block lists, and single- and double-quoted strings. */
const PLAN = fs.readFileSync(repoPath('test', 'fixtures', 'undo', 'harbour-view.kam.yaml'), 'utf8');

const LINE_ENDS = [
  { name: 'LF', eol: '\n', endOfLine: vscode.EndOfLine.LF },
  { name: 'CRLF', eol: '\r\n', endOfLine: vscode.EndOfLine.CRLF },
];

interface Opened {
  uri: vscode.Uri;
  document: vscode.TextDocument;
  diagnostics: vscode.Diagnostic[];
}

interface EditKind {
  /** Names the test and the plan's file. */
  name: string;
  /** Makes the edit through VS Code, as the extension does. */
  apply(plan: Opened): Promise<void>;
  /** Asserts the edit did what it is for, so undo has something real to take back. */
  check(original: string, edited: string, eol: string): void;
}

/** Applies the quick fix titled like `title` that VS Code offers on the plan's first `code` diagnostic. */
async function quickFix({ uri, diagnostics }: Opened, code: string, title: RegExp): Promise<void> {
  const diagnostic = diagnostics.find((d) => codeOf(d) === code);
  assert.ok(diagnostic, `no ${code} among ${diagnostics.map(codeOf).join(', ')}`);
  const actions = await codeActions(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const fix = actions.find((a) => title.test(a.title));
  assert.ok(fix?.edit, `no quick fix like ${title} among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code did not apply the fix');
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  const found = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return found.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/** Makes a change through the open map's own edit, the code path its context menu's message takes. */
async function mapEdit({ uri }: Opened, name: string, field: StakeholderField, value: string): Promise<void> {
  await vscode.commands.executeCommand('kam.showStakeholderMap', uri);
  const map = (await activateKam()).views.maps.open.find((m) => m.uri.toString() === uri.toString());
  assert.ok(map, 'no map panel for the plan');
  // The panel's model, not the command's answer: when the webview's `ready` overtakes the first
  // answer, the command resolves to undefined, though the panel gets its model a moment later.
  const model = await eventually(() => map.model);
  assert.ok(model, 'the map got no model');
  const node = model.map.nodes.find((n) => n.name === name);
  assert.ok(node, `the map shows no ${name}, only ${model.map.nodes.map((n) => n.name).join(', ')}`);
  assert.ok(await map.edit(node.id, field, value), 'the map’s change was not applied');
}

/** `text` with `from` replaced by `to`, asserting `from` is there. */
function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the plan has no \`${from}\``);
  return text.replace(from, to);
}

/** The plan's ids named zhao, as a rename to zhao-min rewrites them (not `zhoa`, not `Dr. Zhao Min`). */
const ZHAO = /(?<![\w-])zhao(?![\w-])/g;

const EDITS: EditKind[] = [
  {
    name: 'quick fix inside quotes (KAM202)',
    apply: (plan) => quickFix(plan, 'KAM202', /^Change `decison-maker` to `decision-maker`$/),
    check: (original, edited) => assert.equal(edited, replaced(original, '["decison-maker",', '["decision-maker",')),
  },
  {
    name: 'quick fix adding a line (KAM305)',
    apply: (plan) => quickFix(plan, 'KAM305', /`deadline`/),
    check(original, edited, eol) {
      const added = new RegExp(`${eol}    deadline: \\d{4}-\\d{2}-\\d{2} # TODO[^\\r\\n]*`);
      assert.match(edited, added);
      assert.equal(edited.replace(added, ''), original, 'the fix changed more than the line it adds');
    },
  },
  {
    name: 'fix-all (source.fixAll.kam)',
    async apply({ uri, document }) {
      const actions = await codeActions(uri, new vscode.Range(0, 0, document.lineCount, 0), 'source.fixAll.kam');
      assert.equal(actions.length, 1, `expected one fix-all action, got: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(actions[0].edit, 'fix-all carries no edit');
      assert.ok(await vscode.workspace.applyEdit(actions[0].edit), 'VS Code did not apply fix-all');
    },
    check(original, edited, eol) {
      for (const fixed of ['roles: ["decision-maker", influencer]   # typo kept on purpose', 'reports_to: zhao   # misspelt']) {
        assert.ok(edited.includes(fixed), `fix-all did not write \`${fixed}\``);
      }
      assert.match(edited, new RegExp(`${eol}  financials:${eol}    our_sales: `));
      assert.match(edited, new RegExp(`${eol}    deadline: \\d{4}-\\d{2}-\\d{2} # TODO`));
      assert.equal(edited.split(eol).length - original.split(eol).length, 4, 'fix-all adds four lines');
    },
  },
  {
    name: 'rename of a stakeholder id',
    async apply({ uri, document }) {
      const at = positionOf(document, 'reports_to: zhao', 'zhao');
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, at, 'zhao-min');
      assert.ok(edit, 'no rename edit');
      assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code did not apply the rename');
    },
    check(original, edited) {
      // The id, a reports_to, a `with` list and a feedback's `from`: four lines.
      assert.equal(original.match(ZHAO)?.length, 4);
      assert.equal(edited, original.replace(ZHAO, 'zhao-min'));
    },
  },
  {
    name: 'stakeholder map: a quoted stance',
    apply: (plan) => mapEdit(plan, 'Dr. Zhao Min', 'stance', 'supporter'),
    check: (original, edited) => assert.equal(edited, replaced(original, 'stance: "neutral"', 'stance: "supporter"')),
  },
  {
    name: 'stakeholder map: a role added to a block list',
    apply: (plan) => mapEdit(plan, 'Wang Jun', 'role', 'guide'),
    check: (original, edited, eol) => {
      const comment = '        # - constrainer? to be confirmed';
      assert.equal(edited, replaced(original, comment, `${comment}${eol}        - guide`));
    },
  },
  {
    name: 'stakeholder map: a role taken out of a flow list',
    apply: (plan) => mapEdit(plan, 'Liu Yan', 'role', 'guide'),
    check: (original, edited) => assert.equal(edited, replaced(original, '[constrainer, guide, implementer]', '[constrainer, implementer]')),
  },
];

/** Asserts two texts are the same to the byte, showing where they part (with \r and \n visible). */
function assertSameText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let at = 0;
  while (actual[at] === expected[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 40), at + 40));
  assert.fail(
    `${what}: the text differs from offset ${at} on (${Buffer.byteLength(actual)} bytes, expected ${Buffer.byteLength(expected)})\n` +
      `  actual:   ${around(actual)}\n  expected: ${around(expected)}`,
  );
}

/** Runs `undo` or `redo` in the document's editor, as Ctrl+Z and Ctrl+Y do, and waits for the document to change. */
async function inEditor(command: 'undo' | 'redo', document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  const version = document.version;
  await vscode.commands.executeCommand(command);
  await eventually(() => document.version !== version, 5_000);
}

describe('Undo after each edit in VS Code', () => {
  before(async () => {
    await activateKam();
    assert.ok(!PLAN.includes('\r'), 'the fixture is meant to be written with LF line ends (the CRLF variant is made from it)');
  });
  afterEach(closeAllEditors);

  for (const { name: lineEnds, eol, endOfLine } of LINE_ENDS) {
    describe(`a plan with ${lineEnds} line ends`, () => {
      const text = PLAN.replace(/\n/g, eol);

      for (const [i, kind] of EDITS.entries()) {
        it(`${kind.name}: undo gives back the file to the byte, redo the edit`, async () => {
          const uri = writeToWorkspace(`undo/${i + 1}-${lineEnds}.kam.yaml`, text);
          const { document, diagnostics } = await openPlan(uri, (ds) => ds.some((d) => codeOf(d) === 'KAM202'));
          assert.equal(document.eol, endOfLine, `VS Code did not take the plan for ${lineEnds}`);
          const original = document.getText();
          assertSameText(original, text, 'the plan as VS Code read it');
          assert.equal(document.isDirty, false);

          await kind.apply({ uri, document, diagnostics });
          const edited = document.getText();
          assert.notEqual(edited, original, 'the edit changed nothing');
          kind.check(original, edited, eol);

          await inEditor('undo', document);
          assertSameText(document.getText(), original, 'after undo');
          assert.ok(await eventually(() => !document.isDirty, 5_000), 'the document is still dirty after undo');
          assertSameText(fs.readFileSync(uri.fsPath, 'utf8'), document.getText(), 'the file on disk against the document');

          await inEditor('redo', document);
          assertSameText(document.getText(), edited, 'after redo');
          assert.ok(await eventually(() => document.isDirty, 5_000), 'the redone edit is not marked unsaved');
        });
      }
    });
  }
});
