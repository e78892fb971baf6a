// A change to one stakeholder chosen on the stakeholder map (stance, influence, a role), written back
// into the YAML the way the fixes write: a few small edits, so comments, quoting, flow or block style
// and line endings stay as they were. A change whose result would not parse, or would not read back
// as the change asked for, is refused with a message rather than written.
import { isNode, isScalar, isSeq, type Node } from 'yaml';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { Plan, Stakeholder } from '../engine/model';
import { parsePlan } from '../engine/parse';
import { normalizeRole, ROLE_LABELS, ROLES, type Role } from '../engine/roles';
import { interpolate, type Locale, type Text } from '../engine/types';
import { localToday } from '../engine/values';
import { deref, isEmptyValue, scalarText, spanOf } from '../engine/yaml-nodes';
import { INFLUENCES, STANCES } from '../engine/format';
import { stakeholderLabel } from '../engine/plan-facts';
import { courseTerm, LABELS, lowered, say, text, type Args } from '../engine/vocabulary';
import { rangeOf, type PlanDocument } from './document';
import { addRole } from './fixes/add-role';
import type { FixContext } from './fixes/fix';
import { detectLayout } from './fixes/layout';
import { inPlace, putEntries, type MapSite } from './fixes/map-edits';
import { entry, scalar } from './fixes/render';
import { flowRemovals } from './fixes/flow-removals';
import { applyOffsetEdits, lineEnd, lineStart, mergeEdits, type Edit } from './fixes/text-edits';

export type StakeholderField = 'stance' | 'influence' | 'role';

export interface StakeholderChange {
  field: StakeholderField;
  /** A stance, an influence, or a canonical role (which is given if missing, taken away if held). */
  value: string;
}

/** A change the plan cannot take; the message, in the plan's locale, says why. */
export class StakeholderEditError extends Error {}

const WORDS = {
  syntax: text(
    'The plan has a YAML syntax error: fix it first, then change the stakeholder.',
    '计划有 YAML 语法错误：请先修正，再修改关键人物。',
  ),
  gone: text('That stakeholder is no longer in the plan.', '该关键人物已不在计划中。'),
  badValue: text('`{value}` is not a valid {field} ({choices}).', '`{value}` 不是有效的{field}（可选：{choices}）。'),
  cannot: text(
    'The {field} of {name} cannot be changed safely from the map; edit it in the file.',
    '无法从地图安全地修改 {name} 的{field}，请在文件中编辑。',
  ),
} satisfies Record<string, Text>;

const CHOICES: Record<StakeholderField, readonly string[]> = { stance: STANCES, influence: INFLUENCES, role: ROLES };
const FIELD_WORDS: Record<StakeholderField, Text> = { stance: lowered(LABELS.stance), influence: lowered(LABELS.influence), role: lowered(LABELS.role) };

/**
 * The edit that makes the change to the stakeholder at `index` of the plan's stakeholder list, for
 * the parsed version (a versioned edit: VS Code refuses it once the document has moved on). Null
 * when the plan already says so. Throws StakeholderEditError when the change cannot be made.
 */
export function editStakeholder(parsed: PlanDocument, index: number, change: StakeholderChange, locale: Locale): WorkspaceEdit | null {
  const edits = stakeholderEdits(parsed.plan, index, change, locale);
  if (edits.length === 0) return null;
  const { document } = parsed;
  return {
    documentChanges: [
      { textDocument: { uri: document.uri, version: document.version }, edits: edits.map((e) => ({ range: rangeOf(document, e), newText: e.newText })) },
    ],
  };
}

/** The change as offset edits over the plan's text; none when there is nothing to change. */
export function stakeholderEdits(plan: Plan, index: number, change: StakeholderChange, locale: Locale): Edit[] {
  const fail = (message: Text, args: Args = {}): never => {
    throw new StakeholderEditError(say(message, locale, args));
  };
  const { field, value } = change;
  const choices = Object.hasOwn(CHOICES, field) ? CHOICES[field] : [];
  if (!choices.includes(value)) return fail(WORDS.badValue, { field: Object.hasOwn(FIELD_WORDS, field) ? FIELD_WORDS[field] : String(field), value: String(value), choices: choices.join(', ') });
  if (plan.syntaxErrors.length > 0) return fail(WORDS.syntax);
  const s = plan.stakeholders[index];
  if (!s) return fail(WORDS.gone);

  const ctx: FixContext = { plan, text: plan.text, layout: detectLayout(plan), locale, today: localToday() };
  let edits: Edit[] | undefined;
  let done: (after: Stakeholder) => boolean;
  if (field === 'role') {
    const role = value as Role;
    const held = s.roles.some((r) => r.role === role);
    edits = held ? removeRole(ctx, s, role) : addRole(ctx, s, spelling(plan, role));
    done = (after) => after.roles.some((r) => r.role === role) !== held;
  } else {
    if (s[field] === value) return [];
    edits = setScalar(ctx, s, field, value);
    done = (after) => after[field] === value;
  }

  const merged = edits && mergeEdits(edits);
  const after = merged && merged.length > 0 ? parsePlan(applyOffsetEdits(plan.text, merged)) : undefined;
  const changed = after && after.syntaxErrors.length === 0 ? after.stakeholders[index] : undefined;
  if (!merged || !changed || !done(changed)) return fail(WORDS.cannot, { field: FIELD_WORDS[field], name: stakeholderLabel(s) });
  return merged;
}

/** Where a new key of the stakeholder goes: the format's order of stakeholder keys. */
function siteOf(s: Stakeholder): MapSite {
  return { entity: s, path: ['diagnosis', 'stakeholders', 0] };
}

/** The key's value replaced (inside its quotes, if quoted), filled if empty, or the key added. */
function setScalar(ctx: FixContext, s: Stakeholder, key: string, value: string): Edit[] | undefined {
  const field = s.fields.get(key);
  if (!field || isEmptyValue(field.node)) return putEntries(ctx, siteOf(s), [entry(key, scalar(value))]);
  if (!inPlace(field) || !isScalar(field.node)) return undefined;
  // The values are plain words: they need no escaping inside either kind of quotes.
  if (field.node.type === 'QUOTE_DOUBLE' || field.node.type === 'QUOTE_SINGLE') {
    return [{ start: field.value.start + 1, end: field.value.end - 1, newText: value }];
  }
  // A block scalar (`|`, `>`) for one word is too odd to rewrite in place.
  return field.node.type === 'PLAIN' ? [{ ...field.value, newText: value }] : undefined;
}

/**
 * Every item of `roles` that names the role (in any spelling) taken out: in a flow list with the
 * comma beside it, in a block list with its line; a list left empty becomes `[]`.
 */
function removeRole(ctx: FixContext, s: Stakeholder, role: Role): Edit[] | undefined {
  const { text, plan } = ctx;
  const field = s.fields.get('roles');
  if (!field || !inPlace(field)) return undefined;
  const node = field.node;
  // A single name where a list belongs: it is the role, since the person holds it.
  if (isScalar(node)) return [{ ...field.value, newText: '[]' }];
  if (!isSeq(node)) return undefined;
  const items = node.items.filter((item): item is Node => isNode(item) && item.range !== undefined && item.range !== null);
  if (items.length !== node.items.length) return undefined;
  const names = (item: Node) => normalizeRole(scalarText(deref(plan.doc, item)) ?? '') === role;
  const spans = items.map((item) => spanOf(item));
  const gone = items.map(names);
  if (node.flow) return flowRemovals(spans, gone, spanOf(node));

  const edits: Edit[] = [];
  for (const [i, span] of spans.entries()) {
    if (!gone[i]) continue;
    const start = lineStart(text, span.start);
    // Only a line that holds the item alone (`- guide  # comment`) is taken out whole.
    if (!/^[ \t]*-[ \t]*$/.test(text.slice(start, span.start))) return undefined;
    const next = text.indexOf('\n', lineEnd(text, span.end));
    edits.push({ start, end: next === -1 ? text.length : next + 1, newText: '' });
  }
  if (gone.every(Boolean)) {
    const colon = text.indexOf(':', field.key.end);
    if (colon < 0 || text.slice(field.key.end, colon).trim() !== '') return undefined;
    edits.push({ start: colon + 1, end: colon + 1, newText: ' []' });
  }
  return edits;
}

/** A new role in the plan's own words: its Chinese name when most of the plan's roles are written in Chinese. */
function spelling(plan: Plan, role: Role): string {
  let chinese = 0;
  let other = 0;
  for (const s of plan.stakeholders) for (const r of s.roles) if (r.role) /[^\x00-\x7f]/.test(r.value) ? chinese++ : other++;
  return chinese > other ? courseTerm(ROLE_LABELS[role]) : role;
}
