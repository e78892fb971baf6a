// Every id the plan defines or refers to, by kind: the index that definition, references,
// highlights and rename share. Built once per parsed Plan.
import type { Entity, Plan, Ref } from '../engine/model';
import type { Span } from '../engine/types';
import { refsField, scalarText } from '../engine/yaml-nodes';

export type IdKind = 'stakeholder' | 'unit' | 'goal' | 'action';

export interface IdOccurrence {
  kind: IdKind;
  id: string;
  /** The id's own characters: inside the quotes when it is written quoted, so a rename keeps them. */
  span: Span;
  isDefinition: boolean;
}

export interface IdIndex {
  /** Every occurrence, in source order. */
  readonly occurrences: readonly IdOccurrence[];
  readonly byId: ReadonlyMap<string, readonly IdOccurrence[]>;
}

/** The lists whose items define ids (each by its `id` key). */
export const ID_DEFINITIONS: readonly { kind: IdKind; entities: (plan: Plan) => readonly Entity[] }[] = [
  { kind: 'stakeholder', entities: (p) => p.stakeholders },
  { kind: 'unit', entities: (p) => p.units },
  { kind: 'goal', entities: (p) => p.goals },
  { kind: 'action', entities: (p) => p.actions },
];

/** The keys that refer to ids, and which kind each names (the format has no reference to an action yet). */
export const ID_REFERENCES: readonly { kind: IdKind; entities: (plan: Plan) => readonly Entity[]; key: string }[] = [
  { kind: 'stakeholder', entities: (p) => p.stakeholders, key: 'reports_to' },
  { kind: 'stakeholder', entities: (p) => p.actions, key: 'with' },
  { kind: 'stakeholder', entities: (p) => p.feedback, key: 'from' },
  { kind: 'unit', entities: (p) => p.stakeholders, key: 'unit' },
  { kind: 'unit', entities: (p) => p.units, key: 'parent' },
  { kind: 'goal', entities: (p) => p.actions, key: 'goal' },
  { kind: 'goal', entities: (p) => p.controls, key: 'goal' },
];

const cache = new WeakMap<Plan, IdIndex>();

export function idIndex(plan: Plan): IdIndex {
  let index = cache.get(plan);
  if (!index) {
    index = buildIndex(plan);
    cache.set(plan, index);
  }
  return index;
}

/** The occurrence under the cursor; a cursor just after an id (the usual place after typing it) counts too. */
export function occurrenceAt(index: IdIndex, offset: number): IdOccurrence | undefined {
  let touching: IdOccurrence | undefined;
  for (const o of index.occurrences) {
    if (o.span.start <= offset && offset < o.span.end) return o;
    if (o.span.end === offset) touching = o;
  }
  return touching;
}

/** Every occurrence of one id of one kind, definitions and references, in source order. */
export function occurrencesOf(index: IdIndex, kind: IdKind, id: string): readonly IdOccurrence[] {
  return index.byId.get(indexKey(kind, id)) ?? [];
}

/** Ids are per kind: a goal and an action may share one. */
function indexKey(kind: IdKind, id: string): string {
  return `${kind}:${id}`;
}

function buildIndex(plan: Plan): IdIndex {
  const occurrences: IdOccurrence[] = [];
  // An alias resolves to the node it names, so the same characters can be reached twice: count them once.
  const seen = new Set<number>();
  const add = (kind: IdKind, ref: Ref, isDefinition: boolean) => {
    if (ref.value.trim() === '') return;
    const span = idSpan(plan.text, ref);
    if (seen.has(span.start)) return;
    seen.add(span.start);
    occurrences.push({ kind, id: ref.value, span, isDefinition });
  };
  for (const { kind, entities } of ID_DEFINITIONS) {
    for (const e of entities(plan)) {
      const field = e.fields.get('id');
      const value = scalarText(field?.node ?? null);
      if (field && value !== undefined) add(kind, { value, span: field.value }, true);
    }
  }
  // A list under a scalar key is the schema rule's finding; its items are still followed here.
  for (const { kind, entities, key } of ID_REFERENCES) {
    for (const e of entities(plan)) for (const ref of refsField(plan.doc, e, key)) add(kind, ref, false);
  }
  occurrences.sort((a, b) => a.span.start - b.span.start);

  const byId = new Map<string, IdOccurrence[]>();
  for (const o of occurrences) {
    const key = indexKey(o.kind, o.id);
    const list = byId.get(key);
    if (list) list.push(o);
    else byId.set(key, [o]);
  }
  return { occurrences, byId };
}

/** Where the id's characters are within its node: past the quotes of `"zhao"` or `'zhao'`. */
function idSpan(text: string, ref: Ref): Span {
  const { start, end } = ref.span;
  const at = text.slice(start, end).indexOf(ref.value);
  if (at >= 0) return { start: start + at, end: start + at + ref.value.length };
  // Written with escapes (`"zh\x61o"`): the whole inside of the quotes.
  const quoted = end - start >= 2 && (text[start] === '"' || text[start] === "'");
  return quoted ? { start: start + 1, end: end - 1 } : ref.span;
}
