// The plan-health score of the active plan in the status bar (kam/health): "$(pulse) Plan health 82",
// each stage's mark in the tooltip, and a click opens the Problems panel. Hidden when the active
// editor shows no plan. The score is documented in docs/health-score.md.
import * as vscode from 'vscode';
import { KamMethods, type HealthResult } from '../../server/src/lsp/protocol';
import type { Mark } from '../../server/src/views';
import { isPlan, sameUri, type PlanSource } from './plan-source';

const MARK_ICONS: Record<Mark, string> = { ok: '$(pass)', info: '$(info)', warning: '$(warning)', error: '$(error)' };

export class HealthStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('kam.health', vscode.StatusBarAlignment.Left, 20);
  private uri: vscode.Uri | undefined;
  private health: HealthResult | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly source: PlanSource) {
    this.item.name = vscode.l10n.t('KAM plan health');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidCloseTextDocument((document) => sameUri(document.uri, this.uri) && this.show(undefined)),
      source.onDidChange((uri) => (uri === undefined || sameUri(uri, this.uri)) && this.refresh()),
    ];
    this.follow(vscode.window.activeTextEditor);
  }

  /** What the item shows now (the integration tests read it). */
  get current(): HealthResult | undefined {
    return this.health;
  }

  async refresh(): Promise<HealthResult | undefined> {
    const generation = ++this.generation;
    const uri = this.uri;
    const health = uri && (await this.source.ask<HealthResult>(KamMethods.health, uri));
    if (generation !== this.generation) return this.health;
    this.health = health || undefined;
    this.render();
    return this.health;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  /** As the outline: a plan's editor shows its plan, another text editor hides the item, no editor (a webview) keeps it. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (editor) this.show(isPlan(editor.document) ? editor.document.uri : undefined);
  }

  private show(uri: vscode.Uri | undefined): void {
    if (sameUri(uri, this.uri)) return;
    this.uri = uri;
    void this.refresh();
  }

  private render(): void {
    const health = this.health;
    if (!health) {
      this.item.hide();
      return;
    }
    this.item.text = `$(pulse) ${vscode.l10n.t('Plan health {0}', health.score)}`;
    this.item.backgroundColor = health.mark === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.appendMarkdown('**').appendText(vscode.l10n.t('Plan health {0}/100', health.score)).appendMarkdown('**\n\n');
    if (!health.parses) tooltip.appendText(vscode.l10n.t('The YAML does not parse: fix the syntax error first.')).appendMarkdown('\n\n');
    for (const stage of health.stages) {
      tooltip.appendMarkdown(`${MARK_ICONS[stage.mark]} `).appendText(`${stage.label} — ${stage.summary}`).appendMarkdown('  \n');
    }
    tooltip.appendMarkdown('\n').appendText(vscode.l10n.t('Click to open the Problems panel.'));
    this.item.tooltip = tooltip;
    this.item.show();
  }
}
