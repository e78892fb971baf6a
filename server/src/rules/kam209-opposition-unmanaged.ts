import { engagedIds, isUnmanagedOpposition } from '../engine/engagement';
import type { Rule } from '../engine/rule';
import { itemSpan } from '../engine/spans';
import { who } from './who';

/** Someone with high influence is against us or doubts us, and the action plan never meets them. */
export const kam209: Rule = {
  code: 'KAM209',
  name: 'opposition-unmanaged',
  severity: 'warning',
  stage: 'actions',
  reads: ['diagnosis', 'actions'],
  description: {
    en: 'Every high-influence opponent or skeptic takes part in some planned or done action.',
    'zh-cn': '每位高影响力的反对者或怀疑者都应参与至少一项计划中或已完成的行动。',
  },
  messages: {
    default: {
      en: '`{who}` has high influence and is against us, yet no planned or done action is with them: plan how to meet them, hear the objection and answer it.',
      'zh-cn': '`{who}` 影响力高且不支持我们，但没有任何计划中或已完成的行动与其接触：请安排与其会面，听取异议并作出回应。',
    },
    opponent: {
      en: '`{who}` opposes us and has high influence, yet no planned or done action is with them: plan how to meet them, hear the objection and answer it — opposition left alone decides against you.',
      'zh-cn': '`{who}` 反对我们且影响力高，但没有任何计划中或已完成的行动与其接触：请安排与其会面，听取异议并作出回应——置之不理的反对会让决定对你不利。',
    },
    skeptic: {
      en: '`{who}` doubts us and has high influence, yet no planned or done action is with them: plan a meeting to hear the doubts and answer them with evidence.',
      'zh-cn': '`{who}` 对我们存疑且影响力高，但没有任何计划中或已完成的行动与其接触：请安排会面，听取疑虑并用事实回应。',
    },
  },
  check({ plan, report }) {
    const engaged = engagedIds(plan);
    for (const s of plan.stakeholders) {
      if (!isUnmanagedOpposition(s, engaged)) continue;
      report({ span: itemSpan(plan, s), messageId: s.stance, args: { who: who(s) }, data: { stakeholder: s.id } });
    }
  },
};
