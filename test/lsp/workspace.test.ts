// The whole workspace through the real server: closed plans are checked from disk and followed as
// they are created, changed and deleted, an open document wins over its file, and hundreds of plans
// do not keep the server from answering.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, HoverRequest, type MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { checkText } from '../../server/src/rules/check';
import { MAX_PLAN_BYTES } from '../../server/src/engine/limits';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { codesAndLines, LspClient, messageOf } from './lsp-client';
import { scratchWorkspace, until } from './scratch-workspace';

/** KAM101 and more: a plan with findings. */
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
const BROKEN = 'kam: 1\naccount:\n  name: Eastside Clinic\n  name: Eastside\n';
/** A complete plan: no finding at all. */
const COMPLETE = readRepoFile('examples', 'riverside-general.kam.yaml');

const SCANNED = /^Checked the (\d+) plan files of the workspace in (\d+) ms$/;

/** What the engine finds in the text, as `CODE@line`. */
function engineCodesAndLines(text: string): string[] {
  return checkText(text, { today: FIXED_TODAY })
    .map((f) => `${f.code}@${text.slice(0, f.span.start).split('\n').length}`)
    .sort();
}

function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d) => String(d.code));
}

describe('language server: the workspace', function () {
  const ws = scratchWorkspace('kam-workspace-');
  const { write, start } = ws;

  /** Waits for the next "Checked the N plan files" log line and returns N. */
  async function scanned(client: LspClient, after = 0): Promise<number> {
    const line = () => client.logs.slice(after).find((l) => SCANNED.test(l.message));
    await until(() => line() !== undefined, 'the workspace scan', 20_000);
    return Number(SCANNED.exec(line()!.message)![1]);
  }

  it('publishes the findings of every closed plan, skipping node_modules, .git, files.exclude and other files', async () => {
    const withFindings = write('plans/eastside.kam.yaml', NO_DIAGNOSIS);
    const complete = write('plans/riverside.kam.yml', COMPLETE);
    const broken = write('plans/deep/down/broken.kam.yaml', BROKEN);
    const ignored = [
      write('node_modules/some-package/plan.kam.yaml', NO_DIAGNOSIS),
      write('.git/plan.kam.yaml', NO_DIAGNOSIS),
      write('archive/2019/old.kam.yaml', NO_DIAGNOSIS),
      write('plans/notes.yaml', NO_DIAGNOSIS),
    ];
    const client = await start({ sections: { 'files.exclude': { '**/archive': true, '**/.DS_Store': true, '**/skip': false } } });
    assert.equal(await scanned(client), 3);

    for (const [uri, text] of [[withFindings, NO_DIAGNOSIS], [complete, COMPLETE], [broken, BROKEN]]) {
      const published = client.publications(uri);
      assert.equal(published.length, 1, `${uri}: ${published.length} publications`);
      assert.equal(published[0].version, undefined, 'a closed file has no version');
      assert.deepEqual(codesAndLines(published[0].diagnostics), engineCodesAndLines(text));
    }
    assert.ok(codes(client.publications(withFindings)[0]).includes('KAM101'));
    assert.deepEqual(codes(client.publications(complete)[0]), []);
    assert.deepEqual([...new Set(codes(client.publications(broken)[0]))], ['KAM001']);
    for (const uri of ignored) assert.deepEqual(client.publications(uri), [], `${uri} is not checked`);
  });

  it('opens a plan with the findings of its disk check only when the text is the one checked', async () => {
    const same = write('same.kam.yaml', NO_DIAGNOSIS);
    const moved = write('moved.kam.yaml', NO_DIAGNOSIS);
    const client = await start();
    await scanned(client);
    const scan = client.publications(same)[0];
    // The editor opens one file as checked, the other as it now is on disk (changed, and not told yet).
    write('moved.kam.yaml', NO_DIAGNOSIS + DIAGNOSIS);
    client.open(same, NO_DIAGNOSIS);
    client.open(moved, NO_DIAGNOSIS + DIAGNOSIS);
    const opened = await client.waitForDiagnostics(same, (p) => p.version === 1);
    assert.deepEqual(opened.diagnostics, scan.diagnostics);
    const checked = await client.waitForDiagnostics(moved, (p) => p.version === 1);
    assert.deepEqual(codesAndLines(checked.diagnostics), engineCodesAndLines(NO_DIAGNOSIS + DIAGNOSIS));
    assert.ok(!codes(checked).includes('KAM101'), 'the disk check of the old text was published for the new one');
    // Edited after opening from the scan's findings: checked as any open document.
    client.replace(same, 'owner: Li Wei\n', `owner: Li Wei\n${DIAGNOSIS}`);
    const edited = await client.waitForDiagnostics(same, (p) => p.version === 2);
    assert.deepEqual(codesAndLines(edited.diagnostics), engineCodesAndLines(NO_DIAGNOSIS + DIAGNOSIS));
  });

  it('reports a file over the size limit without parsing it', async () => {
    const big = write('big.kam.yaml', `kam: 1\n${'# padding padding padding padding padding padding padding\n'.repeat(MAX_PLAN_BYTES / 50)}`);
    const client = await start();
    await scanned(client);
    const [published] = client.publications(big);
    assert.deepEqual(codes(published), ['KAM001']);
    assert.match(messageOf(published.diagnostics[0]), /too large/);
    assert.equal(published.diagnostics[0].range.start.line, 0);
  });

  it('follows plans created, changed and deleted on disk', async () => {
    const existing = write('a.kam.yaml', NO_DIAGNOSIS);
    const client = await start();
    await scanned(client);
    assert.ok(codes(client.publications(existing)[0]).includes('KAM101'));

    const created = write('new/b.kam.yaml', BROKEN);
    client.watchedFilesChanged([{ uri: created, type: FileChangeType.Created }]);
    const first = await client.waitForDiagnostics(created, () => true);
    assert.deepEqual(codesAndLines(first.diagnostics), engineCodesAndLines(BROKEN));

    write('a.kam.yaml', NO_DIAGNOSIS + DIAGNOSIS);
    client.watchedFilesChanged([{ uri: existing, type: FileChangeType.Changed }]);
    const changed = await client.waitForDiagnostics(existing, (p) => !codes(p).includes('KAM101'));
    assert.deepEqual(codesAndLines(changed.diagnostics), engineCodesAndLines(NO_DIAGNOSIS + DIAGNOSIS));

    fs.rmSync(path.join(ws.folder, 'new', 'b.kam.yaml'));
    client.watchedFilesChanged([{ uri: created, type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(created, (p) => p.diagnostics.length === 0);

    // A deleted folder may be told as one event.
    const inFolder = write('gone/c.kam.yaml', NO_DIAGNOSIS);
    client.watchedFilesChanged([{ uri: inFolder, type: FileChangeType.Created }]);
    await client.waitForDiagnostics(inFolder, (p) => p.diagnostics.length > 0);
    fs.rmSync(path.join(ws.folder, 'gone'), { recursive: true });
    client.watchedFilesChanged([{ uri: pathToFileURL(path.join(ws.folder, 'gone')).href, type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(inFolder, (p) => p.diagnostics.length === 0);
  });

  it('checks the plans of a new folder when only the creation of the folder is told', async () => {
    const client = await start();
    await scanned(client);
    // The file watcher starts on a new folder after it hears of it: the files written at once go unreported.
    const plan = write('unpacked/deep/a.kam.yaml', NO_DIAGNOSIS);
    const skipped = write('unpacked/node_modules/b.kam.yaml', NO_DIAGNOSIS);
    write('unpacked/notes.txt', 'not a plan');
    client.watchedFilesChanged([
      { uri: pathToFileURL(path.join(ws.folder, 'unpacked')).href, type: FileChangeType.Created },
      { uri: pathToFileURL(path.join(ws.folder, 'unpacked', 'notes.txt')).href, type: FileChangeType.Created },
    ]);
    const checked = await client.waitForDiagnostics(plan, () => true);
    assert.deepEqual(codesAndLines(checked.diagnostics), engineCodesAndLines(NO_DIAGNOSIS));
    assert.deepEqual(client.publications(skipped), [], 'a plan in node_modules is no plan of the workspace');
  });

  it('lets an open document win over its file, and goes back to the file when it closes', async () => {
    const uri = write('a.kam.yaml', NO_DIAGNOSIS);
    const client = await start();
    await scanned(client);
    assert.ok(codes(client.publications(uri)[0]).includes('KAM101'));

    client.open(uri, NO_DIAGNOSIS + DIAGNOSIS);
    const open = await client.waitForDiagnostics(uri);
    assert.ok(!codes(open).includes('KAM101'));
    const opened = client.publications(uri).length;

    // The file changes on disk (another tool, a git checkout): the open document still wins.
    write('a.kam.yaml', BROKEN);
    const other = write('b.kam.yaml', NO_DIAGNOSIS);
    client.watchedFilesChanged([
      { uri, type: FileChangeType.Changed },
      { uri: other, type: FileChangeType.Created },
    ]);
    await client.waitForDiagnostics(other, () => true); // checked after a.kam.yaml: its turn has passed
    const version = client.replace(uri, 'Li Wei', 'Zhang Wei');
    await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(
      client.publications(uri).slice(opened).map((p) => p.version),
      [version],
      'only the open document publishes while it is open',
    );

    // Closed: the disk copy's findings at once, never an empty list in between.
    const beforeClose = client.publications(uri).length;
    client.closeDocument(uri);
    const disk = await client.waitForDiagnostics(uri, (p) => p.version === undefined);
    assert.deepEqual(codesAndLines(disk.diagnostics), engineCodesAndLines(BROKEN));
    assert.equal(client.publications(uri).length, beforeClose + 1, 'one publication on close: the disk copy');
  });

  it('clears a closed document outside the workspace folders', async () => {
    const client = await start();
    await scanned(client);
    const outside = path.join(ws.root, 'outside.kam.yaml');
    fs.writeFileSync(outside, NO_DIAGNOSIS);
    const uri = client.open(pathToFileURL(outside).href, NO_DIAGNOSIS);
    assert.ok((await client.waitForDiagnostics(uri)).diagnostics.length > 0);
    client.closeDocument(uri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('checks closed files only while kam.workspace.checkClosedFiles is on', async () => {
    const uri = write('a.kam.yaml', NO_DIAGNOSIS);
    const client = await start({ settings: { workspace: { checkClosedFiles: false } } });
    assert.equal(await scanned(client), 0);
    assert.deepEqual(client.publications(uri), []);

    client.settings = {};
    let logged = client.logs.length;
    client.configurationChanged();
    assert.equal(await scanned(client, logged), 1);
    assert.ok(codes(client.publications(uri)[0]).includes('KAM101'));

    client.settings = { workspace: { checkClosedFiles: false } };
    logged = client.logs.length;
    client.configurationChanged();
    await scanned(client, logged);
    assert.deepEqual(client.publications(uri).at(-1)?.diagnostics, [], 'turned off: the closed file loses its diagnostics');
    // Open documents are checked all the same.
    const open = client.open(pathToFileURL(path.join(ws.folder, 'a.kam.yaml')).href, NO_DIAGNOSIS);
    assert.ok(codes(await client.waitForDiagnostics(open)).includes('KAM101'));
  });

  it('applies each file\'s settings: editor settings and the nearest .kamrc.yaml', async () => {
    const plain = write('a.kam.yaml', NO_DIAGNOSIS);
    const quiet = write('quiet/b.kam.yaml', NO_DIAGNOSIS);
    write('quiet/.kamrc.yaml', 'rules:\n  KAM101: off\n');
    const client = await start({ locale: 'zh-cn' });
    await scanned(client);
    const kam101 = client.publications(plain)[0].diagnostics.find((d) => d.code === 'KAM101');
    assert.match(kam101 ? messageOf(kam101) : '', /[\u4e00-\u9fff]/, 'in the client\'s language');
    assert.ok(!codes(client.publications(quiet)[0]).includes('KAM101'), 'turned off by the rc file');
  });

  it('publishes 300 plans while answering hovers on an open document', async function () {
    this.timeout(120_000);
    const count = 300;
    const uris: string[] = [];
    for (let i = 0; i < count; i++) uris.push(write(`plans/${String(i).padStart(3, '0')}/plan-${i}.kam.yaml`, i % 2 ? COMPLETE : NO_DIAGNOSIS));
    const openUri = write('open.kam.yaml', COMPLETE);

    const started = Date.now();
    const client = await start();
    const uri = client.open(openUri, COMPLETE);
    const position = client.positionOf(uri, 'with: [zhao', 'with: ['.length + 1);
    const published = () => uris.filter((u) => client.publications(u).length > 0).length;
    /** How long each hover took, in ms, asked one after the other while `more()` holds. */
    async function hoverTimes(more: () => boolean, pauseMs: number): Promise<number[]> {
      const times: number[] = [];
      while (more()) {
        const asked = Date.now();
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        times.push(Date.now() - asked);
        assert.match((hover?.contents as MarkupContent).value, /Dr\. Zhao Min/);
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      return times;
    }

    // Ask again and again while the closed files are being checked.
    await until(() => published() > 0, 'the first closed plan', 20_000);
    const during = await hoverTimes(() => published() < count && Date.now() - started < 100_000, 25);
    await until(() => published() === count, `all ${count} plans`, 100_000);
    const allMs = Date.now() - started;
    let idleRounds = 10;
    const idle = await hoverTimes(() => idleRounds-- > 0, 5);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `      ${count} closed plans published in ${allMs} ms (server start included); ` +
        `${during.length} hovers during the scan: median ${median(during)} ms, max ${Math.max(...during)} ms; ` +
        `idle: median ${median(idle)} ms, max ${Math.max(...idle)} ms`,
    );

    assert.equal(await scanned(client), count + 1, 'the open document is one of the plans found');
    assert.ok(client.publications(uri).every((p) => p.version === 1), 'the open document is not checked from disk');
    for (const [i, u] of uris.entries()) assert.equal(codes(client.publications(u)[0]).includes('KAM101'), i % 2 === 0, u);
    // Hang guards, not benchmarks.
    assert.ok(during.length > 0, 'a hover was asked during the scan');
    assert.ok(Math.max(...during) < 3000, `a hover took ${Math.max(...during)} ms`);
    assert.ok(allMs < 90_000, `the scan took ${allMs} ms`);
  });
});
