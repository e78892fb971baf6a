import type { Entity, Ref } from '../engine/model';
import { indexById } from '../engine/plan-index';
import type { Rule } from '../engine/rule';
import { nearest } from '../engine/suggest';

type Kind = 'stakeholder' | 'unit' | 'goal';

/** Where each kind of id is defined, as the message names it. */
const LISTS: Record<Kind, string> = {
  stakeholder: 'diagnosis.stakeholders',
  unit: 'diagnosis.organization',
  goal: 'goals',
};

/** A scalar reference field as a Ref (its value and where it stands), when it holds text. */
function refOf(entity: Entity, key: string, value: string | undefined): Ref | undefined {
  const field = entity.fields.get(key);
  return field && value !== undefined ? { value, span: field.value } : undefined;
}

/** An id reference that names nothing: the org chart, an action or a control points into the void. */
export const kam203: Rule = {
  code: 'KAM203',
  name: 'reference-unknown',
  severity: 'error',
  stage: 'document',
  description: {
    en: 'Every id reference (reports_to, unit, parent, with, goal, from) names a stakeholder, unit or goal of the plan.',
    'zh-cn': '每个 id 引用（reports_to、unit、parent、with、goal、from）都必须指向计划中已有的关键人物、部门或目标。',
  },
  messages: {
    default: {
      en: '`{value}` is not an id in `{list}`.',
      'zh-cn': '`{list}` 中没有 id 为 `{value}` 的条目。',
    },
    suggestion: {
      en: '`{value}` is not an id in `{list}`: did you mean `{suggestion}`?',
      'zh-cn': '`{list}` 中没有 id 为 `{value}` 的条目：是否指 `{suggestion}`？',
    },
  },
  check({ plan, report }) {
    // Sets, so a plan with thousands of stakeholders is checked in linear time.
    const ids: Record<Kind, Set<string>> = {
      stakeholder: new Set(indexById(plan.stakeholders).keys()),
      unit: new Set(indexById(plan.units).keys()),
      goal: new Set(indexById(plan.goals).keys()),
    };
    const verify = (kind: Kind, ref: Ref | undefined) => {
      // Ids match case-sensitively; a blank value names nothing and is left to the schema.
      if (!ref || ref.value.trim() === '' || ids[kind].has(ref.value)) return;
      const suggestion = nearest(ref.value, [...ids[kind]]);
      const args = { value: ref.value, list: LISTS[kind] };
      report({
        span: ref.span,
        messageId: suggestion ? 'suggestion' : 'default',
        args: suggestion ? { ...args, suggestion } : args,
        data: { kind, suggestion },
      });
    };
    for (const s of plan.stakeholders) {
      verify('unit', refOf(s, 'unit', s.unit));
      verify('stakeholder', refOf(s, 'reports_to', s.reports_to));
    }
    for (const u of plan.units) verify('unit', refOf(u, 'parent', u.parent));
    for (const a of plan.actions) {
      for (const ref of a.with) verify('stakeholder', ref);
      verify('goal', refOf(a, 'goal', a.goal));
    }
    for (const c of plan.controls) verify('goal', refOf(c, 'goal', c.goal));
    for (const f of plan.feedback) verify('stakeholder', refOf(f, 'from', f.from));
  },
};
