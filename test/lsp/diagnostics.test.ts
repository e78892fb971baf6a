// Diagnostics through the real server process: what a user sees as they type.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, MessageType, TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { checkText } from '../../server/src/rules/check';
import { defaultConfig } from '../../server/src/engine';
import { fixtureExpectations, FIXED_TODAY, readRepoFile, repoPath } from '../helpers';
import { CLI_SERVER_ARGS, codesAndLines, LspClient, messageOf } from './lsp-client';

/** A plan that skips the diagnosis: KAM101 on its first content line (line 2). */
const NO_DIAGNOSIS = `# Eastside Clinic
kam: 1
account:
  name: Eastside Clinic
  owner: Li Wei
`;

const DIAGNOSIS = `diagnosis:
  macro:
    economic: Budgets flat in 2027.
`;

let counter = 0;
/** A fresh URI per test, so no test sees another's diagnostics. */
function untitled(name = 'plan'): string {
  return `untitled:${name}-${++counter}.kam.yaml`;
}

function codes(diagnostics: { code?: number | string }[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** What the engine itself finds in the text, as `CODE@line`. */
function engineCodesAndLines(text: string, options: Parameters<typeof checkText>[1] = {}): string[] {
  return checkText(text, { today: FIXED_TODAY, ...options })
    .map((f) => `${f.code}@${text.slice(0, f.span.start).split('\n').length}`)
    .sort();
}

describe('language server: diagnostics', function () {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client?.close());

  it('announces incremental sync', () => {
    assert.equal(client.initializeResult?.capabilities.textDocumentSync, TextDocumentSyncKind.Incremental);
  });

  it('finds nothing in the complete example plan', async () => {
    const file = repoPath('examples', 'riverside-general.kam.yaml');
    const uri = client.open(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
    const { diagnostics, version } = await client.waitForDiagnostics(uri);
    assert.equal(version, 1);
    assert.deepEqual(diagnostics, []);
  });

  it('reports findings with code, line, severity, source, documentation link and fix data', async () => {
    const uri = client.open(untitled(), NO_DIAGNOSIS);
    const { diagnostics } = await client.waitForDiagnostics(uri);
    const kam101 = diagnostics.find((d) => d.code === 'KAM101');
    assert.ok(kam101, `KAM101 among ${codes(diagnostics)}`);
    assert.deepEqual(kam101.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
    assert.equal(kam101.severity, DiagnosticSeverity.Error);
    assert.equal(kam101.source, 'kam');
    assert.match(messageOf(kam101), /diagnosis/);
    assert.equal(kam101.codeDescription?.href, pathToFileURL(repoPath('docs', 'rules', 'KAM101.md')).href);
    assert.deepEqual(kam101.data, { messageId: 'default' });
    assert.deepEqual(codesAndLines(diagnostics), engineCodesAndLines(NO_DIAGNOSIS));
    for (const d of diagnostics) {
      assert.equal(d.source, 'kam');
      assert.match(d.codeDescription?.href ?? '', new RegExp(`/docs/rules/${d.code}\\.md$`));
    }
  });

  it('maps info findings to Information', async () => {
    const uri = client.open(untitled(), readRepoFile('test', 'fixtures', 'rules', 'KAM103.fires.kam.yaml'));
    const { diagnostics } = await client.waitForDiagnostics(uri);
    const kam103 = diagnostics.find((d) => d.code === 'KAM103');
    assert.equal(kam103?.severity, DiagnosticSeverity.Information);
  });

  it('updates the diagnostics when an incremental edit fixes the problem', async () => {
    const uri = client.open(untitled(), NO_DIAGNOSIS);
    assert.ok(codes((await client.waitForDiagnostics(uri)).diagnostics).includes('KAM101'));
    const end = client.document(uri).positionAt(NO_DIAGNOSIS.length);
    client.change(uri, 2, [{ range: { start: end, end }, text: DIAGNOSIS }]);
    const fixed = await client.waitForDiagnostics(uri);
    assert.equal(fixed.version, 2);
    assert.ok(!codes(fixed.diagnostics).includes('KAM101'), `${codes(fixed.diagnostics)}`);
    assert.deepEqual(codesAndLines(fixed.diagnostics), engineCodesAndLines(NO_DIAGNOSIS + DIAGNOSIS));
  });

  it('publishes for the last version after many rapid edits, and only for it', async () => {
    const uri = client.open(untitled(), NO_DIAGNOSIS);
    await client.waitForDiagnostics(uri);
    const before = client.publications(uri).length;
    // Add and remove the diagnosis, and rename the account, twenty times in a burst.
    let version = 1;
    for (let i = 0; i < 10; i++) {
      const end = client.document(uri).positionAt(client.document(uri).getText().length);
      client.change(uri, ++version, [{ range: { start: end, end }, text: DIAGNOSIS }]);
      version = client.replace(uri, DIAGNOSIS, i % 2 ? '' : 'goals: []\n');
    }
    assert.equal(version, 21);
    const last = await client.waitForDiagnostics(uri, (p) => p.version === version);
    const text = client.document(uri).getText();
    assert.deepEqual(codesAndLines(last.diagnostics), engineCodesAndLines(text));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = client.publications(uri).slice(before);
    assert.equal(after.at(-1)?.version, version, 'nothing older is published after the last version');
    assert.ok(after.length < 5, `debounced: ${after.length} publications for 20 edits`);
  });

  it('reports a YAML syntax error as KAM001 at its line and keeps serving other documents', async () => {
    const broken = 'kam: 1\naccount:\n  name: Eastside Clinic\n  name: Eastside\nowner: Li Wei\n';
    const uri = client.open(untitled('broken'), broken);
    const { diagnostics } = await client.waitForDiagnostics(uri);
    assert.ok(diagnostics.length > 0);
    assert.deepEqual([...new Set(codes(diagnostics))], ['KAM001'], 'only KAM001 on a document that does not parse');
    assert.deepEqual(codesAndLines(diagnostics), engineCodesAndLines(broken));
    assert.equal(diagnostics[0].range.start.line, 3, 'the duplicated key is on line 4');

    const next = client.open(untitled(), NO_DIAGNOSIS);
    assert.ok(codes((await client.waitForDiagnostics(next)).diagnostics).includes('KAM101'));
  });

  it('survives hostile input and keeps serving', async () => {
    const hostile = [
      '',
      '---\n...\n---\n',
      'just a scalar',
      '- a\n- list\n',
      'a: &x [*x]\n',
      '\u0000\u0001\uFFFE\uD800',
      'kam: 1\n' + '['.repeat(2000),
      'kam: 1\naccount: ' + '{a: '.repeat(300) + '1' + '}'.repeat(300) + '\n',
      'diagnosis:\n\tmacro: tab\n',
      'goals:\n  - target: !!binary x\n    deadline: 99999-99-99\n',
    ];
    const uris = hostile.map((text) => client.open(untitled('hostile'), text));
    for (const uri of uris) await client.waitForDiagnostics(uri);
    const next = client.open(untitled(), NO_DIAGNOSIS);
    assert.ok(codes((await client.waitForDiagnostics(next)).diagnostics).includes('KAM101'));
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = client.open(untitled(), NO_DIAGNOSIS);
    assert.ok((await client.waitForDiagnostics(uri)).diagnostics.length > 0);
    client.closeDocument(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.equal(cleared.version, undefined);
  });
});

describe('language server: settings', function () {
  const clients: LspClient[] = [];
  async function start(options: Parameters<typeof LspClient.start>[0]): Promise<LspClient> {
    const client = await LspClient.start(options);
    clients.push(client);
    return client;
  }
  after(() => Promise.all(clients.map((c) => c.close())));

  it('turns a rule off from workspace/configuration, by code or by name, and back on when settings change', async () => {
    const client = await start({ settings: { rules: { KAM101: 'off', 'drivers-count': 'off' } } });
    const uri = client.open(untitled(), NO_DIAGNOSIS);
    const off = codes((await client.waitForDiagnostics(uri)).diagnostics);
    assert.ok(!off.includes('KAM101') && !off.includes('KAM103'), `${off}`);

    client.settings = { rules: { KAM101: 'info' } };
    client.configurationChanged();
    const on = await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('KAM101'));
    assert.equal(on.diagnostics.find((d) => d.code === 'KAM101')?.severity, DiagnosticSeverity.Information);
  });

  it('writes messages in Chinese for a zh-cn editor, unless kam.locale says otherwise', async () => {
    const zh = await start({ locale: 'zh-cn' });
    const uri = zh.open(untitled(), NO_DIAGNOSIS);
    const kam101 = (await zh.waitForDiagnostics(uri)).diagnostics.find((d) => d.code === 'KAM101');
    assert.match(kam101 ? messageOf(kam101) : '', /[\u4e00-\u9fff]/);

    zh.settings = { locale: 'en' };
    zh.configurationChanged();
    const en = await zh.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'KAM101' && !/[\u4e00-\u9fff]/.test(messageOf(d))));
    assert.ok(en);

    const en2zh = await start({ locale: 'en', settings: { locale: 'zh-cn' } });
    const uri2 = en2zh.open(untitled(), NO_DIAGNOSIS);
    const zhMessage = (await en2zh.waitForDiagnostics(uri2)).diagnostics.find((d) => d.code === 'KAM101');
    assert.match(zhMessage ? messageOf(zhMessage) : '', /[\u4e00-\u9fff]/);
  });

  describe('.kamrc.yaml', () => {
    let root: string;
    let folder: string;
    let rc: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-lsp-'));
      folder = path.join(root, 'workspace');
      fs.mkdirSync(path.join(folder, 'plans'), { recursive: true });
      rc = path.join(folder, '.kamrc.yaml');
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    function openPlan(client: LspClient, name: string): string {
      const file = path.join(folder, 'plans', name);
      fs.writeFileSync(file, NO_DIAGNOSIS);
      return client.open(pathToFileURL(file).href, NO_DIAGNOSIS);
    }

    it('applies the nearest rc file over the editor settings, and re-reads it when it changes', async () => {
      fs.writeFileSync(rc, 'rules:\n  KAM101: warning\n');
      const client = await start({ workspaceFolders: [folder], settings: { rules: { KAM101: 'off' } } });
      const uri = openPlan(client, 'a.kam.yaml');
      const first = await client.waitForDiagnostics(uri);
      assert.equal(first.diagnostics.find((d) => d.code === 'KAM101')?.severity, DiagnosticSeverity.Warning);

      fs.writeFileSync(rc, 'rules:\n  diagnosis-missing: info\n');
      client.watchedFilesChanged([{ uri: pathToFileURL(rc).href, type: FileChangeType.Changed }]);
      const changed = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'KAM101' && d.severity === DiagnosticSeverity.Information));
      assert.ok(changed);
      assert.deepEqual(client.messages, []);
    });

    it('does not look above the workspace folder', async () => {
      fs.writeFileSync(path.join(root, '.kamrc.yaml'), 'rules:\n  KAM101: off\n');
      const client = await start({ workspaceFolders: [folder] });
      const uri = openPlan(client, 'a.kam.yaml');
      assert.ok(codes((await client.waitForDiagnostics(uri)).diagnostics).includes('KAM101'));
    });

    it('warns once per change about a bad rc file, and applies the rest of it', async () => {
      fs.writeFileSync(rc, 'rules:\n  KAM999: off\n  KAM101: info\n');
      const client = await start({ workspaceFolders: [folder] });
      const a = openPlan(client, 'a.kam.yaml');
      const b = openPlan(client, 'b.kam.yaml');
      for (const uri of [a, b]) {
        const { diagnostics } = await client.waitForDiagnostics(uri);
        assert.equal(diagnostics.find((d) => d.code === 'KAM101')?.severity, DiagnosticSeverity.Information);
      }
      assert.equal(client.messages.length, 1, JSON.stringify(client.messages));
      assert.equal(client.messages[0].type, MessageType.Warning);
      assert.match(client.messages[0].message, /KAM999/);
      assert.ok(client.logs.some((l) => /KAM999/.test(l.message)), 'logged too');

      fs.writeFileSync(rc, 'rules: [not, a, map\n');
      client.watchedFilesChanged([{ uri: pathToFileURL(rc).href, type: FileChangeType.Changed }]);
      await client.waitForDiagnostics(a, (p) => p.diagnostics.some((d) => d.code === 'KAM101' && d.severity === DiagnosticSeverity.Error));
      await client.waitForDiagnostics(b, (p) => p.diagnostics.some((d) => d.code === 'KAM101' && d.severity === DiagnosticSeverity.Error));
      assert.equal(client.messages.length, 2, JSON.stringify(client.messages));
      assert.match(client.messages[1].message, /\.kamrc\.yaml/);
    });
  });
});

describe('language server: rule fixtures', function () {
  const FIXTURES = repoPath('test', 'fixtures', 'rules');
  const files = fs.readdirSync(FIXTURES).filter((f) => /^KAM\d{3}\.(fires|passes)\.kam\.ya?ml$/.test(f)).sort();
  /** One server per `# today:` date: it is fixed at initialization. */
  const clients = new Map<string, Promise<LspClient>>();
  function clientFor(today: string): Promise<LspClient> {
    if (!clients.has(today)) clients.set(today, LspClient.start({ today, workspaceFolders: [FIXTURES] }));
    return clients.get(today)!;
  }
  after(async () => Promise.all([...clients.values()].map(async (c) => (await c).close())));

  for (const file of files) {
    const code = file.slice(0, 6);
    const fires = file.includes('.fires.');
    it(`${file}: ${fires ? 'fires where it expects' : 'stays silent'}`, async () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const { expected, today, config } = fixtureExpectations(text);
      const client = await clientFor(today);
      client.settings = (config as Record<string, unknown>) ?? {};
      const uri = client.open(pathToFileURL(path.join(FIXTURES, file)).href, text);
      const { diagnostics } = await client.waitForDiagnostics(uri);
      client.closeDocument(uri);
      const own = diagnostics.filter((d) => d.code === code);
      const wanted = fires ? expected.filter((e) => e.code === code).map((e) => `${e.code}@${e.line}`).sort() : [];
      if (fires) assert.ok(wanted.length > 0, `${file} names no '# expect: ${code}' line`);
      assert.deepEqual(codesAndLines(own), wanted);
    });
  }
});

describe('language server: through `kam lsp --stdio`', function () {
  it('serves diagnostics like dist/server.js', async function () {
    const client = await LspClient.start({ args: CLI_SERVER_ARGS });
    try {
      const uri = client.open(untitled(), NO_DIAGNOSIS);
      const { diagnostics } = await client.waitForDiagnostics(uri);
      assert.deepEqual(codesAndLines(diagnostics), engineCodesAndLines(NO_DIAGNOSIS, { config: defaultConfig() }));
    } finally {
      await client.close();
    }
  });
});
