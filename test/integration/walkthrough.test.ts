// The "Get Started with KAM Plan" walkthrough: opened on the profile's first activation, and every
// step's button — a `command:` link in the step's text, as the manifest VS Code loaded gives it —
// does its job when pressed in the order the walkthrough tells. Questions a button would ask are
// answered by arguments, as the other suites do.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StakeholderMapResult } from '../../server/src/lsp/protocol';
import { activateKam, closeAllEditors, codeOf, copyToWorkspace, EXTENSION_ID, nextDiagnostics, openPlan, showPlan, workspaceDir } from './support';

interface Step {
  id: string;
  when?: string;
  buttons: string[];
}

/** The walkthrough's steps and the commands of their buttons, with the manifest's %keys% resolved. */
function walkthroughSteps(): Step[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const nls = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const text = (s: string) => s.replace(/^%([\w.-]+)%$/, (_, key: string) => nls[key] ?? s);
  const [walkthrough] = extension.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string; when?: string; description: string }[] }[];
  assert.equal(walkthrough?.id, 'kam.gettingStarted');
  return walkthrough.steps.map((step) => ({
    id: step.id,
    when: step.when,
    buttons: [...text(step.description).matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]),
  }));
}

describe('Walkthrough in VS Code', () => {
  let steps: Map<string, Step>;
  let walkthroughShown: Promise<boolean>;
  let plan: vscode.Uri | undefined;
  const folder = vscode.Uri.file(path.join(workspaceDir(), 'walkthrough'));

  before(async () => {
    ({ walkthroughShown } = await activateKam());
    steps = new Map(walkthroughSteps().map((s) => [s.id, s]));
    await vscode.workspace.fs.createDirectory(folder);
  });
  after(closeAllEditors);

  /** Presses a step's button: the command must be one of that step's. */
  function press<T>(step: string, command: string, ...args: unknown[]): Thenable<T> {
    assert.ok(steps.get(step)?.buttons.includes(command), `step ${step} has no button for ${command}: ${steps.get(step)?.buttons}`);
    return vscode.commands.executeCommand<T>(command, ...args);
  }

  it('opened on the first activation in this fresh profile', async () => {
    assert.equal(await walkthroughShown, true);
  });

  it('has the five steps in order, each with a button VS Code knows', async () => {
    assert.deepEqual([...steps.keys()], ['create', 'findings', 'map', 'planEditor', 'export']);
    const known = new Set(await vscode.commands.getCommands(true));
    for (const step of steps.values()) {
      assert.ok(step.buttons.length > 0, `step ${step.id} has no button`);
      if (step.when) continue; // shown only when its command exists (the next tests)
      for (const command of step.buttons) assert.ok(known.has(command), `step ${step.id}: ${command} is not a command`);
    }
    assert.ok(known.has('kam.showWalkthrough'), 'KAM: Get Started is missing');
  });

  it('create: New Plan writes the plan from the template, Try a Sample Plan copies a sample', async () => {
    const created = await press<vscode.Uri | undefined>('create', 'kam.newPlan', 'Walkthrough Clinic', folder);
    assert.ok(created && fs.existsSync(created.fsPath), 'New Plan wrote no plan');
    assert.match(fs.readFileSync(created.fsPath, 'utf8'), /^ {2}name: Walkthrough Clinic$/m);

    const sample = 'riverside-general.kam.yaml';
    plan = await press<vscode.Uri | undefined>('create', 'kam.openSample', sample, folder);
    assert.equal(plan?.fsPath, path.join(folder.fsPath, sample));
    const shipped = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'examples', sample);
    assert.equal(fs.readFileSync(plan.fsPath, 'utf8'), fs.readFileSync(shipped, 'utf8'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, plan.fsPath, 'the sample is not the active editor');
    const again = await press<vscode.Uri | undefined>('create', 'kam.openSample', sample, folder);
    assert.ok(again && again.fsPath !== plan.fsPath, 'a second copy overwrote the first');
  });

  it('findings: Show the Problems opens the panel, Fix All fixes what it can', async () => {
    await press('findings', 'workbench.actions.view.problems');
    const uri = copyToWorkspace('test/fixtures/rules/KAM202.fires.kam.yaml', 'walkthrough/fix-all.kam.yaml');
    const { document, diagnostics } = await openPlan(uri, (ds) => ds.some((d) => codeOf(d) === 'KAM202'));
    const before = diagnostics.filter((d) => codeOf(d) === 'KAM202').length;
    assert.ok(before > 0, 'the fixture shows no KAM202');
    const after = nextDiagnostics(uri, (ds) => ds.filter((d) => codeOf(d) === 'KAM202').length < before);
    await press('findings', 'editor.action.fixAll');
    assert.ok((await after).filter((d) => codeOf(d) === 'KAM202').length < before, 'Fix All fixed no KAM202');
    assert.match(document.getText(), /decision-maker/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('map: shows the stakeholder map of the plan in the editor', async () => {
    assert.ok(plan, 'the create step made no plan');
    await showPlan(plan);
    const model = await press<StakeholderMapResult | undefined>('map', 'kam.showStakeholderMap');
    assert.ok(model, 'the map command returned no map');
    assert.equal(vscode.Uri.parse(model.uri).fsPath, plan.fsPath);
    assert.ok(model.map.nodes.length > 0, 'the map shows nobody');
  });

  it('plan editor: shown only when the Plan Editor exists, and then opens the plan', async () => {
    const step = steps.get('planEditor');
    assert.equal(step?.when, 'kam.planEditorAvailable');
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[]).some(
      (c) => c.command === 'kam.openPlanEditor',
    );
    const known = (await vscode.commands.getCommands(true)).includes('kam.openPlanEditor');
    assert.equal(known, contributed, 'the context key kam.planEditorAvailable would not match the command');
    if (!contributed) return; // hidden: nothing to press
    assert.ok(plan, 'the create step made no plan');
    await showPlan(plan);
    await press('planEditor', 'kam.openPlanEditor');
    assert.ok(vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview || t.input instanceof vscode.TabInputCustom)), 'no Plan Editor tab');
  });

  it('export: writes the report of the plan in the editor', async () => {
    assert.ok(plan, 'the create step made no plan');
    await showPlan(plan);
    const target = vscode.Uri.file(path.join(folder.fsPath, 'report.html'));
    const written = await press<vscode.Uri | undefined>('export', 'kam.exportReport', undefined, 'html', target);
    assert.equal(written?.fsPath, target.fsPath);
    assert.match(fs.readFileSync(target.fsPath, 'utf8'), /Riverside General/);
  });
});
