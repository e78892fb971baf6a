// Hover: what a key means and which question of the KAM method it answers; who a stakeholder
// reference names; a goal's statement and SMART status; a unit; a role and what its holder cares
// about; an enum value. The Markdown builders are shared with completion's documentation.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Goal, Plan, Stakeholder, Unit } from '../engine/model';
import { indexById } from '../engine/plan-index';
import { ROLE_ALIASES, ROLE_LABELS, type Role } from '../engine/roles';
import type { Finding } from '../engine/rule';
import { schemaAt } from '../engine/schema';
import { interpolate, type Locale, type Span, type Text } from '../engine/types';
import { DIRECTION_LABELS, INFLUENCE_LABELS, labelOf, STANCE_LABELS } from '../views/labels';
import { SMART_RULES, smartStatus, smartSummary } from '../engine/smart-status';
import { rangeOf, type PlanDocument } from './document';
import { idAt, type IdKind } from './id-index';
import { keyText, METHOD_TEXT, valueText } from './method-text';
import { tokenAt, type YamlPath } from './yaml-path';

export interface HoverOptions {
  locale?: Locale;
  /** The plan's findings: a goal's SMART status is read from KAM301–KAM305. Without them it is not shown. */
  findings?: readonly Finding[];
}

const WORDS = {
  method: { en: 'KAM method', 'zh-cn': 'KAM 方法' },
  recognise: { en: 'How to recognise them', 'zh-cn': '如何辨认' },
  caresAbout: { en: 'Usually cares about', 'zh-cn': '通常关心' },
  alsoWritten: { en: 'Also written', 'zh-cn': '也可写作' },
  roles: { en: 'Roles', 'zh-cn': '角色' },
  stance: { en: 'Stance', 'zh-cn': '态度' },
  influence: { en: 'Influence', 'zh-cn': '影响力' },
  gatekeeper: { en: 'Gatekeeper (关卡者): keep them in the loop.', 'zh-cn': '关卡者：让他一直身处其中。' },
  unit: { en: 'Unit', 'zh-cn': '部门' },
  parent: { en: 'Part of', 'zh-cn': '上级部门' },
  direction: { en: 'Direction', 'zh-cn': '质量的目标' },
  deadline: { en: 'Deadline', 'zh-cn': '期限' },
  owner: { en: 'Owner', 'zh-cn': '负责人' },
} satisfies Record<string, Text>;

const UNKNOWN_ID: Record<IdKind, Text> = {
  stakeholder: { en: 'No stakeholder has the id `{id}`.', 'zh-cn': '没有 id 为 `{id}` 的关键人物。' },
  unit: { en: 'No unit has the id `{id}`.', 'zh-cn': '没有 id 为 `{id}` 的部门。' },
  goal: { en: 'No goal has the id `{id}`.', 'zh-cn': '没有 id 为 `{id}` 的目标。' },
  action: { en: 'No action has the id `{id}`.', 'zh-cn': '没有 id 为 `{id}` 的行动。' },
};

export function hover({ document, plan }: PlanDocument, position: Position, options: HoverOptions = {}): Hover | null {
  const locale = options.locale ?? 'en';
  const offset = document.offsetAt(position);
  const answer = (value: string | undefined, span: Span): Hover | null =>
    value ? { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(document, span) } : null;

  const id = idAt(plan, offset);
  if (id && offset < id.span.end) return answer(idMarkdown(plan, id.kind, id.id, locale, options.findings), id.span);

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
  const text = keyText(path);
  const key = path[path.length - 1];
  if (!schema || key === undefined) return undefined;
  const meaning = locale === 'zh-cn' ? text?.zh ?? schema.description : schema.description ?? text?.zh;
  return paragraphs([
    `**${escape(String(key))}**${text ? ` · ${text.term}` : ''}`,
    meaning,
    text?.method && `${lead(WORDS.method, locale)} ${text.method[locale]}`,
  ]);
}

/** A role: its orientation, how to recognise its holder, what they care about, its other names. */
export function roleMarkdown(role: Role, locale: Locale): string {
  const { orientation, recognise, caresAbout } = METHOD_TEXT.roles[role];
  const title =
    locale === 'zh-cn'
      ? `**${ROLE_LABELS[role]['zh-cn']}**（${role}）— ${orientation['zh-cn']}`
      : `**${role}** · ${ROLE_LABELS[role]['zh-cn']} — ${orientation.en} (${orientation['zh-cn']})`;
  const names = [role, ...ROLE_ALIASES[role]].map((n) => `\`${n}\``).join(', ');
  return paragraphs([
    title,
    `${lead(WORDS.recognise, locale)} ${recognise[locale]}`,
    `${lead(WORDS.caresAbout, locale)} ${caresAbout[locale]}`,
    `${lead(WORDS.alsoWritten, locale)} ${names}`,
  ]);
}

/** An enum value and what it means for the key that takes it. */
export function valueMarkdown(key: string, value: string, locale: Locale): string {
  const text = valueText(key, value);
  return paragraphs([`\`${value}\``, text?.[locale]]);
}

export function stakeholderMarkdown(s: Stakeholder, plan: Plan, locale: Locale): string {
  const roles = s.roles
    .map((r) => (r.role ? `${ROLE_LABELS[r.role][locale]}${aside(METHOD_TEXT.roles[r.role].orientation[locale], locale)}` : escape(r.value)))
    .join(locale === 'zh-cn' ? '、' : ', ');
  const unit = s.unit === undefined ? undefined : indexById(plan.units).get(s.unit);
  const facts = [
    roles && fact(WORDS.roles, roles, locale),
    s.stance && fact(WORDS.stance, escape(labelOf(STANCE_LABELS, s.stance, locale)), locale),
    s.influence && fact(WORDS.influence, escape(labelOf(INFLUENCE_LABELS, s.influence, locale)), locale),
    s.gatekeeper && WORDS.gatekeeper[locale],
    s.unit && fact(WORDS.unit, escape(unit?.name ?? s.unit), locale),
  ];
  return paragraphs([`**${escape(s.name ?? s.id ?? '')}** (\`${s.id}\`)${s.title ? ` — ${escape(s.title)}` : ''}`, bullets(facts)]);
}

/** A goal's statement and facts; with findings, its SMART letters and what fails them. */
export function goalMarkdown(goal: Goal, locale: Locale, findings?: readonly Finding[]): string {
  const term = goal.direction !== undefined && Object.hasOwn(DIRECTION_LABELS, goal.direction) ? DIRECTION_LABELS[goal.direction]['zh-cn'] : undefined;
  const facts = [
    goal.direction && fact(WORDS.direction, escape(goal.direction) + (term ? aside(term, locale) : ''), locale),
    goal.deadline && fact(WORDS.deadline, escape(goal.deadline), locale),
    goal.owner && fact(WORDS.owner, escape(goal.owner), locale),
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
    unit.parent && fact(WORDS.parent, escape(parent?.name ?? unit.parent), locale),
  ]);
}

function idMarkdown(plan: Plan, kind: IdKind, id: string, locale: Locale, findings?: readonly Finding[]): string {
  const unknown = interpolate(UNKNOWN_ID[kind][locale], { id });
  if (kind === 'stakeholder') {
    const s = indexById(plan.stakeholders).get(id);
    return s ? stakeholderMarkdown(s, plan, locale) : unknown;
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

function colon(locale: Locale): string {
  return locale === 'zh-cn' ? '：' : ': ';
}

/** ` (results)` / `（结论导向）`. */
function aside(text: string, locale: Locale): string {
  return locale === 'zh-cn' ? `（${text}）` : ` (${text})`;
}

/** The plan's own text shown as itself: Markdown's punctuation escaped. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** `*KAM method:*` / `*KAM 方法：*`: the lead-in of a paragraph. */
function lead(word: Text, locale: Locale): string {
  return `*${word[locale]}${locale === 'zh-cn' ? '：' : ':'}*`;
}

function paragraphs(parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');
}

function bullets(items: (string | false | undefined)[]): string | undefined {
  const shown = items.filter((i): i is string => !!i && i.trim() !== '');
  return shown.length ? shown.map((i) => `- ${i}`).join('\n') : undefined;
}
