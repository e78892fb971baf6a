import type { Rule } from '../engine/rule';
import { annualChange, holds, neededRelation } from '../engine/smart';
import { quantityValue } from '../engine/values';

/** 1.46 → `146%`; a deadline days away can ask for absurd rates, capped so the message stays readable. */
function percent(change: number): string {
  return change >= 100 ? '> 10000%' : `${Number((change * 100).toPrecision(3))}%`;
}

/**
 * SMART's A: the target moves the way the goal's direction says, and no faster per year than
 * `goals.maxAnnualChange` allows (1 = doubling). Goals without numbers are KAM302's.
 */
export const kam303: Rule = {
  code: 'KAM303',
  name: 'goal-not-achievable',
  severity: 'warning',
  stage: 'goals',
  reads: ['goals'],
  description: {
    en: "Each goal's target moves in its direction, at a pace that can be achieved.",
    'zh-cn': '每个目标的目标值应与其质量的目标一致，且变化速度可以实现。',
  },
  messages: {
    default: {
      en: 'The goal does not look achievable: check its target against its direction, baseline and deadline.',
      'zh-cn': '目标看起来无法实现：请对照质量的目标、现状值与截止日期检查目标值。',
    },
    againstDirection: {
      en: 'The target {target} moves against the direction `{direction}`, which needs target {relation} baseline ({baseline}).',
      'zh-cn': '目标值 {target} 与质量的目标 `{direction}` 相悖：它要求目标值 {relation} 现状值（{baseline}）。',
    },
    tooFast: {
      en: 'Reaching the target by the deadline needs {needed} change a year, beyond the limit of {limit} a year: lower the target, move the deadline, or raise `goals.maxAnnualChange`.',
      'zh-cn': '要在截止日期前达到目标，每年需变化 {needed}，超过每年 {limit} 的上限：请降低目标值、推迟截止日期，或调高 `goals.maxAnnualChange`。',
    },
  },
  check({ plan, today, maxAnnualChange, report }) {
    for (const goal of plan.goals) {
      const baseline = quantityValue(goal.baseline);
      const target = quantityValue(goal.target);
      const targetField = goal.fields.get('target');
      if (baseline === undefined || target === undefined || !targetField) continue;
      const span = targetField.value;
      const relation = neededRelation(goal.direction);
      if (relation && !holds(target, relation, baseline)) {
        report({
          span,
          messageId: 'againstDirection',
          args: { target: String(goal.target), baseline: String(goal.baseline), direction: goal.direction ?? '', relation },
          data: { relation },
        });
      }
      const change = annualChange(baseline, target, today, goal.deadline);
      if (change !== undefined && change > maxAnnualChange) {
        report({
          span,
          messageId: 'tooFast',
          args: { needed: percent(change), limit: percent(maxAnnualChange) },
          data: { annualChange: change, limit: maxAnnualChange },
        });
      }
    }
  },
};
