import { reportsPerEntry } from '../engine/entry-findings';
import { entriesOf, ID_REFERENCES, idDefinitions, idListLabel, referencedIds, type IdKind } from '../engine/format';
import type { Entity, Ref } from '../engine/model';
import { indexById } from '../engine/plan-index';
import type { Report, Rule } from '../engine/rule';
import { nearest } from '../engine/suggest';

/** An id reference that names nothing: the org chart, an action or a control points into the void. */
/** For the fix: the kind of id asked for, and the id the value is closest to, when one is close. */
export type Kam203Data = { kind: IdKind; suggestion?: string };

/** Each reference's findings per entry, kept while the entry and the list of ids it names stay. */
const PER_ENTRY = ID_REFERENCES.map(() => reportsPerEntry());

const idSets = new WeakMap<readonly object[], ReadonlySet<string>>();

/** The ids a list defines, once per list (a list an edit left alone is the same array: engine/model-read.ts). */
function idSet(definitions: readonly (Entity & { id?: string })[]): ReadonlySet<string> {
  let ids = idSets.get(definitions);
  if (!ids) idSets.set(definitions, (ids = new Set(indexById(definitions).keys())));
  return ids;
}

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
    const known = (kind: IdKind) => idSet(idDefinitions(plan, kind));
    const verify = (kind: IdKind, ref: Ref, report: (r: Report<Kam203Data>) => void) => {
      // Ids match case-sensitively; a blank value names nothing and is left to the schema.
      const ids = known(kind);
      if (ref.value.trim() === '' || ids.has(ref.value)) return;
      const suggestion = nearest(ref.value, [...ids]);
      const args = { value: ref.value, list: idListLabel(kind) };
      report({
        span: ref.span,
        messageId: suggestion ? 'suggestion' : 'default',
        args: suggestion ? { ...args, suggestion } : args,
        data: { kind, suggestion },
      });
    };
    ID_REFERENCES.forEach((reference, i) => {
      // An entry's findings depend on it and on the list its ids are looked up in.
      const context = [idDefinitions(plan, reference.kind)];
      for (const entry of entriesOf(plan, reference.list)) {
        PER_ENTRY[i](entry, context, report as (r: Report) => void, (report) => {
          for (const ref of referencedIds(plan, entry, reference)) verify(reference.kind, ref, report);
        });
      }
    });
  },
};
