// The KAM Portfolio view (Explorer): every plan of the workspace with its health mark, contract stage,
// next review (overdue in the warning colour) and counts, sortable and filterable; a click opens the
// plan. The rows come from the server's workspace check (kam/portfolio), asked again whenever a plan's
// diagnostics change, so files created, changed and deleted on disk show without a scan of our own.
import * as vscode from 'vscode';
import { KamMethods, type PortfolioEntry, type PortfolioResult } from '../../server/src/lsp/protocol';
import { portfolioView, type PortfolioSort } from './portfolio-model';
import type { PlanSource } from './plan-source';

export const PORTFOLIO_VIEW = 'kam.portfolio';
/** Rows are drawn through this scheme so the decoration below can colour an overdue review. */
const ROW_SCHEME = 'kam-portfolio';
const REFRESH_DELAY_MS = 300;

export class PortfolioTree implements vscode.TreeDataProvider<PortfolioEntry>, vscode.FileDecorationProvider, vscode.Disposable {
  readonly view: vscode.TreeView<PortfolioEntry>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly decorationsChanged = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  private result: PortfolioResult | undefined;
  private sort: PortfolioSort = 'health';
  private attentionOnly = false;
  private timer: NodeJS.Timeout | undefined;
  private progress: { done: () => void } | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly source: PlanSource) {
    this.view = vscode.window.createTreeView(PORTFOLIO_VIEW, { treeDataProvider: this });
    this.subscriptions = [
      this.view,
      this.changed,
      this.decorationsChanged,
      vscode.window.registerFileDecorationProvider(this),
      source.onDidChange(() => this.schedule()),
      this.view.onDidChangeVisibility(({ visible }) => visible && this.schedule()),
    ];
    this.schedule();
  }

  /** The rows as the view shows them now (sorted, filtered): the integration tests read these. */
  get rows(): PortfolioEntry[] {
    return this.result ? portfolioView(this.result.rows, this.sort, this.attentionOnly) : [];
  }

  get state(): { sort: PortfolioSort; attentionOnly: boolean; pending: number } {
    return { sort: this.sort, attentionOnly: this.attentionOnly, pending: this.result?.pending ?? 0 };
  }

  sortBy(sort: PortfolioSort): PortfolioEntry[] {
    this.sort = sort;
    this.changed.fire();
    return this.rows;
  }

  showAttentionOnly(on: boolean): PortfolioEntry[] {
    this.attentionOnly = on;
    void vscode.commands.executeCommand('setContext', 'kam.portfolio.attentionOnly', on);
    this.changed.fire();
    return this.rows;
  }

  /** Asks the server for the rows now; resolves to what the view then shows. */
  async refresh(): Promise<PortfolioEntry[]> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.source.client.isRunning()) return this.rows;
    try {
      this.result = await this.source.client.sendRequest<PortfolioResult>(KamMethods.portfolio, {});
    } catch (e) {
      this.source.client.outputChannel.appendLine(`${KamMethods.portfolio} failed: ${(e as Error).message}`);
      return this.rows;
    }
    this.showProgress(this.result.pending);
    this.view.message = this.result.pending > 0 ? vscode.l10n.t('Checking plans: {0} to go…', this.result.pending) : undefined;
    this.changed.fire();
    this.decorationsChanged.fire(undefined);
    // While the workspace check runs, look again now and then even if no diagnostics change.
    if (this.result.pending > 0) this.schedule(1000);
    return this.rows;
  }

  getTreeItem(row: PortfolioEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(row.account ?? row.file, vscode.TreeItemCollapsibleState.None);
    const review = row.next_review ? (row.review_overdue ? vscode.l10n.t('review {0} overdue', row.next_review) : vscode.l10n.t('review {0}', row.next_review)) : undefined;
    const counts = `${row.findings.error}✖ ${row.findings.warning}⚠ ${row.findings.info}ℹ`;
    item.description = [`${row.health}`, row.stage ?? undefined, review, counts].filter((p) => p).join(' · ');
    item.iconPath = healthIcon(row.health, row.findings.error > 0);
    item.resourceUri = vscode.Uri.from({ scheme: ROW_SCHEME, path: `/${row.file}`, query: row.review_overdue ? 'overdue' : '' });
    item.tooltip = tooltip(row);
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open the plan'), arguments: [vscode.Uri.parse(row.uri)] };
    item.contextValue = 'kam.portfolioPlan';
    item.id = row.uri;
    return item;
  }

  getChildren(row?: PortfolioEntry): PortfolioEntry[] {
    return row ? [] : this.rows;
  }

  /** An overdue review colours its row's name in the warning colour, with a badge. */
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== ROW_SCHEME || uri.query !== 'overdue') return undefined;
    return new vscode.FileDecoration('!', vscode.l10n.t('Review overdue'), new vscode.ThemeColor('list.warningForeground'));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.progress?.done();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  /**
   * Asks again soon. A refresh already due stays due: while a thousand plans are checked, diagnostics
   * change all the time, and pushing the refresh back at each would starve the view.
   */
  private schedule(delay = REFRESH_DELAY_MS): void {
    this.timer ??= setTimeout(() => void this.refresh(), delay);
  }

  /** A progress bar on the view while plans wait for their check. */
  private showProgress(pending: number): void {
    if (pending === 0) {
      this.progress?.done();
      this.progress = undefined;
      return;
    }
    if (this.progress) return;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    this.progress = { done };
    void vscode.window.withProgress({ location: { viewId: PORTFOLIO_VIEW } }, () => finished);
  }
}

function healthIcon(health: number, error: boolean): vscode.ThemeIcon {
  if (error || health < 60) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (health < 85) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

function tooltip(row: PortfolioEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(row.account ?? row.file)}** · ${row.health}/100\n\n`);
  const lines: [string, string][] = [
    [vscode.l10n.t('File'), row.file],
    [vscode.l10n.t('Account manager'), row.owner ?? '—'],
    [vscode.l10n.t('Contract stage'), row.stage ?? '—'],
    [vscode.l10n.t('Findings'), vscode.l10n.t('{0} errors, {1} warnings, {2} info', row.findings.error, row.findings.warning, row.findings.info)],
    [vscode.l10n.t('Next review'), row.next_review ? `${row.next_review}${row.review_overdue ? ` ⚠ ${vscode.l10n.t('overdue')}` : ''}` : '—'],
    [vscode.l10n.t('Unassigned roles'), row.unassigned_roles.join(', ') || '—'],
    [vscode.l10n.t('Stale contacts'), String(row.stale_contacts)],
    [vscode.l10n.t('SMART goals'), `${row.smart_goals}/${row.goals}`],
  ];
  for (const [label, value] of lines) md.appendMarkdown(`${escape(label)}: ${escape(value)}  \n`);
  return md;
}

/** Plan text in a tooltip is text, not Markdown. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&]/g, (c) => `\\${c}`);
}
