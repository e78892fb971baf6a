import { isSeq } from 'yaml';
import type { Rule } from '../engine/rule';
import { itemSpan } from '../engine/spans';

/**
 * Once the drivers carry ids, each goal says which of the customer's business drivers it answers:
 * a goal tied to none serves our numbers, not the customer's competitiveness.
 */
/** The goal, the plan's driver ids, and whether the goal has its `drivers` list already (then the fix is completion's). */
export type Kam801Data = { goal?: string; drivers: string[]; listed: boolean };

export const kam801: Rule<Kam801Data> = {
  code: 'KAM801',
  name: 'goal-not-grounded',
  severity: 'info',
  stage: 'goals',
  reads: ['diagnosis', 'goals'],
  description: {
    en: "Each goal names, in `drivers`, the customer's business drivers it answers (once drivers have ids).",
    'zh-cn': '每个目标都应在 `drivers` 中注明它回应的客户业务驱动因素（当驱动因素有 id 时）。',
  },
  messages: {
    default: {
      en: "The goal lists no business driver in `drivers`: which of the customer's drivers does it answer? A goal grounded in none serves our numbers, not the customer.",
      'zh-cn': '目标的 `drivers` 中没有列出任何业务驱动因素：它回应客户的哪个驱动因素？不以任何驱动因素为依据的目标只服务于我们的数字，而不是客户。',
    },
  },
  check({ plan, report }) {
    const drivers = plan.drivers.map((d) => d.id).filter((id): id is string => id !== undefined);
    if (drivers.length === 0) return;
    for (const goal of plan.goals) {
      if (goal.drivers.length > 0) continue;
      report({ span: itemSpan(plan, goal), data: { goal: goal.id, drivers, listed: isSeq(goal.fields.get('drivers')?.node) } });
    }
  },
};
