// Who the plan is working with, defined once for the rules, hover, the map and the report.
// A live action is one still in the plan: `status` planned, done or absent (absent means planned);
// `cancelled` is not. A value that is no status at all is KAM002's finding and reads as absent, so a
// typo (`planed`) does not hide the action from the other rules. Engaged means named in the `with`
// of a live action. How long since we last spoke is read here too.
import type { Action, Plan, Stakeholder } from './model';
import { daysBetween, isValidDate } from './values';

/** `relationships.staleAfterDays`'s default: a quarter without contact. */
export const DEFAULT_STALE_AFTER_DAYS = 90;

export function isLive(action: Action): boolean {
  return action.status !== 'cancelled';
}

// Several rules ask for these per check: each is found once per list of actions (a plan's lists never
// change, and a version whose edit left the actions alone has the same list: engine/model-read.ts).
const live = new WeakMap<readonly Action[], readonly Action[]>();
const engaged = new WeakMap<readonly Action[], ReadonlySet<string>>();

/** The actions still in the plan, in source order. */
export function liveActions(plan: Plan): readonly Action[] {
  let found = live.get(plan.actions);
  if (!found) live.set(plan.actions, (found = plan.actions.filter(isLive)));
  return found;
}

/** The ids of the stakeholders some live action is `with`. */
export function engagedIds(plan: Plan): ReadonlySet<string> {
  let found = engaged.get(plan.actions);
  if (found) return found;
  const ids = new Set<string>();
  for (const action of liveActions(plan)) for (const ref of action.with) ids.add(ref.value);
  engaged.set(plan.actions, ids);
  return ids;
}

/** Whether a stakeholder is named in the `with` of a live action (one without an id cannot be). */
export function isEngaged(stakeholder: Stakeholder, engaged: ReadonlySet<string>): boolean {
  return stakeholder.id !== undefined && engaged.has(stakeholder.id);
}

/** A relationship the plan must keep warm: the person decides, or has high influence. */
export function isKeyRelationship(stakeholder: Stakeholder): boolean {
  return stakeholder.influence === 'high' || stakeholder.roles.some((r) => r.role === 'decision-maker');
}

/** Whole days from the stakeholder's `last_contact` to today; undefined without a valid date. */
export function daysSinceContact(stakeholder: Stakeholder, today: string): number | undefined {
  const last = stakeholder.last_contact;
  return isValidDate(last) && isValidDate(today) ? daysBetween(last, today) : undefined;
}

/** KAM207's test: a key relationship last contacted more than `staleAfterDays` days before today. */
export function isStale(stakeholder: Stakeholder, today: string, staleAfterDays: number): boolean {
  const days = daysSinceContact(stakeholder, today);
  return isKeyRelationship(stakeholder) && days !== undefined && days > staleAfterDays;
}

/** KAM209's test: high-influence opposition (opponent or skeptic) no live action is with. */
export function isUnmanagedOpposition(stakeholder: Stakeholder, engaged: ReadonlySet<string>): boolean {
  const opposed = stakeholder.stance === 'opponent' || stakeholder.stance === 'skeptic';
  return opposed && stakeholder.influence === 'high' && !isEngaged(stakeholder, engaged);
}
