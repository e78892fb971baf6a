import type { Rule } from '../engine/rule';
import { isVagueStatement } from '../engine/smart';
import { itemAnchor } from '../engine/spans';
import { isEmptyValue, missingKeys } from '../engine/yaml-nodes';

/**
 * SMART's S: a goal names what is measured (`metric`) and says in words what changes. A missing
 * statement and a vague one get the same message; the heuristic is in engine/smart.ts.
 */
/** For the fix: the goal's keys to add. */
export type Kam301Data = { missing: string[] };

export const kam301: Rule<Kam301Data> = {
  code: 'KAM301',
  name: 'goal-not-specific',
  severity: 'warning',
  stage: 'goals',
  reads: ['goals'],
  description: {
    en: 'Each goal names its metric and says specifically what changes.',
    'zh-cn': '每个目标都应注明衡量指标，并具体说明要改变什么。',
  },
  messages: {
    default: {
      en: 'The goal is not specific: name what is measured and what changes.',
      'zh-cn': '目标不够具体：请注明衡量什么、改变什么。',
    },
    noMetric: {
      en: 'The goal has no `metric`: what is measured — share, growth, contribution, revenue, volume, price or spend?',
      'zh-cn': '目标缺少 `metric`（数量的目标）：衡量的是占有率、成长率、贡献度、收入、数量、定价还是花费支出？',
    },
    vague: {
      en: 'The goal does not say specifically what changes: state what is measured and by how much, e.g. "Raise our share of cardiology spend from 22% to 28%".',
      'zh-cn': '目标没有具体说明要改变什么：请写明衡量什么、改变多少，例如“将我们在心内科用药中的份额从 22% 提高到 28%”。',
    },
  },
  check({ plan, report }) {
    for (const goal of plan.goals) {
      if (missingKeys(goal, ['metric']).length > 0) {
        report({ span: itemAnchor(goal), messageId: 'noMetric', data: { missing: ['metric'] } });
      }
      const statement = goal.fields.get('statement');
      if (!statement || isEmptyValue(statement.node)) {
        report({ span: itemAnchor(goal), messageId: 'vague', data: { missing: ['statement'] } });
      } else if (isVagueStatement(goal.statement ?? '')) {
        report({ span: statement.value, messageId: 'vague' });
      }
    }
  },
};
