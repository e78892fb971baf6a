import { daysSinceContact, isStale } from '../engine/engagement';
import type { Rule } from '../engine/rule';
import { who } from './who';

/**
 * A key relationship gone quiet: someone who decides, or sways the decision, has not been contacted
 * for longer than `relationships.staleAfterDays`. Years build an account; silence loses it.
 */
export const kam207: Rule = {
  code: 'KAM207',
  name: 'relationship-stale',
  severity: 'warning',
  stage: 'diagnosis',
  reads: ['diagnosis'],
  description: {
    en: 'Decision makers and high-influence stakeholders have been contacted recently.',
    'zh-cn': '最近应与最高阶决策者和高影响力的关键人物有过联系。',
  },
  messages: {
    default: {
      en: 'The last contact with `{who}` was {days} days ago, more than the {limit} days a key relationship can wait: plan a visit — senior customers rank regular personal visits first, and say it is what sellers do worst.',
      'zh-cn': '与 `{who}` 的上次联系已是 {days} 天前，超过关键关系可等待的 {limit} 天：请安排拜访——高阶客户把定期的个人拜访列为最重视的事，也认为这是销售人员做得最差的事。',
    },
  },
  check({ plan, today, staleAfterDays, report }) {
    for (const s of plan.stakeholders) {
      const field = s.fields.get('last_contact');
      if (!field || !isStale(s, today, staleAfterDays)) continue;
      report({
        span: field.value,
        args: { who: who(s), days: daysSinceContact(s, today)!, limit: staleAfterDays },
        data: { stakeholder: s.id },
      });
    }
  },
};
