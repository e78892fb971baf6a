import { liveActions } from '../engine/engagement';
import { reportsPerEntry } from '../engine/entry-findings';
import type { Report, Rule } from '../engine/rule';
import { itemSpan } from '../engine/spans';
import { isEmptyValue } from '../engine/yaml-nodes';

/** A live action that serves no goal: effort the plan cannot trace to where it wants to go. */
/** The action, and the plan's goal ids: one fix per goal. */
export type Kam503Data = { action?: string; goals: string[] };

/** Each action's finding, kept while the action and the goals stay. */
const PER_ACTION = reportsPerEntry();

export const kam503: Rule<Kam503Data> = {
  code: 'KAM503',
  name: 'action-without-goal',
  severity: 'info',
  stage: 'actions',
  reads: ['goals', 'actions'],
  description: {
    en: 'Each planned or done action names the goal it serves.',
    'zh-cn': '每项计划中或已完成的行动都应注明它服务的目标。',
  },
  messages: {
    default: {
      en: 'The action has no `goal`: which goal does it serve? Link it to one — or ask whether the plan needs it.',
      'zh-cn': '行动缺少 `goal`：它服务于哪个目标？请关联一个目标——或想一想计划是否需要这项行动。',
    },
  },
  check({ plan, report }) {
    const goals = plan.goals.map((g) => g.id).filter((id): id is string => id !== undefined);
    for (const action of liveActions(plan)) {
      PER_ACTION(action, [plan.goals], report as (r: Report) => void, (report) => {
        if (isEmptyValue(action.fields.get('goal')?.node)) report({ span: itemSpan(plan, action), data: { action: action.id, goals } });
      });
    }
  },
};
