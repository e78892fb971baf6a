import type { Rule } from '../engine/rule';
import { checkSectionPresent } from './section-missing';

/** No `goals` (absent or empty): "without a goal we work twice as hard". */
export const kam300: Rule = {
  code: 'KAM300',
  name: 'goals-missing',
  severity: 'warning',
  stage: 'goals',
  reads: ['goals'],
  description: {
    en: 'A plan sets goals for the account.',
    'zh-cn': '计划应为客户设定目标。',
  },
  messages: {
    default: {
      en: 'The plan has no `goals`: where do we want to go with this account? Without a goal we work twice as hard.',
      'zh-cn': '计划缺少 `goals`（目标）：我们希望与该客户走到哪里？没有目标，事倍功半。',
    },
  },
  check: checkSectionPresent('goals'),
};
