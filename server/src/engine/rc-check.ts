// The checks of a `.kamrc.yaml` itself, shown on that file as the user edits it: YAML that does not
// parse, keys the configuration does not know, rules that do not exist, settings that are not a
// severity and values out of range — each with a "did you mean" when a known word is near. What
// mergeConfig would ignore with one line in the log is here a finding at the very place.
import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import type { Rule } from './rule';
import { nearest } from './suggest';
import { interpolate, normalizeLocale, type Locale, type Severity, type Span, type Text } from './types';

export type RcCode = 'rc-syntax' | 'rc-not-a-map' | 'rc-unknown-key' | 'rc-unknown-rule' | 'rc-bad-setting' | 'rc-bad-value';

export interface RcFinding {
  code: RcCode;
  severity: Severity;
  span: Span;
  message: string;
}

/** English and Chinese, the shape of the vocabulary's `text()`. */
const text = (en: string, zh: string): Text => ({ en, 'zh-cn': zh });

const SETTINGS = ['off', 'info', 'warning', 'error'];
const LOCALES = ['auto', 'en', 'zh-cn'];

/** The keys a `.kamrc.yaml` may hold, and under each map key the keys it may hold. */
const KEYS: Record<string, readonly string[] | null> = {
  rules: null, // rule codes and names, checked on their own
  goals: ['maxAnnualChange'],
  relationships: ['staleAfterDays'],
  locale: [],
  maxAnnualChange: [], // the older spelling of goals.maxAnnualChange
};

const MESSAGES: Record<RcCode, Text> = {
  'rc-syntax': text('This is not valid YAML: {detail}', '这不是有效的 YAML：{detail}'),
  'rc-not-a-map': text('A .kamrc.yaml is a map (rules:, goals:, locale:, …); this is not, so none of it applies.', '.kamrc.yaml 应为映射（rules:、goals:、locale: 等）；此文件不是，因此其中任何配置都不生效。'),
  'rc-unknown-key': text('Unknown key `{key}`: it is ignored.{hint}', '未知的键 `{key}`：将被忽略。{hint}'),
  'rc-unknown-rule': text('Unknown rule `{key}`: it is ignored.{hint}', '未知的规则 `{key}`：将被忽略。{hint}'),
  'rc-bad-setting': text('`{value}` is not off | info | warning | error: rule `{key}` keeps its default.{hint}', '`{value}` 不是 off | info | warning | error 之一：规则 `{key}` 保持默认级别。{hint}'),
  'rc-bad-value': text('`{key}` must be {expected}: it is ignored.{hint}', '`{key}` 必须是{expected}：将被忽略。{hint}'),
};

/** mergeConfig reads any locale text (zh… is Chinese, anything else English): said so, not "ignored". */
const LOCALE_READ: Text = text('`locale` is auto, en or zh-cn; `{value}` is read as `{read}`.{hint}', '`locale` 应为 auto、en 或 zh-cn；`{value}` 按 `{read}` 处理。{hint}');

const HINT: Text = text(' Did you mean `{word}`?', '你是不是想写 `{word}`？');

const EXPECTED: Record<string, Text> = {
  maxAnnualChange: text('a number ≥ 0 (1 = doubling per year)', '不小于 0 的数（1 表示每年翻一番）'),
  staleAfterDays: text('a whole number of days ≥ 1', '不小于 1 的整数天数'),
  locale: text('auto, en or zh-cn', 'auto、en 或 zh-cn'),
  map: text('a map', '映射'),
};

/** The findings of a `.kamrc.yaml` text, in document order. */
export function checkRcText(text: string, knownRules: readonly Rule[], locale: Locale): RcFinding[] {
  const findings: RcFinding[] = [];
  const add: Add = (code, node, args = {}, suggestion, message = MESSAGES[code]) => {
    const hint = suggestion ? interpolate(HINT[locale], { word: suggestion }) : '';
    const range = (node as Node | undefined)?.range ?? [0, text.length];
    findings.push({ code, severity: code === 'rc-syntax' || code === 'rc-not-a-map' ? 'error' : 'warning', span: { start: range[0], end: range[1] }, message: interpolate(message[locale], { ...args, hint }) });
  };

  const document = parseDocument(text, { prettyErrors: false }); // duplicate keys are errors, as readRcFile finds them
  for (const error of document.errors) {
    const [start, end] = error.pos;
    findings.push({ code: 'rc-syntax', severity: 'error', span: { start, end: Math.max(end, start) }, message: interpolate(MESSAGES['rc-syntax'][locale], { detail: error.message.split('\n')[0] }) });
  }
  if (document.errors.length > 0) return findings;
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return findings; // empty: nothing to apply
  if (!isMap(root)) {
    add('rc-not-a-map', root as Node);
    return findings;
  }

  for (const pair of root.items) {
    const key = keyText(pair);
    const inner = KEYS[key ?? ''];
    if (key === undefined || inner === undefined) {
      add('rc-unknown-key', pair.key, { key: key ?? '?' }, key && nearest(key, Object.keys(KEYS)));
      continue;
    }
    const value = valueOf(pair);
    if (value !== null && inner !== null && inner.length > 0 && !isMap(value)) add('rc-bad-value', value, { key, expected: EXPECTED.map[locale] });
    else if (key === 'rules') checkRules(value, knownRules, add, locale);
    else if (inner?.length === 0) checkValue(key, pair, add, locale);
    else if (isMap(value))
      for (const item of value.items) {
        const name = keyText(item);
        if (name === undefined || !inner!.includes(name)) add('rc-unknown-key', item.key, { key: `${key}.${name ?? '?'}` }, name && nearest(name, inner!));
        else checkValue(name, item, add, locale);
      }
  }
  return findings;
}

type Add = (code: RcCode, node: Node | Pair['key'] | undefined, args?: Record<string, string>, suggestion?: string, message?: Text) => void;

function checkRules(value: Node | null, knownRules: readonly Rule[], add: Add, locale: Locale): void {
  if (value === null) return;
  if (!isMap(value)) return add('rc-bad-value', value, { key: 'rules', expected: EXPECTED.map[locale] });
  const words = knownRules.flatMap((rule) => [rule.code, rule.name]);
  for (const pair of value.items) {
    const key = keyText(pair);
    const rule = key === undefined ? undefined : knownRules.find((r) => r.code === key.toUpperCase() || r.name === key);
    if (!rule) {
      add('rc-unknown-rule', pair.key, { key: key ?? '?' }, key && nearest(key, words));
      continue;
    }
    const setting = valueOf(pair);
    const text = isScalar(setting) ? String(setting.value) : '';
    if (!SETTINGS.includes(text)) add('rc-bad-setting', setting ?? pair.key, { key: key!, value: text }, nearest(text, SETTINGS));
  }
}

/** A scalar setting: `locale`, `maxAnnualChange` or `staleAfterDays`. */
function checkValue(key: string, pair: Pair, add: Add, locale: Locale): void {
  const node = valueOf(pair);
  const value = isScalar(node) ? node.value : undefined;
  const ok =
    key === 'locale'
      ? typeof value === 'string' && /^(auto|en(-.*)?|zh(-cn|-hans)?)$/i.test(value)
      : key === 'staleAfterDays'
        ? Number.isInteger(value) && (value as number) >= 1
        : typeof value === 'number' && Number.isFinite(value) && value >= 0;
  if (ok) return;
  if (key === 'locale' && typeof value === 'string')
    return add('rc-bad-value', node!, { value, read: normalizeLocale(value) }, nearest(value, LOCALES), LOCALE_READ);
  add('rc-bad-value', node ?? pair.key, { key, expected: EXPECTED[key][locale] });
}

/** The pair's value node; null for none (`key:` alone is a null scalar, with an empty range). */
function valueOf(pair: Pair): Node | null {
  const value = pair.value as Node | null;
  return value === null || (isScalar(value) && value.value === null) ? null : value;
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}
