import { entriesOf, ID_KINDS, ID_REFERENCES, idDefinitions, idListLabel, referencedIds, type IdKind } from '../engine/format';
import type { Ref } from '../engine/model';
import { indexById } from '../engine/plan-index';
import type { Rule } from '../engine/rule';
import { nearest } from '../engine/suggest';

/** An id reference that names nothing: the org chart, an action or a control points into the void. */
/** For the fix: the kind of id asked for, and the id the value is closest to, when one is close. */
export type Kam203Data = { kind: IdKind; suggestion?: string };

export const kam203: Rule<Kam203Data> = {
  code: 'KAM203',
  name: 'reference-unknown',
  severity: 'error',
  stage: 'document',
  reads: ['diagnosis', 'goals', 'actions', 'controls', 'feedback'],
  description: {
    en: "Every id reference (reports_to, unit, parent, with, goal, from, a goal's drivers) names a stakeholder, unit, goal or driver of the plan.",
    'zh-cn': '每个 id 引用（reports_to、unit、parent、with、goal、from、目标的 drivers）都必须指向计划中已有的关键人物、部门、目标或驱动因素。',
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
    const ids = new Map(ID_KINDS.map((kind) => [kind, new Set(indexById(idDefinitions(plan, kind)).keys())]));
    const verify = (kind: IdKind, ref: Ref) => {
      // Ids match case-sensitively; a blank value names nothing and is left to the schema.
      const known = ids.get(kind)!;
      if (ref.value.trim() === '' || known.has(ref.value)) return;
      const suggestion = nearest(ref.value, [...known]);
      const args = { value: ref.value, list: idListLabel(kind) };
      report({
        span: ref.span,
        messageId: suggestion ? 'suggestion' : 'default',
        args: suggestion ? { ...args, suggestion } : args,
        data: { kind, suggestion },
      });
    };
    for (const reference of ID_REFERENCES) {
      for (const entry of entriesOf(plan, reference.list)) for (const ref of referencedIds(plan, entry, reference)) verify(reference.kind, ref);
    }
  },
};
