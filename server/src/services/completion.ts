// Completion: the keys the format allows where the cursor stands (minus those already there), and
// the values a key takes: enum values, the six roles and their Chinese aliases, the ids a reference
// may name, today's date. The place is read from the text around the cursor (yaml-path), so a
// half-typed line or a syntax error gets suggestions too; ids come from the parse, and from the last
// good parse while the text does not parse.
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type Command,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { keyInList, referenceKindAt, type IdKind } from '../engine/format';
import type { Plan } from '../engine/model';
import { normalizeRole, ROLE_LABELS, ROLE_NAMES } from '../engine/roles';
import { keysAt, schemaAt, valueKind, type ValueKind } from '../engine/schema';
import type { Locale, Text } from '../engine/types';
import {
  ACTION_STATUS_LABELS,
  CONTRACT_STAGE_LABELS,
  courseTerm,
  DIRECTION_LABELS,
  DRIVER_KIND_LABELS,
  INFLUENCE_LABELS,
  METRIC_LABELS,
  ROLE_ORIENTATION,
  say,
  STANCE_LABELS,
  text,
  withCourseTerm,
  type Terms,
} from '../engine/vocabulary';
import { rangeOf, type PlanDocument } from './document';
import { driverMarkdown, goalMarkdown, keyMarkdown, roleMarkdown, stakeholderMarkdown, unitMarkdown, valueMarkdown } from './hover';
import { keyText, METHOD_TEXT } from './method-text';
import { slotAt, type KeySlot, type ValueSlot, type YamlPath } from './yaml-path';

export interface CompletionOptions {
  locale?: Locale;
  /** Today, `YYYY-MM-DD`: offered for date fields. */
  today: string;
  /** The last parse of this document without a syntax error: its ids are offered while the text is broken. */
  lastGoodPlan?: Plan;
}

/** Opens the suggestions again once a key is inserted, where its value has some to offer. */
const SUGGEST_VALUE: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** The words beside enum values, by the key that takes them. */
const VALUE_LABELS: Record<string, Terms> = {
  stance: STANCE_LABELS,
  influence: INFLUENCE_LABELS,
  direction: DIRECTION_LABELS,
  metric: METRIC_LABELS,
  stage: CONTRACT_STAGE_LABELS,
  status: ACTION_STATUS_LABELS,
  kind: DRIVER_KIND_LABELS,
};

const TODAY = text('today', '今天');
const ROLE_DETAIL = text('{role} · {orientation}', '{role} · {term} · {orientation}');

/** A value to offer, before it is placed into the document. */
interface Choice {
  label: string;
  kind: CompletionItemKind;
  detail?: string;
  documentation?: string;
  /** Names already in the list that make this one redundant (a role by any of its names). */
  taken?: (present: readonly string[]) => boolean;
}

export function completions({ document, plan }: PlanDocument, position: Position, options: CompletionOptions): CompletionItem[] {
  const locale = options.locale ?? 'en';
  const slot = slotAt(plan.text, document.offsetAt(position));
  if (!slot) return [];
  const range = rangeOf(document, slot.range);
  if (slot.kind === 'key') return keyItems(slot, range, locale);
  const plans = plan.syntaxErrors.length > 0 && options.lastGoodPlan ? [plan, options.lastGoodPlan] : [plan];
  return valueItems(slot, range, { plans, locale, today: options.today });
}

function keyItems(slot: KeySlot, range: Range, locale: Locale): CompletionItem[] {
  // On a line of its own under a list of maps (`stakeholders:` ⏎ `i`): the keys of a new item, after `- `.
  const newItem = !slot.colonFollows && !!schemaAt(slot.container)?.items && !!schemaAt([...slot.container, 0])?.properties;
  const container = newItem ? [...slot.container, 0] : slot.container;
  const dash = newItem ? '- ' : '';
  return keysAt(container)
    .filter((key) => newItem || !slot.present.has(key))
    .map((key, i): CompletionItem => {
      const path = [...container, key];
      const documentation = keyMarkdown(path, locale);
      const { newText, snippet } = keyInsertion(key, path, slot, dash.length);
      return {
        label: dash + key,
        kind: CompletionItemKind.Property,
        detail: keyText(path)?.term,
        documentation: documentation && { kind: MarkupKind.Markdown, value: documentation },
        sortText: order(i),
        filterText: key,
        textEdit: { range, newText: dash + newText },
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        ...(snippet && { insertTextMode: InsertTextMode.adjustIndentation }),
        ...(!slot.colonFollows && hasChoices(path) && { command: SUGGEST_VALUE }),
      };
    });
}

/**
 * `key: ` for a value on the line; a map or a list of maps opens on the next line, indented
 * (relative to the line's indentation, which the client keeps); a list of values opens as `[ ]`,
 * the way plans write roles and `with`. `shift`: columns the key stands right of the word (after a `- ` inserted with it).
 */
function keyInsertion(key: string, path: YamlPath, slot: KeySlot, shift: number): { newText: string; snippet: boolean } {
  if (slot.colonFollows) return { newText: key, snippet: false };
  const kind = valueKind(schemaAt(path)!);
  const pad = ' '.repeat(slot.column + shift - slot.indent + 2);
  if (kind === 'map') return { newText: `${key}:\n${pad}$0`, snippet: true };
  if (kind === 'list') {
    const itemsAreMaps = !!schemaAt([...path, 0])?.properties;
    return { newText: itemsAreMaps ? `${key}:\n${pad}- $0` : `${key}: [$0]`, snippet: true };
  }
  return { newText: `${key}: `, snippet: false };
}

const CHOICE_KINDS: ReadonlySet<ValueKind> = new Set(['enum', 'const', 'boolean', 'date', 'reference']);

/** Whether the value at a path has values to offer (so inserting its key asks for them). */
function hasChoices(path: YamlPath): boolean {
  const schema = schemaAt(path);
  if (!schema) return false;
  const kind = valueKind(schema);
  return CHOICE_KINDS.has(kind) || isRoles(path) || (kind === 'list' && hasChoices([...path, 0]));
}

/** The `roles` of a stakeholder, or one item of them. */
function isRoles(path: YamlPath): boolean {
  const at = keyInList(path);
  return at?.list === 'stakeholders' && at.key === 'roles';
}

interface ValueContext {
  plans: readonly Plan[];
  locale: Locale;
  today: string;
}

function valueItems(slot: ValueSlot, range: Range, context: ValueContext): CompletionItem[] {
  const schema = schemaAt(slot.path);
  if (!schema) return [];
  // A list key whose value is typed on its own line (`with: zh`): offer the items, as a flow list.
  const wrap = !slot.inList && valueKind(schema) === 'list';
  const itemPath = wrap ? [...slot.path, 0] : slot.path;
  return choicesAt(itemPath, slot.key, context)
    .filter((c) => !(c.taken ? c.taken(slot.present) : slot.present.includes(c.label)))
    .map((c, i) => ({
      label: c.label,
      kind: c.kind,
      detail: c.detail,
      documentation: c.documentation === undefined ? undefined : { kind: MarkupKind.Markdown, value: c.documentation },
      sortText: order(i),
      filterText: c.label,
      textEdit: { range, newText: wrap ? `[${c.label}]` : c.label },
    }));
}

function choicesAt(path: YamlPath, key: string, context: ValueContext): Choice[] {
  if (isRoles(path)) return roleChoices(context.locale);
  const schema = schemaAt(path);
  if (!schema) return [];
  const { locale } = context;
  switch (valueKind(schema)) {
    case 'enum':
      return (schema.enum ?? []).map(String).map((value) => ({
        label: value,
        kind: CompletionItemKind.EnumMember,
        detail: bilingual(VALUE_LABELS[key]?.[value]),
        documentation: valueMarkdown(key, value, locale),
      }));
    case 'const':
      return [{ label: String(schema.const), kind: CompletionItemKind.Constant }];
    case 'boolean':
      return ['true', 'false'].map((label) => ({ label, kind: CompletionItemKind.Keyword }));
    case 'date':
      return [{ label: context.today, kind: CompletionItemKind.Value, detail: TODAY[locale] }];
    case 'reference': {
      const kind = referenceKindAt(path);
      return kind ? idChoices(kind, context) : [];
    }
    default:
      return [];
  }
}

/** Every name of the six roles, canonical names first; a role already listed by any name is not offered again. */
function roleChoices(locale: Locale): Choice[] {
  const choices = ROLE_NAMES.map((name): Choice => {
    const role = normalizeRole(name)!;
    const detail = say(ROLE_DETAIL, locale, { role, term: courseTerm(ROLE_LABELS[role]), orientation: withCourseTerm(ROLE_ORIENTATION[role], locale) });
    return {
      label: name,
      kind: CompletionItemKind.EnumMember,
      detail,
      documentation: roleMarkdown(role, locale),
      taken: (present) => present.some((p) => normalizeRole(p) === role),
    };
  });
  // Canonical names first, each role's aliases after them, in the roles' order.
  return [...choices.filter((c) => c.label === normalizeRole(c.label)), ...choices.filter((c) => c.label !== normalizeRole(c.label))];
}

/** The ids of one kind the plan defines (the first plan's first, then any the last good parse adds). */
function idChoices(kind: IdKind, { plans, locale }: ValueContext): Choice[] {
  const choices = new Map<string, Choice>();
  const add = (id: string | undefined, detail: string | undefined, documentation: string) => {
    if (id !== undefined && id.trim() !== '' && !choices.has(id)) choices.set(id, { label: id, kind: CompletionItemKind.Reference, detail, documentation });
  };
  for (const plan of plans) {
    if (kind === 'stakeholder') for (const s of plan.stakeholders) add(s.id, joined([s.name, s.title]), stakeholderMarkdown(s, plan, locale));
    if (kind === 'goal') for (const g of plan.goals) add(g.id, g.statement, goalMarkdown(g, locale));
    if (kind === 'unit') for (const u of plan.units) add(u.id, u.name, unitMarkdown(u, plan, locale));
    if (kind === 'driver') for (const d of plan.drivers) add(d.id, d.name, driverMarkdown(d, locale));
    if (kind === 'action') for (const a of plan.actions) add(a.id, a.what, a.what ?? '');
  }
  return [...choices.values()];
}

function bilingual(text: Text | undefined): string | undefined {
  return text && (text.en === courseTerm(text) ? text.en : `${text.en} · ${courseTerm(text)}`);
}

function joined(parts: (string | undefined)[]): string | undefined {
  return parts.filter((p) => p && p.trim() !== '').join(' · ') || undefined;
}

/** Keeps the schema's (or the list's) order in the client, which sorts by sortText. */
function order(i: number): string {
  return String(i).padStart(3, '0');
}
