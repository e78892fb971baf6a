// Completion and hover through the real server process.
import * as assert from 'node:assert/strict';
import { CompletionRequest, HoverRequest, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver-protocol';
import { ROLES } from '../../server/src/engine/roles';
import { readRepoFile } from '../helpers';
import { LspClient } from './lsp-client';

const TEXT = readRepoFile('examples', 'riverside-general.kam.yaml');

function labels(result: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((i) => i.label);
}

describe('LSP completion and hover', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client.close());

  it('offers all six roles inside `roles: [ ]`', async () => {
    const text = TEXT.replace('roles: [proposer]', 'roles: [ ]');
    const uri = client.open('untitled:roles.kam.yaml', text);
    const position = client.positionOf(uri, 'roles: [ ]', 'roles: ['.length);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const offered = labels(result);
    for (const role of ROLES) assert.ok(offered.includes(role), `${role} offered`);
    assert.ok(offered.includes('指导者'), 'Chinese aliases offered too');
  });

  it('offers stakeholder ids in `with:`', async () => {
    const text = TEXT.replace('with: [wang, chen]', 'with: [wang, ]');
    const uri = client.open('untitled:with.kam.yaml', text);
    const position = client.positionOf(uri, 'with: [wang, ]', 'with: [wang, '.length);
    const offered = labels(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
    assert.ok(offered.includes('zhao') && offered.includes('liu') && offered.includes('chen'));
    assert.ok(!offered.includes('wang'), 'an id already listed is not offered again');
  });

  it('shows the stakeholder behind a `with:` reference', async () => {
    const uri = client.open('untitled:hover.kam.yaml', TEXT);
    await client.waitForDiagnostics(uri);
    const position = client.positionOf(uri, 'with: [zhao', 'with: ['.length + 1);
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.match((result?.contents as MarkupContent).value, /Dr\. Zhao Min/);
  });

  it('hovers in Chinese when the locale is zh-cn', async () => {
    const zh = await LspClient.start({ locale: 'zh-cn' });
    try {
      const uri = zh.open('untitled:hover-zh.kam.yaml', TEXT);
      const position = zh.positionOf(uri, 'diagnosis:', 2);
      const result = await zh.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      assert.match((result?.contents as MarkupContent).value, /诊断/);
    } finally {
      await zh.close();
    }
  });
});
