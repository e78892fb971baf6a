import { engagedIds, isEngaged } from '../engine/engagement';
import type { Role } from '../engine/roles';
import type { Rule } from '../engine/rule';
import { whoAll } from './who';

/** The roles each contract stage turns on (合约循环); the decision maker matters at every stage (KAM205). */
export const STAGE_ROLES: Readonly<Record<string, readonly Role[]>> = {
  proposal: ['guide', 'proposer'],
  negotiation: ['constrainer', 'influencer'],
  execution: ['implementer'],
};

/**
 * The account is at a contract stage whose key role someone holds, yet no live action is with any
 * holder. A role nobody holds is KAM201's finding, not this one.
 */
export const kam208: Rule = {
  code: 'KAM208',
  name: 'stage-role-not-engaged',
  severity: 'warning',
  stage: 'actions',
  reads: ['account', 'diagnosis', 'actions'],
  description: {
    en: "The roles the current contract stage needs are engaged: the guide and proposer in proposal, the constrainer and influencer in negotiation, the implementer in execution.",
    'zh-cn': '当前合约阶段所需的角色都有行动接触：提案阶段的指导者和提议者，谈判阶段的条件限制者和影响者，执行阶段的执行者。',
  },
  messages: {
    default: {
      en: 'The account is at the `{stage}` stage, yet no planned or done action is with the {role} ({who}).',
      'zh-cn': '客户处于 `{stage}` 阶段，但没有任何计划中或已完成的行动与 {role}（{who}）接触。',
    },
    guide: {
      en: 'At the proposal stage no planned or done action is with the guide ({who}): meet them one to one — they want you to win and know how the decision will be made.',
      'zh-cn': '提案阶段没有任何计划中或已完成的行动与指导者（{who}）接触：请与其单独会面——他们希望你赢，也知道决定将如何做出。',
    },
    proposer: {
      en: 'At the proposal stage no planned or done action is with the proposer ({who}): the decision maker asks their advice — bring them your evidence before they recommend.',
      'zh-cn': '提案阶段没有任何计划中或已完成的行动与提议者（{who}）接触：决策者会征求他们的意见——请在他们提出建议之前把你的依据交给他们。',
    },
    constrainer: {
      en: 'At the negotiation stage no planned or done action is with the constrainer ({who}): they set the conditions and can say no — settle price, terms and payment with them.',
      'zh-cn': '谈判阶段没有任何计划中或已完成的行动与条件限制者（{who}）接触：他们设定条件、能够说“不”——请与他们商定价格、条款和付款方式。',
    },
    influencer: {
      en: 'At the negotiation stage no planned or done action is with the influencer ({who}): they sway the others — keep them on side while the terms are settled.',
      'zh-cn': '谈判阶段没有任何计划中或已完成的行动与影响者（{who}）接触：他们左右其他人的意见——在商定条款期间要争取他们的支持。',
    },
    implementer: {
      en: 'At the execution stage no planned or done action is with the implementer ({who}): they use or run what was bought — their experience decides whether the account stays.',
      'zh-cn': '执行阶段没有任何计划中或已完成的行动与执行者（{who}）接触：他们使用或管理所采购的产品——他们的使用体验决定客户是否留下。',
    },
  },
  check({ plan, report }) {
    const field = plan.account?.fields.get('stage');
    const stage = plan.account?.stage;
    if (!field || stage === undefined || !Object.hasOwn(STAGE_ROLES, stage)) return;
    const engaged = engagedIds(plan);
    for (const role of STAGE_ROLES[stage]) {
      const holders = plan.stakeholders.filter((s) => s.roles.some((r) => r.role === role));
      if (holders.length === 0 || holders.some((s) => isEngaged(s, engaged))) continue;
      report({
        span: field.value,
        messageId: role,
        args: { stage, role, who: whoAll(holders) },
        data: { role, stakeholders: holders.map((s) => s.id).filter((id) => id !== undefined) },
      });
    }
  },
};
