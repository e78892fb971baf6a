// The stakeholder map: "KAM: Show Stakeholder Map" opens a webview panel beside the plan and posts
// it the server's model (the command resolves to that model); the panel follows edits, writes the
// context menu's changes into the YAML, and saves itself as SVG and PNG (PNG drawn by the webview).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StakeholderMapResult } from '../../server/src/lsp/protocol';
import type { StakeholderMaps } from '../../client/src/stakeholder-map';
import { activateKam, closeAllEditors, copyToWorkspace, eventually, positionOf, showPlan, workspaceDir } from './support';

const PEOPLE = ['Dr. He Ping', 'Gao Mei', 'Dr. Ma Lin'];

describe('Stakeholder map in VS Code', () => {
  let maps: StakeholderMaps;
  let uri: vscode.Uri;
  let document: vscode.TextDocument;
  let model: StakeholderMapResult | undefined;

  before(async () => {
    maps = (await activateKam()).views.maps;
    // Northgate: constrainer and influencer are held by no one.
    uri = copyToWorkspace('test/fixtures/rules/KAM201.fires.kam.yaml', 'map/northgate.kam.yaml');
    document = await showPlan(uri);
  });
  after(closeAllEditors);

  it('opens a panel beside the plan and shows the people and the unassigned roles', async () => {
    model = await vscode.commands.executeCommand<StakeholderMapResult | undefined>('kam.showStakeholderMap');
    assert.ok(model, 'the command returned no map');
    assert.equal(vscode.Uri.parse(model.uri).fsPath, uri.fsPath);
    assert.deepEqual(model.map.nodes.map((n) => n.name), PEOPLE);
    assert.deepEqual(
      model.map.coverage.filter((c) => c.unassigned).map((c) => c.role),
      ['constrainer', 'influencer'],
    );
    for (const name of PEOPLE) assert.ok(model.svg.map.includes(name), `the drawn map lacks ${name}`);
    assert.match(model.svg.map, /class="kam-coverage kam-role-constrainer kam-unassigned"/);

    const [panel] = maps.open.map((m) => m.panel);
    assert.equal(maps.open.length, 1);
    assert.equal(panel.viewType, 'kam.stakeholderMap');
    assert.equal(panel.title, 'Stakeholder map: northgate.kam.yaml');
    // VS Code reports where the panel went once the workbench has placed it.
    assert.equal(await eventually(() => panel.viewColumn), vscode.ViewColumn.Two, 'the map opens beside the plan');
    assert.ok(panel.visible, 'the map is not shown');
    assert.match(panel.webview.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.deepEqual(maps.open[0].model?.map, model.map, 'the panel holds what the command returned');
  });

  it('draws itself as a PNG in the webview and saves SVG', async () => {
    const png = vscode.Uri.file(path.join(workspaceDir(), 'map', 'northgate-map.png'));
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('kam.saveStakeholderMapPng', png);
    assert.equal(saved?.fsPath, png.fsPath, 'no PNG written (the webview did not draw it)');
    const bytes = fs.readFileSync(png.fsPath);
    assert.deepEqual([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
    assert.ok(bytes.length > 2000, `a ${bytes.length}-byte PNG is too small to hold the map`);

    const svg = vscode.Uri.file(path.join(workspaceDir(), 'map', 'northgate-map.svg'));
    assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('kam.saveStakeholderMapSvg', svg))?.fsPath, svg.fsPath);
    const text = fs.readFileSync(svg.fsPath, 'utf8');
    assert.match(text, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const name of PEOPLE) assert.ok(text.includes(name), `the saved SVG lacks ${name}`);
  });

  it('follows the plan as it is edited', async () => {
    const map = maps.open[0];
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(positionOf(document, 'Gao Mei'), positionOf(document, 'Gao Mei').translate(0, 'Gao Mei'.length)), 'Gao Meiling');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const updated = await eventually(() => map.model?.map.nodes.some((n) => n.name === 'Gao Meiling') && map.model);
    assert.ok(updated, `the map still shows ${map.model?.map.nodes.map((n) => n.name).join(', ')}`);
  });

  it('writes a role chosen in its context menu into the plan, keeping comments', async () => {
    const map = maps.open[0];
    const ma = map.model!.map.nodes.find((n) => n.name === 'Dr. Ma Lin')!;
    const before = document.getText();
    assert.ok(await map.edit(ma.id, 'role', 'influencer'), 'the edit was not applied');
    const after = document.getText();
    assert.notEqual(after, before);
    assert.match(after, /influencer/);
    for (const comment of before.match(/#.*$/gm) ?? []) assert.ok(after.includes(comment), `comment lost: ${comment}`);
    const covered = await eventually(() => map.model?.map.coverage.find((c) => c.role === 'influencer' && !c.unassigned));
    assert.deepEqual(covered?.holders, [ma.id]);
  });
});
