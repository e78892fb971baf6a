import type { Rule } from '../engine/rule';
import { itemAnchor } from '../engine/spans';
import { missingKeys } from '../engine/yaml-nodes';

/** Feedback closes the cycle only when we tell the account what we did with what they said. */
export const kam602: Rule = {
  code: 'KAM602',
  name: 'feedback-unanswered',
  severity: 'info',
  stage: 'feedback',
  reads: ['feedback'],
  description: {
    en: 'Each feedback entry records what we told the account back.',
    'zh-cn': '每条反馈都应记录我们给客户的回复。',
  },
  messages: {
    default: {
      en: 'The feedback has no `response`: tell them back what we did with it, so they know their views count.',
      'zh-cn': '这条反馈没有 `response`（回复）：告诉客户我们据此做了什么，让他们知道自己的意见受到重视。',
    },
  },
  check({ plan, report }) {
    for (const entry of plan.feedback) {
      if (missingKeys(entry, ['response']).length > 0) report({ span: itemAnchor(entry), data: { missing: ['response'] } });
    }
  },
};
