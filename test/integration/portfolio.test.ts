// The KAM Portfolio view and KAM: Compare with Earlier Version… in a real VS Code: the view's rows from
// the server's workspace check, sorting, the "needs attention" filter, an overdue review decorated,
// a click opening the plan, the export; the plan's git history (the Git extension's, else git's);
// and the compare command on a plan in a git repository, its stance changed in the editor, showing
// that one change and the finding it fixed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DiffResult, PortfolioEntry } from '../../server/src/lsp/protocol';
import { planHistory } from '../../client/src/git-history';
import { repoPath } from '../helpers';
import { activateKam, closeAllEditors, workspaceDir, writeToWorkspace } from './support';

const repoText = (relative: string) => fs.readFileSync(repoPath(relative), 'utf8');

async function until<T>(get: () => Promise<T> | T, ok: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('KAM Portfolio view', () => {
  const RIVERSIDE = repoText('examples/riverside-general.kam.yaml');
  let mine: (rows: PortfolioEntry[]) => PortfolioEntry[];

  before(async () => {
    await activateKam();
    writeToWorkspace('portfolio-view/healthy.kam.yaml', RIVERSIDE.replace('name: Riverside General Hospital', 'name: Aardvark Clinic'));
    // Overdue, and a role nobody holds: lower health, needs attention.
    writeToWorkspace(
      'portfolio-view/overdue.kam.yaml',
      RIVERSIDE.replace('name: Riverside General Hospital', 'name: Zebra Hospital').replace('next_review: 2027-01-15', 'next_review: 2026-01-15').replace('roles: [constrainer]', 'roles: []'),
    );
    mine = (rows) => rows.filter((r) => r.file.startsWith('portfolio-view/'));
  });
  after(closeAllEditors);

  it('lists every plan of the workspace from the server, sorted by health, lowest first', async () => {
    const { views } = await activateKam();
    const rows = await until(() => views.portfolio.refresh(), (r) => mine(r).length === 2, 'the two plans in the view');
    assert.deepEqual(mine(views.portfolio.sortBy('health')).map((r) => r.account), ['Zebra Hospital', 'Aardvark Clinic']);
    assert.ok(rows.some((r) => r.file === 'riverside-general.kam.yaml'), 'the workspace examples are listed too');
  });

  it('sorts by name and by review date, and filters to the plans needing attention', async () => {
    const { views } = await activateKam();
    assert.deepEqual(mine(views.portfolio.sortBy('name')).map((r) => r.account), ['Aardvark Clinic', 'Zebra Hospital']);
    assert.deepEqual(mine(views.portfolio.sortBy('review')).map((r) => r.next_review), ['2026-01-15', '2027-01-15']);
    assert.deepEqual(mine(views.portfolio.showAttentionOnly(true)).map((r) => r.account), ['Zebra Hospital']);
    assert.equal(mine(await vscode.commands.executeCommand<PortfolioEntry[]>('kam.portfolio.showAll')).length, 2);
    views.portfolio.sortBy('health');
  });

  it('shows the overdue review in the warning colour; a click opens the plan', async () => {
    const { views } = await activateKam();
    const overdue = mine(views.portfolio.rows).find((r) => r.review_overdue)!;
    const item = views.portfolio.getTreeItem(overdue);
    assert.match(String(item.description), /2026-01-15/);
    const decoration = views.portfolio.provideFileDecoration(item.resourceUri!);
    assert.equal((decoration?.color as vscode.ThemeColor | undefined)?.id, 'list.warningForeground');
    assert.equal(views.portfolio.provideFileDecoration(views.portfolio.getTreeItem(mine(views.portfolio.rows).find((r) => !r.review_overdue)!).resourceUri!), undefined);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    await until(() => vscode.window.activeTextEditor?.document.uri.toString(), (u) => u === overdue.uri, 'the plan opened');
  });

  it('exports the portfolio as CSV', async () => {
    const target = vscode.Uri.file(path.join(workspaceDir(), 'portfolio-view', 'portfolio.csv'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('kam.exportPortfolio', 'csv', target);
    assert.equal(written?.fsPath, target.fsPath);
    const csv = fs.readFileSync(target.fsPath, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'a BOM for Excel');
    assert.ok(csv.includes('Zebra Hospital') && csv.includes('\r\n'));
  });
});

/** Runs git in `repo` as a test author; fails saying what to install when git is missing. */
function gitIn(repo: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=KAM Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
  if (r.error) throw new Error(`this test needs git on PATH (apt-get install git): ${r.error.message}`);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('KAM: Compare with Earlier Version…', () => {
  it("lists the plan's commits from the Git extension where it has the repository, else from git, and reads the plan at one", async () => {
    await activateKam();
    const repo = path.join(workspaceDir(), 'history-repo');
    fs.rmSync(repo, { recursive: true, force: true });
    const first = repoText('examples/riverside-general.kam.yaml');
    const plan = writeToWorkspace('history-repo/plan.kam.yaml', first);
    gitIn(repo, 'init', '-q');
    gitIn(repo, 'add', '.');
    gitIn(repo, 'commit', '-q', '-m', 'Riverside plan, first draft');
    fs.writeFileSync(plan.fsPath, first.replace('stance: skeptic', 'stance: supporter'));
    gitIn(repo, 'commit', '-q', '-am', 'Liu Yan won over');
    writeToWorkspace('history-repo/other.txt', 'not the plan');
    gitIn(repo, 'add', '.');
    gitIn(repo, 'commit', '-q', '-m', 'A file beside the plan');
    const hashes = gitIn(repo, 'log', '--format=%H', '--', 'plan.kam.yaml').trim().split('\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plan));

    // The Git extension finds a repository when an editor shows one of its files; give it the time to.
    const extension = vscode.extensions.getExtension('vscode.git');
    const gitApi = extension?.isActive && extension.exports?.enabled ? extension.exports.getAPI(1) : undefined;
    const extensionHasIt = gitApi ? Boolean(await until(() => gitApi.getRepository(plan), (r) => r !== null, 'the Git extension to open the repository', 15_000).catch(() => null)) : false;

    const history = await planHistory(plan);
    assert.ok(history, 'the plan is in a git repository');
    assert.equal(history.source, extensionHasIt ? 'git extension' : 'git command line', `the Git extension ${extensionHasIt ? 'has' : 'lacks'} the repository`);
    console.log(`plan history from the ${history.source}`);
    const commits = await history.commits(10);
    assert.deepEqual(commits.map((c) => c.subject), ['Liu Yan won over', 'Riverside plan, first draft'], 'only the commits that changed the plan, newest first');
    assert.deepEqual(commits.map((c) => c.hash), hashes);
    assert.ok(commits.every((c) => c.author === 'KAM Test' && /^\d{4}-\d{2}-\d{2}$/.test(c.date)), JSON.stringify(commits));
    assert.equal(await history.show(commits[1].hash), first);
    await assert.rejects(history.show('HEAD~5'), 'a revision the plan is not in');

    // The command uses the same history: against the first draft, the stance change shows.
    const diff = await vscode.commands.executeCommand<DiffResult | undefined>('kam.compareWithEarlierVersion', plan, commits[1].hash);
    assert.deepEqual(diff?.changes.map((c) => c.text), ['Liu Yan (liu): stance skeptic → supporter']);
    assert.equal(diff?.before.label, commits[1].hash.slice(0, 7));
    await closeAllEditors();
  });

  it("compares the plan at HEAD with the editor's text: the stance change and the finding it fixed", async function () {
    await activateKam();
    const repo = path.join(workspaceDir(), 'compare-repo');
    fs.rmSync(repo, { recursive: true, force: true });
    // The committed plan has a stance that is no stance (KAM002); the editor sets it right, unsaved.
    const committed = repoText('examples/riverside-general.kam.yaml').replace('stance: skeptic', 'stance: doubtful');
    const plan = writeToWorkspace('compare-repo/plan.kam.yaml', committed);
    const git = (...args: string[]) => gitIn(repo, ...args);
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    const document = await vscode.workspace.openTextDocument(plan);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('stance: doubtful');
    edit.replace(plan, new vscode.Range(document.positionAt(at), document.positionAt(at + 'stance: doubtful'.length)), 'stance: supporter');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const diff = await vscode.commands.executeCommand<DiffResult | undefined>('kam.compareWithEarlierVersion', plan, 'HEAD');
    assert.ok(diff, 'the command compared the versions');
    assert.deepEqual(diff.changes.map((c) => c.text), ['Liu Yan (liu): stance doubtful → supporter']);
    assert.deepEqual(diff.changes.map((c) => [c.path, c.before, c.after]), [['diagnosis.stakeholders[liu].stance', 'doubtful', 'supporter']]);
    assert.deepEqual(diff.findings.fixed.map((f) => f.code), ['KAM002']);
    assert.equal(diff.changes[0].range.start.line, document.positionAt(at).line);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    await until(tabs, (labels) => labels.includes(diff.words.title), `a tab "${diff.words.title}"`, 10_000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
