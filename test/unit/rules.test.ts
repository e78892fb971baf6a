// Every rule has a fixture where it fires (at the lines the fixture names) and one where it is silent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { checkText } from '../../server/src/rules/check';
import { RULES } from '../../server/src/rules';
import { defaultConfig, mergeConfig } from '../../server/src/engine';
import { byCodeAndLine, fixtureExpectations, repoPath } from '../helpers';

const FIXTURES = repoPath('test', 'fixtures', 'rules');

function findingsOf(file: string, code: string) {
  const text = fs.readFileSync(`${FIXTURES}/${file}`, 'utf8');
  const { expected, today, config } = fixtureExpectations(text);
  const merged = mergeConfig(defaultConfig(), config, RULES);
  assert.deepEqual(merged.problems, [], `${file}: bad # config line`);
  const findings = checkText(text, { today, config: merged.config });
  const actual = findings
    .filter((f) => f.code === code)
    .map((f) => ({ code: f.code, line: text.slice(0, f.span.start).split('\n').length }));
  return { expected: expected.filter((e) => e.code === code), actual, findings };
}

describe('rules', () => {
  for (const rule of RULES) {
    describe(`${rule.code} ${rule.name}`, () => {
      it('fires where its fixture expects it', () => {
        const file = `${rule.code}.fires.kam.yaml`;
        assert.ok(fs.existsSync(`${FIXTURES}/${file}`), `missing fixture test/fixtures/rules/${file}`);
        const { expected, actual } = findingsOf(file, rule.code);
        assert.ok(expected.length > 0, `${file} names no '# expect: ${rule.code}' line`);
        assert.deepEqual(actual.sort(byCodeAndLine), expected.sort(byCodeAndLine));
      });
      it('is silent on a plan that does it right', () => {
        const file = `${rule.code}.passes.kam.yaml`;
        assert.ok(fs.existsSync(`${FIXTURES}/${file}`), `missing fixture test/fixtures/rules/${file}`);
        const { actual } = findingsOf(file, rule.code);
        assert.deepEqual(actual, []);
      });
      it('has messages in English and Chinese, and a documentation page', () => {
        for (const [id, text] of Object.entries(rule.messages)) {
          assert.ok(text.en.trim(), `${id}: English message`);
          assert.match(text['zh-cn'], /[\u4e00-\u9fff]/, `${id}: Chinese message`);
        }
        assert.ok(fs.existsSync(repoPath('docs', 'rules', `${rule.code}.md`)), `docs/rules/${rule.code}.md`);
      });
    });
  }

  it('the rules index docs/rules/README.md lists every rule with its name and default', () => {
    const index = fs.readFileSync(repoPath('docs', 'rules', 'README.md'), 'utf8');
    const rows = index.split('\n').filter((l) => l.startsWith('| [KAM'));
    assert.deepEqual(
      rows.map((l) => l.split('|').slice(1, 4).map((c) => c.trim())),
      RULES.map((r) => [`[${r.code}](${r.code}.md)`, `\`${r.name}\``, r.severity]),
    );
  });

  it('registry codes are unique and in order', () => {
    const codes = RULES.map((r) => r.code);
    assert.deepEqual([...codes].sort(), codes);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(new Set(RULES.map((r) => r.name)).size, codes.length);
  });
});
