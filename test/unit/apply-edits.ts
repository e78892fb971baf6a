// Applies LSP edits to a string, so tests can compare a rename or a quick fix with the text expected, byte for byte.
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

/** The text after the edits (ranges refer to the original text; overlapping edits throw). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edited.kam.yaml', 'kam-yaml', 0, text), [...edits]);
}

/** The edits a WorkspaceEdit makes to one document, from `changes` or `documentChanges`; fails if it touches any other. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const [target, changes] of Object.entries(edit.changes ?? {})) {
    assert.equal(target, uri, 'the edit touches another document');
    edits.push(...changes);
  }
  for (const change of edit.documentChanges ?? []) {
    assert.ok('textDocument' in change, 'the edit creates, renames or deletes a file');
    assert.equal(change.textDocument.uri, uri, 'the edit touches another document');
    for (const e of change.edits) {
      assert.ok('newText' in e, 'a snippet edit is not plain text');
      edits.push({ range: e.range, newText: e.newText });
    }
  }
  return edits;
}

export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit, uri: string): string {
  return applyEdits(text, editsFor(edit, uri));
}
