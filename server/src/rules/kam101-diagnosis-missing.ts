import type { Rule } from '../engine/rule';
import { checkSectionPresent } from './section-missing';

/** No `diagnosis` (absent or empty): the plan skips the cycle's first question, "where are we now, and why?". */
export const kam101: Rule = {
  code: 'KAM101',
  name: 'diagnosis-missing',
  severity: 'error',
  stage: 'diagnosis',
  reads: ['diagnosis'],
  description: {
    en: 'A plan starts with a diagnosis of the account.',
    'zh-cn': '计划应从客户诊断开始。',
  },
  messages: {
    default: {
      en: 'The plan has no `diagnosis`: where are we now with this account, and why?',
      'zh-cn': '计划缺少 `diagnosis`（诊断）：我们与该客户现在处于什么位置？为什么？',
    },
  },
  check: checkSectionPresent('diagnosis'),
};
