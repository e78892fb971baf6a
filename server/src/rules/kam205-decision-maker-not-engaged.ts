import { engagedIds, isEngaged } from '../engine/engagement';
import type { Rule } from '../engine/rule';
import { whoAll } from './who';

/**
 * Sell to the top: the plan knows who decides, yet no planned or done action meets them. Calling only
 * on second-level people dilutes the effort.
 */
export const kam205: Rule = {
  code: 'KAM205',
  name: 'decision-maker-not-engaged',
  severity: 'warning',
  stage: 'actions',
  reads: ['diagnosis', 'actions'],
  description: {
    en: 'Some planned or done action is with a decision maker (sell to the top).',
    'zh-cn': '至少有一项计划中或已完成的行动与最高阶决策者接触（向高层销售）。',
  },
  messages: {
    default: {
      en: 'No planned or done action is with a decision maker ({who}): sell to the top — plan to meet the person who makes the final call and holds the budget.',
      'zh-cn': '没有任何计划中或已完成的行动与最高阶决策者（{who}）接触：要向高层销售——安排与做最终决定、掌握预算的人会面。',
    },
  },
  check({ plan, report }) {
    const deciders = plan.stakeholders.filter((s) => s.roles.some((r) => r.role === 'decision-maker'));
    if (deciders.length === 0) return; // KAM201 asks who decides
    const engaged = engagedIds(plan);
    if (deciders.some((s) => isEngaged(s, engaged))) return;
    const firstRole = deciders[0].roles.find((r) => r.role === 'decision-maker')!;
    report({
      span: plan.root?.fields.get('actions')?.key ?? firstRole.span,
      args: { who: whoAll(deciders) },
      data: { stakeholders: deciders.map((s) => s.id).filter((id) => id !== undefined) },
    });
  },
};
