// The command line in CI: --format github, --max-warnings, -o/--output, and the npm tarball that
// installs `kam` on a machine without the repository. Run as users run it: `node dist/kam.js`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { REPO_ROOT, repoPath } from '../helpers';

const KAM = repoPath('dist', 'kam.js');
/** No diagnosis: KAM101 (an error unless set otherwise) and a few warnings and info. */
const NO_DIAGNOSIS = 'kam: 1\naccount:\n  name: Acme Clinic\n  stage: proposal\n';
const AS_WARNING = ['--rule', 'KAM101=warning'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'NO_COLOR', 'FORCE_COLOR']) delete env[key];
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const kam = (args: string[], cwd: string) => run(process.execPath, [KAM, ...args], cwd);

interface JsonFinding {
  code: string;
  name: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const scratchDirs: string[] = [];
function scratch(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-ci-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  scratchDirs.push(dir);
  return dir;
}

/** `::command key=value,…::message` split into its parts, unescaped. */
function parseAnnotation(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, `not a workflow command: ${line}`);
  const unescape = (s: string) => decodeURIComponent(s);
  const props = Object.fromEntries(m[2].split(',').map((p) => p.split('=')).map(([k, v]) => [k, unescape(v)]));
  return { command: m[1], props, message: unescape(m[3]) };
}

describe('kam CLI in CI', function () {
  before(function () {
    assert.ok(fs.existsSync(KAM), `${KAM} is missing: build it first with \`node esbuild.mjs\` (npm test does)`);
  });
  after(() => {
    for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('--format github', () => {
    it('one workflow command a finding, at the places and with the messages the JSON gives', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      const r = kam(['lint', '--format', 'github', 'acme.kam.yaml'], dir);
      assert.equal(r.status, 1, r.stderr);
      const findings = (JSON.parse(kam(['lint', '--format', 'json', 'acme.kam.yaml'], dir).stdout) as { findings: JsonFinding[] }[])[0].findings;
      const lines = r.stdout.trimEnd().split('\n');
      assert.ok(findings.length >= 2, 'the plan should have several findings');
      assert.equal(lines.length, findings.length);
      const commands = { error: 'error', warning: 'warning', info: 'notice' } as Record<string, string>;
      lines.forEach((line, i) => {
        const f = findings[i];
        const a = parseAnnotation(line);
        assert.equal(a.command, commands[f.severity]);
        assert.equal(a.message, f.message);
        assert.equal(a.props.file, 'acme.kam.yaml');
        assert.equal(a.props.title, `${f.code} ${f.name}`);
        assert.equal(Number(a.props.line), f.line);
        assert.equal(Number(a.props.col), f.column);
        assert.equal(Number(a.props.endLine), f.endLine);
        // GitHub's end column is the last character's, inclusive; it reads columns only on one line.
        if (f.endLine === f.line) assert.equal(Number(a.props.endColumn), Math.max(f.column, f.endColumn - 1));
        else assert.equal(a.props.endColumn, undefined);
      });
      assert.ok(lines.some((l) => l.startsWith('::error ') && l.includes('title=KAM101 ')), r.stdout);
    });

    it('through `npm run -s kam`, as the README shows', () => {
      const r = run('npm', ['run', '-s', 'kam', '--', 'lint', '--format', 'github', 'test/fixtures/rules/KAM201.fires.kam.yaml'], REPO_ROOT);
      assert.match(r.stdout, /^::warning file=test\/fixtures\/rules\/KAM201\.fires\.kam\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=KAM201 role-unassigned::./m, r.stderr);
    });

    it('escapes %, CR and LF everywhere, and : and , in properties', () => {
      assert.equal(escapeData('100% sure\r\nnext: a, b'), '100%25 sure%0D%0Anext: a, b');
      assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
      const dir = scratch({ 'a,b:c%.kam.yaml': NO_DIAGNOSIS });
      const first = kam(['lint', '--format', 'github', '.'], dir).stdout.split('\n')[0];
      assert.match(first, /^::error file=a%2Cb%3Ac%25\.kam\.yaml,line=/);
      assert.equal(parseAnnotation(first).props.file, 'a,b:c%.kam.yaml');
    });

    it('a path that could not be linted is an error annotation on it (exit 2)', () => {
      const dir = scratch();
      const r = kam(['lint', '--format', 'github', 'missing.kam.yaml'], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '::error file=missing.kam.yaml,title=kam::no such file or directory\n');
    });
  });

  describe('--max-warnings', () => {
    const warnings = (dir: string) =>
      (JSON.parse(kam(['lint', '--format', 'json', ...AS_WARNING, 'acme.kam.yaml'], dir).stdout) as { findings: JsonFinding[] }[])[0].findings.filter(
        (f) => f.severity === 'warning',
      ).length;

    it('exits 1 when the warnings are more than N, 0 at N, saying why', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      const n = warnings(dir);
      assert.ok(n >= 1);
      const over = kam(['lint', '--max-warnings', '0', ...AS_WARNING, 'acme.kam.yaml'], dir);
      assert.equal(over.status, 1);
      assert.equal(over.stderr, `kam: ${n} warnings, more than --max-warnings 0 allows\n`);
      assert.equal(kam(['lint', '--max-warnings', String(n - 1), ...AS_WARNING, 'acme.kam.yaml'], dir).status, 1);
      const at = kam(['lint', '--max-warnings', String(n), ...AS_WARNING, 'acme.kam.yaml'], dir);
      assert.equal(at.status, 0, at.stderr);
      assert.equal(at.stderr, '');
      assert.equal(kam(['lint', ...AS_WARNING, 'acme.kam.yaml'], dir).status, 0, 'no limit without the flag');
    });

    it('an error still exits 1 however high the limit; a plan without warnings passes --max-warnings 0', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      assert.equal(kam(['lint', '--max-warnings', '1000', 'acme.kam.yaml'], dir).status, 1);
      assert.equal(kam(['lint', '--max-warnings', '0', '--today', '2026-11-26', 'examples'], REPO_ROOT).status, 0);
    });

    for (const bad of ['-1', 'many', '1.5', ''])
      it(`2 on --max-warnings ${JSON.stringify(bad)}`, () => {
        const r = kam(['lint', '--max-warnings', bad, 'examples'], REPO_ROOT);
        assert.equal(r.status, 2);
        assert.match(r.stderr, /--max-warnings/);
        assert.equal(r.stdout, '');
      });
  });

  describe('-o/--output', () => {
    for (const format of ['text', 'json', 'sarif', 'github'])
      it(`${format}: the file holds what standard output would, and nothing is printed; the exit code stands`, () => {
        const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
        const printed = kam(['lint', '--format', format, 'acme.kam.yaml'], dir);
        for (const flag of ['-o', '--output']) {
          const written = kam(['lint', '--format', format, flag, `out.${format}`, 'acme.kam.yaml'], dir);
          assert.equal(written.status, printed.status);
          assert.equal(written.stdout, '');
          assert.equal(fs.readFileSync(path.join(dir, `out.${format}`), 'utf8'), printed.stdout);
        }
        assert.ok(printed.stdout.length > 0);
      });

    it('2 when the file cannot be written, naming it', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      const r = kam(['lint', '-o', 'no/such/folder/out.txt', 'acme.kam.yaml'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /cannot write no\/such\/folder\/out\.txt: no such file or directory/);
    });
  });

  describe('the npm tarball', function () {
    this.timeout(180_000);

    it('installs with `npm install -g` offline and runs `kam lint` outside the repository', () => {
      const work = scratch();
      const packed = run('npm', ['pack', '--silent', '--pack-destination', work], REPO_ROOT);
      assert.equal(packed.status, 0, packed.stderr);
      const tarball = path.join(work, packed.stdout.trim().split('\n').pop()!);
      assert.match(path.basename(tarball), /^kam-plan-\d+\.\d+\.\d+\.tgz$/);

      const listing = run('tar', ['-tzf', tarball], work).stdout.split('\n').filter(Boolean).sort();
      assert.ok(listing.includes('package/dist/kam.js') && listing.includes('package/package.json'), listing.join('\n'));
      assert.ok(listing.includes('package/docs/rules/KAM201.md'), 'the rule pages SARIF links to');
      const unexpected = listing.filter((f) => !/^package\/(dist\/kam\.js|docs\/rules\/(KAM\d+|README)\.md|package\.json|README(\.[A-Za-z-]+)?\.md|LICENSE[^/]*)$/.test(f));
      assert.deepEqual(unexpected, [], 'only the CLI and what it reads at run time');

      // The bundle needs nothing else: no dependency to fetch, so the install works offline.
      const prefix = path.join(work, 'prefix');
      const installed = run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], work);
      assert.equal(installed.status, 0, installed.stderr);
      const bin = path.join(prefix, 'bin', 'kam');
      assert.ok(fs.existsSync(bin), `${bin} is missing`);

      const plans = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      const version = run(bin, ['--version'], plans);
      assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version);
      const text = run(bin, ['lint', '--max-warnings', '0', 'acme.kam.yaml'], plans);
      assert.equal(text.status, 1);
      assert.match(text.stdout, /^acme\.kam\.yaml:1:1: error KAM101 /m);
      const sarif = JSON.parse(run(bin, ['lint', '--format', 'sarif', 'acme.kam.yaml'], plans).stdout) as Sarif.Log;
      const helpUri = sarif.runs[0].tool.driver.rules?.find((r) => r.id === 'KAM201')?.helpUri;
      assert.ok(helpUri?.startsWith('file:'), `helpUri: ${helpUri}`);
      const page = fileURLToPath(helpUri!);
      assert.ok(page.startsWith(prefix) && fs.existsSync(page), `${page} should be inside the installed package`);
    });
  });
});
