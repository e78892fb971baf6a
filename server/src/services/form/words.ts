// The words the plan editor shows for the format's keys and values: labels (the vocabulary's key
// terms), help (the schema's description, the method text's Chinese), the method's guiding question
// (what hover shows), the names of enum values and the form's own buttons. None is written here: the
// form says what the hover, the outline and the report say.
import { ROLES } from '../../engine/format';
import type { SchemaNode } from '../../engine/schema';
import type { Locale } from '../../engine/types';
import {
  ACTION_STATUS_LABELS,
  CONTRACT_STAGE_LABELS,
  DIRECTION_LABELS,
  DRIVER_KIND_LABELS,
  FORM_WORDS,
  INFLUENCE_LABELS,
  KEY_TERMS,
  LABELS,
  METRIC_LABELS,
  ROLE_LABELS,
  STANCE_LABELS,
  type Terms,
} from '../../engine/vocabulary';
import { keyText, valueText } from '../method-text';
import type { FormPath } from './intents';

/** Labels of the values of an enum, by the key that takes it. */
const VALUE_NAMES: Record<string, Terms> = {
  stance: STANCE_LABELS,
  influence: INFLUENCE_LABELS,
  stage: CONTRACT_STAGE_LABELS,
  direction: DIRECTION_LABELS,
  metric: METRIC_LABELS,
  status: ACTION_STATUS_LABELS,
  kind: DRIVER_KIND_LABELS,
};

/** The key's term, found by the path's trailing keys (`stakeholders.name` before `name`), as hover finds it. */
export function keyLabel(path: FormPath, locale: Locale): string {
  const steps = path.filter((s): s is string => typeof s === 'string');
  for (let i = 0; i < steps.length; i++) {
    const name = steps.slice(i).join('.');
    if (Object.hasOwn(KEY_TERMS, name)) return capitalised(KEY_TERMS[name][locale]);
  }
  const open = steps.length > 1 ? `${steps[steps.length - 2]}.*` : '';
  const key = steps[steps.length - 1] ?? '';
  return Object.hasOwn(KEY_TERMS, open) ? `${capitalised(KEY_TERMS[open][locale])}: ${key}` : key;
}

/** A label starts with a capital in English (`reports to` → `Reports to`). */
function capitalised(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
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

/** The six buying roles, each with its name in both languages. */
export function roleChoices(locale: Locale): Choice[] {
  const other: Locale = locale === 'en' ? 'zh-cn' : 'en';
  return ROLES.map((role) => ({ value: role, label: `${ROLE_LABELS[role][locale]} · ${ROLE_LABELS[role][other]}` }));
}

/** The form's own words in one locale, with the health label the status bar uses. */
export function formUi(locale: Locale): Record<string, string> {
  const words: Record<string, string> = Object.fromEntries(Object.entries(FORM_WORDS).map(([k, t]) => [k, t[locale]]));
  return { ...words, health: LABELS.health[locale] };
}

export { FORM_WORDS };
