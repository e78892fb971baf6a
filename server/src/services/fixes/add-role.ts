// KAM201: a buying role nobody holds. Either someone not yet in the map holds it (add a stakeholder
// to fill in) or someone already there does (give them the role). Which is true only the account
// manager knows, so no fix here is preferred.
import { itemPath } from '../../engine/format';
import { isScalar, isSeq } from 'yaml';
import type { Stakeholder } from '../../engine/model';
import { indexById } from '../../engine/plan-index';
import { isEmptyValue } from '../../engine/yaml-nodes';
import type { Text } from '../../engine/types';
import { normalizeRole } from '../../engine/roles';
import { courseTerm, ROLE_LABELS, text } from '../../engine/vocabulary';
import { say, TODO, uniqueId, type Fix, type FixContext } from './fix';
import { appendItem, inPlace, putEntries, putPath } from './map-edits';
import { entry, map, scalar, seq, type Value } from './render';
import type { Edit } from './text-edits';

const TITLES = {
  newStakeholder: text('Add a stakeholder who holds the `{role}` role', '添加一位担任 `{role}` 角色的关键人物'),
  addRole: text('Add the role `{role}` to {name}', '为 {name} 添加角色 `{role}`'),
  who: text('who holds the {role} role?', '谁担任{role}角色？'),
} satisfies Record<string, Text>;

export function roleFixes(ctx: FixContext, role: string): Fix[] {
  if (ctx.plan.stakeholders.some((s) => s.roles.some((r) => r.role === role))) return [];
  const fixes: Fix[] = [];
  const added = newStakeholder(ctx, role);
  if (added) fixes.push({ title: say(ctx, TITLES.newStakeholder, { role }), edits: added, isPreferred: false });
  for (const s of ctx.plan.stakeholders) {
    const edits = addRole(ctx, s, role);
    if (edits) fixes.push({ title: say(ctx, TITLES.addRole, { role, name: s.name ?? s.id ?? '?' }), edits, isPreferred: false });
  }
  return fixes;
}

/** The role as the placeholder asks for it: its YAML name in English, the course's term in Chinese. */
function roleWord(role: string): Text | string {
  const known = normalizeRole(role);
  return known ? text(role, courseTerm(ROLE_LABELS[known])) : role;
}

/** A stakeholder `new-<role>` at the end of the list, creating the list (and the diagnosis) if need be. */
function newStakeholder(ctx: FixContext, role: string): Edit[] | undefined {
  const id = uniqueId(`new-${role}`, new Set(indexById(ctx.plan.stakeholders).keys()));
  const person = map(entry('id', scalar(id)), entry('name', scalar(TODO), say(ctx, TITLES.who, { role: roleWord(role) })), entry('roles', rolesValue(ctx, role)));
  const field = ctx.plan.diagnosis?.fields.get('stakeholders');
  if (!field || isEmptyValue(field.node)) return putPath(ctx, ['diagnosis'], [entry('stakeholders', seq(person))]);
  if (!inPlace(field) || !isSeq(field.node)) return undefined;
  const edit = appendItem(ctx, field.node, person);
  return edit && [edit];
}

/** A new `roles` list: `[guide]`, unless the plan writes most of its role lists as block lists. */
function rolesValue(ctx: FixContext, role: string): Value {
  let balance = 0;
  for (const s of ctx.plan.stakeholders) {
    const node = s.fields.get('roles')?.node;
    if (isSeq(node)) balance += node.flow ? -1 : 1;
  }
  return balance > 0 ? seq(scalar(role)) : scalar(`[${role}]`);
}

/** The role at the end of the person's `roles`, written the way the list is written; a `roles` key if they have none. */
export function addRole(ctx: FixContext, s: Stakeholder, role: string): Edit[] | undefined {
  const field = s.fields.get('roles');
  if (!field || field.node === null || (isScalar(field.node) && isEmptyValue(field.node))) {
    return putEntries(ctx, { entity: s, path: itemPath('stakeholders') }, [entry('roles', rolesValue(ctx, role))]);
  }
  if (!inPlace(field)) return undefined;
  if (isSeq(field.node)) {
    const edit = appendItem(ctx, field.node, scalar(role));
    return edit && [edit];
  }
  // A single name where a list belongs: make it the list it should be.
  const [only] = s.roles;
  if (!only || s.roles.length !== 1 || only.span.start !== field.value.start) return undefined;
  const written = ctx.text.slice(field.value.start, field.value.end);
  return [{ ...field.value, newText: `[${written}, ${role}]` }];
}
