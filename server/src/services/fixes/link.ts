// KAM503 and KAM801: an action names no goal, a goal names no driver. Which one is the account
// manager's call, so nothing here is preferred (fix-all leaves them): KAM503 offers one fix per goal
// of the plan; KAM801 adds an empty `drivers: []` for completion to fill with the plan's driver ids.
import { isSeq } from 'yaml';
import type { Action, Goal } from '../../engine/model';
import type { Text } from '../../engine/types';
import { say, type Fix, type FixContext } from './fix';
import { putEntries } from './map-edits';
import { entry, scalar } from './render';

const TITLES = {
  goal: { en: 'Link the action to goal `{goal}`', 'zh-cn': '把行动关联到目标 `{goal}`' },
  drivers: { en: 'Add `drivers: []` to the goal, to name the drivers it answers', 'zh-cn': '为目标添加 `drivers: []`，以填写它回应的驱动因素' },
} satisfies Record<string, Text>;

/** One fix per goal id of the plan (each once, in order), each setting the action's `goal`. */
export function goalLinkFixes(ctx: FixContext, action: Action): Fix[] {
  const ids = [...new Set(ctx.plan.goals.map((g) => g.id).filter((id): id is string => id !== undefined && /^[A-Za-z][\w-]*$/.test(id)))];
  const fixes: Fix[] = [];
  for (const goal of ids) {
    const edits = putEntries(ctx, { entity: action, path: ['actions', 0] }, [entry('goal', scalar(goal))]);
    if (edits) fixes.push({ title: say(ctx, TITLES.goal, { goal }), edits, isPreferred: false });
  }
  return fixes;
}

/** `drivers: []` on a goal that has no `drivers` key, or one left empty. */
export function driversFix(ctx: FixContext, goal: Goal): Fix | undefined {
  if (isSeq(goal.fields.get('drivers')?.node)) return undefined; // the list is there: completion fills it
  const edits = putEntries(ctx, { entity: goal, path: ['goals', 0] }, [entry('drivers', scalar('[]'))]);
  return edits && { title: say(ctx, TITLES.drivers), edits, isPreferred: false };
}
