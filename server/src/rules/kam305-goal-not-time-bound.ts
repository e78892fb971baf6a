import type { Rule } from '../engine/rule';
import { itemAnchor } from '../engine/spans';
import { daysBetween, isValidDate } from '../engine/values';
import { isEmptyValue } from '../engine/yaml-nodes';

/** SMART's T: a goal has a deadline, a real date, still ahead of us. */
/** For the fix: the goal's keys to add (a deadline). */
export type Kam305Data = { missing?: string[] };

export const kam305: Rule<Kam305Data> = {
  code: 'KAM305',
  name: 'goal-not-time-bound',
  severity: 'warning',
  stage: 'goals',
  reads: ['goals'],
  description: {
    en: 'Each goal has a valid deadline that is not past.',
    'zh-cn': '每个目标都应有一个有效且尚未过去的截止日期。',
  },
  messages: {
    default: {
      en: 'The goal is not time-bound: give it a future `deadline` (YYYY-MM-DD).',
      'zh-cn': '目标没有时限：请给出一个未来的 `deadline`（截止日期，YYYY-MM-DD）。',
    },
    missing: {
      en: 'The goal has no `deadline`: by when must it be reached (YYYY-MM-DD)?',
      'zh-cn': '目标缺少 `deadline`（截止日期）：必须在何时之前达成（YYYY-MM-DD）？',
    },
    invalid: {
      en: '`{deadline}` is not a valid date: write the deadline as YYYY-MM-DD.',
      'zh-cn': '`{deadline}` 不是有效日期：截止日期请写成 YYYY-MM-DD。',
    },
    past: {
      en: 'The deadline {deadline} has passed: record the result and set a new goal or a new deadline.',
      'zh-cn': '截止日期 {deadline} 已过：请记录结果，并设定新的目标或新的截止日期。',
    },
  },
  check({ plan, today, report }) {
    for (const goal of plan.goals) {
      const field = goal.fields.get('deadline');
      if (!field || isEmptyValue(field.node)) {
        report({ span: itemAnchor(goal), messageId: 'missing', data: { missing: ['deadline'] } });
      } else if (!isValidDate(goal.deadline)) {
        report({ span: field.value, messageId: 'invalid', args: { deadline: plan.text.slice(field.value.start, field.value.end) } });
      } else if (daysBetween(today, goal.deadline) < 0) {
        report({ span: field.value, messageId: 'past', args: { deadline: goal.deadline } });
      }
    }
  },
};
