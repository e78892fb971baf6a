// Quick fixes through the real server process: the published diagnostics come back as code actions
// whose edits, applied, remove the finding and keep every comment.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, type CodeAction, type TextEdit } from 'vscode-languageserver-protocol';
import { repoPath } from '../helpers';
import { LspClient } from './lsp-client';

const comments = (text: string) => text.split(/\r?\n/).filter((l) => l.trim().startsWith('#'));

describe('LSP code actions', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client.close());

  for (const code of ['KAM101', 'KAM202', 'KAM301', 'KAM501']) {
    it(`${code}: the preferred fix removes the finding and keeps the comments`, async () => {
      const text = fs.readFileSync(repoPath('test', 'fixtures', 'rules', `${code}.fires.kam.yaml`), 'utf8');
      const uri = client.open(`untitled:${code}-fix.kam.yaml`, text);
      const { diagnostics } = await client.waitForDiagnostics(uri);
      const target = diagnostics.find((d) => d.code === code);
      assert.ok(target, `${code} is published`);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: target.range,
        context: { diagnostics: [target] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.isPreferred) ?? actions[0];
      assert.ok(fix?.edit?.changes?.[uri], `a quick fix with edits for ${code}`);
      const fixed = TextDocument.applyEdits(client.document(uri), fix.edit.changes[uri] as TextEdit[]);
      assert.deepEqual(comments(fixed), comments(text));
      client.replace(uri, text, fixed);
      const after = await client.waitForDiagnostics(uri, (p) => p.version === client.document(uri).version);
      const before = diagnostics.filter((d) => d.code === code).length;
      assert.ok(after.diagnostics.filter((d) => d.code === code).length < before, `${code} count drops`);
      assert.ok(!after.diagnostics.some((d) => d.code === 'KAM001'), 'still valid YAML');
    });
  }

  it('offers fix-all as source.fixAll.kam', async () => {
    const text = fs.readFileSync(repoPath('test', 'fixtures', 'fixes', 'messy.kam.yaml'), 'utf8');
    const uri = client.open('untitled:messy.kam.yaml', text);
    await client.waitForDiagnostics(uri);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kam'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.kam');
    const fixed = TextDocument.applyEdits(client.document(uri), actions[0].edit!.changes![uri] as TextEdit[]);
    assert.deepEqual(comments(fixed), comments(text));
  });
});
