// Reading the typed model's entities from the YAML maps, and reading again only what an edit changed.
// Each entity is kept per map node (node-memo.ts): a version reparsed from the one before takes the
// entities of the maps it kept, and reads again only the spans of those after the edit (the nodes'
// offsets moved). Maps that held replaced entries are forgotten by reparse.ts and read anew, as are
// the new entries. A text with an alias (`*`) is never reparsed, and its entities are not kept: one
// map may stand in several places.
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { Account, Action, Control, Driver, Entity, Feedback, Goal, Plan, Ref, Shift, Stakeholder, Unit } from './model';
import { forgetReports } from './entry-findings';
import { nodeMemo } from './node-memo';
import { normalizeRole } from './roles';
import type { Span } from './types';
import {
  boolField,
  entityOf,
  listItems,
  quantityField,
  refsField,
  scalarText,
  spanOf,
  textField,
} from './yaml-nodes';

/** How a plan reads its entities: into `plan`, reusing what was read for `previous` where the edit changed nothing. */
export interface ModelReading {
  plan: Plan;
  /** Whether entities may be kept for the next version (the text has no alias). */
  keep: boolean;
  previous?: Plan;
  /** Where the edit starts, and how the offsets after it moved (Edit.move). */
  from?: number;
  move?: Omit<Shift, 'previous'>;
}

/** A kind of entity: how it is read from a map's entity, and which of its keys hold lists of references. */
export interface EntityKind<T extends Entity> {
  read(doc: Document, e: Entity): T;
  refs: readonly (keyof T & string)[];
}

const kept = nodeMemo<{ entity: Entity; kind: unknown; plan: Plan }>();

/** The entity of a map (through an alias when the node is one), as `kind` reads it; undefined for anything but a map. */
export function readEntity<T extends Entity>(kind: EntityKind<T>, doc: Document, node: unknown, reading: ModelReading): T | undefined {
  if (!reading.keep || !isMap(node)) {
    const e = entityOf(doc, node);
    return e && kind.read(doc, e);
  }
  const known = kept.get(node);
  if (known?.kind === kind && (known.plan === reading.plan || known.plan === reading.previous)) {
    const entity = known.entity as T;
    if (known.plan !== reading.plan) moveSpans(doc, entity, node, kind.refs, reading);
    known.plan = reading.plan;
    return entity;
  }
  const entity = kind.read(doc, entityOf(doc, node)!);
  kept.set(node, { entity, kind, plan: reading.plan });
  return entity;
}

const keptLists = nodeMemo<{ entities: Entity[]; plan: Plan }>();

/**
 * The entities of a list of maps (other items are skipped). A list whose entities are all those of the
 * previous version is that version's very array, so that what is found from it once (an index by id,
 * the live actions) serves again.
 */
export function readList<T extends Entity>(kind: EntityKind<T>, doc: Document, node: Node | null | undefined, reading: ModelReading): T[] {
  if (!isSeq(node)) return [];
  const out: T[] = [];
  for (const item of node.items) {
    const e = readEntity(kind, doc, item, reading);
    if (e) out.push(e);
  }
  if (!reading.keep) return out;
  const known = keptLists.get(node);
  if (known && known.plan === reading.previous && known.entities.length === out.length && known.entities.every((e, i) => e === out[i])) {
    known.plan = reading.plan;
    return known.entities as T[];
  }
  keptLists.set(node, { entities: out, plan: reading.plan });
  return out;
}

/**
 * Where a kept entity's spans stand after the edit: as they were before it; moved by the edit's length
 * when the entity lies after it (every offset of its nodes moved so); read again from the nodes when
 * it holds the edit (a comment or blank lines edited inside it; an entity around any other edit is
 * read anew, its map forgotten by reparse.ts).
 */
function moveSpans<T extends Entity>(doc: Document, entity: T, map: YAMLMap, refs: readonly (keyof T & string)[], reading: ModelReading): void {
  const { at, delta } = reading.move!;
  if (entity.span.end < reading.from!) return;
  if (entity.span.start <= at) return readSpansAgain(doc, entity, map, refs);
  const moved = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  entity.span = moved(entity.span);
  for (const field of entity.fields.values()) {
    field.key = moved(field.key);
    field.value = moved(field.value);
  }
  for (const name of refs) for (const ref of entity[name] as unknown as Ref[]) ref.span = moved(ref.span);
}

/**
 * Reads again where an entity's map, keys, values and references stand, as entityOf and refsField
 * would: new span objects, since findings of the previous version may hold the old ones.
 */
function readSpansAgain<T extends Entity>(doc: Document, entity: T, map: YAMLMap, refs: readonly (keyof T & string)[]): void {
  forgetReports(entity);
  entity.span = spanOf(map);
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key) || key.value === null || key.value === undefined) continue;
    const field = entity.fields.get(String(key.value));
    // A repeated key (a syntax error; such a text is never reparsed) names the first pair's field.
    if (!field || field.node !== (pair.value ?? null)) continue;
    field.key = spanOf(key);
    field.value = spanOf(field.node, { start: field.key.end, end: field.key.end });
  }
  for (const name of refs) {
    const list = entity[name] as unknown as Ref[];
    let i = 0;
    for (const item of listItems(doc, entity.fields.get(name)?.node)) if (scalarText(item) !== undefined) list[i++].span = spanOf(item);
  }
}

/** A section read as a plain entity. */
export const SECTION: EntityKind<Entity> = { read: (_doc, e) => e, refs: [] };

export const ACCOUNT: EntityKind<Account> = {
  refs: [],
  read: (_doc, e) => ({
    ...e,
    name: textField(e, 'name'),
    segment: textField(e, 'segment'),
    owner: textField(e, 'owner'),
    stage: textField(e, 'stage'),
    updated: textField(e, 'updated'),
    next_review: textField(e, 'next_review'),
  }),
};

export const DRIVER: EntityKind<Driver> = {
  refs: [],
  read: (_doc, e) => ({ ...e, id: textField(e, 'id'), name: textField(e, 'name'), kind: textField(e, 'kind'), note: textField(e, 'note') }),
};

export const UNIT: EntityKind<Unit> = {
  refs: [],
  read: (_doc, e) => ({ ...e, id: textField(e, 'id'), name: textField(e, 'name'), parent: textField(e, 'parent') }),
};

export const STAKEHOLDER: EntityKind<Stakeholder> = {
  refs: ['roles'],
  read: (doc, e) => ({
    ...e,
    id: textField(e, 'id'),
    name: textField(e, 'name'),
    title: textField(e, 'title'),
    unit: textField(e, 'unit'),
    reports_to: textField(e, 'reports_to'),
    roles: refsField(doc, e, 'roles').map((r) => ({ ...r, role: normalizeRole(r.value) })),
    stance: textField(e, 'stance'),
    influence: textField(e, 'influence'),
    gatekeeper: boolField(e, 'gatekeeper'),
    interests: listItems(doc, e.fields.get('interests')?.node as Node | null)
      .map(scalarText)
      .filter((s): s is string => s !== undefined),
    owner: textField(e, 'owner'),
    last_contact: textField(e, 'last_contact'),
  }),
};

export const GOAL: EntityKind<Goal> = {
  refs: ['drivers'],
  read: (doc, e) => ({
    ...e,
    id: textField(e, 'id'),
    statement: textField(e, 'statement'),
    direction: textField(e, 'direction'),
    metric: textField(e, 'metric'),
    baseline: quantityField(e, 'baseline'),
    target: quantityField(e, 'target'),
    deadline: textField(e, 'deadline'),
    owner: textField(e, 'owner'),
    drivers: refsField(doc, e, 'drivers'),
  }),
};

export const ACTION: EntityKind<Action> = {
  refs: ['with'],
  read: (doc, e) => ({
    ...e,
    id: textField(e, 'id'),
    what: textField(e, 'what'),
    who: textField(e, 'who'),
    with: refsField(doc, e, 'with'),
    where: textField(e, 'where'),
    when: textField(e, 'when'),
    budget: quantityField(e, 'budget'),
    goal: textField(e, 'goal'),
    stage: textField(e, 'stage'),
    status: textField(e, 'status'),
  }),
};

export const CONTROL: EntityKind<Control> = {
  refs: [],
  read: (_doc, e) => ({ ...e, goal: textField(e, 'goal'), measure: textField(e, 'measure'), check: textField(e, 'check'), status: textField(e, 'status') }),
};

export const FEEDBACK: EntityKind<Feedback> = {
  refs: [],
  read: (_doc, e) => ({ ...e, date: textField(e, 'date'), from: textField(e, 'from'), said: textField(e, 'said'), response: textField(e, 'response') }),
};
