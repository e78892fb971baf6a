// The "Key Account Plan" view in the Explorer: the server's outline of the plan in the active editor
// (kam/outline), drawn as it comes. It follows the active editor, looks again as the plan is edited,
// and a click on an item shows its place in the plan.
import * as vscode from 'vscode';
import { KamMethods, type OutlineNode, type OutlineResult } from '../../server/src/lsp/protocol';
import type { Mark, OutlineKind } from '../../server/src/views';
import { activePlanUri, isPlan, sameUri, type PlanSource } from './plan-source';

export const OUTLINE_VIEW = 'kam.outline';
/** The command an item runs on click: (uri, selection, range) in protocol ranges. */
export const REVEAL_COMMAND = 'kam.revealInPlan';

/** A mark's icon and colour: stages, SMART letters and unassigned roles are shown by their mark. */
const MARK_ICONS: Record<Mark, { icon: string; color: string }> = {
  ok: { icon: 'pass', color: 'testing.iconPassed' },
  info: { icon: 'info', color: 'editorInfo.foreground' },
  warning: { icon: 'warning', color: 'list.warningForeground' },
  error: { icon: 'error', color: 'list.errorForeground' },
};

/** The other kinds keep their own icon, coloured by their mark when it is not ok. */
const KIND_ICONS: Partial<Record<OutlineKind, string>> = {
  roles: 'organization',
  role: 'symbol-enum-member',
  stakeholder: 'person',
  goal: 'target',
  action: 'calendar',
};

/** Open from the start: the account, its stages and the decision makers; goals, roles show their details on demand. */
const EXPANDED: ReadonlySet<OutlineKind> = new Set(['account', 'stage', 'roles']);

export class OutlineTree implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  readonly view: vscode.TreeView<OutlineNode>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private uri: vscode.Uri | undefined;
  private model: OutlineResult | undefined;
  private generation = 0;
  private pending: Promise<OutlineResult | undefined> = Promise.resolve(undefined);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly source: PlanSource) {
    this.view = vscode.window.createTreeView(OUTLINE_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      this.view,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidCloseTextDocument((document) => sameUri(document.uri, this.uri) && this.show(undefined)),
      source.onDidChange((uri) => (uri === undefined || sameUri(uri, this.uri)) && this.refresh()),
    ];
    this.follow(vscode.window.activeTextEditor);
  }

  /** The plan shown and the outline the server sent for it (the integration tests read these). */
  get current(): OutlineResult | undefined {
    return this.model;
  }

  /** The items at the top of the tree: the account, whose children are the stages. */
  get roots(): OutlineNode[] {
    return this.model ? [this.model.root] : [];
  }

  /** Asks for the outline of the plan shown now; resolves to what the tree then shows. */
  refresh(): Promise<OutlineResult | undefined> {
    const generation = ++this.generation;
    const uri = this.uri;
    this.pending = (async () => {
      const result = uri && (await this.source.ask<OutlineResult>(KamMethods.outline, uri));
      // A newer refresh (another edit, another editor) has the last word.
      if (generation !== this.generation) return this.pending;
      this.model = result || undefined;
      this.view.description = uri && vscode.workspace.asRelativePath(uri, false);
      this.changed.fire();
      return this.model;
    })();
    return this.pending;
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const state =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : EXPANDED.has(node.kind)
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.kind;
    item.iconPath = iconOf(node);
    if (this.uri) item.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Show in the plan'), arguments: [this.uri, node.selection, node.range] };
    return item;
  }

  getChildren(node?: OutlineNode): OutlineNode[] {
    return node ? node.children : this.roots;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  /** A plan's editor shows its plan; another text editor empties the tree; no editor (a webview, a panel) keeps it. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor) return;
    this.show(isPlan(editor.document) ? editor.document.uri : undefined);
  }

  private show(uri: vscode.Uri | undefined): void {
    if (sameUri(uri, this.uri)) return;
    this.uri = uri;
    this.model = undefined;
    void this.refresh();
  }
}

function iconOf(node: OutlineNode): vscode.ThemeIcon {
  const byMark = MARK_ICONS[node.mark];
  const own = KIND_ICONS[node.kind];
  if (!own) return new vscode.ThemeIcon(byMark.icon, new vscode.ThemeColor(byMark.color));
  return new vscode.ThemeIcon(own, node.mark === 'ok' ? undefined : new vscode.ThemeColor(byMark.color));
}

/** The plan of the active editor, else the one the outline shows. */
export function planInView(tree: OutlineTree): vscode.Uri | undefined {
  return activePlanUri() ?? (tree.current ? vscode.Uri.parse(tree.current.uri) : undefined);
}
