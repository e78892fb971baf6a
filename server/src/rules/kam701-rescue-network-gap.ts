import { CONTRACT_STAGES, isOneOf, RESCUE_SIDES } from '../engine/format';
import type { Rule } from '../engine/rule';
import { entityOf, isEmptyValue, missingKeys } from '../engine/yaml-nodes';

/** Selling to a key account is rarely a solo job: the current contract stage needs someone to call on. */
export const kam701: Rule = {
  code: 'KAM701',
  name: 'rescue-network-gap',
  severity: 'info',
  stage: 'rescue_network',
  reads: ['account', 'rescue_network'],
  description: {
    en: 'The rescue network names resources for the current contract stage.',
    'zh-cn': '救援网络应为当前合约阶段列出可求助的资源。',
  },
  messages: {
    default: {
      en: 'No rescue network for the current stage `{stage}`: who can help — in our company, inside the customer (the guide first), outside?',
      'zh-cn': '当前合约阶段 `{stage}` 没有救援网络：谁能帮忙——公司内部、客户内部（首先是指导者）、外部资源？',
    },
  },
  check({ plan, report }) {
    const stage = plan.account?.stage;
    const stageField = plan.account?.fields.get('stage');
    if (!stageField || stage === undefined || !isOneOf(CONTRACT_STAGES, stage)) return;
    const entry = plan.rescueNetwork?.fields.get(stage);
    if (entry && !isEmptyValue(entry.node)) {
      const resources = entityOf(plan.doc, entry.node);
      // Something written in another shape is KAM002's finding, not a gap.
      if (!resources || missingKeys(resources, RESCUE_SIDES).length < RESCUE_SIDES.length) return;
    }
    report({
      span: entry?.key ?? plan.root?.fields.get('rescue_network')?.key ?? stageField.value,
      args: { stage },
      data: { stage },
    });
  },
};
