import { engagedIds, isEngaged } from '../engine/engagement';
import type { Rule } from '../engine/rule';
import { who } from './who';

/** A gatekeeper (关卡者) no live action involves: the method says keep them in the loop, never left out. */
export const kam206: Rule = {
  code: 'KAM206',
  name: 'gatekeeper-left-out',
  severity: 'info',
  stage: 'actions',
  reads: ['diagnosis', 'actions'],
  description: {
    en: 'Every gatekeeper takes part in some planned or done action.',
    'zh-cn': '每位关卡者都应参与至少一项计划中或已完成的行动。',
  },
  messages: {
    default: {
      en: 'Gatekeeper `{who}` takes part in no planned or done action: keep the gatekeeper in the loop — never left out, forgotten or threatened.',
      'zh-cn': '关卡者 `{who}` 未参与任何计划中或已完成的行动：让关卡者始终知情——绝不能被排除在外、遗忘或受到威胁。',
    },
  },
  check({ plan, report }) {
    const engaged = engagedIds(plan);
    for (const s of plan.stakeholders) {
      const key = s.fields.get('gatekeeper')?.key;
      if (!s.gatekeeper || !key || isEngaged(s, engaged)) continue;
      report({ span: key, args: { who: who(s) }, data: { stakeholder: s.id } });
    }
  },
};
