// Hover: what a key means and which question of the KAM method it answers; who a stakeholder
// reference names; a goal's statement and SMART status; a unit; a role and what its holder cares
// about; an enum value. The Markdown builders are shared with completion's documentation.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Driver, Goal, Plan, Stakeholder, Unit } from '../engine/model';
import { daysSinceContact, DEFAULT_STALE_AFTER_DAYS, engagedIds, isKeyRelationship, isStale, isUnmanagedOpposition } from '../engine/engagement';
import { indexById } from '../engine/plan-index';
import { ROLE_ALIASES, ROLE_LABELS, type Role } from '../engine/roles';
import type { Finding } from '../engine/rule';
import { schemaAt } from '../engine/schema';
import type { Locale, Span, Text } from '../engine/types';
import {
  aside,
  colon,
  courseTerm,
  DIRECTION_LABELS,
  HOVER_WORDS,
  ID_KIND_LABELS,
  INFLUENCE_LABELS,
  LABELS,
  REPORT_WORDS,
  labelOf,
  listOf,
  ROLE_ORIENTATION,
  say,
  STANCE_LABELS,
  text,
  withCourseTerm,
} from '../engine/vocabulary';
import { SMART_RULES, smartStatus, smartSummary } from '../engine/smart-status';
import { rangeOf, type PlanDocument } from './document';
import { idAt, type IdKind } from './id-index';
import { keyText, METHOD_TEXT, valueText } from './method-text';
import { tokenAt, type YamlPath } from './yaml-path';

export interface HoverOptions {
  locale?: Locale;
  /** The plan's findings: a goal's SMART status is read from KAM301–KAM305. Without them it is not shown. */
  findings?: readonly Finding[];
  /** Today and KAM207's limit: a stakeholder's hover counts the days since the last contact. Not shown without today. */
  today?: string;
  staleAfterDays?: number;
}

/** What a stakeholder's hover counts from. */
export interface ContactClock {
  today: string;
  staleAfterDays: number;
}

const UNKNOWN_ID = text('No {kind} has the id `{id}`.', '没有 id 为 `{id}` 的{kind}。');
const ROLE_TITLE = text('**{role}** · {term} — {orientation}', '**{term}**（{role}）— {orientation}');

export function hover({ document, plan }: PlanDocument, position: Position, options: HoverOptions = {}): Hover | null {
  const locale = options.locale ?? 'en';
  const offset = document.offsetAt(position);
  const answer = (value: string | undefined, span: Span): Hover | null =>
    value ? { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(document, span) } : null;

  const clock = options.today === undefined ? undefined : { today: options.today, staleAfterDays: options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS };
  const id = idAt(plan, offset);
  if (id && offset < id.span.end) return answer(idMarkdown(plan, id.kind, id.id, locale, options.findings, clock), id.span);

  for (const s of plan.stakeholders) {
    for (const ref of s.roles) {
      const span = unquoted(plan.text, ref.span);
      if (ref.role && span.start <= offset && offset < span.end) return answer(roleMarkdown(ref.role, locale), span);
    }
  }

  const token = tokenAt(plan.text, offset);
  if (token?.kind === 'key') return answer(keyMarkdown(token.path, locale), token.span);
  if (token?.kind === 'value' && schemaAt(token.path)?.enum?.includes(token.text)) return answer(valueMarkdown(token.key, token.text, locale), token.span);
  return null;
}

/** A key's meaning (the schema's description, or the Chinese beside it) and its place in the method. */
export function keyMarkdown(path: YamlPath, locale: Locale): string | undefined {
  const schema = schemaAt(path);
  const keyInfo = keyText(path);
  const key = path[path.length - 1];
  if (!schema || key === undefined) return undefined;
  const meaning = { en: schema.description ?? keyInfo?.zh, 'zh-cn': keyInfo?.zh ?? schema.description }[locale];
  return paragraphs([
    `**${escape(String(key))}**${keyInfo ? ` · ${keyInfo.term}` : ''}`,
    meaning,
    keyInfo?.method && `${lead(HOVER_WORDS.method, locale)} ${keyInfo.method[locale]}`,
  ]);
}

/** A role: its orientation, how to recognise its holder, what they care about, its other names. */
export function roleMarkdown(role: Role, locale: Locale): string {
  const { recognise, caresAbout } = METHOD_TEXT.roles[role];
  const title = say(ROLE_TITLE, locale, { role, term: courseTerm(ROLE_LABELS[role]), orientation: withCourseTerm(ROLE_ORIENTATION[role], locale) });
  const names = [role, ...ROLE_ALIASES[role]].map((n) => `\`${n}\``).join(', ');
  return paragraphs([
    title,
    `${lead(HOVER_WORDS.recognise, locale)} ${recognise[locale]}`,
    `${lead(HOVER_WORDS.caresAbout, locale)} ${caresAbout[locale]}`,
    `${lead(HOVER_WORDS.alsoWritten, locale)} ${names}`,
  ]);
}

/** An enum value and what it means for the key that takes it. */
export function valueMarkdown(key: string, value: string, locale: Locale): string {
  const text = valueText(key, value);
  return paragraphs([`\`${value}\``, text?.[locale]]);
}

export function stakeholderMarkdown(s: Stakeholder, plan: Plan, locale: Locale, clock?: ContactClock): string {
  const roles = s.roles
    .map((r) => (r.role ? `${ROLE_LABELS[r.role][locale]}${aside(ROLE_ORIENTATION[r.role][locale], locale)}` : escape(r.value)));
  const unit = s.unit === undefined ? undefined : indexById(plan.units).get(s.unit);
  const facts = [
    roles.length > 0 && fact(LABELS.roles, listOf(roles, locale), locale),
    s.stance && fact(LABELS.stance, escape(labelOf(STANCE_LABELS, s.stance, locale)), locale),
    s.influence && fact(LABELS.influence, escape(labelOf(INFLUENCE_LABELS, s.influence, locale)), locale),
    s.gatekeeper && `${withCourseTerm(LABELS.gatekeeper, locale)}${colon(locale)}${HOVER_WORDS.keepInLoop[locale]}`,
    s.unit && fact(LABELS.unit, escape(unit?.name ?? s.unit), locale),
    clock && contactFact(s, clock, locale),
  ];
  return paragraphs([
    `**${escape(s.name ?? s.id ?? '')}** (\`${s.id}\`)${s.title ? ` — ${escape(s.title)}` : ''}`,
    bullets(facts),
    clock && isStale(s, clock.today, clock.staleAfterDays) && say(HOVER_WORDS.staleNote, locale, { limit: clock.staleAfterDays }),
    isUnmanagedOpposition(s, engagedIds(plan)) && HOVER_WORDS.unmanagedNote[locale],
  ]);
}

/** `Last contact: 2026-08-01, 117 days ago`; for a key person with none, how to start a relationship. */
function contactFact(s: Stakeholder, { today }: ContactClock, locale: Locale): string | undefined {
  const days = daysSinceContact(s, today);
  if (days !== undefined) return fact(REPORT_WORDS.lastContact, say(HOVER_WORDS.daysAgo, locale, { date: s.last_contact!, days }), locale);
  return s.last_contact === undefined && isKeyRelationship(s) ? HOVER_WORDS.noContact[locale] : undefined;
}

/** A goal's statement and facts; with findings, its SMART letters and what fails them. */
export function goalMarkdown(goal: Goal, locale: Locale, findings?: readonly Finding[]): string {
  const term = goal.direction !== undefined && Object.hasOwn(DIRECTION_LABELS, goal.direction) ? courseTerm(DIRECTION_LABELS[goal.direction]) : undefined;
  const facts = [
    goal.direction && fact(LABELS.direction, escape(goal.direction) + (term ? aside(term, locale) : ''), locale),
    goal.deadline && fact(LABELS.deadline, escape(goal.deadline), locale),
    goal.owner && fact(LABELS.owner, escape(goal.owner), locale),
  ];
  let smart: string | undefined;
  if (findings) {
    const checks = smartStatus(goal, findings);
    const failing = checks
      .filter((c) => !c.pass)
      .map((c) => `${c.letter} ${SMART_RULES[c.letter].label[locale]}${colon(locale)}${c.findings.map((f) => f.message).join(' ')}`);
    smart = paragraphs([`SMART: ${smartSummary(checks)}`, bullets(failing)]);
  }
  return paragraphs([`**${goal.id}**${goal.statement ? `: ${escape(goal.statement)}` : ''}`, bullets(facts), smart]);
}

export function unitMarkdown(unit: Unit, plan: Plan, locale: Locale): string {
  const parent = unit.parent === undefined ? undefined : indexById(plan.units).get(unit.parent);
  return paragraphs([
    `**${escape(unit.name ?? unit.id ?? '')}** (\`${unit.id}\`)`,
    unit.parent && fact(LABELS.parent, escape(parent?.name ?? unit.parent), locale),
  ]);
}

/** A business driver: its name, whether it lies inside or outside the customer, why it matters. */
export function driverMarkdown(driver: Driver, locale: Locale): string {
  const kind = driver.kind !== undefined ? valueText('kind', driver.kind)?.[locale] : undefined;
  return paragraphs([`**${escape(driver.name ?? driver.id ?? '')}** (\`${driver.id}\`)`, bullets([kind, driver.note && escape(driver.note)])]);
}

function idMarkdown(plan: Plan, kind: IdKind, id: string, locale: Locale, findings?: readonly Finding[], clock?: ContactClock): string {
  const unknown = say(UNKNOWN_ID, locale, { kind: ID_KIND_LABELS[kind], id });
  if (kind === 'stakeholder') {
    const s = indexById(plan.stakeholders).get(id);
    return s ? stakeholderMarkdown(s, plan, locale, clock) : unknown;
  }
  if (kind === 'goal') {
    const g = indexById(plan.goals).get(id);
    // With a syntax error only KAM001 ran: no finding would mean nothing about SMART.
    return g ? goalMarkdown(g, locale, plan.syntaxErrors.length > 0 ? undefined : findings) : unknown;
  }
  if (kind === 'unit') {
    const u = indexById(plan.units).get(id);
    return u ? unitMarkdown(u, plan, locale) : unknown;
  }
  if (kind === 'driver') {
    const d = indexById(plan.drivers).get(id);
    return d ? driverMarkdown(d, locale) : unknown;
  }
  const a = indexById(plan.actions).get(id);
  return a ? paragraphs([`**${a.id}**${a.what ? `: ${escape(a.what)}` : ''}`, bullets([a.when, a.who].map((t) => t && escape(t)))]) : unknown;
}

/** A scalar's span without its quotes. */
function unquoted(text: string, span: Span): Span {
  const quoted = span.end - span.start >= 2 && /^(["']).*\1$/s.test(text.slice(span.start, span.end));
  return quoted ? { start: span.start + 1, end: span.end - 1 } : span;
}

/** `Stance: neutral` / `态度：中立`. */
function fact(word: Text, value: string, locale: Locale): string {
  return `${word[locale]}${colon(locale)}${value}`;
}



/** The plan's own text shown as itself: Markdown's punctuation escaped. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** `*KAM method:*` / `*KAM 方法：*`: the lead-in of a paragraph. */
function lead(word: Text, locale: Locale): string {
  return `*${word[locale]}${colon(locale).trimEnd()}*`;
}

function paragraphs(parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');
}

function bullets(items: (string | false | undefined)[]): string | undefined {
  const shown = items.filter((i): i is string => !!i && i.trim() !== '');
  return shown.length ? shown.map((i) => `- ${i}`).join('\n') : undefined;
}
