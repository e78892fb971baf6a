// The catalogue of bad inputs (test/fixtures/bad/, listed with what the user gets in its README.md):
// each one gets clear findings in bounded time, every range inside the text, and the same answer
// from the CLI. The large ones are made here rather than committed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/rules/check';
import { MAX_PLAN_BYTES, type Finding } from '../../server/src/engine';
import { FIXED_TODAY, readRepoFile, REPO_ROOT, repoPath, type Expectation } from '../helpers';

const BAD = repoPath('test', 'fixtures', 'bad');
const KAM = repoPath('dist', 'kam.js');
/** A guard against hangs, not a speed test: the slowest case takes about 2 s on an idle CI machine, the hangs fixed took minutes. */
const HANG_GUARD_MS = 30_000;

/** What a case must show beyond its `# expect:` comments. */
interface Extra {
  /** Findings that cannot be written as comments (an empty file, binary bytes). */
  expect?: Expectation[];
  /** Message ids that must be among the findings of the expected codes. */
  messageIds?: string[];
  /** Codes that must not appear at all. */
  absent?: string[];
}

const SYNTAX: Record<string, string> = {
  'syntax-unclosed-quote.kam.yaml': 'unclosedQuote',
  'syntax-unclosed-bracket.kam.yaml': 'unclosedFlow',
  'syntax-unclosed-brace.kam.yaml': 'unclosedFlow',
  'syntax-bad-indentation.kam.yaml': 'badIndent',
  'syntax-tab-indentation.kam.yaml': 'tabIndent',
  'syntax-duplicate-key.kam.yaml': 'duplicateKey',
  'syntax-multiple-documents.kam.yaml': 'multipleDocs',
  'syntax-stray-colon.kam.yaml': 'nestedOnOneLine',
  'syntax-missing-colon.kam.yaml': 'keyWithoutValue',
  'syntax-stray-bracket.kam.yaml': 'unexpected',
  'syntax-reserved-character.kam.yaml': 'reservedStart',
  'syntax-bad-escape.kam.yaml': 'badEscape',
};

const EMPTY_PLAN: Expectation[] = ['KAM101', 'KAM201', 'KAM201', 'KAM201', 'KAM201', 'KAM201', 'KAM201', 'KAM300'].map((code) => ({ code, line: 1 }));

const EXTRA: Record<string, Extra> = {
  ...Object.fromEntries(Object.entries(SYNTAX).map(([file, id]) => [file, { messageIds: [id] }])),
  'alias-unknown.kam.yaml': { messageIds: ['unknownAlias'] },
  'alias-recursive.kam.yaml': { absent: ['KAM001'] },
  'anchors-aliases.kam.yaml': { absent: ['KAM001', 'KAM002'] },
  'bom.kam.yaml': { absent: ['KAM001', 'KAM002'], messageIds: ['suggestion'] },
  'crlf.kam.yaml': { absent: ['KAM001', 'KAM002'], messageIds: ['suggestion'] },
  'mixed-line-endings.kam.yaml': { absent: ['KAM001', 'KAM002'], messageIds: ['suggestion'] },
  'lone-cr.kam.yaml': { messageIds: ['loneCr'] },
  'invalid-utf8.kam.yaml': { messageIds: ['notUtf8'] },
  'nul-byte.kam.yaml': { messageIds: ['controlChar'] },
  'control-chars.kam.yaml': { messageIds: ['controlChar'] },
  'binary.kam.yaml': {
    expect: [
      { code: 'KAM001', line: 1 },
      { code: 'KAM001', line: 2 },
      { code: 'KAM001', line: 3 },
    ],
    messageIds: ['notUtf8', 'controlChar', 'loneCr'],
  },
  'plan-empty.kam.yaml': { expect: EMPTY_PLAN, absent: ['KAM001', 'KAM002'] },
  'plan-only-comments.kam.yaml': { absent: ['KAM001', 'KAM002'] },
  'plan-scalar.kam.yaml': { messageIds: ['notAMap'] },
  'plan-list.kam.yaml': { messageIds: ['notAMap'] },
  'wrong-types-sections.kam.yaml': { absent: ['KAM001'], messageIds: ['wrongType', 'notConst'] },
  'wrong-types-fields.kam.yaml': { absent: ['KAM001'], messageIds: ['wrongType', 'badChoice', 'badDate', 'badNumber', 'invalid'] },
  'numbers.kam.yaml': { absent: ['KAM001'], messageIds: ['wrongType', 'badNumber'] },
  'dates.kam.yaml': { absent: ['KAM001'], messageIds: ['badDate', 'invalid'] },
  'ids-with-spaces.kam.yaml': { absent: ['KAM001'], messageIds: ['badId'] },
  'confusables.kam.yaml': { absent: ['KAM001'], messageIds: ['unknownKeySuggestion', 'suggestion'] },
};

/** 1-based line of an offset, counted as the server counts lines (CRLF, LF and a lone CR each end one). */
function lineAt(document: TextDocument, offset: number): number {
  return document.positionAt(offset).line + 1;
}

/** `# expect: CODE, CODE` comments, on the line where those findings must start. */
function expectationsIn(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const m = /#\s*expect:\s*([A-Z0-9,\s]+)$/.exec(line);
    if (m) for (const code of m[1].split(',').map((c) => c.trim()).filter(Boolean)) out.push({ code, line: i + 1 });
  });
  return out;
}

/** The editor's view of a file: UTF-8 with U+FFFD for bad bytes, a BOM kept so the engine must cope with it. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function sorted(xs: Expectation[]): string[] {
  return xs.map((x) => `${x.code}@${x.line}`).sort();
}

/** Checks one text as the server would, and asserts everything every bad input must get. */
function checkBad(text: string, expected: Expectation[], extra: Extra = {}): { findings: Finding[]; ms: number } {
  const started = performance.now();
  const findings = checkText(text, { today: FIXED_TODAY });
  const ms = performance.now() - started;
  assert.ok(ms < HANG_GUARD_MS, `took ${ms.toFixed(0)} ms`);
  for (const f of findings) {
    assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${f.code} span ${f.span.start}-${f.span.end} outside 0-${text.length}`);
    assert.ok(f.message.length > 0 && !/\{\w+\}/.test(f.message), `${f.code} message with a placeholder left: ${f.message}`);
  }
  const document = TextDocument.create('file:///bad.kam.yaml', 'kam-yaml', 0, text);
  const codes = new Set(expected.map((e) => e.code));
  const actual = findings.filter((f) => codes.has(f.code)).map((f) => ({ code: f.code, line: lineAt(document, f.span.start) }));
  assert.deepEqual(sorted(actual), sorted(expected), findings.map((f) => `${f.code}@${lineAt(document, f.span.start)} ${f.message}`).join('\n'));
  const ids = new Set(findings.filter((f) => codes.has(f.code)).map((f) => f.messageId));
  for (const id of extra.messageIds ?? []) assert.ok(ids.has(id), `no ${id} among ${[...ids].join(', ')}`);
  for (const code of extra.absent ?? []) assert.ok(!findings.some((f) => f.code === code), `unexpected ${code}`);
  return { findings, ms };
}

// ---- The large inputs, made at test time ------------------------------------------------------

const EXAMPLE = readRepoFile('examples', 'riverside-general.kam.yaml');
const SMALL = readRepoFile('test', 'fixtures', 'bad', 'crlf.kam.yaml').replace(/\r\n/g, '\n');

interface Generated {
  text: string;
  expect: Expectation[];
  extra?: Extra;
}

/** Lines of text with the 1-based line each pushed line lands on, for expectations. */
class Lines {
  readonly lines: string[] = [];
  push(...lines: string[]): number {
    this.lines.push(...lines);
    return this.lines.length;
  }
  get text(): string {
    return this.lines.join('\n') + '\n';
  }
}

const GENERATED: Record<string, () => Generated> = {
  /** A data dump opened by mistake: reported as too large, never parsed. */
  'size-20mb': () => ({
    text: EXAMPLE + `# ${'x'.repeat(97)}\n`.repeat(210_000),
    expect: [{ code: 'KAM001', line: 1 }],
    extra: { messageIds: ['tooLarge'] },
  }),
  /** One line of 1,000,000 characters in a plan that is otherwise the small one: checked as usual. */
  'line-1mb': () => ({
    text: `${SMALL}forecast:\n  changes:\n    - ${'Long note. '.repeat(90_910).slice(0, 1_000_000)}\n`,
    expect: [{ code: 'KAM203', line: 13 }],
    extra: { absent: ['KAM001', 'KAM002'] },
  }),
  /** 5,000 stakeholders with every field, one unknown `reports_to` and one id used twice. */
  'stakeholders-5000': () => {
    const l = new Lines();
    l.push('kam: 1', 'account:', '  name: Riverside General Hospital', 'diagnosis:', '  organization:', '    - id: presidency', '      name: President\'s office', '  stakeholders:');
    const roles = ['decision-maker', 'proposer', 'guide', 'implementer', 'constrainer', 'influencer'];
    const expect: Expectation[] = [];
    for (let i = 0; i < 5000; i++) {
      const boss = i === 4321 ? 's-99999' : `s-${Math.max(0, i - 1)}`;
      const id = i === 4999 ? 's-10' : `s-${i}`;
      const at = l.push(`    - id: ${id}`, `      name: 人员 ${i} Person`, '      title: 主任', '      unit: presidency', `      reports_to: ${boss}`, `      roles: [${roles[i % 6]}]`, '      stance: neutral', '      influence: medium');
      if (i === 4321) expect.push({ code: 'KAM203', line: at - 3 });
      if (i === 4999) expect.push({ code: 'KAM204', line: at - 7 });
    }
    return { text: l.text, expect, extra: { absent: ['KAM001', 'KAM002'] } };
  },
  /** Maps nested 500 deep where a text belongs: one schema finding, no stack overflow. */
  'nesting-500': () => {
    const l = new Lines();
    l.push('kam: 1', 'account:', '  name: Riverside General Hospital', 'diagnosis:', '  macro:');
    const at = l.push('    other:');
    for (let depth = 0; depth < 500; depth++) l.push(`${' '.repeat(6 + 2 * depth)}level${depth}:`);
    l.push(`${' '.repeat(1006)}deepest`);
    const flow = l.push(`forecast: {changes: ${'['.repeat(500)}${']'.repeat(500)}}`);
    return { text: l.text, expect: [{ code: 'KAM002', line: at }, { code: 'KAM002', line: flow }], extra: { absent: ['KAM001'] } };
  },
  /** Brackets nested 5,000 deep: past what the parser can follow, told as such. */
  'nesting-5000': () => ({
    text: `kam: 1\nforecast:\n  changes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    expect: [{ code: 'KAM001', line: 3 }],
    extra: { messageIds: ['tooDeep'] },
  }),
  /** One map of 20,000 keys, the last a repeat: duplicate keys are found in linear time (the parser's own check took minutes). */
  'keys-20000': () => {
    const l = new Lines();
    l.push('kam: 1', 'diagnosis:', '  financials:');
    for (let i = 0; i < 20_000; i++) l.push(`    k${i}: ${i}`);
    const repeat = l.push('    k5: 1');
    return { text: l.text, expect: [{ code: 'KAM001', line: repeat }], extra: { messageIds: ['duplicateKey'] } };
  },
  /** 3,000 aliases, each used once: told as too many, without resolving each by a walk of the whole document. */
  'aliases-3000': () => {
    const l = new Lines();
    l.push('kam: 1', 'forecast:', '  changes:');
    for (let i = 0; i < 1500; i++) l.push(`    - &a${i} note ${i}`, `    - *a${i}`);
    return { text: l.text, expect: [{ code: 'KAM002', line: 5 }], extra: { absent: ['KAM001'], messageIds: ['aliases'] } };
  },
  /** Keys that are maps, nested 300 deep (`? ? ? … x`): one finding per key, not an expansion that takes minutes. */
  'collection-keys-300': () => ({
    text: `${'? '.repeat(300)}x\n`,
    expect: Array.from({ length: 299 }, () => ({ code: 'KAM002', line: 1 })),
    extra: { absent: ['KAM001'], messageIds: ['collectionKey'] },
  }),
  /** "Billion laughs": nine levels of nine aliases, 9^9 uses if expanded. */
  'alias-bomb': () => {
    const l = new Lines();
    l.push('kam: 1', 'account:', '  name: Riverside General Hospital', 'forecast:', '  changes: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]', '  risks:');
    let first = 0;
    for (let level = 1; level <= 9; level++) {
      const at = l.push(`    - &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
      first ||= at;
    }
    return { text: l.text, expect: [{ code: 'KAM002', line: first }], extra: { absent: ['KAM001'], messageIds: ['aliases'] } };
  },
};

// ---- The tests ---------------------------------------------------------------------------------

const FIXTURES = fs.readdirSync(BAD).filter((f) => f.endsWith('.kam.yaml')).sort();

describe('bad inputs', function () {
  this.timeout(120_000);

  describe('the catalogue (test/fixtures/bad/)', () => {
    for (const file of FIXTURES) {
      it(file, () => {
        const text = decode(fs.readFileSync(path.join(BAD, file)));
        const extra = EXTRA[file] ?? {};
        const expected = [...expectationsIn(text), ...(extra.expect ?? [])];
        assert.ok(expected.length > 0, 'every bad input says what it must get');
        const { findings } = checkBad(text, expected, extra);
        if (file in SYNTAX) assert.deepEqual([...new Set(findings.map((f) => f.code))], ['KAM001'], 'a file that does not parse gets KAM001 only');
      });
    }

    it('the README lists every bad input, and only those', () => {
      const readme = readRepoFile('test', 'fixtures', 'bad', 'README.md');
      const listed = [...readme.matchAll(/^\| `([^`]+)`(?: \(generated\))? \|/gm)].map((m) => m[1]).sort();
      assert.deepEqual(listed, [...FIXTURES, ...Object.keys(GENERATED)].sort());
    });

    it('the size limit is documented as the engine has it', () => {
      const readme = readRepoFile('test', 'fixtures', 'bad', 'README.md');
      assert.equal(MAX_PLAN_BYTES, 1024 * 1024);
      assert.match(readme, /1 MB \(1,048,576 bytes\)/);
    });
  });

  describe('generated inputs', () => {
    for (const [name, make] of Object.entries(GENERATED)) {
      it(name, () => {
        const { text, expect, extra } = make();
        const { ms } = checkBad(text, expect, extra);
        if (process.env.KAM_TIMINGS) console.log(`      ${name}: ${(text.length / 1024 / 1024).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
      });
    }

    it('a BOM, CRLF or mixed line ends change no finding of a complete plan', () => {
      const lf = checkText(EXAMPLE, { today: FIXED_TODAY });
      assert.deepEqual(lf, []);
      for (const variant of ['\ufeff' + EXAMPLE, EXAMPLE.replace(/\n/g, '\r\n'), EXAMPLE.replace(/\n/g, (nl, i: number) => (i % 3 ? nl : '\r\n'))]) {
        assert.deepEqual(checkText(variant, { today: FIXED_TODAY }), []);
      }
    });

    it('the server keeps answering: a small plan checked after each bad input gets its usual findings', () => {
      const usual = checkText(SMALL, { today: FIXED_TODAY });
      for (const make of Object.values(GENERATED)) {
        checkText(make().text, { today: FIXED_TODAY });
        assert.deepEqual(checkText(SMALL, { today: FIXED_TODAY }), usual);
      }
    });
  });

  describe('kam lint on the byte-level cases', () => {
    interface JsonFinding {
      code: string;
      message: string;
      line: number;
      column: number;
    }
    let run: { status: number | null; stdout: string; stderr: string };
    let byFile: Map<string, JsonFinding[]>;
    let scratch: string;

    before(function () {
      if (!fs.existsSync(KAM)) this.skip(); // built by `node esbuild.mjs`, as `npm test` does first
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-bad-'));
      fs.writeFileSync(path.join(scratch, 'size-20mb.kam.yaml'), GENERATED['size-20mb']().text);
      fs.writeFileSync(path.join(scratch, 'bom-complete.kam.yaml'), '\ufeff' + EXAMPLE);
      const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8' };
      delete env.LC_ALL;
      const r = spawnSync(process.execPath, [KAM, 'lint', '--format', 'json', '--today', FIXED_TODAY, BAD, scratch], { cwd: REPO_ROOT, env, encoding: 'utf8' });
      run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
      const output = JSON.parse(run.stdout) as { file: string; findings: JsonFinding[] }[];
      byFile = new Map(output.map((f) => [path.basename(f.file), f.findings]));
    });

    after(() => {
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    it('lints every file, exits 1 for the errors, and prints no stack trace', () => {
      assert.equal(run.status, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
      assert.equal(byFile.size, FIXTURES.length + 2);
    });

    it('a complete plan behind a BOM exits clean', () => {
      assert.deepEqual(byFile.get('bom-complete.kam.yaml'), []);
      const alone = spawnSync(process.execPath, [KAM, 'lint', '--today', FIXED_TODAY, path.join(scratch, 'bom-complete.kam.yaml')], { encoding: 'utf8' });
      assert.equal(alone.status, 0, alone.stdout + alone.stderr);
    });

    // [file, line, column, the CLI's words]: bytes that are no UTF-8 text never reach the parser.
    const BYTES: [string, number, number, RegExp][] = [
      ['invalid-utf8.kam.yaml', 4, 9, /not UTF-8 text \(invalid byte 0xBB\)/],
      ['nul-byte.kam.yaml', 4, 18, /not a text file \(it contains a NUL byte\)/],
      ['binary.kam.yaml', 1, 1, /not UTF-8 text \(invalid byte 0x89\)/],
      ['control-chars.kam.yaml', 5, 12, /character U\+001B, which YAML does not allow/],
      ['lone-cr.kam.yaml', 4, 52, /lone carriage return/],
      ['size-20mb.kam.yaml', 1, 1, /too large to check \(20\.\d MB; a plan may have 1\.0 MB\)/],
    ];
    for (const [file, line, column, message] of BYTES) {
      it(`${file}: KAM001 at ${line}:${column}`, () => {
        const f = byFile.get(file)!.find((x) => x.code === 'KAM001')!;
        assert.deepEqual([f.line, f.column], [line, column]);
        assert.match(f.message, message);
      });
    }

    it('agrees with the engine on every file that is text', () => {
      for (const file of FIXTURES) {
        const bytes = fs.readFileSync(path.join(BAD, file));
        if (bytes.includes(0) || !Buffer.from(decode(bytes), 'utf8').equals(bytes)) continue; // told apart above
        const text = decode(bytes).replace(/^\ufeff/, '');
        const document = TextDocument.create('file:///x', 'kam-yaml', 0, text);
        const engine = checkText(text, { today: FIXED_TODAY }).map((f) => {
          const p = document.positionAt(f.span.start);
          return `${f.code} ${p.line + 1}:${p.character + 1} ${f.message}`;
        });
        assert.deepEqual(byFile.get(file)!.map((f) => `${f.code} ${f.line}:${f.column} ${f.message}`), engine, file);
      }
    });
  });
});
