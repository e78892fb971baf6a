// The words the plan editor shows for the format's keys and values: labels, help, the method's
// guiding question, the names of enum values. All of them come from the tables hover and the views
// already use (the schema's descriptions, method-text.ts, views/labels.ts), in one place, so the form
// says what the hover and the report say.
import { ROLE_LABELS, ROLES } from '../../engine/roles';
import type { SchemaNode } from '../../engine/schema';
import type { Locale, Stage, Text } from '../../engine/types';
import {
  ACTION_STATUS_LABELS,
  CONTRACT_STAGE_LABELS,
  DIRECTION_LABELS,
  DRIVER_KIND_LABELS,
  FINANCIAL_LABELS,
  FORECAST_LABELS,
  INFLUENCE_LABELS,
  MACRO_LABELS,
  METRIC_LABELS,
  MICRO_LABELS,
  RESCUE_SIDE_LABELS,
  STAGE_LABELS,
  STANCE_LABELS,
  SWOT_ENTRY_LABELS,
  SWOT_QUADRANT_LABELS,
  VALUE_LABELS,
  type Labels,
} from '../../views/labels';
import { keyText, valueText } from '../method-text';
import type { FormPath } from './intents';

/** Key labels by the key's parent (`macro.economic`), then by the key alone. */
const KEY_LABELS: Record<string, Labels> = {
  macro: MACRO_LABELS,
  micro: MICRO_LABELS,
  financials: FINANCIAL_LABELS,
  forecast: FORECAST_LABELS,
  values: VALUE_LABELS,
  swot: SWOT_ENTRY_LABELS,
  own_product: SWOT_QUADRANT_LABELS,
  own_company: SWOT_QUADRANT_LABELS,
  competitor_product: SWOT_QUADRANT_LABELS,
  competitor_company: SWOT_QUADRANT_LABELS,
  proposal: RESCUE_SIDE_LABELS,
  negotiation: RESCUE_SIDE_LABELS,
  execution: RESCUE_SIDE_LABELS,
  '': STAGE_LABELS as Labels,
};

/** Labels of the values of an enum, by the key that takes it. */
const VALUE_NAMES: Record<string, Labels> = {
  stance: STANCE_LABELS,
  influence: INFLUENCE_LABELS,
  stage: CONTRACT_STAGE_LABELS,
  direction: DIRECTION_LABELS,
  metric: METRIC_LABELS,
  status: ACTION_STATUS_LABELS,
  kind: DRIVER_KIND_LABELS,
};

const keysOf = (path: FormPath) => path.filter((s): s is string => typeof s === 'string');

/** `next_review` → `Next review`: the English label of a key no table names. */
function spoken(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The key's label: the views' word for it, else the course's term (Chinese) or the key in words (English). */
export function keyLabel(path: FormPath, locale: Locale): string {
  const keys = keysOf(path);
  const key = keys[keys.length - 1] ?? '';
  const parent = keys.length > 1 ? keys[keys.length - 2] : '';
  const table = KEY_LABELS[parent];
  if (table && Object.hasOwn(table, key)) return table[key][locale];
  if (parent === '' && Object.hasOwn(STAGE_LABELS, key)) return STAGE_LABELS[key as Stage][locale];
  if (key === 'rescue_network') return locale === 'zh-cn' ? '救援网络' : 'Rescue network';
  return locale === 'zh-cn' ? (keyText(path)?.term ?? spoken(key)) : spoken(key);
}

/** What the key holds: the schema's description in English, the method text's in Chinese. */
export function keyHelp(path: FormPath, schema: SchemaNode | undefined, locale: Locale): string {
  if (locale === 'zh-cn') return keyText(path)?.zh ?? schema?.description ?? '';
  return schema?.description ?? '';
}

/** The method's guiding question for the key (what hover shows), if it has one. */
export function keyQuestion(path: FormPath, locale: Locale): string | undefined {
  return keyText(path)?.method?.[locale];
}

export interface Choice {
  value: string;
  label: string;
  /** What the value means in the method, when it says. */
  help?: string;
}

/** An enum's values with their labels and meaning. */
export function enumChoices(key: string, values: readonly unknown[], locale: Locale): Choice[] {
  const names = VALUE_NAMES[key];
  return values.map(String).map((value) => {
    const help = valueText(key, value)?.[locale]?.replace(/\*\*/g, '');
    return { value, label: names && Object.hasOwn(names, value) ? names[value][locale] : value, ...(help ? { help } : {}) };
  });
}

/** The six buying roles, each with its English and Chinese name. */
export function roleChoices(locale: Locale): Choice[] {
  const other: Locale = locale === 'en' ? 'zh-cn' : 'en';
  return ROLES.map((role) => ({ value: role, label: `${ROLE_LABELS[role][locale]} · ${ROLE_LABELS[role][other]}` }));
}

/** The form's own words (buttons, headings), in the plan's locale: the webview shows what it is sent. */
export const FORM_UI = {
  add: { en: 'Add', 'zh-cn': '添加' },
  addItem: { en: 'Add an item', 'zh-cn': '添加一项' },
  remove: { en: 'Remove', 'zh-cn': '删除' },
  moveUp: { en: 'Move up', 'zh-cn': '上移' },
  moveDown: { en: 'Move down', 'zh-cn': '下移' },
  newItem: { en: 'New item…', 'zh-cn': '新的一项…' },
  choose: { en: '(choose)', 'zh-cn': '（请选择）' },
  addPerson: { en: 'Add a person…', 'zh-cn': '添加人员…' },
  yes: { en: 'yes', 'zh-cn': '是' },
  health: { en: 'Plan health', 'zh-cn': '计划健康度' },
  openAsText: { en: 'Open as Text', 'zh-cn': '以文本打开' },
  alwaysForm: { en: 'Always open plans in the form', 'zh-cn': '总是以表单打开计划' },
  syntax: {
    en: 'The YAML does not parse, so the form is read-only until the text is fixed.',
    'zh-cn': 'YAML 无法解析，在修正文本之前表单为只读。',
  },
  showMore: { en: 'Show {n} more', 'zh-cn': '再显示 {n} 项' },
  fix: { en: 'Fix', 'zh-cn': '修复' },
  findings: { en: 'Findings', 'zh-cn': '问题' },
  plan: { en: 'Plan', 'zh-cn': '计划' },
  empty: { en: 'Nothing written here yet.', 'zh-cn': '此处尚未填写。' },
  loading: { en: 'Reading the plan…', 'zh-cn': '正在读取计划…' },
} satisfies Record<string, Text>;

/** The form's words in one locale. */
export function formUi(locale: Locale): Record<keyof typeof FORM_UI, string> {
  return Object.fromEntries(Object.entries(FORM_UI).map(([k, t]) => [k, t[locale]])) as Record<keyof typeof FORM_UI, string>;
}

export const FORM_WORDS = {
  item: { en: 'Item {n}', 'zh-cn': '第 {n} 项' },
  sentence: {
    en: '{direction}{metric}: from {baseline} to {target} by {deadline}',
    'zh-cn': '{direction}{metric}：由 {baseline} 到 {target}，期限 {deadline}',
  },
  unknown: { en: '?', 'zh-cn': '？' },
} satisfies Record<string, Text>;
