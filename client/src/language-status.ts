// The language status items of a plan or a .kamrc.yaml (the `{}` beside the language in the status
// bar): the language server's state, with Restart; the .kamrc.yaml that applies to the active plan,
// which the server names (kam/configuration), with Open; and the server's output, with Show.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { KamMethods, type ConfigurationResult } from '../../server/src/lsp/protocol';
import type { PlanSource } from './plan-source';

/** Plans, and the .kamrc.yaml files the server checks. */
export const STATUS_SELECTOR: vscode.DocumentSelector = [{ language: 'kam-yaml' }, { pattern: '**/.kamrc.{yaml,yml}' }];

export class LanguageStatus implements vscode.Disposable {
  readonly server = vscode.languages.createLanguageStatusItem('kam.server', STATUS_SELECTOR);
  readonly configuration = vscode.languages.createLanguageStatusItem('kam.configuration', STATUS_SELECTOR);
  readonly output = vscode.languages.createLanguageStatusItem('kam.output', STATUS_SELECTOR);
  /** What kam/configuration said about the active document (the integration tests read it). */
  current: ConfigurationResult | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly client: LanguageClient,
    private readonly source: PlanSource,
    rcWatcher: vscode.FileSystemWatcher,
  ) {
    this.server.name = vscode.l10n.t('KAM Plan language server');
    this.configuration.name = vscode.l10n.t('KAM Plan configuration');
    this.output.name = vscode.l10n.t('KAM Plan output');
    this.output.text = `$(output) ${vscode.l10n.t('Output')}`;
    this.output.command = { title: vscode.l10n.t('Show'), command: 'kam.showOutput' };
    const refresh = () => void this.refresh();
    this.subscriptions = [
      this.server,
      this.configuration,
      this.output,
      client.onDidChangeState(({ newState }) => {
        this.showState(newState);
        if (newState === State.Running) refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(refresh),
      rcWatcher.onDidCreate(refresh),
      rcWatcher.onDidDelete(refresh),
    ];
    this.showState(client.state);
    refresh();
  }

  /** Asks the server which .kamrc.yaml applies to the active document and shows it. */
  async refresh(): Promise<ConfigurationResult | undefined> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    const result = document && vscode.languages.match(STATUS_SELECTOR, document) > 0 ? await this.source.ask<ConfigurationResult>(KamMethods.configuration, document.uri) : undefined;
    if (generation !== this.generation) return this.current;
    this.current = result;
    this.showConfiguration(result);
    return result;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private showState(state: State): void {
    const item = this.server;
    item.busy = state === State.Starting;
    item.severity = state === State.Stopped ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    item.text =
      state === State.Running
        ? `$(check) ${vscode.l10n.t('KAM Plan server running')}`
        : state === State.Starting
          ? vscode.l10n.t('KAM Plan server starting')
          : `$(error) ${vscode.l10n.t('KAM Plan server stopped')}`;
    item.command = { title: vscode.l10n.t('Restart'), command: 'kam.restartServer' };
  }

  private showConfiguration(result: ConfigurationResult | undefined): void {
    const item = this.configuration;
    if (!result?.rcFile) {
      item.text = `$(settings) ${vscode.l10n.t('No .kamrc.yaml')}`;
      item.detail = vscode.l10n.t('the editor settings and the defaults apply');
      item.command = { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['kam.'] };
      return;
    }
    const rcFile = vscode.Uri.parse(result.rcFile);
    const folder = result.workspaceFolder ? vscode.Uri.parse(result.workspaceFolder).fsPath : undefined;
    const shown = folder ? path.relative(folder, rcFile.fsPath).split(path.sep).join('/') : rcFile.fsPath;
    item.text = `$(settings) ${shown}`;
    item.detail = vscode.l10n.t('applies over the editor settings');
    item.command = { title: vscode.l10n.t('Open'), command: 'vscode.open', arguments: [rcFile] };
  }
}
