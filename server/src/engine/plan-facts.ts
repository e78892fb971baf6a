// Facts about a plan that the views, the services and the report share: who holds each role, the actions in date order,
// the budget total, where a section stands, and the text of free-form sections.
import type { Node } from 'yaml';
import { isLive } from './engagement';
import type { Action, Entity, Plan, Stakeholder } from './model';
import { ROLES, type Role } from './roles';
import { sectionKeyOrTop } from './spans';
import type { Span } from './types';
import { isValidDate, quantityValue } from './values';
import { entityOf, listItems, scalarText } from './yaml-nodes';

/** What a stakeholder is called in a view: the name, else the id, else a placeholder. */
export function stakeholderLabel(s: Stakeholder): string {
  return s.name?.trim() || s.id || '?';
}

/** The stakeholders holding each of the six roles, in ROLES order; someone who lists a role twice counts once. */
export function holdersByRole(stakeholders: readonly Stakeholder[]): Map<Role, Stakeholder[]> {
  const holders = new Map<Role, Stakeholder[]>(ROLES.map((r) => [r, []]));
  for (const s of stakeholders) for (const role of new Set(s.roles.map((r) => r.role))) if (role) holders.get(role)!.push(s);
  return holders;
}

/** Actions by `when`, earliest first; those without a valid date keep their order at the end. */
export function actionsByDate(actions: readonly Action[]): Action[] {
  const dated = actions.filter((a) => isValidDate(a.when));
  const undated = actions.filter((a) => !isValidDate(a.when));
  return [...dated.sort((a, b) => (a.when! < b.when! ? -1 : a.when! > b.when! ? 1 : 0)), ...undated];
}

export interface BudgetTotal {
  /** The sum of the budgets that read as numbers, over planned and done actions. */
  total: number;
  /** How many budgets were summed. */
  counted: number;
  /** Live actions whose budget is missing or not a number. */
  unreadable: number;
  /** Cancelled actions, left out of the total. */
  cancelled: number;
}

export function budgetTotal(actions: readonly Action[]): BudgetTotal {
  const out: BudgetTotal = { total: 0, counted: 0, unreadable: 0, cancelled: 0 };
  for (const a of actions) {
    if (!isLive(a)) {
      out.cancelled++;
      continue;
    }
    const value = quantityValue(a.budget);
    if (value === undefined) out.unreadable++;
    else {
      out.total += value;
      out.counted++;
    }
  }
  return out;
}

/** Where a top-level section stands (its key through its value), else where a missing section is reported. */
export function sectionRange(plan: Plan, key: string): Span {
  const field = plan.root?.fields.get(key);
  return field ? { start: field.key.start, end: Math.max(field.key.end, field.value.end) } : sectionKeyOrTop(plan, key);
}

/** The texts of a value that is a text or a list of texts (numbers in their source form). */
export function textsOf(plan: Plan, node: Node | null | undefined): string[] {
  return listItems(plan.doc, node)
    .map(scalarText)
    .filter((t): t is string => t !== undefined && t.trim() !== '');
}

/** A map's keys with their texts, in source order (macro, micro, financials, a SWOT entry, …). */
export function textEntries(plan: Plan, entity: Entity | undefined): [key: string, texts: string[]][] {
  return entity ? [...entity.fields].map(([key, field]) => [key, textsOf(plan, field.node)]) : [];
}

/** A map inside an entity (`strategy.swot`, `rescue_network.proposal`), aliases followed. */
export function nestedEntity(plan: Plan, entity: Entity | undefined, key: string): Entity | undefined {
  return entityOf(plan.doc, entity?.fields.get(key)?.node);
}

/** The findings that start and end inside a span (an entity's findings). */
export function findingsIn<F extends { span: Span }>(findings: readonly F[], span: Span): F[] {
  return findings.filter((f) => f.span.start >= span.start && f.span.end <= span.end);
}
