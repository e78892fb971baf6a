// KAM301, KAM302, KAM304, KAM305, KAM501: a goal or an action lacks keys. The fix adds each with a
// placeholder that is valid and removes the finding, yet says plainly that it is one:
// - `metric`: guessed from the statement's words (share, price, 份额, …), else `other`; a comment asks to check it.
// - `baseline`, `target`: `0 # TODO`. A zero target the goal's direction cannot reach is KAM303's
//   finding, so a goal that must grow stays flagged until the real figures are in.
// - `deadline`: 12 months from today (a placeholder in the past or not a date would still be KAM305's).
// - `owner`, `what`, `who`: `TODO`, with the question they answer.
// - `when`: a month from today, or the goal's deadline if that comes first (KAM502 would flag a later one).
// - `budget`: `0 # TODO`.
import { itemPath } from '../../engine/format';
import type { Action, Entity, Goal, Plan } from '../../engine/model';
import { indexById } from '../../engine/plan-index';
import { keyList, type Text } from '../../engine/types';
import { daysBetween, isValidDate } from '../../engine/values';
import { missingKeys } from '../../engine/yaml-nodes';
import { text } from '../../engine/vocabulary';
import { addMonths, say, TODO, type Fix, type FixContext } from './fix';
import { putEntries } from './map-edits';
import { entry, scalar, type Entry } from './render';

export type ItemKind = 'goal' | 'action';

/** The keys a fix can give a placeholder (a statement or an id it cannot). */
const FIELDS: Record<ItemKind, readonly string[]> = {
  goal: ['metric', 'baseline', 'target', 'deadline', 'owner'],
  action: ['what', 'who', 'when', 'budget'],
};

const TITLES: Record<ItemKind, Text> = {
  goal: text('Add {keys} to the goal, to fill in', '为目标添加待填写的 {keys}'),
  action: text('Add {keys} to the action, to fill in', '为行动添加待填写的 {keys}'),
};

const NOTES = {
  metricGuessed: text('TODO check: guessed from the statement', 'TODO 请核对：根据目标陈述推断'),
  metricOther: text(
    'TODO: share, growth, contribution, revenue, volume, price or spend?',
    'TODO：占有率、成长率、贡献度、收入、数量、定价还是花费支出？',
  ),
  baseline: text('TODO: where we are today', 'TODO：现状值'),
  target: text('TODO: the value to reach', 'TODO：要达到的值'),
  deadline: text('TODO check: 12 months from today', 'TODO 请核对：默认为 12 个月后'),
  owner: text('who on our team answers for this goal?', '我们团队中由谁对此目标负责？'),
  what: text('what is done, with whom, where?', '做什么？与谁、在哪里？'),
  who: text('who on our side does it?', '我方由谁来做？'),
  when: text('TODO check: the date it is done', 'TODO 请核对：执行日期'),
  budget: text('TODO: how much it costs', 'TODO：花费多少'),
} satisfies Record<string, Text>;

/** The metric a statement names, by the first pattern that matches: the more specific measures first. */
const METRIC_WORDS: readonly [string, RegExp][] = [
  ['share', /\bshare\b|份额|占有率|占比/i],
  ['contribution', /\bcontribution\b|\bmargins?\b|\bprofits?\b|贡献|利润|毛利/i],
  ['price', /\bpric(?:e|es|ing)\b|\bdiscounts?\b|价格|折扣/i],
  ['volume', /\bvolumes?\b|\bunits?\b|\bdoses?\b|\bprescri|\blist(?:ed|ing)?\b|用量|销量|数量|处方|进院/i],
  ['revenue', /\brevenues?\b|\bsales\b|\bturnover\b|收入|营收|销售额/i],
  ['spend', /\bspend(?:ing)?\b|\bspent\b|支出|花费/i],
  ['growth', /\bgrow(?:s|th|ing)?\b|增长/i],
];

export function guessMetric(statement: string | undefined): string {
  return METRIC_WORDS.find(([, words]) => words.test(statement ?? ''))?.[0] ?? 'other';
}

/** The goal or action whose map holds an offset (a finding stands on its id or first key). */
export function itemAt(plan: Plan, kind: ItemKind, offset: number): Goal | Action | undefined {
  const items: readonly Entity[] = kind === 'goal' ? plan.goals : plan.actions;
  return items.find((e) => e.span.start <= offset && offset < e.span.end) as Goal | Action | undefined;
}

/** The keys of `keys` a fix can add to the item that it still lacks. */
export function fixableKeys(kind: ItemKind, item: Entity, keys: readonly string[]): string[] {
  return missingKeys(item, FIELDS[kind].filter((k) => keys.includes(k)));
}

export function fieldsFix(ctx: FixContext, kind: ItemKind, item: Goal | Action, keys: readonly string[]): Fix | undefined {
  const wanted = fixableKeys(kind, item, keys);
  if (wanted.length === 0) return undefined;
  const edits = putEntries(ctx, { entity: item, path: itemPath(kind === 'goal' ? 'goals' : 'actions') }, wanted.map((k) => placeholder(ctx, item, k)));
  return edits && { title: say(ctx, TITLES[kind], { keys: keyList(wanted) }), edits, isPreferred: true };
}

function placeholder(ctx: FixContext, item: Goal | Action, key: string): Entry {
  const note = (k: keyof typeof NOTES) => say(ctx, NOTES[k]);
  switch (key) {
    case 'metric': {
      const metric = guessMetric((item as Goal).statement);
      return entry(key, scalar(metric), note(metric === 'other' ? 'metricOther' : 'metricGuessed'));
    }
    case 'deadline':
      return entry(key, scalar(addMonths(ctx.today, 12)), note('deadline'));
    case 'when':
      return entry(key, scalar(actionDate(ctx, item as Action)), note('when'));
    case 'baseline':
    case 'target':
    case 'budget':
      return entry(key, scalar('0'), note(key));
    default:
      return entry(key, scalar(TODO), note(key as 'owner' | 'what' | 'who'));
  }
}

/** A month from today, or the deadline of the action's goal when that is sooner and still ahead. */
function actionDate(ctx: FixContext, action: Action): string {
  const soon = addMonths(ctx.today, 1);
  const deadline = action.goal === undefined ? undefined : indexById(ctx.plan.goals).get(action.goal)?.deadline;
  return isValidDate(deadline) && daysBetween(ctx.today, deadline) >= 0 && daysBetween(deadline, soon) > 0 ? deadline : soon;
}
