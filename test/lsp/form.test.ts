// The plan editor's requests through the real server process: kam/form (the plan as a form, with the
// findings the Problems panel shows and the health score) and kam/formEdit (an intent as a versioned
// edit; ContentModified when the plan moved on; refused on a plan that does not parse).
import * as assert from 'node:assert/strict';
import { LSPErrorCodes, ResponseError, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { KamMethods, type FormEditParams, type FormResult } from '../../server/src/lsp/protocol';
import type { FormField, FormNode } from '../../server/src/services/form/form-model';
import { readRepoFile } from '../helpers';
import { applyWorkspaceEdit } from '../unit/apply-edits';
import { LspClient } from './lsp-client';

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');

let counter = 0;
const untitled = (name: string) => `untitled:${name}-${++counter}.kam.yaml`;

function field(result: FormResult, path: (string | number)[]): FormField | undefined {
  const want = JSON.stringify(path);
  const visit = (n: FormNode | { type: 'item'; children: FormNode[]; path: unknown }): FormField | undefined => {
    if (n.type === 'field') return JSON.stringify(n.path) === want ? n : undefined;
    const kids: any[] = n.type === 'list' ? n.items : n.children;
    for (const k of kids) {
      const found = visit(k);
      if (found) return found;
    }
    return undefined;
  };
  for (const s of result.form.sections) {
    const found = visit(s);
    if (found) return found;
  }
  return undefined;
}

describe('language server: plan editor requests', function () {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client?.close());
  const request = <R>(method: string, params: object) => client.connection.sendRequest<R>(method, params);

  it('kam/form: the form of the current version, with the published findings and the health score', async () => {
    const uri = client.open(untitled('form'), RIVERSIDE.replace('    target: 28%\n', ''));
    const { diagnostics } = await client.waitForDiagnostics(uri);
    const result = await request<FormResult>(KamMethods.form, { uri });
    assert.equal(result.version, 1);
    assert.equal(result.form.parses, true);
    assert.ok(result.score > 0 && result.score < 100);
    assert.equal(result.stages.length, 10);
    const shown: string[] = [];
    const collect = (n: any) => {
      shown.push(...n.findings.map((f: any) => f.code));
      (n.children ?? n.items ?? []).forEach(collect);
    };
    result.form.sections.forEach(collect);
    shown.push(...result.form.findings.map((f) => f.code));
    assert.deepEqual(shown.sort(), diagnostics.map((d) => String(d.code)).sort(), 'the same findings as the Problems panel');
    const goal = result.form.sections.find((s) => s.path[0] === 'goals') as any;
    const missing = goal.items[0].findings.find((f: any) => f.code === 'KAM302');
    assert.ok(missing, 'the goal without a target shows KAM302');
    assert.ok(missing.fixes.length > 0, 'with the server’s quick fix');
    assert.equal(goal.items[0].smart.find((s: any) => s.letter === 'M').pass, false);
  });

  it('kam/formEdit: a versioned edit that the next form shows, and a quick fix applied the same way', async () => {
    const uri = client.open(untitled('edit'), RIVERSIDE);
    await client.waitForDiagnostics(uri);
    const params: FormEditParams = { uri, version: 1, intent: { op: 'set', path: ['account', 'owner'], value: 'Zhou Min' } };
    const edit = await request<WorkspaceEdit>(KamMethods.formEdit, params);
    const [change] = edit.documentChanges ?? [];
    assert.ok(change && 'textDocument' in change);
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    const after = applyWorkspaceEdit(RIVERSIDE, edit, uri);
    assert.equal(after, RIVERSIDE.replace('  owner: Li Wei\n', '  owner: Zhou Min\n'));
    client.replace(uri, RIVERSIDE, after);
    const form = await request<FormResult>(KamMethods.form, { uri });
    assert.equal(form.version, 2);
    assert.equal(field(form, ['account', 'owner'])?.value, 'Zhou Min');

    const broken = after.replace('    target: 28%\n', '');
    client.replace(uri, after, broken);
    await client.waitForDiagnostics(uri, (p) => p.version === 3);
    const withFinding = await request<FormResult>(KamMethods.form, { uri });
    const goal = (withFinding.form.sections.find((s) => s.path[0] === 'goals') as any).items[0];
    const finding = goal.findings.find((f: any) => f.code === 'KAM302');
    const fix = await request<WorkspaceEdit>(KamMethods.formEdit, { uri, version: 3, intent: { op: 'fix', code: finding.code, at: finding.at, fix: 0 } });
    assert.match(applyWorkspaceEdit(broken, fix, uri), /target: 0 # TODO/);
  });

  it('kam/form right after each edit: the form a fresh open of that text gets, with the findings published for that version', async () => {
    const uri = client.open(untitled('after-edits'), RIVERSIDE);
    await client.waitForDiagnostics(uri);
    const intents: FormEditParams['intent'][] = [
      { op: 'set', path: ['diagnosis', 'stakeholders', 1, 'title'], value: 'Head of pharmacy' },
      { op: 'add', path: ['diagnosis', 'stakeholders'] },
      { op: 'set', path: ['account', 'owner'], value: null },
      { op: 'set', path: ['diagnosis', 'stakeholders', 0, 'roles'], value: ['coach'] },
      { op: 'move', path: ['actions', 0], to: 1 },
    ];
    const answers: FormResult[] = [];
    for (const intent of intents) {
      // No wait for the diagnostics: the form is asked for while the version's check is still due.
      const version = client.document(uri).version;
      const edit = await request<WorkspaceEdit>(KamMethods.formEdit, { uri, version, intent });
      const change = edit.documentChanges?.[0];
      assert.ok(change && 'edits' in change, JSON.stringify(intent));
      client.change(uri, version + 1, (change.edits as TextEdit[]).map((e) => ({ range: e.range, text: e.newText })));
      const form = await request<FormResult>(KamMethods.form, { uri });
      assert.equal(form.version, version + 1);
      // The form waited for the validator's check of the version (one check for both): its diagnostics came first.
      assert.ok(client.publications(uri).some((p) => p.version === version + 1), `version ${version + 1} was published before its form`);
      answers.push(form);
    }
    const text = client.document(uri).getText();
    const fresh = client.open(untitled('fresh'), text);
    const cold = await request<FormResult>(KamMethods.form, { uri: fresh });
    const last = answers[answers.length - 1];
    assert.deepEqual({ ...last, uri: fresh, version: 1 }, cold, 'the same form as a fresh open');
    await client.waitForDiagnostics(uri, (p) => p.version === last.version);
    for (const answer of answers) {
      const published = client.publications(uri).filter((p) => p.version === answer.version);
      assert.equal(published.length, 1, `version ${answer.version} is checked once and published`);
      const { diagnostics } = published[0];
      const shown: string[] = [];
      const collect = (n: any) => {
        shown.push(...n.findings.map((f: any) => `${f.code}@${f.at}`));
        (n.children ?? n.items ?? []).forEach(collect);
      };
      answer.form.sections.forEach(collect);
      shown.push(...answer.form.findings.map((f) => `${f.code}@${f.at}`));
      assert.equal(shown.length, diagnostics.length, `version ${answer.version}: as many findings as published`);
      assert.deepEqual(
        shown.map((s) => s.split('@')[0]).sort(),
        diagnostics.map((d) => String(d.code)).sort(),
        `version ${answer.version}: the findings published for it`,
      );
    }
  });

  it('fails as ContentModified for an intent made on an older version', async () => {
    const uri = client.open(untitled('stale'), RIVERSIDE);
    client.replace(uri, 'owner: Li Wei', 'owner: Wang');
    await assert.rejects(
      request(KamMethods.formEdit, { uri, version: 1, intent: { op: 'set', path: ['account', 'name'], value: 'X' } }),
      (e: ResponseError<unknown>) => e.code === LSPErrorCodes.ContentModified,
    );
  });

  it('a plan that does not parse: the form shows KAM001 and no fields, and no intent is written', async () => {
    const uri = client.open(untitled('broken'), 'kam: 1\naccount: [\n');
    await client.waitForDiagnostics(uri);
    const result = await request<FormResult>(KamMethods.form, { uri });
    assert.equal(result.form.parses, false);
    assert.deepEqual(result.form.sections, []);
    assert.deepEqual(result.form.findings.map((f) => f.code), ['KAM001']);
    await assert.rejects(
      request(KamMethods.formEdit, { uri, version: 1, intent: { op: 'set', path: ['account', 'name'], value: 'X' } }),
      (e: ResponseError<unknown>) => e.code === LSPErrorCodes.RequestFailed && /syntax error/.test(e.message),
    );
  });

  it('answers in the plan’s locale', async () => {
    const zh = await LspClient.start({ settings: { locale: 'zh-cn' } });
    try {
      const uri = zh.open(untitled('zh'), RIVERSIDE);
      const result = await zh.connection.sendRequest<FormResult>(KamMethods.form, { uri });
      assert.equal(result.locale, 'zh-cn');
      assert.equal(result.form.terms['account'].label, '客户');
      assert.equal(result.form.ui.openAsText, '以文本打开');
    } finally {
      await zh.close();
    }
  });
});
