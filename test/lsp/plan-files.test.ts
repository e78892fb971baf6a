// One plan-files module for `kam lint` and the server: over the same tree (a linked plan, a linked
// folder, a skipped folder, a file that is no UTF-8 text, one with a NUL byte, one over the size
// limit), the CLI lints exactly the files the server checks, and each gets the same findings, at
// the same places, with the same messages.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_PLAN_BYTES } from '../../server/src/engine/limits';
import { FIXED_TODAY, readRepoFile, repoPath } from '../helpers';
import { LspClient, messageOf } from './lsp-client';

const PLAN = 'kam: 1\naccount:\n  name: Eastside Clinic\n';

interface Located {
  code: string;
  line: number;
  column: number;
  message: string;
}

describe('plan files: the CLI and the server read the same files the same way', function () {
  let root: string;
  let client: LspClient | undefined;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-plan-files-'));
  });
  afterEach(async () => {
    await client?.close();
    client = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  function write(relative: string, content: string | Buffer): void {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }

  it('finds and checks the same files with the same findings', async () => {
    write('plans/eastside.kam.yaml', PLAN);
    write('plans/riverside.kam.yml', readRepoFile('examples', 'riverside-general.kam.yaml'));
    write('plans/bom.kam.yaml', `\uFEFF${PLAN}`);
    write('node_modules/pkg/skipped.kam.yaml', PLAN);
    write('odd/latin1.kam.yaml', Buffer.concat([Buffer.from('kam: 1\naccount:\n  name: "Caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
    write('odd/nul.kam.yaml', Buffer.from('kam: 1\n\0\0\0binary'));
    write('odd/big.kam.yaml', `kam: 1\n${'# padding padding padding padding padding padding padding\n'.repeat(MAX_PLAN_BYTES / 50)}`);
    write('outside/linked-target.kam.yaml', PLAN);
    fs.symlinkSync(path.join(root, 'outside', 'linked-target.kam.yaml'), path.join(root, 'plans', 'linked.kam.yaml'));
    fs.symlinkSync(path.join(root, 'plans'), path.join(root, 'odd', 'linked-folder'));
    fs.symlinkSync(path.join(root, 'nowhere.kam.yaml'), path.join(root, 'odd', 'dangling.kam.yaml'));

    const lint = spawnSync(process.execPath, [repoPath('dist', 'kam.js'), 'lint', '--format', 'json', '--today', FIXED_TODAY, '.'], { cwd: root, encoding: 'utf8' });
    assert.ok(lint.status === 0 || lint.status === 1, `kam lint failed (${lint.status}): ${lint.stderr}`);
    const cli = new Map<string, Located[]>();
    for (const { file, findings } of JSON.parse(lint.stdout) as { file: string; findings: Located[] }[]) {
      cli.set(file.split(path.sep).join('/'), findings.map(({ code, line, column, message }) => ({ code, line, column, message })).sort(byPlace));
    }

    client = await LspClient.start({ workspaceFolders: [root] });
    const scanned = () => client!.logs.some((l) => /^Checked the \d+ plan files/.test(l.message));
    for (let waited = 0; !scanned(); waited += 10) {
      if (waited > 20_000) throw new Error('timed out waiting for the workspace scan');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const server = new Map<string, Located[]>();
    for (const relative of [...cli.keys(), 'node_modules/pkg/skipped.kam.yaml', 'odd/linked-folder/eastside.kam.yaml', 'odd/dangling.kam.yaml']) {
      const published = client.publications(pathToFileURL(path.join(root, relative)).href).at(-1);
      if (!published) continue;
      server.set(
        relative,
        published.diagnostics.map((d) => ({ code: String(d.code), line: d.range.start.line + 1, column: d.range.start.character + 1, message: messageOf(d) })).sort(byPlace),
      );
    }

    assert.deepEqual(
      [...cli.keys()].sort(),
      ['odd/big.kam.yaml', 'odd/latin1.kam.yaml', 'odd/nul.kam.yaml', 'outside/linked-target.kam.yaml', 'plans/bom.kam.yaml', 'plans/eastside.kam.yaml', 'plans/linked.kam.yaml', 'plans/riverside.kam.yml'],
      'the files kam lint reads',
    );
    assert.deepEqual([...server.keys()].sort(), [...cli.keys()].sort(), 'the server checks the same files');
    for (const [file, findings] of cli) assert.deepEqual(server.get(file), findings, `${file}: the same findings`);
    assert.deepEqual(cli.get('odd/latin1.kam.yaml'), [{ code: 'KAM001', line: 3, column: 13, message: 'YAML syntax error: not UTF-8 text (invalid byte 0xE9)' }]);
    assert.deepEqual(cli.get('odd/nul.kam.yaml'), [{ code: 'KAM001', line: 2, column: 1, message: 'YAML syntax error: not a text file (it contains a NUL byte)' }]);
    assert.match(cli.get('odd/big.kam.yaml')![0].message, /too large/);
    assert.deepEqual(cli.get('plans/bom.kam.yaml'), cli.get('plans/eastside.kam.yaml'), 'a byte-order mark changes nothing');
  });
});

function byPlace(a: Located, b: Located): number {
  return a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}
