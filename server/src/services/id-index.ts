// Every id the plan defines or refers to, by kind: the index that definition, references,
// highlights and rename share. Built once per parsed Plan.
import { entriesOf, ID_KINDS, ID_REFERENCES, idDefinitions, type IdKind } from '../engine/format';
import type { Entity, Plan, Ref } from '../engine/model';
import type { Span } from '../engine/types';
import { refsField, scalarText } from '../engine/yaml-nodes';

export type { IdKind };

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

/**
 * The same as `occurrenceAt(idIndex(plan), offset)`, found without building the index: only the item
 * of each list that holds the offset is read. Hover asks this on every new version of the text, where
 * the whole index of a long plan would cost more than the answer.
 */
export function idAt(plan: Plan, offset: number): IdOccurrence | undefined {
  if (plan.text.includes('*')) return occurrenceAt(idIndex(plan), offset); // an alias may bring an id from anywhere
  let within: IdOccurrence | undefined;
  let touching: IdOccurrence | undefined;
  eachId(
    plan,
    (entities) => entitiesAt(entities, offset),
    (o) => {
      if (o.span.start <= offset && offset < o.span.end) within = o;
      else if (o.span.end === offset) touching = o;
      return within !== undefined;
    },
  );
  return within ?? touching;
}

/**
 * Each id written in the chosen items of the plan's lists, definitions first, until `visit` says
 * stop. Blank ids are not ids.
 */
function eachId(plan: Plan, choose: <T extends Entity>(entities: readonly T[]) => readonly T[], visit: (o: IdOccurrence) => boolean | void): void {
  const offer = (kind: IdKind, ref: Ref, isDefinition: boolean) =>
    ref.value.trim() !== '' && visit({ kind, id: ref.value, span: idSpan(plan.text, ref), isDefinition }) === true;
  for (const kind of ID_KINDS) {
    for (const e of choose(idDefinitions(plan, kind))) {
      const field = e.fields.get('id');
      const value = scalarText(field?.node ?? null);
      if (field && value !== undefined && offer(kind, { value, span: field.value }, true)) return;
    }
  }
  // A list under a scalar key is the schema rule's finding; its items are still followed here.
  for (const { kind, list, key } of ID_REFERENCES) {
    for (const e of choose(entriesOf(plan, list))) for (const ref of refsField(plan.doc, e, key)) if (offer(kind, ref, false)) return;
  }
}

/** The items of a list whose span holds the offset (or ends at it), by binary search; all of them when aliases put items out of order. */
function entitiesAt<T extends Entity>(entities: readonly T[], offset: number): readonly T[] {
  if (entities.some((e) => e.via)) return entities;
  let low = 0;
  let high = entities.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (entities[mid].span.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found >= 0 && offset <= entities[found].span.end ? [entities[found]] : [];
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
  eachId(
    plan,
    (entities) => entities,
    (o) => {
      if (seen.has(o.span.start)) return;
      seen.add(o.span.start);
      occurrences.push(o);
    },
  );
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
