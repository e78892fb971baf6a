// `kam report`, run as a process: formats, output file, locale and today, and the exit codes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, repoPath } from '../helpers';

// The compiled CLI (tsc's output), so the suite needs no bundle; the bundle runs the same modules.
const KAM = path.join(REPO_ROOT, 'out', 'server', 'src', 'cli', 'main.js');
const RIVERSIDE = repoPath('examples', 'riverside-general.kam.yaml');

function kam(args: string[], cwd = REPO_ROOT) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
  for (const key of ['LC_ALL', 'LC_MESSAGES']) delete env[key];
  return spawnSync(process.execPath, [KAM, ...args], { cwd, env, encoding: 'utf8' });
}

describe('kam report', () => {
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-report-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes Markdown to standard output by default, exit 0', () => {
    const r = kam(['report', '--today', '2026-11-26', RIVERSIDE]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('# Key-account plan: Riverside General Hospital\n'));
    assert.ok(r.stdout.includes('_Report of 2026-11-26 · plan health 100/100_'));
    assert.ok(r.stdout.includes('**Total budget**: 17,000 over 2 actions'));
  });

  it('writes HTML to a file, in the locale asked for; the format follows the file name', () => {
    const out = path.join(tmp, 'report.html');
    const r = kam(['report', '--locale', 'zh-cn', '--today', '2026-11-26', '-o', out, RIVERSIDE]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'));
    assert.ok(html.includes('<h2>诊断</h2>') && html.includes('<h2>救援网络</h2>'));
    assert.ok(!html.includes('<script'));
    const md = path.join(tmp, 'report.txt');
    assert.equal(kam(['report', '--format', 'md', '-o', md, RIVERSIDE]).status, 0);
    assert.ok(fs.readFileSync(md, 'utf8').startsWith('# '));
  });

  it('exits 0 on a plan with errors, and on one that does not parse', () => {
    const broken = path.join(tmp, 'broken.kam.yaml');
    fs.writeFileSync(broken, 'kam: 1\naccount: {name: [\n');
    const r = kam(['report', broken]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('**0/100**') && r.stdout.includes('KAM001'));
  });

  it('applies --rule as lint does', () => {
    const text = fs.readFileSync(RIVERSIDE, 'utf8').replace('    response: Outcome study presentation booked for January.\n', '');
    const plan = path.join(tmp, 'unanswered.kam.yaml');
    fs.writeFileSync(plan, text);
    assert.ok(kam(['report', '--today', '2026-11-26', plan]).stdout.includes('**99/100**'));
    assert.ok(kam(['report', '--today', '2026-11-26', '--rule', 'KAM602=off', plan]).stdout.includes('**100/100**'));
  });

  it('exits 2 on bad usage or a path it cannot use', () => {
    const cases: [string[], RegExp][] = [
      [['report'], /missing required argument/],
      [['report', 'no-such.kam.yaml'], /cannot read no-such\.kam\.yaml: no such file/],
      [['report', repoPath('examples')], /is a folder/],
      [['report', '--format', 'pdf', RIVERSIDE], /pdf/],
      [['report', '--today', '2026-13-45', RIVERSIDE], /YYYY-MM-DD/],
      [['report', '--locale', 'fr', RIVERSIDE], /en or zh-cn/],
      [['report', '-o', path.join(tmp, 'missing-folder', 'r.md'), RIVERSIDE], /cannot write/],
      [['report', RIVERSIDE, RIVERSIDE], /too many arguments|unknown/i],
    ];
    for (const [args, message] of cases) {
      const r = kam(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
    }
  });
});
