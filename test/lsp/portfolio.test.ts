// The KAM Portfolio view's requests through the real server: rows for every plan of the workspace,
// from the workspace check (closed plans) and the editor's text (open ones), following files created,
// changed and deleted on disk; the export; and kam/diff of an earlier text against the open plan.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { KamMethods, type DiffResult, type PortfolioExportResult, type PortfolioResult } from '../../server/src/lsp/protocol';
import { readRepoFile } from '../helpers';
import { LspClient } from './lsp-client';

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');
const HUADONG = readRepoFile('examples', 'huadong-peoples-hospital.kam.yaml');
const BROKEN = 'kam: 1\naccount: {name: [\n';

async function until<T>(ask: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await ask();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('language server: the portfolio', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return pathToFileURL(file).href;
  };
  const rows = () => client.connection.sendRequest<PortfolioResult>(KamMethods.portfolio, {});
  const settled = (n: number) => (r: PortfolioResult) => r.pending === 0 && r.rows.length === n;

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-portfolio-lsp-'));
    write('east/riverside.kam.yaml', RIVERSIDE);
    write('huadong.kam.yaml', HUADONG);
    write('broken.kam.yaml', BROKEN);
    client = await LspClient.start({ workspaceFolders: [root] });
  });
  afterEach(async () => {
    await client.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves a row per plan of the workspace, lowest health first, a plan that does not parse included', async () => {
    const result = await until(rows, settled(3), 'three rows');
    assert.deepEqual(result.rows.map((r) => r.file), ['broken.kam.yaml', 'east/riverside.kam.yaml', 'huadong.kam.yaml']);
    const [broken, riverside] = result.rows;
    assert.equal(broken.health, 0);
    assert.ok(broken.findings.error >= 1);
    assert.equal(riverside.account, 'Riverside General Hospital');
    assert.equal(riverside.uri, pathToFileURL(path.join(root, 'east', 'riverside.kam.yaml')).href);
    assert.equal(riverside.open, false);
    assert.equal(result.locale, 'en');
  });

  it('follows files created, changed and deleted on disk', async () => {
    await until(rows, settled(3), 'three rows');
    const added = write('west/new.kam.yaml', RIVERSIDE.replace('name: Riverside General Hospital', 'name: Westside Clinic'));
    client.watchedFilesChanged([{ uri: added, type: FileChangeType.Created }]);
    await until(rows, (r) => r.rows.some((row) => row.account === 'Westside Clinic'), 'the new plan');
    const changed = write('east/riverside.kam.yaml', RIVERSIDE.replace('roles: [constrainer]', 'roles: []'));
    client.watchedFilesChanged([{ uri: changed, type: FileChangeType.Changed }]);
    const after = await until(rows, (r) => r.rows.some((row) => row.unassigned_roles.includes('constrainer')), 'the change');
    assert.ok(after.rows.find((r) => r.uri === changed)!.health < 100);
    fs.rmSync(path.join(root, 'broken.kam.yaml'));
    client.watchedFilesChanged([{ uri: pathToFileURL(path.join(root, 'broken.kam.yaml')).href, type: FileChangeType.Deleted }]);
    const gone = await until(rows, (r) => !r.rows.some((row) => row.file === 'broken.kam.yaml'), 'the deletion');
    assert.equal(gone.rows.length, 3);
  });

  it("an open plan's row follows its editor text", async () => {
    await until(rows, settled(3), 'three rows');
    const uri = pathToFileURL(path.join(root, 'huadong.kam.yaml')).href;
    client.open(uri, HUADONG.replace('next_review: 2027-02-28', 'next_review: 2026-01-01'));
    const result = await until(rows, (r) => r.rows.some((row) => row.uri === uri && row.review_overdue), 'the open row');
    const row = result.rows.find((r) => r.uri === uri)!;
    assert.equal(row.open, true);
    assert.equal(result.rows.length, 3, 'no second row for the open plan');
  });

  it('exports the portfolio as md, html and csv', async () => {
    await until(rows, settled(3), 'three rows');
    const md = await client.connection.sendRequest<PortfolioExportResult>(KamMethods.portfolioExport, { format: 'md' });
    assert.ok(md.text.includes('| Riverside General Hospital |'));
    const html = await client.connection.sendRequest<PortfolioExportResult>(KamMethods.portfolioExport, { format: 'html', linkBase: '../' });
    assert.ok(html.text.includes('href="../east/riverside.kam.yaml"'));
    const csv = await client.connection.sendRequest<PortfolioExportResult>(KamMethods.portfolioExport, { format: 'csv' });
    assert.ok(csv.text.startsWith('\uFEFFHealth,'));
    await assert.rejects(client.connection.sendRequest(KamMethods.portfolioExport, { format: 'xml' }));
  });

  it('kam/diff: an earlier text against the open plan, each change with its range in the current text', async () => {
    const uri = pathToFileURL(path.join(root, 'east', 'riverside.kam.yaml')).href;
    const now = RIVERSIDE.replace('stance: skeptic', 'stance: supporter');
    client.open(uri, now);
    const result = await client.connection.sendRequest<DiffResult>(KamMethods.diff, { uri, before: RIVERSIDE, label: 'HEAD' });
    assert.deepEqual(result.before, { label: 'HEAD', health: 100 });
    assert.equal(result.changes.length, 1);
    const [change] = result.changes;
    assert.equal(change.text, 'Liu Yan (liu): stance skeptic → supporter');
    const line = now.slice(0, now.indexOf('stance: supporter', now.indexOf('- id: liu'))).split('\n').length - 1;
    assert.equal(change.range.start.line, line);
    assert.equal(result.words.changes, 'Changes (1)');
  });
});
