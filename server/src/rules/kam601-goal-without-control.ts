import type { Rule } from '../engine/rule';
import { itemAnchor } from '../engine/spans';

/** Control: progress against each goal is measured on a set date, written into the plan, not hoped for. */
export const kam601: Rule = {
  code: 'KAM601',
  name: 'goal-without-control',
  severity: 'info',
  stage: 'controls',
  reads: ['goals', 'controls'],
  description: {
    en: 'Each goal has a control entry that measures progress against it.',
    'zh-cn': '每个目标都应有衡量其进展的控制项。',
  },
  messages: {
    default: {
      en: 'No control measures goal `{goal}`: add a `controls` entry with `goal: {goal}`, a measure and a check date.',
      'zh-cn': '没有控制项衡量目标 `{goal}`：请在 `controls` 中添加 `goal: {goal}`，并写明衡量方法与检查日期。',
    },
  },
  check({ plan, report }) {
    const controlled = new Set(plan.controls.map((c) => c.goal));
    for (const goal of plan.goals) {
      if (goal.id !== undefined && !controlled.has(goal.id)) {
        report({ span: itemAnchor(goal), args: { goal: goal.id }, data: { goal: goal.id } });
      }
    }
  },
};
