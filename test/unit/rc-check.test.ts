// The checks of a .kamrc.yaml itself (engine/rc-check.ts): each finding at the key or value it is
// about, with a did-you-mean where a known word is near, in English and Chinese; and every
// configuration the engine accepts passes.
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { defaultConfig, mergeConfig } from '../../server/src/engine/config';
import { checkRcText } from '../../server/src/engine/rc-check';
import { RULES } from '../../server/src/rules';

/** `code@"the text it covers"`, in document order. */
function found(text: string, locale: 'en' | 'zh-cn' = 'en'): string[] {
  return checkRcText(text, RULES, locale).map((f) => `${f.code}@${JSON.stringify(text.slice(f.span.start, f.span.end))}`);
}

function messages(text: string, locale: 'en' | 'zh-cn' = 'en'): string[] {
  return checkRcText(text, RULES, locale).map((f) => f.message);
}

describe('.kamrc.yaml checks', () => {
  it('passes every configuration the engine reads without a problem', () => {
    const good = [
      '',
      '# only a comment\n',
      'rules:\n  KAM201: off\n  role-unassigned: error\n  kam101: info\n',
      'goals:\n  maxAnnualChange: 0.5\nlocale: zh-cn\n',
      'maxAnnualChange: 2\nlocale: auto\n',
      'relationships:\n  staleAfterDays: 120\n',
      'rules:\ngoals:\n',
    ];
    for (const text of good) {
      assert.deepEqual(found(text), [], text);
      assert.deepEqual(mergeConfig(defaultConfig(), parse(text), RULES).problems, [], `the engine reads ${JSON.stringify(text)} without a problem too`);
    }
  });

  it('finds what the engine would ignore, at its place', () => {
    const text = 'rules: [KAM201]\ngoals: 2\nrelationships:\n  staleAfterDays: 1.5\n  staleAfterDay: 3\nmaxAnnualChange: lots\n';
    assert.deepEqual(found(text), [
      'rc-bad-value@"[KAM201]"',
      'rc-bad-value@"2"',
      'rc-bad-value@"1.5"',
      'rc-unknown-key@"staleAfterDay"',
      'rc-bad-value@"lots"',
    ]);
    assert.deepEqual(messages(text).slice(0, 2), ['`rules` must be a map: it is ignored.', '`goals` must be a map: it is ignored.']);
    assert.match(messages(text)[3], /^Unknown key `relationships\.staleAfterDay`: it is ignored\. Did you mean `staleAfterDays`\?$/);
  });

  it('a rule with no setting is a bad setting at its key', () => {
    assert.deepEqual(found('rules:\n  KAM201:\n'), ['rc-bad-setting@"KAM201"']);
  });

  it('says how an unknown locale is read, suggesting the nearest', () => {
    assert.deepEqual(messages('locale: zh-tw\n'), ['`locale` is auto, en or zh-cn; `zh-tw` is read as `zh-cn`. Did you mean `zh-cn`?']);
    assert.deepEqual(messages('locale: fr\n'), ['`locale` is auto, en or zh-cn; `fr` is read as `en`.']);
  });

  it('speaks Chinese when asked, with the same codes', () => {
    const text = 'rule:\n  KAM201: off\n';
    assert.deepEqual(found(text, 'zh-cn'), found(text, 'en'));
    assert.deepEqual(messages(text, 'zh-cn'), ['未知的键 `rule`：将被忽略。你是不是想写 `rules`？']);
  });

  it('a duplicate key is a YAML error, as the engine reads it', () => {
    const [finding] = checkRcText('locale: en\nlocale: zh-cn\n', RULES, 'en');
    assert.equal(finding?.code, 'rc-syntax');
    assert.equal(finding.severity, 'error');
  });
});
