// The `kam` command line, run as users run it: `node dist/kam.js` (built by `node esbuild.mjs`).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import type * as Sarif from 'sarif';
import { checkText } from '../../server/src/rules/check';
import { ruleByCode, RULES } from '../../server/src/rules';
import { defaultConfig, mergeConfig, type Severity } from '../../server/src/engine';
import { byCodeAndLine, FIXED_TODAY, fixtureExpectations, REPO_ROOT, repoPath } from '../helpers';

const KAM = repoPath('dist', 'kam.js');
const FIXTURES = repoPath('test', 'fixtures', 'rules');
const EXAMPLES = fs.readdirSync(repoPath('examples')).filter((f) => f.endsWith('.kam.yaml')).sort();
// SARIF 2.1.0's JSON Schema (its rtm.5 text, as SchemaStore publishes it), kept as a fixture.
const SARIF_SCHEMA = repoPath('test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface JsonFinding {
  code: string;
  name: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

type JsonOutput = { file: string; findings: JsonFinding[] }[];

/** An English environment unless a test says otherwise; no colour settings leak in. */
function kam(args: string[], { cwd = REPO_ROOT, env = {} }: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const base: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'NO_COLOR', 'FORCE_COLOR']) delete base[key];
  const r = spawnSync(process.execPath, [KAM, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], options?: Parameters<typeof kam>[1]): { run: Run; output: JsonOutput } {
  const run = kam(['lint', '--format', 'json', ...args], options);
  return { run, output: JSON.parse(run.stdout) as JsonOutput };
}

function codes(output: JsonOutput): string[] {
  return output.flatMap((f) => f.findings.map((x) => x.code));
}

/** Line and column (1-based, UTF-16) of an offset, counted independently of the CLI. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

let sarifValidator: ((data: unknown) => boolean) & { errors?: unknown };
function assertValidSarif(log: unknown): asserts log is Sarif.Log {
  if (!sarifValidator) {
    // The official schema is draft-04: its `id`/`$schema` are dropped so ajv (draft-07) compiles the rest,
    // and one of its patterns is not valid with the `u` flag.
    const { $schema: _s, id: _id, ...schema } = JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    ajv.addFormat('uri-reference', (s: string) => !/[\s<>"{}|\\^`]/.test(s) && URL.canParse(s, 'file:///base/'));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    sarifValidator = ajv.compile(schema);
  }
  assert.ok(sarifValidator(log), JSON.stringify(sarifValidator.errors, null, 2));
}

/** A scratch folder per test, removed afterwards. */
function scratch(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  scratchDirs.push(dir);
  return dir;
}
const scratchDirs: string[] = [];

/** No diagnosis (KAM101, an error) and little else: findings from the two rules every build has. */
const NO_DIAGNOSIS = 'kam: 1\naccount:\n  name: Acme Clinic\n  stage: proposal\n';
const SYNTAX_ERROR = 'kam: 1\naccount: [\n  name: Acme\n';

describe('kam CLI', function () {
  before(function () {
    assert.ok(fs.existsSync(KAM), `${KAM} is missing: build it first with \`node esbuild.mjs\` (npm test does)`);
  });
  after(() => {
    for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('help and version', () => {
    it('--version prints the package version', () => {
      const r = kam(['--version']);
      assert.equal(r.status, 0);
      assert.equal(r.stdout.trim(), JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')).version);
    });

    it('--help lists the subcommands, lint --help the options and examples', () => {
      const top = kam(['--help']);
      assert.equal(top.status, 0);
      assert.match(top.stdout, /lint \[options\] <paths\.\.\.>/);
      assert.match(top.stdout, /lsp/);
      const lint = kam(['lint', '--help']);
      assert.equal(lint.status, 0);
      for (const option of ['--format', '--today', '--locale', '--config', '--rule']) assert.ok(lint.stdout.includes(option), option);
      assert.match(lint.stdout, /Examples:\n\s+\$ kam lint/);
      assert.match(lint.stdout, /Exit status: 0 .* 1 .* 2/s);
    });
  });

  describe('the examples', () => {
    it('text: no problems with --today fixed', () => {
      const r = kam(['lint', '--today', FIXED_TODAY, 'examples/']);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(r.stdout, `No problems (${EXAMPLES.length} files checked)\n`);
      assert.equal(r.stderr, '');
    });

    it('json: every example listed, sorted, with no finding', () => {
      const { run, output } = json(['--today', FIXED_TODAY, 'examples']);
      assert.equal(run.status, 0);
      assert.deepEqual(
        output,
        EXAMPLES.map((f) => ({ file: `examples/${f}`, findings: [] })),
      );
    });

    it('sarif through `npm run -s kam` validates and exits 0', () => {
      const r = spawnSync('npm', ['run', '-s', 'kam', '--', 'lint', '--format', 'sarif', '--today', FIXED_TODAY, 'examples/'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        shell: process.platform === 'win32',
      });
      assert.equal(r.status, 0, r.stderr);
      const log = JSON.parse(r.stdout) as unknown;
      assertValidSarif(log);
      const [run] = log.runs;
      assert.deepEqual(run.results, []);
      assert.deepEqual(run.invocations?.[0].executionSuccessful, true);
    });
  });

  describe('exit codes', () => {
    it('1 when a finding is an error, with the text summary', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      const r = kam(['lint', 'acme.kam.yaml'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^acme\.kam\.yaml:1:1: error KAM101 /m);
      assert.match(r.stdout, /^\d+ problems? \(\d+ errors?, \d+ warnings?(, \d+ info)?\)$/m);
    });

    it('0 when the only findings are warnings or info', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      const r = kam(['lint', '--rule', 'KAM101=warning', 'acme.kam.yaml'], { cwd: dir });
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^acme\.kam\.yaml:1:1: warning KAM101 /m);
    });

    const usage: [string, string[], RegExp][] = [
      ['an unknown option', ['lint', '--bogus', 'examples'], /unknown option '--bogus'/],
      ['a bad date', ['lint', '--today', '2026-02-30', 'examples'], /--today.*'2026-02-30' is invalid/],
      ['a date in another form', ['lint', '--today', '26/11/2026', 'examples'], /--today/],
      ['a bad format', ['lint', '--format', 'xml', 'examples'], /text, json, sarif/],
      ['a bad locale', ['lint', '--locale', 'fr', 'examples'], /en or zh-cn/],
      ['an unknown rule', ['lint', '--rule', 'KAM999=off', 'examples'], /unknown rule `KAM999`/],
      ['a bad setting', ['lint', '--rule', 'yaml-syntax=loud', 'examples'], /`loud` is not off \| info \| warning \| error/],
      ['a rule flag without =', ['lint', '--rule', 'KAM101', 'examples'], /CODE_OR_NAME=/],
      ['no path', ['lint'], /missing required argument 'paths'/],
      ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
      ['no command', [], /Usage: kam/],
    ];
    for (const [what, args, message] of usage)
      it(`2 on ${what}`, () => {
        const r = kam(args);
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, message);
        assert.equal(r.stdout, '');
      });

    it('2 on a missing path, naming it, after linting the paths that exist', () => {
      const { run, output } = json(['--today', FIXED_TODAY, 'no/such/plan.kam.yaml', 'examples']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no\/such\/plan\.kam\.yaml: no such file or directory/);
      assert.equal(output.length, EXAMPLES.length);
    });

    it('2 on a missing --config file', () => {
      const r = kam(['lint', '--config', 'nowhere.yaml', 'examples']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--config nowhere\.yaml: no such file/);
    });
  });

  describe('options', () => {
    it('--today changes time-based findings (KAM603 review-overdue)', function () {
      if (!ruleByCode('KAM603')) this.skip();
      const example = `examples/${EXAMPLES[0]}`;
      const review = /next_review:\s*(\d{4}-\d{2}-\d{2})/.exec(fs.readFileSync(repoPath(example), 'utf8'));
      assert.ok(review, `${example} has an account.next_review`);
      const before = json(['--today', FIXED_TODAY, example]);
      assert.ok(!codes(before.output).includes('KAM603'));
      const later = json(['--today', `${Number(review[1].slice(0, 4)) + 1}-12-31`, example]);
      assert.ok(codes(later.output).includes('KAM603'), later.run.stdout);
    });

    it('--locale zh-cn gives Chinese messages and summary', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      const r = kam(['lint', '--locale', 'zh-cn', 'acme.kam.yaml'], { cwd: dir });
      assert.match(r.stdout, /^acme\.kam\.yaml:1:1: error KAM101 .*[\u4e00-\u9fff]/m);
      assert.match(r.stdout, /^\d+ 个问题（\d+ 个错误，\d+ 个警告(，\d+ 个提示)?）$/m);
    });

    it('the locale comes from the environment when no flag or config sets it', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      const zh = json(['acme.kam.yaml'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
      assert.match(zh.output[0].findings[0].message, /[\u4e00-\u9fff]/);
      const en = json(['--locale', 'en', 'acme.kam.yaml'], { cwd: dir, env: { LC_ALL: 'zh_CN.UTF-8' } });
      assert.doesNotMatch(en.output[0].findings[0].message, /[\u4e00-\u9fff]/);
    });

    it('text output has no colour when stdout is not a terminal', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS });
      assert.doesNotMatch(kam(['lint', 'acme.kam.yaml'], { cwd: dir }).stdout, /\x1b\[/);
    });
  });

  describe('configuration', () => {
    const rc = (rules: string) => `# project settings\nrules:\n${rules}`;

    it('.kamrc.yaml turns a rule off by code and changes a severity by name', () => {
      const dir = scratch({
        'off/.kamrc.yaml': rc('  KAM101: off\n'),
        'off/acme.kam.yaml': NO_DIAGNOSIS,
        'renamed/.kamrc.yaml': rc('  yaml-syntax: warning\n'),
        'renamed/plans/broken.kam.yaml': SYNTAX_ERROR,
        'plain/acme.kam.yaml': NO_DIAGNOSIS,
      });
      const { run, output } = json(['.'], { cwd: dir });
      const of = (file: string) => output.find((f) => f.file === file)!.findings;
      assert.ok(of('plain/acme.kam.yaml').some((f) => f.code === 'KAM101' && f.severity === 'error'));
      assert.ok(!of('off/acme.kam.yaml').some((f) => f.code === 'KAM101'));
      const syntax = of(path.join('renamed', 'plans', 'broken.kam.yaml'));
      assert.ok(syntax.length > 0 && syntax.every((f) => f.code === 'KAM001' && f.severity === 'warning'));
      assert.equal(run.status, 1, 'plain/ still has its error');
    });

    it('--config applies over .kamrc.yaml, and --rule over both, by code or by name', () => {
      const dir = scratch({
        '.kamrc.yaml': rc('  KAM101: off\n  KAM001: info\n'),
        'acme.kam.yaml': NO_DIAGNOSIS,
        'broken.kam.yaml': SYNTAX_ERROR,
        'strict.yaml': rc('  diagnosis-missing: warning\n'),
      });
      const severities = (args: string[]) => {
        const { output } = json([...args, 'acme.kam.yaml', 'broken.kam.yaml'], { cwd: dir });
        return {
          KAM101: output[0].findings.find((f) => f.code === 'KAM101')?.severity ?? 'off',
          KAM001: output[1].findings.find((f) => f.code === 'KAM001')?.severity ?? 'off',
        };
      };
      assert.deepEqual(severities([]), { KAM101: 'off', KAM001: 'info' });
      assert.deepEqual(severities(['--config', 'strict.yaml']), { KAM101: 'warning', KAM001: 'info' });
      assert.deepEqual(severities(['--config', 'strict.yaml', '--rule', 'KAM101=error', '--rule', 'yaml-syntax=off']), {
        KAM101: 'error',
        KAM001: 'off',
      });
      assert.deepEqual(severities(['--rule', 'diagnosis-missing=info', '--rule', 'kam001=error']), { KAM101: 'info', KAM001: 'error' });
    });

    it('.kamrc.yaml can set the locale; the --locale flag wins', () => {
      const dir = scratch({ '.kamrc.yaml': 'locale: zh-cn\n', 'acme.kam.yaml': NO_DIAGNOSIS });
      assert.match(json(['acme.kam.yaml'], { cwd: dir }).output[0].findings[0].message, /[\u4e00-\u9fff]/);
      assert.doesNotMatch(json(['--locale', 'en', 'acme.kam.yaml'], { cwd: dir }).output[0].findings[0].message, /[\u4e00-\u9fff]/);
    });

    it('a problem in .kamrc.yaml is a warning; the same problem in --config is bad usage', () => {
      const dir = scratch({ '.kamrc.yaml': rc('  KAM999: off\n  KAM101: off\n'), 'acme.kam.yaml': NO_DIAGNOSIS, 'bad.yaml': rc('  KAM999: off\n') });
      const lenient = json(['acme.kam.yaml'], { cwd: dir });
      assert.match(lenient.run.stderr, /warning: \.kamrc\.yaml: unknown rule `KAM999`/);
      assert.ok(!codes(lenient.output).includes('KAM101'), 'the valid part of the rc file still applies');
      const strict = kam(['lint', '--config', 'bad.yaml', 'acme.kam.yaml'], { cwd: dir });
      assert.equal(strict.status, 2);
      assert.match(strict.stderr, /--config bad\.yaml: unknown rule `KAM999`/);
      fs.writeFileSync(path.join(dir, 'broken.yaml'), 'rules: [KAM101\n');
      const broken = kam(['lint', '--config', 'broken.yaml', 'acme.kam.yaml'], { cwd: dir });
      assert.equal(broken.status, 2, 'a config that does not parse');
      assert.match(broken.stderr, /--config broken\.yaml: /);
    });
  });

  describe('files and folders', () => {
    it('a folder means every *.kam.yaml / *.kam.yml below it, sorted, skipping node_modules and .git', () => {
      const dir = scratch({
        'b.kam.yml': NO_DIAGNOSIS,
        'a/z.kam.yaml': NO_DIAGNOSIS,
        'a/notes.yaml': 'not: a plan\n',
        'node_modules/pkg/x.kam.yaml': NO_DIAGNOSIS,
        '.git/y.kam.yaml': NO_DIAGNOSIS,
        'c.kam.yaml': NO_DIAGNOSIS,
      });
      const { output } = json(['.'], { cwd: dir });
      assert.deepEqual(
        output.map((f) => f.file),
        [path.join('a', 'z.kam.yaml'), 'b.kam.yml', 'c.kam.yaml'],
      );
    });

    it('paths are shown relative to the working directory, a file named twice is linted once', () => {
      const dir = scratch({ 'plans/acme.kam.yaml': NO_DIAGNOSIS });
      const { output } = json([path.join(dir, 'plans', 'acme.kam.yaml'), 'plans'], { cwd: dir });
      assert.deepEqual(
        output.map((f) => f.file),
        [path.join('plans', 'acme.kam.yaml')],
      );
    });

    it('a folder without plans is a warning, not a failure', () => {
      const dir = scratch({ 'empty/readme.md': '# nothing\n' });
      const r = kam(['lint', 'empty'], { cwd: dir });
      assert.equal(r.status, 0);
      assert.match(r.stderr, /empty: no \*\.kam\.yaml/);
    });

    it('a file that is not UTF-8 text is one KAM001 finding where the bad bytes start; others still lint', () => {
      const dir = scratch({
        'latin1.kam.yaml': Buffer.concat([Buffer.from('kam: 1\naccount:\n  name: "Caf'), Buffer.from([0xe9]), Buffer.from('"\n')]),
        'nul.kam.yaml': Buffer.from('kam: 1\n\u00e9t\u00e9: \u0000\n'),
        'good.kam.yaml': NO_DIAGNOSIS,
      });
      const { run, output } = json(['.'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      const [good, latin1, nul] = output;
      assert.ok(good.findings.some((f) => f.code === 'KAM101'));
      assert.deepEqual(
        latin1.findings.map(({ code, line, column, message }) => ({ code, line, column, message })),
        [{ code: 'KAM001', line: 3, column: 13, message: 'YAML syntax error: not UTF-8 text (invalid byte 0xE9)' }],
      );
      assert.deepEqual(
        nul.findings.map(({ code, line, column }) => ({ code, line, column })),
        [{ code: 'KAM001', line: 2, column: 6 }],
      );
      assert.match(nul.findings[0].message, /not a text file/);
    });

    it('a file over the size limit gets the server\'s one KAM001 finding, unparsed; the rest still lint', () => {
      const dir = scratch({ 'huge.kam.yaml': `kam: 1\n${'#'.repeat(5 * 1024 * 1024)}\n`, 'good.kam.yaml': NO_DIAGNOSIS });
      const { run, output } = json(['.'], { cwd: dir });
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '');
      assert.deepEqual(
        output.map((f) => f.file),
        ['good.kam.yaml', 'huge.kam.yaml'],
      );
      const huge = output[1].findings.map(({ code, line, column, endLine, endColumn }) => ({ code, line, column, endLine, endColumn }));
      assert.deepEqual(huge, [{ code: 'KAM001', line: 1, column: 1, endLine: 1, endColumn: 1 }]);
      assert.match(output[1].findings[0].message, /too large to check \(5\.0 MB; a plan may have 1\.0 MB\)/);
    });
  });

  describe('formats agree', () => {
    it('text, json and sarif report the same findings at the same places', () => {
      const dir = scratch({ 'acme.kam.yaml': NO_DIAGNOSIS, 'sub/broken.kam.yaml': SYNTAX_ERROR });
      const { output } = json(['.'], { cwd: dir });
      const flat = output.flatMap((f) => f.findings.map((x) => ({ ...x, file: f.file })));
      assert.ok(flat.length >= 2);

      const text = kam(['lint', '.'], { cwd: dir }).stdout.trimEnd().split('\n');
      assert.deepEqual(
        text.slice(0, -1),
        flat.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}`),
      );
      const count = (s: Severity) => flat.filter((f) => f.severity === s).length;
      const info = count('info') > 0 ? `, ${count('info')} info` : '';
      const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
      assert.equal(text.at(-1), `${plural(flat.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}${info})`);

      const log = JSON.parse(kam(['lint', '--format', 'sarif', '.'], { cwd: dir }).stdout) as unknown;
      assertValidSarif(log);
      const [run] = log.runs;
      assert.equal(run.columnKind, 'utf16CodeUnits');
      assert.equal(run.originalUriBaseIds?.['%SRCROOT%'].uri, `${pathToFileURL(fs.realpathSync(dir)).href}/`);
      const levels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };
      assert.deepEqual(
        run.results!.map((r) => {
          const { artifactLocation, region } = r.locations![0].physicalLocation!;
          return {
            code: r.ruleId,
            rule: run.tool.driver.rules![r.ruleIndex!].id,
            level: r.level,
            message: r.message.text,
            uri: `${artifactLocation!.uriBaseId}:${artifactLocation!.uri}`,
            region: [region!.startLine, region!.startColumn, region!.endLine, region!.endColumn],
          };
        }),
        flat.map((f) => ({
          code: f.code,
          rule: f.code,
          level: levels[f.severity],
          message: f.message,
          uri: `%SRCROOT%:${f.file.split(path.sep).join('/')}`,
          region: [f.line, f.column, f.endLine, f.endColumn],
        })),
      );
    });

    it('sarif lists every registered rule with its documentation and default level', () => {
      const log = JSON.parse(kam(['lint', '--format', 'sarif', '--today', FIXED_TODAY, 'examples']).stdout) as Sarif.Log;
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, 'kam');
      assert.deepEqual(
        driver.rules!.map((r) => [r.id, r.name, r.shortDescription?.text, r.defaultConfiguration?.level]),
        RULES.map((r) => [r.code, r.name, r.description.en, { error: 'error', warning: 'warning', info: 'note' }[r.severity]]),
      );
      for (const rule of driver.rules!) assert.match(rule.helpUri ?? '', new RegExp(`^file:.*/docs/rules/${rule.id}\\.md$`));
    });

    it('sarif gives a file outside the working directory an absolute URI', () => {
      const dir = scratch({ 'café plans/acme.kam.yaml': NO_DIAGNOSIS });
      const file = path.join(dir, 'café plans', 'acme.kam.yaml');
      const log = JSON.parse(kam(['lint', '--format', 'sarif', file]).stdout) as unknown;
      assertValidSarif(log);
      const location = log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!;
      assert.deepEqual(location, { uri: pathToFileURL(file).href });
    });

    it('sarif names paths that could not be linted in the invocation', () => {
      const log = JSON.parse(kam(['lint', '--format', 'sarif', '--today', FIXED_TODAY, 'examples', 'missing.kam.yaml']).stdout) as unknown;
      assertValidSarif(log);
      const invocation = log.runs[0].invocations![0];
      assert.equal(invocation.executionSuccessful, false);
      assert.match(invocation.toolExecutionNotifications![0].message.text!, /no such file/);
    });
  });

  describe('the same findings through the CLI as through the engine', () => {
    const fixtures = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((f) => /^KAM\d{3}\.(fires|passes)\.kam\.yaml$/.test(f)).sort() : [];
    const cli = new Map<string, JsonFinding[]>();

    // One CLI run per distinct (today, config) of the fixtures, rather than one per fixture.
    before(function () {
      this.timeout(60_000);
      const groups = new Map<string, { today: string; config?: unknown; files: string[] }>();
      for (const file of fixtures) {
        const { today, config } = fixtureExpectations(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
        const key = JSON.stringify([today, config]);
        if (!groups.has(key)) groups.set(key, { today, config, files: [] });
        groups.get(key)!.files.push(file);
      }
      for (const { today, config, files } of groups.values()) {
        const args = ['--today', today];
        if (config !== undefined) {
          const dir = scratch({ 'config.yaml': JSON.stringify(config) });
          args.push('--config', path.join(dir, 'config.yaml'));
        }
        const { run, output } = json([...args, ...files], { cwd: FIXTURES });
        assert.ok(run.status === 0 || run.status === 1, run.stderr);
        for (const entry of output) cli.set(entry.file, entry.findings);
      }
    });

    for (const file of fixtures) {
      const code = file.slice(0, 6);
      if (!ruleByCode(code)) {
        it(`${file} (rule ${code} not registered yet)`);
        continue;
      }
      it(file, () => {
        const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
        const { expected, today, config } = fixtureExpectations(text);
        const findings = cli.get(file);
        assert.ok(findings, `${file} missing from the CLI output`);

        const own = findings.filter((f) => f.code === code).map((f) => ({ code: f.code, line: f.line }));
        assert.deepEqual(own.sort(byCodeAndLine), expected.filter((e) => e.code === code).sort(byCodeAndLine));

        const engine = checkText(text, { today, config: mergeConfig(defaultConfig(), config, RULES).config }).map((f) => {
          const start = position(text, f.span.start);
          const end = position(text, f.span.end);
          return { code: f.code, name: f.name, severity: f.severity, message: f.message, ...start, endLine: end.line, endColumn: end.column };
        });
        assert.deepEqual(findings, engine);
      });
    }
  });

  describe('kam lsp', () => {
    it('answers initialize over --stdio', async function () {
      if (!fs.existsSync(repoPath('server', 'src', 'lsp', 'server.ts'))) this.skip();
      const child = spawn(process.execPath, [KAM, 'lsp', '--stdio'], { cwd: REPO_ROOT });
      try {
        const reply = new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString('utf8');
            const body = /Content-Length: (\d+)\r\n\r\n/.exec(out);
            if (body && Buffer.byteLength(out.slice(body.index + body[0].length)) >= Number(body[1])) resolve(out.slice(body.index + body[0].length));
          });
          child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
        });
        const request = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
        child.stdin.write(`Content-Length: ${Buffer.byteLength(request)}\r\n\r\n${request}`);
        const response = JSON.parse(await reply) as { id: number; result: { capabilities: object } };
        assert.equal(response.id, 1);
        assert.ok(response.result.capabilities);
      } finally {
        child.kill();
      }
    });

    it('needs exactly one transport', () => {
      const r = kam(['lsp']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--stdio/);
    });
  });
});
