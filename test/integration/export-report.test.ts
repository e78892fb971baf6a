// "KAM: Export Report…" with its questions answered by arguments: the plan's report written as
// Markdown and as one self-contained HTML page, by the server's report code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, copyToWorkspace, showPlan, workspaceDir } from './support';

const ACCOUNT = 'Riverside General Hospital';

describe('Report export in VS Code', () => {
  let plan: vscode.Uri;

  before(async () => {
    await activateKam();
    plan = copyToWorkspace('examples/riverside-general.kam.yaml', 'report/riverside.kam.yaml');
    await showPlan(plan);
  });
  after(closeAllEditors);

  async function exportAs(format: 'md' | 'html'): Promise<string> {
    const target = vscode.Uri.file(path.join(workspaceDir(), 'report', `riverside-report.${format}`));
    fs.rmSync(target.fsPath, { force: true });
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('kam.exportReport', plan, format, target);
    assert.equal(written?.fsPath, target.fsPath, `the command wrote ${written?.fsPath}`);
    assert.ok(fs.existsSync(target.fsPath), `${target.fsPath} was not written`);
    return fs.readFileSync(target.fsPath, 'utf8');
  }

  it('writes the Markdown report', async () => {
    const md = await exportAs('md');
    assert.match(md, new RegExp(`^# .*${ACCOUNT}`, 'm'));
    assert.match(md, /Dr\. Zhao Min/);
    assert.match(md, /^\|.*\|$/m, 'no table');
  });

  it('writes the HTML report, self-contained behind a strict CSP', async () => {
    const html = await exportAs('html');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.ok(html.includes(`<title>Key-account plan: ${ACCOUNT}</title>`), 'the page is not titled with the account');
    assert.match(html, /<svg[^>]*class="kam-map"/, 'no stakeholder map in the report');
    assert.doesNotMatch(html, /<script|<link |src="http/, 'the page loads something');
  });

  it('reports on the plan in the active editor when no plan is given', async () => {
    const target = vscode.Uri.file(path.join(workspaceDir(), 'report', 'active.md'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('kam.exportReport', undefined, 'md', target);
    assert.equal(written?.fsPath, target.fsPath);
    assert.ok(fs.readFileSync(target.fsPath, 'utf8').includes(ACCOUNT));
  });
});
