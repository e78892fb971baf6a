import { liveActions } from '../engine/engagement';
import { reportsPerEntry } from '../engine/entry-findings';
import type { Report, Rule } from '../engine/rule';
import { itemAnchor } from '../engine/spans';
import { keyList } from '../engine/types';
import { missingKeys } from '../engine/yaml-nodes';

const REQUIRED = ['what', 'who', 'when', 'budget'];

/** Each action's finding, kept while the action stays. */
const PER_ACTION = reportsPerEntry();

/** An action says what is done, who does it, when, and for how much. A cancelled action needs none of it. */
/** For the fix: the action's keys to add. */
export type Kam501Data = { missing: string[] };

export const kam501: Rule<Kam501Data> = {
  code: 'KAM501',
  name: 'action-incomplete',
  severity: 'warning',
  stage: 'actions',
  reads: ['actions'],
  description: {
    en: 'Each action says what, who, when and for how much.',
    'zh-cn': '每项行动都应写明做什么、谁来做、何时做、花多少。',
  },
  messages: {
    default: {
      en: 'The action lacks {keys}: who does what, when, and for how much?',
      'zh-cn': '行动缺少 {keys}：谁、做什么、何时、花多少？',
    },
  },
  check({ plan, report }) {
    for (const action of liveActions(plan)) {
      PER_ACTION(action, [], report as (r: Report) => void, (report) => {
        const missing = missingKeys(action, REQUIRED);
        if (missing.length > 0) report({ span: itemAnchor(action), args: { keys: keyList(missing) }, data: { missing } });
      });
    }
  },
};
