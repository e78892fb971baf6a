import type { Rule } from '../engine/rule';
import { itemAnchor } from '../engine/spans';
import { keyList } from '../engine/types';
import { quantityValue } from '../engine/values';
import { isEmptyValue } from '../engine/yaml-nodes';

const QUANTITIES = ['baseline', 'target'] as const;

/** SMART's M: where we are today (`baseline`) and where we want to be (`target`), both as numbers. */
/** For the fix: the goal's keys to add, and those written that are no number. */
export type Kam302Data = { missing: string[]; notNumber: string[] };

export const kam302: Rule<Kam302Data> = {
  code: 'KAM302',
  name: 'goal-not-measurable',
  severity: 'warning',
  stage: 'goals',
  reads: ['goals'],
  description: {
    en: 'Each goal gives its baseline and target as numbers.',
    'zh-cn': '每个目标都应以数字给出现状值与目标值。',
  },
  messages: {
    default: {
      en: 'The goal is not measurable: {keys} must be a number, such as `12%` or `1,200,000` (`baseline`: where we are today; `target`: where we want to be).',
      'zh-cn': '目标不可衡量：{keys} 须为数字，如 `12%` 或 `1,200,000`（`baseline` 为现状，`target` 为要达到的值）。',
    },
  },
  check({ plan, report }) {
    for (const goal of plan.goals) {
      const missing: string[] = [];
      const notNumber: string[] = [];
      for (const key of QUANTITIES) {
        if (isEmptyValue(goal.fields.get(key)?.node)) missing.push(key);
        else if (quantityValue(goal[key]) === undefined) notNumber.push(key);
      }
      if (missing.length === 0 && notNumber.length === 0) continue;
      // A value that is there but wrong is the smallest thing to show; absent ones are shown by the goal.
      const span = notNumber.length > 0 ? goal.fields.get(notNumber[0])?.value : undefined;
      const keys = QUANTITIES.filter((k) => missing.includes(k) || notNumber.includes(k));
      report({ span: span ?? itemAnchor(goal), args: { keys: keyList(keys) }, data: { missing, notNumber } });
    }
  },
};
