// The plan's bilingual vocabulary, each term once: the cycle's stages, the enum values, the six roles,
// the keys, the purchasing factors, the report's headings and the views' labels. The words are data
// (terms.json, roles.json, ui.json); this module types them and says where each group is used, which
// docs/glossary.md lists (`npm run glossary`). The Chinese terms are the course's where it has one
// (shared/method/course-zh.txt); a test holds one Chinese term to each English one.
import type { Role } from '../roles';
import type { Severity, Stage } from '../types';
import rolesJson from './roles.json';
import termsJson from './terms.json';
import uiJson from './ui.json';
import { clauses, say, type Locale, type Text } from './locale';

export * from './locale';

export type Terms = Record<string, Text>;

export interface RoleWords {
  label: Text;
  /** Badge text on the stakeholder map: two letters, or the first character of the course's term. */
  short: Text;
  /** The course's key to recognising the role's holder. */
  orientation: Text;
  /** Other names a plan may write for the role. */
  aliases: readonly string[];
}

export const ROLE_WORDS: Record<Role, RoleWords> = rolesJson;
const roleTable = (pick: (w: RoleWords) => Text) =>
  Object.fromEntries(Object.entries(ROLE_WORDS).map(([role, words]) => [role, pick(words)])) as Record<Role, Text>;
export const ROLE_LABELS = roleTable((w) => w.label);
export const ROLE_SHORT = roleTable((w) => w.short);
export const ROLE_ORIENTATION = roleTable((w) => w.orientation);

export const STAGE_LABELS: Record<Stage, Text> = termsJson.stages;
export const MARK_LABELS: Record<Severity | 'ok', Text> = termsJson.marks;
export const STANCE_LABELS = termsJson.stances;
export const INFLUENCE_LABELS = termsJson.influence;
const { keys, ...tables } = termsJson;
const groups: Record<keyof typeof tables, Terms> = tables;
export const {
  contractStages: CONTRACT_STAGE_LABELS,
  rescueSides: RESCUE_SIDE_LABELS,
  directions: DIRECTION_LABELS,
  metrics: METRIC_LABELS,
  actionStatus: ACTION_STATUS_LABELS,
  driverKinds: DRIVER_KIND_LABELS,
  macro: MACRO_LABELS,
  micro: MICRO_LABELS,
  financials: FINANCIAL_LABELS,
  forecast: FORECAST_LABELS,
  customerValues: VALUE_LABELS,
  swotSubjects: SWOT_ENTRY_LABELS,
  swotQuadrants: SWOT_QUADRANT_LABELS,
  smart: SMART_LABELS,
  /** The four groups of factors that shape how a customer buys (采购者影响采购行为的主要因素). */
  purchasingFactors: PURCHASING_FACTORS,
  /** What an id names, as a noun in a sentence. */
  idKinds: ID_KIND_LABELS,
} = groups;
/** The six sections of the diagnosis (诊断), in the course's order. */
export const DIAGNOSIS_SECTION_LABELS = termsJson.diagnosisSections;
const { organization, ...sections } = DIAGNOSIS_SECTION_LABELS;
/**
 * Each key's term, by its path's trailing keys (`stakeholders.owner` before `owner`; `financials.*` for
 * any figure). A key that names a stage or a section of the diagnosis has that stage's or section's term.
 */
export const KEY_TERMS: Terms = { ...resolveKeys(keys), ...STAGE_LABELS, ...sections, 'diagnosis.organization': organization };
/** The keys with a term of their own (the others name a term of another group). */
const OWN_KEY_TERMS = Object.fromEntries(Object.entries(keys).filter((e): e is [string, Text] => typeof e[1] !== 'string'));

/** A key's entry is its term, or `group.key`: the term of that name in another group, so it is written once. */
function resolveKeys(keys: Record<string, string | Text>): Terms {
  const groups: Record<string, Terms> = { ...termsJson, ...uiJson } as unknown as Record<string, Terms>;
  return Object.fromEntries(
    Object.entries(keys).map(([key, entry]) => {
      if (typeof entry !== 'string') return [key, entry];
      const [group, name] = entry.split('.');
      const term = groups[group]?.[name];
      if (!term) throw new Error(`vocabulary: the key ${key} names ${entry}, which is not a term`);
      return [key, term];
    }),
  );
}

/** Labels the views share: the outline, the map, hover and the report. */
export const LABELS = uiJson.labels;
export const HOVER_WORDS = uiJson.hover;
export const MAP_WORDS = uiJson.map;
/** The plan editor's own words (its buttons and notes); its labels are the keys' terms. */
export const FORM_WORDS = uiJson.form;

/** The report's words: the shared labels, its own (which win: its `owner` is the account manager), the sections and the stages as its headings. */
export const REPORT_WORDS = {
  ...LABELS,
  ...uiJson.report,
  ...DIAGNOSIS_SECTION_LABELS,
  goalOwner: LABELS.owner,
  diagnosis: STAGE_LABELS.diagnosis,
  forecast: STAGE_LABELS.forecast,
  goals: STAGE_LABELS.goals,
  strategy: STAGE_LABELS.strategy,
  actions: STAGE_LABELS.actions,
  controls: STAGE_LABELS.controls,
  feedback: STAGE_LABELS.feedback,
  rescue: STAGE_LABELS.rescue_network,
} satisfies Record<string, Text>;
export type ReportWord = keyof typeof REPORT_WORDS;

/** The label of a known key, else the key as the user wrote it (an unknown enum value is still worth showing). */
export function labelOf(labels: Terms, key: string | undefined, locale: Locale): string {
  if (key === undefined) return '';
  return Object.hasOwn(labels, key) ? labels[key][locale] : key;
}

const COUNTS = {
  one: { en: '{n} {severity}', 'zh-cn': '{n} 个{severity}' },
  many: { en: '{n} {severity}s', 'zh-cn': '{n} 个{severity}' },
  none: { en: 'no findings', 'zh-cn': '无问题' },
} satisfies Record<string, Text>;

/** `1 error, 2 warnings, 1 info` / `1 个错误，2 个警告，1 个提示`; `no findings` / `无问题` when all are 0. */
export function countsText(counts: Record<Severity, number>, locale: Locale): string {
  const parts: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const n = counts[severity];
    if (n === 0) continue;
    const template = n === 1 || severity === 'info' ? COUNTS.one : COUNTS.many;
    parts.push(say(template, locale, { n, severity: MARK_LABELS[severity] }));
  }
  return parts.length === 0 ? COUNTS.none[locale] : clauses(parts, locale);
}

/** A group of terms as the glossary lists it: its title, where the terms are shown, the terms. */
export interface GlossaryGroup {
  title: string;
  where: string;
  terms: Terms;
}

export const GLOSSARY: readonly GlossaryGroup[] = [
  { title: 'Stages of the planning cycle', where: 'outline, report headings, health table, rule docs', terms: STAGE_LABELS },
  { title: 'Roles of the key decision makers', where: 'hover, completion, outline, map badges and legend, report, KAM201', terms: ROLE_LABELS },
  { title: 'Role orientations', where: 'hover, completion, report role coverage', terms: ROLE_ORIENTATION },
  { title: 'Role badges', where: 'stakeholder map', terms: ROLE_SHORT },
  { title: 'Stances', where: 'map legend and grid, outline, hover, report, map edits', terms: STANCE_LABELS },
  { title: 'Influence', where: 'map grid, outline, hover, report, map edits', terms: INFLUENCE_LABELS },
  { title: 'Goal directions (qualitative goals)', where: 'hover, report goals table', terms: DIRECTION_LABELS },
  { title: 'Goal metrics (quantitative goals)', where: 'report goals table', terms: METRIC_LABELS },
  { title: 'SMART letters', where: 'outline, hover, report', terms: SMART_LABELS },
  { title: 'Action statuses', where: 'outline, report actions', terms: ACTION_STATUS_LABELS },
  { title: 'Contract stages', where: 'report summary and rescue network', terms: CONTRACT_STAGE_LABELS },
  { title: 'Rescue network sources', where: 'report rescue network', terms: RESCUE_SIDE_LABELS },
  { title: 'Driver kinds', where: 'report diagnosis', terms: DRIVER_KIND_LABELS },
  { title: 'Sections of the diagnosis', where: 'report headings, hover, the KAM102 fix, outline', terms: DIAGNOSIS_SECTION_LABELS },
  { title: 'Macro factors', where: 'report diagnosis', terms: MACRO_LABELS },
  { title: 'Micro factors', where: 'report diagnosis', terms: MICRO_LABELS },
  { title: 'Financials', where: 'report diagnosis', terms: FINANCIAL_LABELS },
  { title: 'Forecast', where: 'report forecast', terms: FORECAST_LABELS },
  { title: "The customer's values", where: 'report strategy', terms: VALUE_LABELS },
  { title: 'SWOT subjects', where: 'report strategy', terms: SWOT_ENTRY_LABELS },
  { title: 'SWOT quadrants', where: 'report strategy', terms: SWOT_QUADRANT_LABELS },
  { title: 'Purchasing factors', where: 'rules on the purchasing diagnosis', terms: PURCHASING_FACTORS },
  { title: 'Finding marks', where: 'outline, health, report', terms: MARK_LABELS },
  { title: 'What an id names', where: 'rename, hover', terms: ID_KIND_LABELS },
  { title: 'Keys of the plan (besides the stages and sections)', where: 'hover and completion (the term beside each key)', terms: OWN_KEY_TERMS },
  { title: 'Labels the views share', where: 'outline, stakeholder map, hover, report', terms: LABELS },
  { title: 'Report', where: 'HTML and Markdown report', terms: uiJson.report },
  { title: 'Hover', where: 'hover', terms: HOVER_WORDS },
  { title: 'Stakeholder map', where: 'stakeholder map and its legend', terms: MAP_WORDS },
  { title: 'Plan editor', where: 'the plan editor (the form)', terms: FORM_WORDS },
];
