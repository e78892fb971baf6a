// What the editor shows about the server beyond diagnostics of plans: work done progress while the
// workspace is checked, the checks of an open `.kamrc.yaml`, and which `.kamrc.yaml` applies to a plan
// (kam/configuration, read by the language status item).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, HoverRequest, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { KamMethods, type ConfigurationResult } from '../../server/src/lsp/protocol';
import { RULES } from '../../server/src/rules';
import { messageOf } from './lsp-client';
import { scratchWorkspace, until } from './scratch-workspace';

const PLAN = 'kam: 1\naccount:\n  name: Eastside Clinic\n  owner: Li Wei\n';

describe('language server: progress, .kamrc.yaml checks and kam/configuration', function () {
  const ws = scratchWorkspace('kam-status-');
  const { write, start } = ws;

  describe('$/progress while the workspace is checked', () => {
    it('begins with a title, counts the files up to 100 %, and ends', async () => {
      for (let i = 0; i < 12; i++) write(`plans/p${i}.kam.yaml`, PLAN);
      const client = await start();
      await until(() => client.progress.some((p) => p.value.kind === 'end'), 'the end of the progress');
      assert.equal(client.progressTokens.length, 1);
      const values = client.progress.filter((p) => p.token === client.progressTokens[0]).map((p) => p.value);
      const begin = values[0] as WorkDoneProgressBegin;
      assert.equal(begin.kind, 'begin');
      assert.equal(begin.title, 'Checking the plans of the workspace');
      assert.equal(begin.message, '0/12');
      const reports = values.filter((v): v is WorkDoneProgressReport => v.kind === 'report');
      assert.ok(reports.length >= 2, `reports: ${JSON.stringify(reports)}`);
      const percentages = reports.map((r) => r.percentage!);
      assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'the percentage only grows');
      assert.deepEqual(reports.at(-1), { kind: 'report', percentage: 100, message: '12/12' });
      assert.equal(values.at(-1)!.kind, 'end');
      // Every plan was published by the time the progress ended.
      for (let i = 0; i < 12; i++) assert.ok(client.publications(pathToFileURL(path.join(ws.folder, 'plans', `p${i}.kam.yaml`)).href).length > 0);
    });

    it('in the client\'s language', async () => {
      write('a.kam.yaml', PLAN);
      const client = await start({ locale: 'zh-cn' });
      await until(() => client.progress.some((p) => p.value.kind === 'begin'), 'the progress');
      assert.equal((client.progress[0].value as WorkDoneProgressBegin).title, '正在检查工作区中的计划');
    });
  });

  describe('an open .kamrc.yaml', () => {
    const BAD = [
      'rules:', //               0
      '  KAM201: warn', //        1
      '  role-unasigned: off', // 2
      '  frobnicate: off', //     3
      'goal:', //                 4
      '  maxAnnualChange: 2', //  5
      'goals:', //                6
      '  maxAnnualChange: -1', // 7
      'locale: zh-cn', //         8
      '',
    ].join('\n');

    it('gets diagnostics with a code at each bad key or value, with did-you-mean, and none of a plan\'s', async () => {
      const client = await start();
      const uri = client.open(write('.kamrc.yaml', BAD), BAD, 'yaml');
      const { diagnostics } = await client.waitForDiagnostics(uri);
      const found = diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`);
      assert.deepEqual(found, [
        'rc-bad-setting@1:10-14',
        'rc-unknown-rule@2:2-16',
        'rc-unknown-rule@3:2-12',
        'rc-unknown-key@4:0-4',
        'rc-bad-value@7:19-21',
      ]);
      assert.ok(diagnostics.every((d) => d.source === 'kam' && !String(d.code).startsWith('KAM')));
      // The file's own locale: zh-cn.
      assert.match(messageOf(diagnostics[0]), /`warn` 不是 off \| info \| warning \| error 之一.*你是不是想写 `warning`？/);
      assert.match(messageOf(diagnostics[1]), /`role-unassigned`/);
      assert.doesNotMatch(messageOf(diagnostics[2]), /你是不是想写/, 'frobnicate is near no rule');
      assert.match(messageOf(diagnostics[3]), /`goals`/);
      // Not read as a plan: no outline, no hover.
      assert.equal(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), null);
      assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } }), null);
    });

    it('English messages without a locale; the diagnostics follow the edits until none is left', async () => {
      const text = 'rules:\n  role-unassigned: eror\nlocal: en\n';
      const client = await start();
      const uri = client.open(write('.kamrc.yml', text), text, 'yaml');
      let { diagnostics } = await client.waitForDiagnostics(uri);
      assert.deepEqual(diagnostics.map(messageOf), [
        '`eror` is not off | info | warning | error: rule `role-unassigned` keeps its default. Did you mean `error`?',
        'Unknown key `local`: it is ignored. Did you mean `locale`?',
      ]);
      client.replace(uri, 'eror', 'error');
      ({ diagnostics } = await client.waitForDiagnostics(uri));
      assert.equal(diagnostics.length, 1);
      client.replace(uri, 'local:', 'locale:');
      ({ diagnostics } = await client.waitForDiagnostics(uri));
      assert.deepEqual(diagnostics, []);
    });

    it('YAML that does not parse is an error; a list is not a configuration', async () => {
      const client = await start();
      const broken = client.open(write('a/.kamrc.yaml', 'rules: [\n'), 'rules: [\n', 'yaml');
      assert.deepEqual((await client.waitForDiagnostics(broken)).diagnostics.map((d) => [d.code, d.severity]), [['rc-syntax', 1]]);
      const list = client.open(write('b/.kamrc.yaml', '- rules\n'), '- rules\n', 'yaml');
      assert.deepEqual((await client.waitForDiagnostics(list)).diagnostics.map((d) => d.code), ['rc-not-a-map']);
    });

    it('every registered rule code and name is accepted', async () => {
      const text = `rules:\n${RULES.map((r) => `  ${r.code}: off\n  ${r.name}: info\n`).join('')}`;
      const client = await start();
      const uri = client.open(write('.kamrc.yaml', text), text, 'yaml');
      assert.deepEqual((await client.waitForDiagnostics(uri)).diagnostics, []);
    });
  });

  describe('kam/configuration', () => {
    it('names the nearest .kamrc.yaml within the workspace folder, or none', async () => {
      fs.writeFileSync(path.join(ws.root, '.kamrc.yaml'), 'locale: zh-cn\n'); // above the folder: not used
      const rc = write('north/.kamrc.yaml', 'locale: zh-cn\n');
      const inNorth = write('north/deep/a.kam.yaml', PLAN);
      const elsewhere = write('south/b.kam.yaml', PLAN);
      const client = await start();
      const ask = (uri: string) => client.connection.sendRequest<ConfigurationResult>(KamMethods.configuration, { uri });
      assert.deepEqual(await ask(inNorth), { uri: inNorth, rcFile: rc, workspaceFolder: pathToFileURL(ws.folder).href, locale: 'zh-cn' });
      assert.deepEqual(await ask(elsewhere), { uri: elsewhere, rcFile: null, workspaceFolder: pathToFileURL(ws.folder).href, locale: 'en' });
      const outside = pathToFileURL(path.join(ws.root, 'c.kam.yaml')).href;
      assert.equal((await ask(outside)).workspaceFolder, null);
      assert.equal((await ask('untitled:Untitled-1')).rcFile, null);
    });
  });
});
