import type { Rule } from '../engine/rule';
import { daysBetween, isValidDate } from '../engine/values';
import { isEmptyValue } from '../engine/yaml-nodes';

/** A control whose check date has come and gone with nothing recorded: the plan is not being measured. */
export const kam604: Rule = {
  code: 'KAM604',
  name: 'control-overdue',
  severity: 'warning',
  stage: 'controls',
  reads: ['controls'],
  description: {
    en: 'Every control whose check date is past records a status.',
    'zh-cn': '检查日期已过的控制项都应记录状态。',
  },
  messages: {
    default: {
      en: 'The check due on {date} is past and its `status` is empty: measure it and record where the goal stands — on track, behind, or met.',
      'zh-cn': '原定于 {date} 的检查已过期，但 `status` 为空：请进行衡量并记录目标的进展——按计划、落后还是已达成。',
    },
  },
  check({ plan, today, report }) {
    for (const control of plan.controls) {
      const field = control.fields.get('check');
      const date = control.check;
      if (!field || !isValidDate(date) || daysBetween(today, date) >= 0) continue;
      if (!isEmptyValue(control.fields.get('status')?.node)) continue;
      report({ span: field.value, args: { date }, data: { goal: control.goal } });
    }
  },
};
