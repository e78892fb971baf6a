// `kam diff`, run as a process: two files, and a file against its git history (a temporary repository
// with several commits); each format, the spec's JSON shape, and the exit codes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { kam, validJson } from './cli-run';

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');

interface DiffJson {
  before: { label: string; health: number };
  after: { label: string; health: number };
  changes: { kind: string; path: string; before: unknown; after: unknown }[];
  findings: { fixed: { code: string; message: string }[]; new: { code: string; message: string }[] };
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=KAM Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`these tests need git on PATH (apt-get install git): ${r.error.message}`);
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('kam diff', () => {
  let tmp: string;
  const file = (name: string) => path.join(tmp, name);
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-diff-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('OLD NEW', () => {
    before(() => {
      fs.writeFileSync(file('old.kam.yaml'), RIVERSIDE);
      // A stance changes, a goal is added, the constrainer role loses its holder, comments and line ends change.
      const goal = '  - id: g-share-2028\n    statement: Hold 40% share of the cardiology segment\n';
      const changed = RIVERSIDE.replace('stance: skeptic', 'stance: supporter  # after the site visit')
        .replace('roles: [constrainer]', 'roles: []')
        .replace('\nstrategy:', `${goal}\nstrategy:`)
        .replace(/\n/g, '\r\n');
      fs.writeFileSync(file('new.kam.yaml'), changed);
      fs.writeFileSync(file('crlf.kam.yaml'), RIVERSIDE.replace(/^# .*$/gm, '# a new comment').replace(/\n/g, '\r\n'));
    });

    it('json: the spec shape exactly, each change with before and after, findings new', () => {
      const r = kam(['diff', '--format', 'json', '--today', FIXED_TODAY, 'old.kam.yaml', 'new.kam.yaml'], tmp);
      assert.equal(r.status, 0, r.stderr);
      const out = validJson<DiffJson>(r.stdout, 'diff');
      assert.deepEqual(out.before, { label: 'old.kam.yaml', health: 100 });
      assert.equal(out.after.label, 'new.kam.yaml');
      assert.ok(out.after.health < 100);
      assert.deepEqual(
        out.changes.map((c) => [c.kind, c.path]),
        [
          ['removed', 'diagnosis.stakeholders[liu].roles[0]'],
          ['changed', 'diagnosis.stakeholders[liu].stance'],
          ['added', 'goals[g-share-2028]'],
        ],
      );
      assert.deepEqual(out.changes[2].after, { id: 'g-share-2028', statement: 'Hold 40% share of the cardiology segment' });
      assert.deepEqual(out.findings.fixed, []);
      assert.ok(out.findings.new.some((f) => f.code === 'KAM201'));
    });

    it('text reads like a review memo, in English and in Chinese', () => {
      const en = kam(['diff', '--today', FIXED_TODAY, 'old.kam.yaml', 'new.kam.yaml'], tmp);
      assert.equal(en.status, 0, en.stderr);
      assert.ok(en.stdout.startsWith('Changes to the plan: old.kam.yaml → new.kam.yaml\nPlan health: 100 → '), en.stdout);
      assert.ok(en.stdout.includes('  - Liu Yan (liu): stance skeptic → supporter\n'));
      assert.ok(en.stdout.includes('  - Goal g-share-2028 added\n'));
      assert.ok(/New findings \(\d+\)\n  - KAM201 /.test(en.stdout));
      const zh = kam(['diff', '--locale', 'zh-cn', '--today', FIXED_TODAY, 'old.kam.yaml', 'new.kam.yaml'], tmp);
      assert.ok(zh.stdout.startsWith('计划的变化：old.kam.yaml → new.kam.yaml\n计划健康度：100 → '), zh.stdout);
      assert.ok(zh.stdout.includes('  - 新增目标 g-share-2028\n'));
      assert.ok(zh.stdout.includes('已解决的问题（0）'));
    });

    it('md: headings and a bullet per change, plan text escaped', () => {
      const r = kam(['diff', '--format', 'md', '--today', FIXED_TODAY, 'old.kam.yaml', 'new.kam.yaml'], tmp);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.startsWith('# Changes to the plan: old.kam.yaml → new.kam.yaml\n'));
      assert.ok(r.stdout.includes('## Changes (3)\n\n- '));
      assert.ok(r.stdout.includes('- Goal g-share-2028 added\n'));
      assert.ok(r.stdout.includes('- Liu Yan (liu): roles\\[0\\] removed (was constrainer)\n'), r.stdout);
    });

    it('comments and CRLF line ends only: no change', () => {
      const r = kam(['diff', '--format', 'json', '--today', FIXED_TODAY, 'old.kam.yaml', 'crlf.kam.yaml'], tmp);
      assert.equal(r.status, 0, r.stderr);
      const out = validJson<DiffJson>(r.stdout, 'diff');
      assert.deepEqual(out.changes, []);
      assert.deepEqual(out.findings, { fixed: [], new: [] });
      assert.ok(kam(['diff', 'old.kam.yaml', 'crlf.kam.yaml'], tmp).stdout.includes('No change in meaning'));
    });

    it('bad usage and unreadable paths exit 2', () => {
      assert.equal(kam(['diff', 'old.kam.yaml'], tmp).status, 2);
      assert.equal(kam(['diff', 'a', 'b', 'c'], tmp).status, 2);
      assert.equal(kam(['diff', '--format', 'html', 'old.kam.yaml', 'new.kam.yaml'], tmp).status, 2);
      const missing = kam(['diff', 'old.kam.yaml', 'missing.kam.yaml'], tmp);
      assert.equal(missing.status, 2);
      assert.ok(missing.stderr.includes('cannot read missing.kam.yaml: no such file or directory'));
      assert.equal(kam(['diff', '.', 'old.kam.yaml'], tmp).status, 2);
    });
  });

  describe('--git', () => {
    let repo: string;
    const PLAN = path.join('plans', 'riverside.kam.yaml');
    // Liu is a skeptic whose stance is not a valid one in the first commits: KAM002's finding.
    const first = RIVERSIDE.replace('stance: skeptic', 'stance: doubtful');
    before(() => {
      repo = path.join(tmp, 'repo');
      fs.mkdirSync(path.join(repo, 'plans'), { recursive: true });
      git(repo, 'init', '-q');
      fs.writeFileSync(path.join(repo, PLAN), first);
      git(repo, 'add', '.');
      git(repo, 'commit', '-q', '-m', 'first');
      fs.writeFileSync(path.join(repo, PLAN), first.replace('next_review: 2027-01-15', 'next_review: 2027-02-01'));
      git(repo, 'commit', '-q', '-am', 'second: review moved');
      // On disk, not committed: the stance is set right.
      fs.writeFileSync(path.join(repo, PLAN), first.replace('next_review: 2027-01-15', 'next_review: 2027-02-01').replace('stance: doubtful', 'stance: supporter'));
    });

    it('--git HEAD: the one stance change, with before and after, and the finding it fixed', () => {
      const r = kam(['diff', '--git', 'HEAD', '--format', 'json', '--today', FIXED_TODAY, PLAN], repo);
      assert.equal(r.status, 0, r.stderr);
      const out = validJson<DiffJson>(r.stdout, 'diff');
      assert.equal(out.before.label, 'HEAD');
      assert.equal(out.after.label, PLAN);
      assert.deepEqual(out.changes, [{ kind: 'changed', path: 'diagnosis.stakeholders[liu].stance', before: 'doubtful', after: 'supporter' }]);
      assert.deepEqual(out.findings.fixed.map((f) => f.code), ['KAM002']);
      assert.ok(out.findings.fixed[0].message.includes('doubtful'));
      assert.deepEqual(out.findings.new, []);
      assert.ok(out.after.health > out.before.health);
      const text = kam(['diff', '--git', 'HEAD', '--today', FIXED_TODAY, PLAN], repo).stdout;
      assert.ok(text.includes('  - Liu Yan (liu): stance doubtful → supporter\n'), text);
    });

    it('an earlier revision sees every change since; --git alone and --git PATH mean HEAD', () => {
      const r = kam(['diff', '--git', 'HEAD~1', '--format', 'json', PLAN], repo);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(
        validJson<DiffJson>(r.stdout, 'diff').changes.map((c) => c.path),
        ['account.next_review', 'diagnosis.stakeholders[liu].stance'],
      );
      for (const args of [[PLAN, '--git'], ['--git', PLAN]]) {
        const head = kam(['diff', '--format', 'json', ...args], repo);
        assert.equal(head.status, 0, head.stderr);
        assert.equal(validJson<DiffJson>(head.stdout, 'diff').changes.length, 1);
      }
    });

    it('from a subfolder of the repository, and by a path outside the current folder', () => {
      const r = kam(['diff', '--git', 'HEAD', '--format', 'json', 'riverside.kam.yaml'], path.join(repo, 'plans'));
      assert.equal(r.status, 0, r.stderr);
      assert.equal(validJson<DiffJson>(r.stdout, 'diff').changes.length, 1);
      assert.equal(kam(['diff', '--git', 'HEAD', path.join(repo, PLAN)], tmp).status, 0);
    });

    it('an unknown revision, a file the revision lacks, a file outside any repository: a clear error, exit 2', () => {
      const unknown = kam(['diff', '--git', 'no-such-rev', PLAN], repo);
      assert.equal(unknown.status, 2);
      assert.ok(unknown.stderr.includes('error: unknown revision no-such-rev'), unknown.stderr);
      assert.equal(kam(['diff', '--git', '--output=x', PLAN], repo).status, 2);
      fs.writeFileSync(path.join(repo, 'plans', 'new.kam.yaml'), RIVERSIDE);
      const lacking = kam(['diff', '--git', 'HEAD', 'plans/new.kam.yaml'], repo);
      assert.equal(lacking.status, 2);
      assert.ok(lacking.stderr.includes('error: plans/new.kam.yaml is not in revision HEAD'), lacking.stderr);
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-no-repo-'));
      try {
        fs.writeFileSync(path.join(outside, 'p.kam.yaml'), RIVERSIDE);
        const r = kam(['diff', '--git', 'HEAD', 'p.kam.yaml'], outside);
        assert.equal(r.status, 2);
        assert.ok(r.stderr.includes('error: p.kam.yaml is not in a git repository'), r.stderr);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
      assert.equal(kam(['diff', '--git', 'HEAD', PLAN, PLAN], repo).status, 2);
    });
  });
});
