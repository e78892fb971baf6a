// KAM001: each common parser error explained in plain words, in English and Chinese, where it stands.
import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/rules/check';
import { type Finding } from '../../server/src/engine';
import { kam001 } from '../../server/src/rules/kam001-yaml-syntax';

function syntaxFindings(text: string, locale: 'en' | 'zh-cn' = 'en'): Finding[] {
  return checkText(text, { rules: [kam001], config: { rules: {}, maxAnnualChange: 1, staleAfterDays: 90, locale } });
}

describe('KAM001 yaml-syntax', () => {
  // [text, messageId, line, text the span shows]
  const cases: [string, string, number, string][] = [
    ['a:\n\tb: 1\n', 'tabIndent', 2, '\t'],
    ['owner: Li\nname: X\nowner: Anna\n', 'duplicateKey', 3, 'owner'],
    ['a:\n    b: 1\n  c: 2\n', 'badIndent', 3, ' '],
    ['a: 1\nteam: [Li, Anna\nb: 2\n', 'unclosedFlow', 2, '['],
    ['a: 1\nb: {x: 1\n', 'unclosedFlow', 2, '{'],
    ['a: 1\nb: "text\n  more\n', 'unclosedQuote', 2, '"'],
    ['a: [ - b ]\n', 'blockInFlow', 1, '- '],
    ['a: 1 #ok\nb: x#y\nc: \'x\'#no\n', 'commentSpace', 3, '#no'],
    ['political: Director: new\n', 'nestedOnOneLine', 1, 'D'],
    ['a\nb: 1\n', 'multilineKey', 1, 'a\nb'],
    ['a: 1\n]\n', 'unexpected', 2, ']'],
    ['a: @foo\n', 'reservedStart', 1, '@'],
    ['a: 1\n---\nb: 2\n', 'multipleDocs', 2, '---\nb: 2\n'],
    ['a: "\\q"\n', 'badEscape', 1, '\\'],
    ['a: &x &y 1\n', 'multipleProps', 1, '&y'],
    ['a: 1\nb: *nowhere\n', 'unknownAlias', 2, '*nowhere'],
  ];
  for (const [text, messageId, line, shown] of cases) {
    it(`${messageId}: ${JSON.stringify(text)}`, () => {
      const findings = syntaxFindings(text).filter((f) => f.messageId === messageId);
      assert.equal(findings.length, 1, syntaxFindings(text).map((f) => `${f.messageId}: ${f.message}`).join('\n'));
      const [f] = findings;
      assert.equal(text.slice(0, f.span.start).split('\n').length, line);
      assert.equal(text.slice(f.span.start, f.span.end), shown);
      assert.match(syntaxFindings(text, 'zh-cn').find((z) => z.messageId === messageId)!.message, /[\u4e00-\u9fff]{4}/);
    });
  }

  it('names the key or character at fault, quoted so that Markdown shows it', () => {
    assert.equal(syntaxFindings('owner: Li\nowner: Anna\n')[0].message, 'The key `owner` appears twice in the same map: keep one, or merge the two.');
    assert.equal(syntaxFindings('a: `x`\n')[0].args.token, '`` ` ``');
    assert.equal(syntaxFindings('a: 1\nb: *nowhere\n', 'zh-cn')[0].message, '别名 `*nowhere` 之前没有定义对应的锚点 `&nowhere`。');
  });

  it('keeps the parser’s words for errors it does not explain, and the YAML code for fixes', () => {
    const f = syntaxFindings('a: &x *x0\nx0: 1\n').find((x) => x.data?.yamlCode === 'ALIAS_PROPS')!;
    assert.equal(f.messageId, 'default');
    assert.equal(f.message, 'YAML syntax error: An alias node must not specify any properties');
    assert.equal(f.data?.yamlCode, 'ALIAS_PROPS');
    assert.ok(syntaxFindings('a: &x *x0\n', 'zh-cn').some((z) => z.message === 'YAML 语法错误：An alias node must not specify any properties'));
  });

  it('is silent on valid YAML, anchors and aliases included', () => {
    assert.deepEqual(syntaxFindings('kam: 1\naccount: &a\n  name: "@X: y"\nb: *a\n'), []);
  });
});
