// The data of the "Key Account Plan" tree view. The server builds it and sends it as JSON; the client
// only draws it. Root: the account and its health score; under it the seven stages of the planning
// cycle, each with its mark; the diagnosis holds the key decision makers by role (an unassigned role is
// a warning item), the goals their SMART letters, the actions their dates, owners and budgets.
// Every item carries the range to reveal in the editor.
import type { Action, Entity, Goal, Plan, Stakeholder } from '../engine/model';
import { ROLE_LABELS, ROLES, type Role } from '../engine/roles';
import type { Finding } from '../engine/rule';
import { itemAnchor } from '../engine/spans';
import { CYCLE, type Locale, type Span, type Stage, type Text } from '../engine/types';
import { markOf, planHealth, stageHealth, worse, type Mark, type PlanHealth } from './health';
import {
  ACTION_STATUS_LABELS,
  colon,
  countsText,
  DIAGNOSIS_SECTION_LABELS,
  INFLUENCE_LABELS,
  inline,
  LABELS,
  labelOf,
  STAGE_LABELS,
  STANCE_LABELS,
} from '../engine/vocabulary';
import { actionsByDate, findingsIn, holdersByRole, sectionRange, stakeholderLabel } from '../engine/plan-facts';
import { SMART_RULES, smartStatus, smartSummary, type SmartLetter } from '../engine/smart-status';

export type OutlineKind = 'account' | 'stage' | 'roles' | 'role' | 'role-unassigned' | 'stakeholder' | 'goal' | 'smart' | 'action';

export interface OutlineItem {
  /** Unique in the tree, stable while the plan's structure stays the same. */
  id: string;
  kind: OutlineKind;
  label: string;
  description?: string;
  tooltip?: string;
  /** Drives the icon: the worst finding under the item, or ok. */
  mark: Mark;
  /** The whole item: what "reveal" shows. */
  range: Span;
  /** The smallest part worth selecting (an id, a key). */
  selection: Span;
  /** Goals only: whether each SMART letter passes. */
  smart?: Record<SmartLetter, boolean>;
  children: OutlineItem[];
}

export interface OutlineModel {
  locale: Locale;
  health: PlanHealth;
  root: OutlineItem;
}

export function buildOutline(plan: Plan, findings: readonly Finding[], locale: Locale): OutlineModel {
  const health = planHealth(findings, { parses: plan.syntaxErrors.length === 0 });
  const say = (text: Text) => text[locale];
  const accountRange = sectionRange(plan, 'account');

  const stages = CYCLE.map((stage) => {
    const range = sectionRange(plan, stage);
    const { mark, counts } = stageHealth(health, stage);
    const item = leaf(`stage:${stage}`, 'stage', STAGE_LABELS[stage][locale], mark, range, plan.root?.fields.get(stage)?.key ?? range);
    if (mark !== 'ok') annotate(item, countsText(counts, locale));
    item.children = stageChildren(stage);
    return item;
  });

  const name = plan.account?.name?.trim() || say(LABELS.unnamed);
  const root = leaf('account', 'account', name, health.mark, accountRange, plan.account?.fields.get('name')?.value ?? accountRange);
  annotate(root, `${health.score}/100`, `${say(LABELS.health)} ${health.score}/100 · ${countsText(health.counts, locale)}`);
  root.children = stages;
  return { locale, health, root };

  function stageChildren(stage: Stage): OutlineItem[] {
    if (stage === 'diagnosis') return [decisionMakers()];
    if (stage === 'goals') return plan.goals.map(goalItem);
    if (stage === 'actions') return actionsByDate(plan.actions).map((a) => actionItem(a, plan.actions.indexOf(a)));
    return [];
  }

  function decisionMakers(): OutlineItem {
    const field = plan.diagnosis?.fields.get('stakeholders');
    const range = field ? { start: field.key.start, end: field.value.end } : sectionRange(plan, 'diagnosis');
    const holders = holdersByRole(plan.stakeholders);
    const children = ROLES.map((role) => roleItem(role, holders.get(role)!, range));
    const roleless = plan.stakeholders.filter((s) => !s.roles.some((r) => r.role));
    if (roleless.length > 0) {
      const group = leaf('roles:none', 'role', say(LABELS.noRole), 'ok', range, field?.key ?? range);
      group.children = roleless.map((s) => stakeholderItem(s, 'roles:none'));
      group.mark = worstOf(group.children);
      children.push(group);
    }
    const group = leaf('roles', 'roles', say(DIAGNOSIS_SECTION_LABELS.stakeholders), worstOf(children), range, field?.key ?? range);
    annotate(group, `${ROLES.filter((r) => holders.get(r)!.length > 0).length}/${ROLES.length}`);
    group.children = children;
    return group;
  }

  function roleItem(role: Role, holders: Stakeholder[], range: Span): OutlineItem {
    const label = ROLE_LABELS[role][locale];
    if (holders.length === 0) {
      const item = leaf(`role:${role}`, 'role-unassigned', label, 'warning', range, plan.diagnosis?.fields.get('stakeholders')?.key ?? range);
      // KAM201's finding for the role asks the question that finds the person.
      const question = findings.find((f) => f.code === 'KAM201' && f.messageId === role)?.message;
      return annotate(item, say(LABELS.unassigned), question);
    }
    const item = leaf(`role:${role}`, 'role', label, 'ok', range, range);
    annotate(item, holders.map(stakeholderLabel).join(', '));
    item.children = holders.map((s) => stakeholderItem(s, `role:${role}`));
    item.mark = worstOf(item.children);
    return item;
  }

  function stakeholderItem(s: Stakeholder, parent: string): OutlineItem {
    const index = plan.stakeholders.indexOf(s);
    const item = entityItem(`${parent}/stakeholder:${index}`, 'stakeholder', stakeholderLabel(s), s);
    const influence = s.influence && `${inline(LABELS.influence, locale)}${colon(locale)}${labelOf(INFLUENCE_LABELS, s.influence, locale)}`;
    const stance = labelOf(STANCE_LABELS, s.stance, locale);
    return annotate(item, s.title, [s.title, stance, influence, s.owner && `↔ ${s.owner}`].filter(Boolean).join(' · '));
  }

  function goalItem(goal: Goal, index: number): OutlineItem {
    const checks = smartStatus(goal, findings);
    const id = `goal:${index}`;
    const item = entityItem(id, 'goal', goal.statement?.trim() || goal.id || '?', goal);
    annotate(item, smartSummary(checks), [goal.id, goal.deadline, goal.owner].filter(Boolean).join(' · '));
    item.smart = Object.fromEntries(checks.map((c) => [c.letter, c.pass])) as Record<SmartLetter, boolean>;
    item.children = checks.map((c) => {
      const first = c.findings[0];
      const label = `${c.letter} · ${SMART_RULES[c.letter].label[locale]}`;
      const letter = leaf(`${id}/${c.letter}`, 'smart', label, markOf(c.findings), first?.span ?? goal.span, first?.span ?? itemAnchor(goal));
      return annotate(letter, first ? first.message : '✓');
    });
    return item;
  }

  function actionItem(action: Action, index: number): OutlineItem {
    const item = entityItem(`action:${index}`, 'action', action.what?.trim() || action.id || '?', action);
    const budget = action.budget === undefined ? undefined : String(action.budget);
    const status = action.status && action.status !== 'planned' ? labelOf(ACTION_STATUS_LABELS, action.status, locale) : undefined;
    const description = [action.when, action.who, budget, status].filter(Boolean).join(' · ');
    return annotate(item, description, [action.id, action.where].filter(Boolean).join(' · '));
  }

  /** An item for a list entry: marked by the findings inside it, selecting its id. */
  function entityItem(id: string, kind: OutlineKind, label: string, entity: Entity): OutlineItem {
    return leaf(id, kind, label, markOf(findingsIn(findings, entity.span)), entity.span, itemAnchor(entity));
  }
}

function leaf(id: string, kind: OutlineKind, label: string, mark: Mark, range: Span, selection: Span): OutlineItem {
  return { id, kind, label, mark, range, selection, children: [] };
}

/** Sets an item's secondary texts, leaving empty ones out so the JSON holds no undefined. */
function annotate(item: OutlineItem, description: string | undefined, tooltip?: string): OutlineItem {
  if (description) item.description = description;
  if (tooltip) item.tooltip = tooltip;
  return item;
}

function worstOf(items: readonly OutlineItem[]): Mark {
  return items.reduce<Mark>((mark, item) => worse(mark, item.mark), 'ok');
}
