import { ROLE_LABELS, ROLES, type Role } from '../engine/roles';
import type { Rule } from '../engine/rule';
import { sectionKeyOrTop } from '../engine/spans';

/**
 * A buying role nobody in the stakeholder map holds: either the plan has not found that person yet,
 * or the role is unknown. Each message asks the question that finds them, after the role's orientation.
 */
/** For the fix: the role nobody holds. */
export type Kam201Data = { role: Role };

export const kam201: Rule<Kam201Data> = {
  code: 'KAM201',
  name: 'role-unassigned',
  severity: 'warning',
  stage: 'diagnosis',
  reads: ['diagnosis'],
  description: {
    en: 'Each of the six buying roles is held by some stakeholder.',
    'zh-cn': '关键决策者的六种角色都应有人担任。',
  },
  messages: {
    default: {
      en: 'No stakeholder holds the {role} role.',
      'zh-cn': '没有关键人物担任{role}角色。',
    },
    'decision-maker': {
      en: 'No stakeholder holds the decision maker (最高阶决策者) role, oriented to results: who makes the final call and holds the budget?',
      'zh-cn': '没有关键人物担任最高阶决策者（decision-maker，结论导向）角色：谁做最终决定、掌握预算？',
    },
    proposer: {
      en: 'No stakeholder holds the proposer (提议者) role, oriented to experience: whose advice does the decision maker ask?',
      'zh-cn': '没有关键人物担任提议者（proposer，经验导向）角色：决策者会征求谁的意见？',
    },
    guide: {
      en: 'No stakeholder holds the guide (指导者) role, oriented to help: who meets you one to one and wants you to win?',
      'zh-cn': '没有关键人物担任指导者（guide，协助导向）角色：谁会与你单独见面、希望你赢？',
    },
    implementer: {
      en: 'No stakeholder holds the implementer (执行者) role, oriented to performance: who will use or administer what is bought?',
      'zh-cn': '没有关键人物担任执行者（implementer，表现导向）角色：谁将使用或管理所采购的产品？',
    },
    constrainer: {
      en: 'No stakeholder holds the constrainer (条件限制者) role, oriented to practicality: who sets the conditions, such as procurement or finance, and can say no?',
      'zh-cn': '没有关键人物担任条件限制者（constrainer，实际导向）角色：谁设定采购或财务等条件、能够说“不”？',
    },
    influencer: {
      en: 'No stakeholder holds the influencer (影响者) role, oriented to relationships: who sways the others?',
      'zh-cn': '没有关键人物担任影响者（influencer，关系导向）角色：谁能左右其他人的意见？',
    },
  },
  check({ plan, report }) {
    const held = new Set<Role>();
    for (const s of plan.stakeholders) for (const r of s.roles) if (r.role) held.add(r.role);
    const span = plan.diagnosis?.fields.get('stakeholders')?.key ?? sectionKeyOrTop(plan, 'diagnosis');
    for (const role of ROLES) {
      if (held.has(role)) continue;
      report({ span, messageId: role, args: { role: ROLE_LABELS[role] }, data: { role } });
    }
  },
};
