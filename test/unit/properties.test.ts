// Property-based tests (fast-check): on random plans, mutated example plans and YAML token soup the
// checker never throws, keeps every range inside the text, answers the same twice, sorts its
// findings, and reads the YAML as `yaml` does; the CLI says what the engine says. `npm run fuzz`
// runs the same properties on 100,000 and more cases.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/rules/check';
import { FIXED_TODAY, REPO_ROOT, repoPath } from '../helpers';
import { ARBITRARIES, assertInvariants, invariantProperty } from '../properties';

/** Small enough for `npm test`; the fuzzer runs the same properties at length. */
const RUNS = Number(process.env.KAM_PROPERTY_RUNS ?? 200);

describe('properties', function () {
  this.timeout(120_000);

  for (const [name, arbitrary] of Object.entries(ARBITRARIES)) {
    it(`${name}: never throws, spans inside, deterministic, sorted, parsed as yaml parses`, () => {
      fc.assert(invariantProperty(arbitrary), { numRuns: RUNS });
    });
  }

  it('the invariants catch what they claim to', () => {
    // A sanity check of the harness itself: the random texts reach findings of many kinds.
    const codes = new Set(fc.sample(fc.oneof(...Object.values(ARBITRARIES)), { numRuns: 300, seed: 7 }).flatMap((t) => assertInvariants(t).map((f) => f.code)));
    for (const code of ['KAM001', 'KAM002', 'KAM101', 'KAM201', 'KAM203', 'KAM302']) assert.ok(codes.has(code), `no ${code} in ${[...codes].join(' ')}`);
  });

  describe('the CLI agrees with the engine', () => {
    const KAM = repoPath('dist', 'kam.js');

    it('on a sample of generated files, in one run of `kam lint`', function () {
      if (!fs.existsSync(KAM)) this.skip();
      // Text as a file holds it: well-formed UTF-8, no leading BOM (decoders drop it), no NUL (a binary file: bad-inputs.test.ts).
      const asFile = (t: string) => Buffer.from(t, 'utf8').toString('utf8').replace(/^\uFEFF/, '').replace(/\u0000/g, '');
      const texts = fc.sample(fc.oneof(...Object.values(ARBITRARIES)), { numRuns: 40, seed: 20261126 }).map(asFile);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-prop-'));
      try {
        texts.forEach((t, i) => fs.writeFileSync(path.join(dir, `case-${String(i).padStart(2, '0')}.kam.yaml`), t));
        const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
        delete env.LC_ALL;
        const run = spawnSync(process.execPath, [KAM, 'lint', '--format', 'json', '--today', FIXED_TODAY, dir], { cwd: REPO_ROOT, env, encoding: 'utf8' });
        assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
        const output = JSON.parse(run.stdout) as { file: string; findings: { code: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
        assert.equal(output.length, texts.length);
        output.forEach((file, i) => {
          const document = TextDocument.create('file:///x', 'kam-yaml', 0, texts[i]);
          const at = (offset: number) => {
            const p = document.positionAt(offset);
            return `${p.line + 1}:${p.character + 1}`;
          };
          const engine = checkText(texts[i], { today: FIXED_TODAY }).map((f) => `${f.code} ${at(f.span.start)}-${at(f.span.end)} ${f.message}`);
          const cli = file.findings.map((f) => `${f.code} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);
          assert.deepEqual(cli, engine, `${file.file}:\n${texts[i]}`);
        });
        const errors = texts.some((t) => checkText(t, { today: FIXED_TODAY }).some((f) => f.severity === 'error'));
        assert.equal(run.status, errors ? 1 : 0, run.stderr);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
