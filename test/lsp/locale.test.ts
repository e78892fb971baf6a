// What the language features say, in Simplified Chinese for a Chinese editor (initializationOptions.locale,
// as the extension sends vscode.env.language) and in whatever language `kam.locale` asks for.
// Diagnostics and key hovers in Chinese are covered by diagnostics.test.ts and completion-hover.test.ts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  RenameRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { readRepoFile, repoPath } from '../helpers';
import { LspClient, type LspClientOptions } from './lsp-client';

const CHINESE = /[\u4e00-\u9fff]/;
const TEXT = readRepoFile('examples', 'riverside-general.kam.yaml');

let counter = 0;

function items(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

function markdown(item: CompletionItem): string {
  const doc = item.documentation;
  return typeof doc === 'string' ? doc : (doc?.value ?? '');
}

/** The user-facing words of each feature, for one client. */
async function say(client: LspClient) {
  const open = (text: string) => client.open(`untitled:locale-${++counter}.kam.yaml`, text);

  const rolesUri = open(TEXT.replace('roles: [proposer]', 'roles: [ ]'));
  const roles = items(
    await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: rolesUri },
      position: client.positionOf(rolesUri, 'roles: [ ]', 'roles: ['.length),
    }),
  );
  const guide = roles.find((i) => i.label === 'guide');

  const dateUri = open(TEXT.replace(/deadline: \S+/, 'deadline: '));
  const dates = items(
    await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: dateUri },
      position: client.positionOf(dateUri, 'deadline: ', 'deadline: '.length),
    }),
  );

  const uri = open(TEXT);
  const roleHover = await client.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri },
    position: client.positionOf(uri, 'roles: [proposer]', 'roles: ['.length + 1),
  });
  const refusal = await client.connection
    .sendRequest(RenameRequest.type, { textDocument: { uri }, position: client.positionOf(uri, '- id: zhao', 6), newName: 'wang' })
    .then(
      () => '',
      (e: Error) => e.message,
    );

  const fixture = fs.readFileSync(repoPath('test', 'fixtures', 'rules', 'KAM101.fires.kam.yaml'), 'utf8');
  const fixUri = open(fixture);
  const kam101 = (await client.waitForDiagnostics(fixUri)).diagnostics.find((d) => d.code === 'KAM101');
  assert.ok(kam101, 'KAM101 is published');
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: fixUri },
    range: kam101.range,
    context: { diagnostics: [kam101] },
  })) as CodeAction[];
  const fixAll = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: fixUri },
    range: kam101.range,
    context: { diagnostics: [], only: ['source.fixAll.kam'] },
  })) as CodeAction[];

  return {
    roleDetail: guide?.detail ?? '',
    roleDocumentation: guide ? markdown(guide) : '',
    dateDetail: dates.find((i) => /^\d{4}-\d{2}-\d{2}$/.test(String(i.label)))?.detail ?? '',
    roleHover: (roleHover?.contents as MarkupContent | undefined)?.value ?? '',
    refusal,
    fixTitle: actions.find((a) => a.isPreferred)?.title ?? actions[0]?.title ?? '',
    fixAllTitle: fixAll[0]?.title ?? '',
    message: kam101.message as string,
  };
}

describe('language server: the user\'s language', function () {
  const clients: LspClient[] = [];
  async function words(options: LspClientOptions) {
    const client = await LspClient.start(options);
    clients.push(client);
    return say(client);
  }
  after(() => Promise.all(clients.map((c) => c.close())));

  it('speaks Chinese to a Chinese editor: completion details, hovers, rename refusals, quick fix titles', async () => {
    const zh = await words({ locale: 'zh-cn' });
    assert.match(zh.roleDetail, /指导者/);
    assert.match(zh.roleDocumentation, /如何辨认/);
    assert.equal(zh.dateDetail, '今天');
    assert.match(zh.roleHover, /如何辨认/);
    assert.match(zh.refusal, /已有 id 为 `wang` 的关键人物/);
    assert.match(zh.fixTitle, CHINESE);
    assert.equal(zh.fixAllTitle, '修复所有可自动修复的 KAM 问题');
    assert.match(zh.message, CHINESE);
  });

  it('speaks English to an English editor', async () => {
    const en = await words({ locale: 'en' });
    assert.match(en.roleHover, /How to recognise them/);
    assert.equal(en.dateDetail, 'today');
    assert.match(en.refusal, /wang/);
    assert.doesNotMatch(en.refusal, CHINESE);
    assert.doesNotMatch(en.fixTitle, CHINESE);
    assert.equal(en.fixAllTitle, 'Fix all auto-fixable KAM problems');
    assert.doesNotMatch(en.message, CHINESE);
  });

  it('lets kam.locale override the editor\'s language, both ways', async () => {
    const zh = await words({ locale: 'en', settings: { locale: 'zh-cn' } });
    assert.equal(zh.dateDetail, '今天');
    assert.match(zh.refusal, CHINESE);
    assert.equal(zh.fixAllTitle, '修复所有可自动修复的 KAM 问题');
    const en = await words({ locale: 'zh-cn', settings: { locale: 'en' } });
    assert.equal(en.dateDetail, 'today');
    assert.doesNotMatch(en.refusal, CHINESE);
    assert.equal(en.fixAllTitle, 'Fix all auto-fixable KAM problems');
  });
});
