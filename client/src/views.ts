// The views of a plan and their commands: the outline tree, the health item and the language status
// items in the status bar, the stakeholder map, the plan editor (the form), report export, a new plan
// and the sample plans. Each command resolves to what it showed or wrote,
// so the integration tests can check it; arguments, where a command takes them, skip its questions.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Range } from 'vscode-languageserver-types';
import type { PortfolioExportFormat, ReportFormat } from '../../server/src/lsp/protocol';
import { compareWithEarlier } from './compare';
import { exportPortfolio } from './export-portfolio';
import { exportReport } from './export-report';
import { HealthStatus } from './health-status';
import { LanguageStatus } from './language-status';
import { newPlan } from './new-plan';
import { OutlineTree, planInView, REVEAL_COMMAND } from './outline-tree';
import { PlanEditors } from './plan-editor';
import { PlanSource, revealInPlan } from './plan-source';
import { PortfolioTree } from './portfolio-tree';
import { openSample } from './samples';
import { StakeholderMaps } from './stakeholder-map';

export interface KamViews {
  outline: OutlineTree;
  portfolio: PortfolioTree;
  health: HealthStatus;
  maps: StakeholderMaps;
  forms: PlanEditors;
  status: LanguageStatus;
}

export function registerViews(context: vscode.ExtensionContext, client: LanguageClient, rcWatcher: vscode.FileSystemWatcher): KamViews {
  const source = new PlanSource(client);
  const status = new LanguageStatus(client, source, rcWatcher);
  const outline = new OutlineTree(source);
  const health = new HealthStatus(source);
  const maps = new StakeholderMaps(context.extensionUri, source);
  const forms = new PlanEditors(context.extensionUri, source);
  const portfolio = new PortfolioTree(source);
  // From an editor's title or the Explorer the plan comes as an argument; else the plan in view.
  const planOf = (arg: unknown) => (arg instanceof vscode.Uri ? arg : planInView(outline));
  const uriOf = (arg: unknown) => (arg instanceof vscode.Uri ? arg : undefined);
  const command = vscode.commands.registerCommand;

  context.subscriptions.push(
    source,
    status,
    outline,
    health,
    maps,
    portfolio,
    forms,
    command('kam.openPlanEditor', (uri?: unknown) => forms.openForm(uri instanceof vscode.Uri ? uri : planInView(outline))),
    command('kam.openAsText', (uri?: unknown) => forms.openText(uriOf(uri))),
    command('kam.alwaysOpenInForm', () => forms.alwaysOpenInForm()),
    command(REVEAL_COMMAND, (uri: vscode.Uri, selection: Range, range?: Range) =>
      revealInPlan(uri, source.range(selection), range && source.range(range), true),
    ),
    command('kam.showStakeholderMap', (uri?: unknown) => maps.show(planOf(uri))),
    command('kam.saveStakeholderMapSvg', (target?: unknown) => maps.save('svg', uriOf(target))),
    command('kam.saveStakeholderMapPng', (target?: unknown) => maps.save('png', uriOf(target))),
    command('kam.exportReport', (uri?: unknown, format?: ReportFormat, target?: unknown) =>
      exportReport(source, planOf(uri), format === 'md' || format === 'html' || format === 'pptx' ? format : undefined, uriOf(target)),
    ),
    command('kam.portfolio.sortByHealth', () => portfolio.sortBy('health')),
    command('kam.portfolio.sortByReview', () => portfolio.sortBy('review')),
    command('kam.portfolio.sortByName', () => portfolio.sortBy('name')),
    command('kam.portfolio.showAttention', () => portfolio.showAttentionOnly(true)),
    command('kam.portfolio.showAll', () => portfolio.showAttentionOnly(false)),
    command('kam.portfolio.refresh', () => portfolio.refresh()),
    command('kam.exportPortfolio', (format?: unknown, target?: unknown) =>
      exportPortfolio(source, format === 'md' || format === 'html' || format === 'csv' ? (format as PortfolioExportFormat) : undefined, uriOf(target)),
    ),
    command('kam.compareWithEarlierVersion', (uri?: unknown, revision?: unknown) =>
      compareWithEarlier(source, planOf(uri), typeof revision === 'string' ? revision : undefined),
    ),
    command('kam.newPlan', (account?: unknown, folder?: unknown) =>
      newPlan(context.extensionUri, typeof account === 'string' ? account : undefined, uriOf(folder)),
    ),
    command('kam.openSample', (file?: unknown, folder?: unknown) =>
      openSample(context.extensionUri, typeof file === 'string' ? file : undefined, uriOf(folder)),
    ),
  );
  // The outline view shows once the extension runs (a plan in the workspace or open, or a KAM command).
  void vscode.commands.executeCommand('setContext', 'kam.active', true);
  return { outline, portfolio, health, maps, status, forms };
}
