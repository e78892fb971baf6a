// What the extension-host tests share: the activated extension, plans copied into the workspace,
// and waiting for the language server's diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KamApi } from '../../client/src/extension';
import { byCodeAndLine, fixtureExpectations, repoPath, type Expectation } from '../helpers';

export const EXTENSION_ID = 'kam-plan.kam-plan';
export const LANGUAGE_ID = 'kam-yaml';

/**
 * Activates the extension (once) and returns what activate() returned, once the walkthrough it
 * opens on a first activation is up (so it opens before any test's editors, not among them).
 */
export async function activateKam(): Promise<KamApi> {
  const extension = vscode.extensions.getExtension<KamApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  await api.walkthroughShown;
  return api;
}

let fallbackWorkspace: string | undefined;

/** The folder the tests write plans into: the open workspace folder, else a temporary one. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder?.uri.scheme === 'file') return folder.uri.fsPath;
  fallbackWorkspace ??= fs.mkdtempSync(path.join(os.tmpdir(), 'kam-integration-'));
  return fallbackWorkspace;
}

/**
 * Copies a repository file (e.g. `test/fixtures/rules/KAM101.fires.kam.yaml`) into the workspace,
 * under `as` if given, so the test works on a copy it may edit. Returns the copy's URI.
 */
export function copyToWorkspace(repoRelative: string, as = repoRelative): vscode.Uri {
  return writeToWorkspace(as, fs.readFileSync(repoPath(repoRelative)));
}

/** Writes a plan into the workspace (e.g. a fixture turned to CRLF). Returns its URI. */
export function writeToWorkspace(as: string, text: string | Uint8Array): vscode.Uri {
  const target = path.join(workspaceDir(), as);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return vscode.Uri.file(target);
}

/** The findings a fixture expects of its own rule (from its `# expect:` comments). */
export function fixtureFindings(code: string): Expectation[] {
  const text = fs.readFileSync(repoPath('test', 'fixtures', 'rules', `${code}.fires.kam.yaml`), 'utf8');
  return fixtureExpectations(text).expected.filter((e) => e.code === code).sort(byCodeAndLine);
}

/** A diagnostic's code as a string: the server sends `code` with a `codeDescription`, which VS Code turns into `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Diagnostics as `{ code, line }` (1-based, where the finding starts), sorted, optionally of one code. */
export function findings(diagnostics: readonly vscode.Diagnostic[], code?: string): Expectation[] {
  return diagnostics
    .map((d) => ({ code: codeOf(d) ?? '', line: d.range.start.line + 1 }))
    .filter((f) => code === undefined || f.code === code)
    .sort(byCodeAndLine);
}

type Until = (diagnostics: vscode.Diagnostic[]) => boolean;

/**
 * Resolves with the document's diagnostics once a change to them satisfies `until` (any change
 * by default), or with whatever they are after `timeoutMs`, so the caller's assertion shows what
 * did arrive rather than a bare timeout. Call before the action that triggers the change.
 */
export function nextDiagnostics(uri: vscode.Uri, until: Until = () => true, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(vscode.languages.getDiagnostics(uri));
    };
    const timer = setTimeout(finish, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString()) && until(vscode.languages.getDiagnostics(uri))) finish();
    });
  });
}

/** Opens a plan in an editor and waits for the server's first diagnostics on it (see nextDiagnostics). */
export async function openPlan(uri: vscode.Uri, until?: Until): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const arrived = nextDiagnostics(uri, until);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return { document, diagnostics: await arrived };
}

/** Inserts text at the top of the document, as typing would. */
export async function insertAtTop(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
}

/** Saves and closes every editor, so each test file starts from a clean window. */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The position of `word` inside the first occurrence of `context` in the document (the context itself by default). */
export function positionOf(document: vscode.TextDocument, context: string, word = context): vscode.Position {
  const at = document.getText().indexOf(context);
  assert.ok(at >= 0, `${path.basename(document.uri.fsPath)} has no \`${context}\``);
  const inner = context.indexOf(word);
  assert.ok(inner >= 0, `\`${word}\` is not in \`${context}\``);
  return document.positionAt(at + inner);
}

/**
 * Polls `probe` until it returns something truthy and returns that; after `timeoutMs`, returns its
 * last answer, so the caller's assertion shows what there was.
 */
export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a document in an editor without waiting for diagnostics (for requests that need none). */
export async function showPlan(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}
