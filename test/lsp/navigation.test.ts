// Navigation and structure through the real server process: definition, references, rename, symbols, folding.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DefinitionRequest,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type DocumentSymbol,
  type Location,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { readRepoFile } from '../helpers';
import { LspClient } from './lsp-client';

const URI = 'untitled:riverside.kam.yaml';
const TEXT = readRepoFile('examples', 'riverside-general.kam.yaml');

describe('LSP navigation and symbols', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
    client.open(URI, TEXT);
    await client.waitForDiagnostics(URI);
  });
  after(() => client.close());

  const at = (search: string, delta = 1) => ({ textDocument: { uri: URI }, position: client.positionOf(URI, search, delta) });
  const line = (n: number) => TEXT.split('\n')[n];

  it('goes from a `with` reference to the stakeholder', async () => {
    const result = (await client.connection.sendRequest(DefinitionRequest.type, at('with: [zhao', 7))) as Location[];
    assert.equal(result.length, 1);
    assert.match(line(result[0].range.start.line), /- id: zhao$/);
  });

  it('finds every reference of a stakeholder, declaration included', async () => {
    const result = (await client.connection.sendRequest(ReferencesRequest.type, {
      ...at('- id: liu', 6),
      context: { includeDeclaration: true },
    })) as Location[];
    // liu: its definition plus `with: [zhao, liu]`
    assert.equal(result.length, 2);
    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, at('- id: liu', 6));
    assert.equal(highlights?.length, 2);
  });

  it('renames a stakeholder id everywhere and nothing else', async () => {
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, at('- id: zhao', 6));
    assert.ok(prepared, 'the id can be renamed');
    const edit = (await client.connection.sendRequest(RenameRequest.type, { ...at('- id: zhao', 6), newName: 'zhao-min' })) as WorkspaceEdit;
    const edits = edit.changes?.[URI] as TextEdit[];
    const renamed = TextDocument.applyEdits(TextDocument.create(URI, 'kam-yaml', 1, TEXT), edits);
    // The id, three `reports_to`, one `with` and one `from` name zhao; "Dr. Zhao Min" and the comments stay.
    const expected = TEXT.replace(/(id|reports_to|from): zhao\n/g, '$1: zhao-min\n').replace('with: [zhao,', 'with: [zhao-min,');
    assert.equal(edits.length, 6);
    assert.equal(renamed, expected);
  });

  it('refuses a rename that clashes, with a message', async () => {
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { ...at('- id: zhao', 6), newName: 'wang' }),
      (e: Error) => /wang/.test(e.message),
    );
  });

  it('answers document symbols and folding ranges', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    const names = symbols.map((s) => s.name);
    for (const section of ['account', 'diagnosis', 'goals', 'actions']) assert.ok(names.includes(section), section);
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.ok(folds && folds.some((f) => line(f.startLine).startsWith('diagnosis:')));
  });

  it('answers the outline of the current version, the same when asked again', async () => {
    const uri = client.open('untitled:outline.kam.yaml', TEXT);
    const outline = async () => (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const goalNames = (symbols: DocumentSymbol[]) => symbols.find((s) => s.name === 'goals')?.children?.map((g) => g.name);
    const first = await outline();
    assert.deepEqual(await outline(), first);
    const goals = goalNames(first)!;
    assert.ok(goals.includes('g-listing'), `goals: ${goals.join(', ')}`);
    client.replace(uri, '- id: g-listing', '- id: g-renamed');
    assert.deepEqual(goalNames(await outline()), goals.map((name) => (name === 'g-listing' ? 'g-renamed' : name)));
  });
});
