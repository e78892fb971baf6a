import type { Rule } from '../engine/rule';
import { daysBetween, isValidDate } from '../engine/values';

/** The plan is a living document: a review date already past means nobody has looked at it since. */
export const kam603: Rule = {
  code: 'KAM603',
  name: 'review-overdue',
  severity: 'warning',
  stage: 'account',
  reads: ['account'],
  description: {
    en: "The account's next review date is not past.",
    'zh-cn': '客户计划的下次回顾日期不应已过。',
  },
  messages: {
    default: {
      en: 'The review planned for {date} is overdue: review the plan with the team, then set `next_review` to the next date.',
      'zh-cn': '原定于 {date} 的回顾已逾期：请与团队回顾计划，然后把 `next_review` 设为下一次回顾日期。',
    },
  },
  check({ plan, today, report }) {
    const field = plan.account?.fields.get('next_review');
    const date = plan.account?.next_review;
    if (field && isValidDate(date) && daysBetween(today, date) < 0) report({ span: field.value, args: { date } });
  },
};
