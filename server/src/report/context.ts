// What every section builder of the report reads: the plan, its findings and health, the locale and the
// day, and the small helpers that turn plan values into report text the same way in every section.
import type { Plan } from '../engine/model';
import { indexById } from '../engine/plan-index';
import type { Finding } from '../engine/rule';
import { interpolate, type Args, type Locale } from '../engine/types';
import { labelOf, languageTag, REPORT_WORDS, type ReportWord as Word, type Terms } from '../engine/vocabulary';
import { stakeholderLabel } from '../engine/plan-facts';
import { planHealth, type Mark, type PlanHealth } from '../views/health';
import { buildStakeholderMap, type StakeholderMap } from '../views/stakeholder-map-model';
import type { Block, Body, Cell, Section } from './blocks';

/** What an absent or blank value shows. */
export const NONE = '—';

export interface ReportContext {
  plan: Plan;
  findings: readonly Finding[];
  locale: Locale;
  /** The report's date, `YYYY-MM-DD`. */
  today: string;
  staleAfterDays: number;
  health: PlanHealth;
  /** False when the file does not parse: then only the health and findings sections have content. */
  readable: boolean;
  /** A report word in the report's locale. */
  say(word: Word, args?: Args): string;
  /** The label of an enum value; an absent value is NONE. */
  label(labels: Terms, key: string | undefined): string;
  /** The value, or NONE when it is absent or blank. */
  or(value: string | undefined): string;
  /** The values joined by "; ", or NONE when there are none. */
  join(values: readonly string[]): string;
  /** Formats an amount in the report's locale. */
  amount(value: number): string;
  /** A unit's name for a unit id; an id that names no unit is shown as written. */
  unitName(id: string | undefined): string;
  /** A stakeholder's label for an id; an unknown id is shown as written. */
  personName(id: string): string;
  /** The stakeholder map, built once for the sections that draw or read it. */
  stakeholderMap(): StakeholderMap;
  /** The section, or, when the file does not parse, the section saying why it is empty. */
  content(id: string, title: string, build: () => Body): Section;
  table(head: (Word | { raw: string })[], rows: Cell[][]): Block;
}

export function reportContext(plan: Plan, findings: readonly Finding[], locale: Locale, today: string, staleAfterDays: number): ReportContext {
  const number = new Intl.NumberFormat(languageTag(locale), { maximumFractionDigits: 2 });
  const health = planHealth(findings, { parses: plan.syntaxErrors.length === 0 });
  const people = indexById(plan.stakeholders);
  const units = indexById(plan.units);
  const say = (word: Word, args?: Args) => interpolate(REPORT_WORDS[word][locale], args, locale);
  const or = (value: string | undefined) => (value === undefined || value.trim() === '' ? NONE : value);
  let builtMap: StakeholderMap | undefined;
  const readable = health.parses;
  return {
    plan,
    findings,
    locale,
    today,
    staleAfterDays,
    health,
    readable,
    say,
    label: (labels, key) => (key === undefined ? NONE : labelOf(labels, key, locale)),
    or,
    join: (values) => (values.length === 0 ? NONE : values.join('; ')),
    amount: (value) => number.format(value),
    unitName: (id) => (id === undefined ? NONE : or(units.get(id)?.name ?? id)),
    personName: (id) => {
      const s = people.get(id);
      return s ? stakeholderLabel(s) : id;
    },
    stakeholderMap: () => (builtMap ??= buildStakeholderMap(plan, { today, staleAfterDays })),
    // A file that does not parse shows its findings; every other section says why it is empty.
    content: (id, title, build) => (readable ? { id, title, ...build() } : section(id, title, [emptyBlock(say('unreadable'))])),
    table: (head, rows) => ({ kind: 'table', head: head.map((h) => (typeof h === 'string' ? say(h) : h.raw)), rows }),
  };
}

export function section(id: string, title: string, blocks: Block[], sections: Section[] = []): Section {
  return { id, title, blocks, sections };
}

/** What an empty section says instead of vanishing: `notFilled` unless told. */
export function empty(ctx: ReportContext, word: Word = 'notFilled'): Block[] {
  return [emptyBlock(ctx.say(word))];
}

function emptyBlock(text: string): Block {
  return { kind: 'empty', text };
}

/** The filled keys of a mapping of texts as label–value fields, or "not filled". */
export function textFields(ctx: ReportContext, entries: [string, string[]][], labels: Terms): Block[] {
  const items = entries.filter(([, texts]) => texts.length > 0).map(([k, texts]): [string, string[]] => [ctx.label(labels, k), texts]);
  return items.length > 0 ? [{ kind: 'fields', items }] : empty(ctx);
}

export function only(blocks: Block[]): Body {
  return { blocks, sections: [] };
}

export function cells(...texts: string[]): Cell[] {
  return texts.map((text) => ({ text }));
}

/** The symbol that goes with a mark, the same in both formats. */
export function markSymbol(mark: Mark): string {
  return { ok: '✓', info: 'ℹ', warning: '⚠', error: '✖' }[mark];
}
