import { liveActions } from '../engine/engagement';
import { indexById } from '../engine/plan-index';
import { reportsPerEntry } from '../engine/entry-findings';
import type { Report, Rule } from '../engine/rule';
import { daysBetween, isValidDate } from '../engine/values';

/** An action planned after its goal's deadline cannot help reach it. Unknown goal ids are KAM203's. */
/** Each action's finding, kept while the action and the goals stay. */
const PER_ACTION = reportsPerEntry();

export const kam502: Rule = {
  code: 'KAM502',
  name: 'action-after-deadline',
  severity: 'warning',
  stage: 'actions',
  reads: ['goals', 'actions'],
  description: {
    en: "No action is planned after its goal's deadline.",
    'zh-cn': '行动的日期不应晚于其目标的截止日期。',
  },
  messages: {
    default: {
      en: 'The action is planned for {when}, after the deadline of goal `{goal}` ({deadline}): bring it forward or move it to another goal.',
      'zh-cn': '行动安排在 {when}，晚于目标 `{goal}` 的截止日期（{deadline}）：请提前，或将它归入其他目标。',
    },
  },
  check({ plan, report }) {
    const goals = indexById(plan.goals);
    for (const action of liveActions(plan)) {
      PER_ACTION(action, [plan.goals], report as (r: Report) => void, (report) => {
        const goal = action.goal === undefined ? undefined : goals.get(action.goal);
        const when = action.fields.get('when');
        if (!goal?.id || !when || !isValidDate(action.when) || !isValidDate(goal.deadline)) return;
        if (daysBetween(goal.deadline, action.when) > 0) {
          report({
            span: when.value,
            args: { when: action.when, goal: goal.id, deadline: goal.deadline },
            data: { goal: goal.id, deadline: goal.deadline },
          });
        }
      });
    }
  },
};
