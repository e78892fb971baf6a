// What every view of a plan shares: which plan is active, asking the server about it, revealing a
// range of it, and knowing when to look again. A view looks again when the plan's text changes (after
// a pause a little longer than the server's own, so its check is usually done), when the plan's
// diagnostics change (settings, .kamrc.yaml, workspace checking) and when the server (re)starts.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { PlanParams } from '../../server/src/lsp/protocol';
import type { Range } from 'vscode-languageserver-types';

export const LANGUAGE_ID = 'kam-yaml';
export const REFRESH_DELAY_MS = 250;

export function isPlan(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === LANGUAGE_ID;
}

/** The plan in the active editor, if it shows one. */
export function activePlanUri(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return isPlan(document) ? document.uri : undefined;
}

export class PlanSource implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** A plan (or, with undefined, every plan) may look different now. */
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(readonly client: LanguageClient) {
    this.subscriptions = [
      this.changed,
      vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (isPlan(document) && contentChanges.length > 0) this.schedule(document.uri);
      }),
      vscode.languages.onDidChangeDiagnostics(({ uris }) => uris.forEach((uri) => this.schedule(uri))),
      client.onDidChangeState(({ newState }) => newState === State.Running && this.changed.fire(undefined)),
    ];
  }

  /**
   * The server's answer about a plan; undefined when the server is not running or the request
   * fails (logged: a view shows what it has rather than an error on every keystroke).
   */
  async ask<R>(method: string, uri: vscode.Uri, params: object = {}): Promise<R | undefined> {
    if (!this.client.isRunning()) return undefined;
    try {
      const result = await this.client.sendRequest<R | null>(method, { ...params, uri: this.protocolUri(uri) } satisfies PlanParams);
      return result ?? undefined;
    } catch (e) {
      this.client.outputChannel.appendLine(`${method} failed for ${uri.toString(true)}: ${(e as Error).message}`);
      return undefined;
    }
  }

  /** The URI as the client sends it to the server (the key of the server's documents). */
  protocolUri(uri: vscode.Uri): string {
    return this.client.code2ProtocolConverter.asUri(uri);
  }

  range(range: Range): vscode.Range {
    return this.client.protocol2CodeConverter.asRange(range);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(uri);
      }, REFRESH_DELAY_MS),
    );
  }
}

/** Opens the plan (so the server has it) and shows `selection`, scrolled to `range`. */
export async function revealInPlan(uri: vscode.Uri, selection: vscode.Range, range = selection, preserveFocus = false): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
  // Where the plan already shows, else the first group: never over the view that asked (the map's group).
  const viewColumn = shown?.viewColumn ?? vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(document, { viewColumn, selection, preserveFocus });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/**
 * Where a file made from a plan goes by default: `acme.kam.yaml` → `acme.<suffix>` beside it; for an
 * untitled plan, in the first workspace folder.
 */
export function besidePlan(plan: vscode.Uri, suffix: string): vscode.Uri | undefined {
  const name = plan.path.split('/').pop()!.replace(/\.kam\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') || 'plan';
  const file = `${name}.${suffix}`;
  if (plan.scheme !== 'untitled') return vscode.Uri.joinPath(plan, '..', file);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, file);
}

/** Whether two URIs name the same document. */
export function sameUri(a: vscode.Uri | undefined, b: vscode.Uri | undefined): boolean {
  return a !== undefined && b !== undefined && a.toString() === b.toString();
}
