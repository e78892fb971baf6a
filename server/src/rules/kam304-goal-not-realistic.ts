import { liveActions } from '../engine/engagement';
import type { Rule } from '../engine/rule';
import { itemAnchor } from '../engine/spans';
import { missingKeys } from '../engine/yaml-nodes';

/** SMART's R: someone on our team answers for the goal, and some action that is not cancelled serves it. */
/** For the fix: the goal's keys to add (an owner); or the goal no action serves. */
export type Kam304Data = { missing?: string[]; goal?: string };

export const kam304: Rule<Kam304Data> = {
  code: 'KAM304',
  name: 'goal-not-realistic',
  severity: 'warning',
  stage: 'goals',
  reads: ['goals', 'actions'],
  description: {
    en: 'Each goal has an owner and at least one action that serves it.',
    'zh-cn': '每个目标都应有负责人，并至少有一项行动为之服务。',
  },
  messages: {
    default: {
      en: 'The goal is not realistic: give it an owner and an action that serves it.',
      'zh-cn': '目标不切实际：请为它指定负责人，并安排为之服务的行动。',
    },
    noOwner: {
      en: 'The goal has no `owner`: who on our team answers for it?',
      'zh-cn': '目标缺少 `owner`（负责人）：我们团队中由谁对它负责？',
    },
    noAction: {
      en: "No action serves this goal: add one whose `goal` is this goal's id — who does what, when, for how much?",
      'zh-cn': '没有任何行动为此目标服务：请添加一项 `goal` 为此目标 id 的行动——谁、做什么、何时、花多少？',
    },
  },
  check({ plan, report }) {
    const served = new Set(liveActions(plan).map((a) => a.goal));
    for (const goal of plan.goals) {
      if (missingKeys(goal, ['owner']).length > 0) {
        report({ span: itemAnchor(goal), messageId: 'noOwner', data: { missing: ['owner'] } });
      }
      // A goal without an id cannot be named by an action, so nothing serves it either.
      if (goal.id === undefined || !served.has(goal.id)) {
        report({ span: itemAnchor(goal), messageId: 'noAction', data: { goal: goal.id } });
      }
    }
  },
};
