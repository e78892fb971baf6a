// `kam portfolio`, run as a process: each format, the spec's JSON shape, sorting, plans that do not
// parse, paths that cannot be read, and the exit codes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { displayWidth } from '../../server/src/views/text-fit';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { kam, validJson } from './cli-run';
import { elements, parseHtml, textOf } from './views-helpers';

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');
const HUADONG = readRepoFile('examples', 'huadong-peoples-hospital.kam.yaml');

interface PortfolioJson {
  today: string;
  plans: { file: string; account: string | null; health: number; review_overdue: boolean; findings: Record<string, number>; unassigned_roles: string[] }[];
  totals: { plans: number; findings: Record<string, number>; review_overdue: number };
}

describe('kam portfolio', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-portfolio-'));
    fs.mkdirSync(path.join(tmp, 'plans', 'north'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'plans', 'riverside.kam.yaml'), RIVERSIDE);
    fs.writeFileSync(path.join(tmp, 'plans', 'north', '华东.kam.yaml'), HUADONG);
    // Overdue review and a role nobody holds; the account's name needs escaping and CSV quoting.
    const overdue = RIVERSIDE.replace('next_review: 2027-01-15', 'next_review: 2026-10-01')
      .replace('roles: [constrainer]', 'roles: []')
      .replace('name: Riverside General Hospital', 'name: \'Bay "<b>Clinic</b>", East\'');
    fs.writeFileSync(path.join(tmp, 'plans', 'north', 'bay.kam.yaml'), overdue);
    fs.writeFileSync(path.join(tmp, 'plans', 'broken.kam.yaml'), 'kam: 1\naccount: {name: [\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('json: the spec shape exactly, sorted by health then file, totals added up, exit 0', () => {
    const r = kam(['portfolio', '--format', 'json', '--today', FIXED_TODAY, 'plans'], tmp);
    assert.equal(r.status, 0, r.stderr);
    const out = validJson<PortfolioJson>(r.stdout, 'portfolio');
    assert.equal(out.today, FIXED_TODAY);
    assert.deepEqual(
      out.plans.map((p) => p.file),
      ['plans/broken.kam.yaml', 'plans/north/bay.kam.yaml', 'plans/north/华东.kam.yaml', 'plans/riverside.kam.yaml'],
    );
    const [broken, bay] = out.plans;
    assert.equal(broken.health, 0);
    assert.equal(broken.account, null);
    assert.ok(broken.findings.error >= 1, 'the plan that does not parse carries its KAM001');
    assert.equal(bay.review_overdue, true);
    assert.deepEqual(bay.unassigned_roles, ['constrainer']);
    assert.ok(out.plans[0].health <= out.plans[1].health && out.plans[1].health <= out.plans[2].health);
    assert.equal(out.totals.plans, 4);
    assert.equal(out.totals.review_overdue, 1);
    for (const s of ['error', 'warning', 'info']) assert.equal(out.totals.findings[s], out.plans.reduce((n, p) => n + p.findings[s], 0));
  });

  it('text: an aligned table, Chinese counted two columns wide', () => {
    const r = kam(['portfolio', '--today', FIXED_TODAY, '--locale', 'zh-cn', 'plans'], tmp);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => l.includes('健康度'));
    const table = lines.slice(header, header + 5);
    assert.equal(table.length, 5);
    const fileColumn = (line: string) => displayWidth(line.slice(0, line.indexOf('plans/') === -1 ? line.indexOf('文件') : line.indexOf('plans/')));
    assert.deepEqual(new Set(table.map(fileColumn)).size, 1, table.join('\n'));
    assert.ok(r.stdout.includes('华东人民医院') && r.stdout.includes('已逾期'));
    assert.ok(r.stdout.includes('4 份计划'));
  });

  it('md: a table with escaped plan text and links to the plans', () => {
    const r = kam(['portfolio', '--format', 'md', '--today', FIXED_TODAY, 'plans'], tmp);
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| '));
    assert.equal(rows.length, 6, 'the header, its rule and four plans');
    assert.ok(rows[0].startsWith('| Health | Account |'));
    assert.ok(rows[1].startsWith('| ---: | --- |'));
    assert.ok(r.stdout.includes('Bay "&lt;b&gt;Clinic&lt;/b&gt;", East'));
    assert.ok(r.stdout.includes('](plans/north/%E5%8D%8E%E4%B8%9C.kam.yaml)'));
  });

  it('html: one self-contained page; the only script is allowed by its hash; plan text escaped; accounts linked', () => {
    const out = path.join(tmp, 'out', 'portfolio.html');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const r = kam(['portfolio', '--format', 'html', '--today', FIXED_TODAY, '-o', out, 'plans'], tmp);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = fs.readFileSync(out, 'utf8');
    const root = parseHtml(html);
    const all = elements(root);
    const csp = all.find((e) => e.tag === 'meta' && e.attrs.some((a) => a.value === 'Content-Security-Policy'))!;
    const policy = csp.attrs.find((a) => a.name === 'content')!.value;
    assert.match(policy, /^default-src 'none'; /);
    const scripts = all.filter((e) => e.tag === 'script');
    assert.equal(scripts.length, 1);
    const hash = createHash('sha256').update(textOf(scripts[0])).digest('base64');
    assert.ok(policy.includes(`script-src 'sha256-${hash}'`), policy);
    assert.ok(!/\b(src|href)="(https?:)?\/\//.test(html), 'nothing loaded from elsewhere');
    assert.ok(!all.some((e) => e.tag === 'b'), 'the account name stays text');
    const links = all.filter((e) => e.tag === 'a').map((e) => e.attrs.find((a) => a.name === 'href')!.value);
    assert.ok(links.includes('../plans/riverside.kam.yaml'), links.join(' '));
    assert.equal(all.filter((e) => e.tag === 'tbody')[0].children.filter((c) => 'tag' in c).length, 4);
  });

  it('csv: UTF-8 with a BOM, CRLF records, RFC 4180 quoting', () => {
    const r = kam(['portfolio', '--format', 'csv', '--today', FIXED_TODAY, 'plans'], tmp);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\uFEFFHealth,Account,'));
    const records = r.stdout.slice(1).split('\r\n');
    assert.equal(records.length, 6, 'header, four plans, and the final line end');
    assert.equal(records[5], '');
    assert.ok(records.some((rec) => rec.includes('"Bay ""<b>Clinic</b>"", East"')));
    assert.ok(!r.stdout.replace(/\r\n/g, '').includes('\n'));
  });

  it('lists a path that cannot be read with its error, summarises the rest, and exits 2', () => {
    const r = kam(['portfolio', '--today', FIXED_TODAY, 'plans/riverside.kam.yaml', 'plans/missing.kam.yaml'], tmp);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes('plans/missing.kam.yaml: no such file or directory'));
    assert.ok(r.stdout.includes('Riverside General Hospital'));
    assert.ok(r.stdout.includes('Files that could not be read:\n  plans/missing.kam.yaml: no such file or directory'));
    const json = kam(['portfolio', '--format', 'json', '--today', FIXED_TODAY, 'plans/riverside.kam.yaml', 'plans/missing.kam.yaml'], tmp);
    assert.equal(json.status, 2);
    assert.equal(validJson<PortfolioJson>(json.stdout, 'portfolio').plans.length, 1);
  });

  it('bad usage exits 2: an unknown format, a bad date, no path', () => {
    assert.equal(kam(['portfolio', '--format', 'xml', 'plans'], tmp).status, 2);
    assert.equal(kam(['portfolio', '--today', '2026-13-01', 'plans'], tmp).status, 2);
    assert.equal(kam(['portfolio'], tmp).status, 2);
  });

  it('an empty folder: no plans, a warning, exit 0', () => {
    fs.mkdirSync(path.join(tmp, 'empty'), { recursive: true });
    const r = kam(['portfolio', '--format', 'json', '--today', FIXED_TODAY, 'empty'], tmp);
    assert.equal(r.status, 0);
    assert.deepEqual(validJson<PortfolioJson>(r.stdout, 'portfolio').plans, []);
    assert.ok(r.stderr.includes('no *.kam.yaml'));
  });
});
