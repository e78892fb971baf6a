import { ROLE_NAMES } from '../engine/roles';
import type { Rule } from '../engine/rule';
import { nearest } from '../engine/suggest';

/** A role name that is none of the six roles nor an accepted alias: the person counts for no role at all. */
/** For the fix: the role the name is closest to, when one is close. */
export type Kam202Data = { suggestion?: string };

export const kam202: Rule<Kam202Data> = {
  code: 'KAM202',
  name: 'role-unknown',
  severity: 'error',
  stage: 'diagnosis',
  reads: ['diagnosis'],
  description: {
    en: 'Role names are the six buying roles or their aliases.',
    'zh-cn': '角色名称必须是六种角色之一或其别名。',
  },
  messages: {
    default: {
      en: '`{name}` is not a role: use decision-maker, proposer, guide, implementer, constrainer or influencer.',
      'zh-cn': '`{name}` 不是有效角色：请使用 decision-maker、proposer、guide、implementer、constrainer 或 influencer（或其中文名）。',
    },
    suggestion: {
      en: '`{name}` is not a role: did you mean `{suggestion}`?',
      'zh-cn': '`{name}` 不是有效角色：是否指 `{suggestion}`？',
    },
  },
  check({ plan, report }) {
    for (const s of plan.stakeholders) {
      for (const ref of s.roles) {
        if (ref.role) continue;
        const suggestion = nearest(ref.value, ROLE_NAMES);
        report({
          span: ref.span,
          messageId: suggestion ? 'suggestion' : 'default',
          args: suggestion ? { name: ref.value, suggestion } : { name: ref.value },
          data: { suggestion },
        });
      }
    }
  },
};
