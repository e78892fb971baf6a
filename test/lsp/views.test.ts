// The requests behind the extension's views (server/src/lsp/protocol.ts), through the real server
// process: outline, stakeholder map, report, health, and a stakeholder changed from the map.
import * as assert from 'node:assert/strict';
import { ErrorCodes, LSPErrorCodes, ResponseError, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import {
  KamMethods,
  type EditStakeholderParams,
  type HealthResult,
  type OutlineNode,
  type OutlineResult,
  type ReportResult,
  type StakeholderMapResult,
} from '../../server/src/lsp/protocol';
import { readRepoFile } from '../helpers';
import { applyWorkspaceEdit } from '../unit/apply-edits';
import { LspClient } from './lsp-client';

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');
const HUADONG = readRepoFile('examples', 'huadong-peoples-hospital.kam.yaml');

let counter = 0;
function untitled(name: string): string {
  return `untitled:${name}-${++counter}.kam.yaml`;
}

function walk(node: OutlineNode): OutlineNode[] {
  return [node, ...node.children.flatMap(walk)];
}

describe('language server: view requests', function () {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client?.close());

  const request = <R>(method: string, params: object) => client.connection.sendRequest<R>(method, params);
  /** The text of the document under an LSP range. */
  const textAt = (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    const document = client.document(uri);
    return document.getText().slice(document.offsetAt(range.start), document.offsetAt(range.end));
  };

  it('answers null for a document it does not have', async () => {
    for (const method of [KamMethods.outline, KamMethods.stakeholderMap, KamMethods.health]) {
      assert.equal(await request(method, { uri: 'untitled:never-opened.kam.yaml' }), null, method);
    }
  });

  describe('kam/outline', () => {
    it('outlines the example plan: the account with its score, the seven stages, ranges into the text', async () => {
      const uri = client.open(untitled('outline'), RIVERSIDE);
      const outline = await request<OutlineResult>(KamMethods.outline, { uri });
      assert.equal(outline.version, 1);
      assert.equal(outline.health.score, 100);
      assert.equal(outline.root.label, 'Riverside General Hospital');
      assert.equal(outline.root.description, '100/100');
      assert.equal(textAt(uri, outline.root.selection), 'Riverside General Hospital');
      const stages = outline.root.children;
      assert.deepEqual(
        stages.map((s) => [s.label, s.mark]),
        ['Diagnosis', 'Forecast', 'Goals', 'Strategy', 'Actions', 'Controls', 'Feedback'].map((label) => [label, 'ok']),
      );
      const goals = stages[2].children;
      assert.ok(goals.length > 0 && goals.every((g) => g.description === 'S✓ M✓ A✓ R✓ T✓'));
      assert.equal(textAt(uri, goals[0].selection), 'g-share');
      const zhao = walk(outline.root).find((n) => n.kind === 'stakeholder' && n.label === 'Dr. Zhao Min');
      assert.ok(zhao, 'Dr. Zhao Min is under a role');
      assert.match(textAt(uri, zhao.range), /^id: zhao\n[\s\S]*last_contact: 2026-10-30$/);
    });

    it('answers for the version just sent, with its findings, before they are published', async () => {
      const uri = client.open(untitled('outline-edit'), RIVERSIDE);
      await client.waitForDiagnostics(uri);
      const version = client.replace(uri, 'roles: [decision-maker, influencer]', 'roles: [influencer]');
      const outline = await request<OutlineResult>(KamMethods.outline, { uri });
      assert.equal(outline.version, version);
      const unassigned = walk(outline.root).find((n) => n.id === 'role:decision-maker');
      assert.equal(unassigned?.kind, 'role-unassigned');
      assert.equal(unassigned?.mark, 'warning');
      assert.ok(outline.health.score < 100);
    });
  });

  describe('kam/stakeholderMap', () => {
    it('sends the map model, its ranges, the SVGs to theme, the stylesheet and the menu choices', async () => {
      const uri = client.open(untitled('map'), RIVERSIDE);
      const result = await request<StakeholderMapResult>(KamMethods.stakeholderMap, { uri });
      assert.deepEqual(
        result.map.nodes.map((n) => n.stakeholderId),
        ['zhao', 'wang', 'chen', 'liu'],
      );
      assert.ok(result.map.coverage.every((c) => !c.unassigned));
      assert.equal(textAt(uri, result.ranges.s3.selection), 'liu');
      assert.match(result.svg.map, /^<svg [^>]*class="kam-map"/);
      assert.match(result.svg.grid, /^<svg [^>]*class="kam-grid"/);
      assert.doesNotMatch(result.svg.map, /<style/, 'the page themes the SVG');
      assert.match(result.css, /\.kam-node-box/);
      assert.deepEqual(
        result.choices.stances.map((c) => c.value),
        ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'],
      );
      assert.equal(result.choices.roles.find((c) => c.value === 'constrainer')?.label, 'constrainer');
    });

    it('draws standalone SVGs for files, and speaks the plan’s language', async () => {
      const zh = await LspClient.start({ locale: 'zh-cn' });
      try {
        const uri = zh.open(untitled('map-zh'), HUADONG);
        const result = await zh.connection.sendRequest<StakeholderMapResult>(KamMethods.stakeholderMap, { uri, standalone: true });
        assert.equal(result.locale, 'zh-cn');
        assert.match(result.svg.map, /<style>/);
        assert.match(result.svg.map, /关键决策者地图/);
        assert.equal(result.choices.roles.find((c) => c.value === 'decision-maker')?.label, '最高阶决策者');
      } finally {
        await zh.close();
      }
    });
  });

  describe('kam/report', () => {
    it('writes the report the CLI writes, as Markdown and as HTML', async () => {
      const uri = client.open(untitled('report'), RIVERSIDE);
      const md = await request<ReportResult>(KamMethods.report, { uri, format: 'md' });
      assert.equal(md.format, 'md');
      assert.match(md.text, /^# .*Riverside General Hospital/m);
      const html = await request<ReportResult>(KamMethods.report, { uri, format: 'html' });
      assert.match(html.text, /^<!DOCTYPE html>/i);
      assert.match(html.text, /<svg /);
      assert.doesNotMatch(html.text, /<script/i);
    });

    it('refuses a format it does not write', async () => {
      const uri = client.open(untitled('report-bad'), RIVERSIDE);
      await assert.rejects(request(KamMethods.report, { uri, format: 'pdf' }), (e: ResponseError<unknown>) => e.code === ErrorCodes.InvalidParams);
    });
  });

  describe('kam/health', () => {
    it('scores the plan and marks each stage', async () => {
      const uri = client.open(untitled('health'), RIVERSIDE);
      const full = await request<HealthResult>(KamMethods.health, { uri });
      assert.equal(full.score, 100);
      assert.equal(full.stages.length, 10);
      assert.ok(full.stages.every((s) => s.mark === 'ok' && s.summary === 'no findings'));
      client.replace(uri, 'kam: 1', 'kam: 1\naccount: [');
      const broken = await request<HealthResult>(KamMethods.health, { uri });
      assert.equal(broken.parses, false);
      assert.equal(broken.score, 0);
    });

    it('names a stage’s findings', async () => {
      const uri = client.open(untitled('health-goals'), RIVERSIDE.replace(/\n {4}deadline: 2027-12-31/, ''));
      const health = await request<HealthResult>(KamMethods.health, { uri });
      const goals = health.stages.find((s) => s.stage === 'goals');
      assert.equal(goals?.mark, 'warning');
      assert.equal(goals?.label, 'Goals');
      assert.equal(goals?.summary, '1 warning');
      assert.equal(health.score, 95);
    });
  });

  describe('kam/editStakeholder', () => {
    it('returns a versioned edit that keeps the rest of the file, and the next check sees it', async () => {
      const uri = client.open(untitled('edit'), RIVERSIDE);
      await client.waitForDiagnostics(uri);
      const params: EditStakeholderParams = { uri, id: 's0', field: 'role', value: 'decision-maker', version: 1 };
      const edit = await request<WorkspaceEdit>(KamMethods.editStakeholder, params);
      const [change] = edit.documentChanges ?? [];
      assert.ok(change && 'textDocument' in change);
      assert.deepEqual(change.textDocument, { uri, version: 1 });
      const after = applyWorkspaceEdit(RIVERSIDE, edit, uri);
      assert.equal(after, RIVERSIDE.replace('roles: [decision-maker, influencer]', 'roles: [influencer]'));
      client.replace(uri, RIVERSIDE, after);
      const { diagnostics } = await client.waitForDiagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => d.code).filter((c) => c === 'KAM201'), ['KAM201']);
    });

    it('answers null when the plan already says so', async () => {
      const uri = client.open(untitled('edit-same'), RIVERSIDE);
      assert.equal(await request(KamMethods.editStakeholder, { uri, id: 's1', field: 'stance', value: 'supporter' }), null);
    });

    it('fails as ContentModified for a change chosen in an older version', async () => {
      const uri = client.open(untitled('edit-stale'), RIVERSIDE);
      client.replace(uri, 'stance: neutral', 'stance: skeptic');
      await assert.rejects(
        request(KamMethods.editStakeholder, { uri, id: 's0', field: 'stance', value: 'champion', version: 1 }),
        (e: ResponseError<unknown>) => e.code === LSPErrorCodes.ContentModified,
      );
    });

    it('refuses a bad node id and a value no stakeholder can have, saying why', async () => {
      const uri = client.open(untitled('edit-bad'), RIVERSIDE);
      await assert.rejects(request(KamMethods.editStakeholder, { uri, id: 'zhao', field: 'stance', value: 'champion' }), (e: ResponseError<unknown>) => e.code === ErrorCodes.InvalidParams);
      await assert.rejects(
        request(KamMethods.editStakeholder, { uri, id: 's0', field: 'influence', value: 'huge' }),
        (e: ResponseError<unknown>) => e.code === LSPErrorCodes.RequestFailed && /`huge` is not a valid influence \(high, medium, low\)/.test(e.message),
      );
    });
  });
});
