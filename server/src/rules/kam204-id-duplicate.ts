import { ID_KINDS, idDefinitions, idListLabel } from '../engine/format';
import type { Entity } from '../engine/model';
import { indexById } from '../engine/plan-index';
import type { Rule } from '../engine/rule';
import { lineOf } from '../engine/spans';

/**
 * Two entries of one list share an id, so every reference to it is ambiguous (references resolve to
 * the first). Ids are per list: a goal and an action may share one.
 */
export const kam204: Rule = {
  code: 'KAM204',
  name: 'id-duplicate',
  severity: 'error',
  stage: 'document',
  reads: ['diagnosis', 'goals', 'actions'],
  description: {
    en: 'Driver, stakeholder, unit, goal and action ids are unique within their list.',
    'zh-cn': '驱动因素、关键人物、部门、目标和行动的 id 在各自列表中必须唯一。',
  },
  messages: {
    default: {
      en: 'Duplicate id `{id}` in `{list}`: already used on line {line}.',
      'zh-cn': '`{list}` 中的 id `{id}` 重复：第 {line} 行已使用。',
    },
  },
  check({ plan, report }) {
    // An entry repeated through an alias has the id of its anchor: the alias is the duplicate.
    const idSpan = (e: Entity) => e.via ?? e.fields.get('id')?.value ?? e.span;
    for (const kind of ID_KINDS) {
      const entities = idDefinitions(plan, kind);
      const list = idListLabel(kind);
      const index = indexById(entities);
      for (const e of entities) {
        if (e.id === undefined) continue;
        const first = index.get(e.id);
        if (!first || first === e) continue;
        report({ span: idSpan(e), args: { id: e.id, list, line: lineOf(plan, idSpan(first).start) }, data: { id: e.id, list } });
      }
    }
  },
};
