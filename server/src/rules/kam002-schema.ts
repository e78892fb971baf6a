import type { ErrorObject } from 'ajv';
import { isCollection } from 'yaml';
import type { Plan } from '../engine/model';
import { plainPlanData } from '../engine/plan-data';
import type { Report, Rule } from '../engine/rule';
import { valueKind, validatePlanData, type SchemaNode, type ValueKind } from '../engine/schema';
import { firstContentLine, itemAnchor } from '../engine/spans';
import { nearest } from '../engine/suggest';
import { keyList, type Span, type Text } from '../engine/types';
import { entityOf, locatePath, spanOf } from '../engine/yaml-nodes';
import { alternatives, ID_KIND_LABELS, LOCALES, text } from '../engine/vocabulary';

type Path = (string | number)[];

/** More alias uses than this, and the plan is not expanded (an "alias bomb" would take the checker down). */
export const MAX_ALIAS_COUNT = 1000;

/** Values another rule already judges, whatever is wrong with them: one problem, one finding. */
const JUDGED_ELSEWHERE: readonly RegExp[] = [
  /^\/goals\/\d+\/(baseline|target)$/, // KAM302: missing or not a number
  /^\/goals\/\d+\/deadline$/, // KAM305: missing, invalid or past
];

/** Which of several errors about one value to tell: the most specific. */
const VALUE_KEYWORDS = ['const', 'enum', 'format', 'pattern', 'type', 'anyOf', 'oneOf'];

const EXPECTED: Record<Exclude<ValueKind, 'enum' | 'const'>, Text> = {
  date: { en: 'a date (YYYY-MM-DD)', 'zh-cn': '日期（YYYY-MM-DD）' },
  identifier: { en: 'an id (a letter, then letters, digits, `_` or `-`)', 'zh-cn': 'id（以字母开头，后接字母、数字、`_` 或 `-`）' },
  number: { en: 'a number (like 12, 12.5, 12% or 1,200,000)', 'zh-cn': '数字（如 12、12.5、12% 或 1,200,000）' },
  reference: { en: 'an id', 'zh-cn': 'id' },
  text: { en: 'text', 'zh-cn': '文本' },
  textOrList: { en: 'text or a list of text', 'zh-cn': '文本或文本列表' },
  list: { en: 'a list', 'zh-cn': '列表' },
  map: { en: 'a map of keys', 'zh-cn': '键值映射' },
  boolean: { en: '`true` or `false`', 'zh-cn': '布尔值 `true` 或 `false`' },
  integer: { en: 'a whole number', 'zh-cn': '整数' },
};

/** The singular of each list of maps, for "Unknown key … in goal". */
const ITEM_NOUNS: Record<string, Text> = {
  drivers: { en: 'driver', 'zh-cn': '业务驱动因素' },
  organization: ID_KIND_LABELS.unit,
  stakeholders: ID_KIND_LABELS.stakeholder,
  goals: ID_KIND_LABELS.goal,
  actions: ID_KIND_LABELS.action,
  controls: { en: 'control', 'zh-cn': '控制项' },
  feedback: { en: 'feedback entry', 'zh-cn': '反馈' },
};

/** Does the value of every key have the shape the format gives it? One finding per place, in our own words. */
/**
 * For the fix and fix-all: where the value stands (`path`), and by kind of problem the key or value
 * written and the name it is closest to (`suggestion`), the keys missing, what was expected.
 */
export type Kam002Data = {
  path: Path;
  key?: string;
  suggestion?: string;
  missing?: string[];
  value?: unknown;
  allowed?: unknown;
  expected?: unknown;
  keyword?: string;
};

export const kam002: Rule<Kam002Data> = {
  code: 'KAM002',
  name: 'schema',
  severity: 'error',
  stage: 'document',
  description: {
    en: 'Every key is one the format knows, and every value has the type, form or choice the format gives it.',
    'zh-cn': '每个键都必须是格式中定义的键，每个值都必须符合格式规定的类型、写法或可选值。',
  },
  messages: {
    default: { en: '{what} does not fit the plan format.', 'zh-cn': '{what} 不符合计划格式。' },
    unknownKey: { en: 'Unknown key `{key}` in {parent}.', 'zh-cn': '{parent}中有未知的键 `{key}`。' },
    unknownKeySuggestion: {
      en: 'Unknown key `{key}` in {parent}; did you mean `{suggestion}`?',
      'zh-cn': '{parent}中有未知的键 `{key}`；是否指 `{suggestion}`？',
    },
    missingKey: { en: 'Missing `{key}` in {parent}.', 'zh-cn': '{parent}缺少 `{key}`。' },
    wrongType: { en: '{what} should be {expected}, not {actual}.', 'zh-cn': '{what} 应为{expected}，而不是{actual}。' },
    notAMap: {
      en: 'A plan is a map of sections (`kam`, `account`, `diagnosis`, …), not {actual}.',
      'zh-cn': '计划应是由各部分（`kam`、`account`、`diagnosis` 等）组成的映射，而不是{actual}。',
    },
    badChoice: { en: '`{value}` is not a valid `{key}`: use {allowed}.', 'zh-cn': '`{value}` 不是有效的 `{key}`：可选值为 {allowed}。' },
    badChoiceSuggestion: {
      en: '`{value}` is not a valid `{key}`; did you mean `{suggestion}`? Allowed: {allowed}.',
      'zh-cn': '`{value}` 不是有效的 `{key}`；是否指 `{suggestion}`？可选值为 {allowed}。',
    },
    badDate: { en: '`{value}` is not a valid date (YYYY-MM-DD).', 'zh-cn': '`{value}` 不是有效日期（YYYY-MM-DD）。' },
    badNumber: {
      en: '`{value}` is not a number: write it like 12, 12.5, 12% or 1,200,000.',
      'zh-cn': '`{value}` 不是数字：请写成 12、12.5、12% 或 1,200,000 这样的形式。',
    },
    badId: {
      en: '`{value}` is not a valid id: start with a letter, then use only letters, digits, `_` or `-`.',
      'zh-cn': '`{value}` 不是有效的 id：须以字母开头，后面只能是字母、数字、`_` 或 `-`。',
    },
    blankReference: { en: '{what} is blank: give the id it refers to.', 'zh-cn': '{what} 为空：请填写所引用的 id。' },
    notConst: { en: '{what} must be `{allowed}`.', 'zh-cn': '{what} 必须为 `{allowed}`。' },
    collectionKey: {
      en: 'A key must be a word, not a list or a map: write `key: value`.',
      'zh-cn': '键必须是一个词，不能是列表或映射：请写成 `键: 值`。',
    },
    aliases: {
      en: 'The aliases (`*name`) expand to too much to check this plan (over {limit} uses); write the repeated parts out.',
      'zh-cn': '别名（`*name`）展开过多（超过 {limit} 次），无法检查此计划；请直接写出重复的部分。',
    },
  },
  check({ plan, report }) {
    const data = planData(plan, report);
    if (data === undefined) return;
    const reports = collapse(validatePlanData(data)).map((e) => findingOf(plan, data, e));
    // A misspelt required key is one mistake: "unknown `nam`, did you mean `name`?" says it all.
    const typos = new Set(
      reports
        .filter((r) => r.messageId === 'unknownKeySuggestion')
        .map((r) => keyAt(r.data!.path.slice(0, -1), String(r.data!.suggestion))),
    );
    const seen = new Set<string>();
    for (const r of reports) {
      if (r.messageId === 'missingKey' && typos.has(keyAt(r.data!.path, String(r.args!.key)))) continue;
      const id = `${r.span.start}:${r.span.end}:${r.messageId}:${JSON.stringify(r.args)}`;
      if (seen.has(id)) continue; // one anchored value used through several aliases
      seen.add(id);
      report(r);
    }
  },
};

function keyAt(path: Path, key: string): string {
  return JSON.stringify([...path, key]);
}

/**
 * The plan as plain data for the schema (engine/plan-data.ts), or undefined when the YAML cannot be
 * expanded: a collection as a key and an alias bomb are reported here, an alias naming no anchor is
 * KAM001's.
 */
function planData(plan: Plan, report: (r: Report<Kam002Data>) => void): unknown {
  const result = plainPlanData(plan.doc, MAX_ALIAS_COUNT);
  if ('data' in result) return result.data;
  for (const key of result.collectionKeys ?? []) report({ span: spanOf(key), messageId: 'collectionKey' });
  if (result.aliasBomb) report({ span: spanOf(result.aliasBomb), messageId: 'aliases', args: { limit: MAX_ALIAS_COUNT } });
  return undefined;
}

/**
 * One error per place: each unknown key and each missing key on its own; for a value, the most
 * specific of its errors (an enum over a type, a whole `anyOf` over its branches' noise).
 */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const best = new Map<string, ErrorObject>();
  const rank = (e: ErrorObject) => {
    const i = VALUE_KEYWORDS.indexOf(e.keyword);
    return i === -1 ? VALUE_KEYWORDS.length : i;
  };
  for (const e of errors) {
    if (JUDGED_ELSEWHERE.some((re) => re.test(e.instancePath))) continue;
    const place =
      e.keyword === 'additionalProperties' ? `${e.instancePath}/+${String(e.params.additionalProperty)}`
      : e.keyword === 'required' ? `${e.instancePath}/-${String(e.params.missingProperty)}`
      : e.instancePath;
    const held = best.get(place);
    if (!held || rank(e) < rank(held)) best.set(place, e);
  }
  return [...best.values()];
}

/** The path of keys and indexes an ajv instance path points to, indexes as numbers. */
function pathOf(pointer: string, data: unknown): Path {
  const path: Path = [];
  let here = data;
  for (const raw of pointer.split('/').slice(1)) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(here)) {
      path.push(Number(step));
      here = here[Number(step)];
    } else {
      path.push(step);
      here = (here as Record<string, unknown> | undefined)?.[step];
    }
  }
  return path;
}

function findingOf(plan: Plan, data: unknown, e: ErrorObject): Report<Kam002Data> {
  const path = pathOf(e.instancePath, data);
  const schema = (e.parentSchema ?? {}) as SchemaNode;
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    const present = (e.data ?? {}) as object;
    const suggestion = nearest(key, Object.keys(schema.properties ?? {}).filter((k) => !Object.hasOwn(present, k)));
    const at = locatePath(plan.doc, [...path, key]);
    return {
      span: at?.key ? spanOf(at.key) : valueSpan(plan, path),
      messageId: suggestion ? 'unknownKeySuggestion' : 'unknownKey',
      args: { key, ...parentArgs(path), ...(suggestion ? { suggestion } : {}) },
      data: { key, suggestion, path: [...path, key] },
    };
  }
  if (e.keyword === 'required') {
    const key = String(e.params.missingProperty);
    return { span: missingSpan(plan, path, key), messageId: 'missingKey', args: { key, ...parentArgs(path) }, data: { missing: [key], path } };
  }
  const span = valueSpan(plan, path);
  const value = e.data;
  const what = whatArgs(path);
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  // A map or list is shown as written: String() of plan data can throw (a key named `toString`).
  const shown = scalar ? String(value) : plan.text.slice(span.start, span.end).trim().slice(0, 80);
  if (path.length === 0 && e.keyword === 'type') return { span, messageId: 'notAMap', args: actualArgs(value), data: { expected: 'map', path } };
  if (e.keyword === 'enum' && scalar) {
    const allowed = (schema.enum ?? []).map(String);
    const suggestion = nearest(shown, allowed);
    const key = String(path[path.length - 1]);
    return {
      span,
      messageId: suggestion ? 'badChoiceSuggestion' : 'badChoice',
      args: { value: shown, key, allowed: keyList(allowed), ...(suggestion ? { suggestion } : {}) },
      data: { value: shown, suggestion, allowed, path },
    };
  }
  if (e.keyword === 'const') return { span, messageId: 'notConst', args: { ...what, allowed: String(schema.const) }, data: { expected: schema.const, path } };
  if (e.keyword === 'format' && schema.format === 'date') return { span, messageId: 'badDate', args: { value: shown }, data: { value, path } };
  if (e.keyword === 'pattern') {
    const kind = valueKind(schema);
    if (kind === 'number') return { span, messageId: 'badNumber', args: { value: shown }, data: { value, path } };
    if (kind === 'identifier') return { span, messageId: 'badId', args: { value: shown }, data: { value, path } };
    if (kind === 'reference') return { span, messageId: 'blankReference', args: what, data: { path } };
  }
  if (['type', 'enum', 'anyOf', 'oneOf'].includes(e.keyword)) {
    return { span, messageId: 'wrongType', args: { ...what, ...expectedArgs(schema), ...actualArgs(value) }, data: { expected: expectedKinds(schema), path } };
  }
  return { span, messageId: 'default', args: what, data: { keyword: e.keyword, path } };
}

/** The alternatives a value may take, as kinds (an `anyOf` has several). */
function expectedKinds(schema: SchemaNode): ValueKind[] {
  const branches = schema.anyOf ?? schema.oneOf;
  return branches ? branches.flatMap(expectedKinds) : [valueKind(schema)];
}

function expectedArgs(schema: SchemaNode): { expected: Text } {
  const words = (s: SchemaNode): Text => {
    const kind = valueKind(s);
    if (kind === 'enum') {
      const allowed = keyList((s.enum ?? []).map(String));
      return text(`one of ${allowed}`, `以下之一：${allowed}`);
    }
    if (kind === 'const') return text(`\`${String(s.const)}\``, ` \`${String(s.const)}\``);
    return EXPECTED[kind];
  };
  const all = (schema.anyOf ?? schema.oneOf ?? [schema]).map(words);
  return { expected: Object.fromEntries(LOCALES.map((locale) => [locale, alternatives(all.map((t) => t[locale]), locale)])) as Text };
}

function actualArgs(value: unknown): { actual: Text } {
  if (value === null || value === undefined) return { actual: text('empty', '空值') };
  if (Array.isArray(value)) return { actual: text('a list', '列表') };
  if (typeof value === 'object') return { actual: text('a map', '映射') };
  if (typeof value === 'boolean') return { actual: text(`\`${value}\``, `布尔值 \`${value}\``) };
  if (Number.isNaN(value)) return { actual: text('`.nan` (not a number)', '`.nan`（非数字）') };
  if (value === Infinity || value === -Infinity) return { actual: text('infinity (a number too large, such as `1e400`)', '无穷大（数字过大，如 `1e400`）') };
  if (typeof value === 'number') return { actual: text('a number', '数字') };
  return { actual: text('text', '文本') };
}

/** The value at fault, as a message names it: `` `deadline` `` or `` `roles` item 2 ``. */
function whatArgs(path: Path): { what: Text } {
  const last = path[path.length - 1];
  if (last === undefined) return { what: text('The plan', '计划') };
  if (typeof last === 'string') return { what: text(`\`${last}\``, `\`${last}\``) };
  const list = String(path[path.length - 2] ?? '');
  return { what: text(`\`${list}\` item ${last + 1}`, `\`${list}\` 的第 ${last + 1} 项`) };
}

/** The map that holds (or lacks) a key, as a message names it: "goal", "`account`", "the top level". */
function parentArgs(path: Path): { parent: Text } {
  const last = path[path.length - 1];
  if (path.length === 0) return { parent: text('the top level', '顶层') };
  if (typeof last === 'number') {
    const noun = ITEM_NOUNS[String(path[path.length - 2])];
    if (noun) return { parent: noun };
  }
  const dotted = `\`${path.join('.')}\``;
  return { parent: text(dotted, `${dotted} `) }; // "`account` 缺少 …": code is set off by a space in Chinese
}

/** A scalar or an inline `[…]`/`{…}` is shown itself; a block collection by its key, not its many lines. */
function valueSpan(plan: Plan, path: Path): Span {
  const at = locatePath(plan.doc, path);
  if (!at) return firstContentLine(plan.text);
  const value = at.value;
  if (value === null || (isCollection(value) && !value.flow && at.key)) return spanOf(at.key, spanOf(value));
  return spanOf(value, spanOf(at.key));
}

/** A missing key is shown by its empty self if written, else by the key of its map, else by the item's first key. */
function missingSpan(plan: Plan, path: Path, key: string): Span {
  const written = locatePath(plan.doc, [...path, key]);
  if (written?.key) return spanOf(written.key);
  const at = locatePath(plan.doc, path);
  if (at?.key) return spanOf(at.key);
  const item = at ? entityOf(plan.doc, at.value) : undefined;
  return item ? itemAnchor(item) : firstContentLine(plan.text);
}
