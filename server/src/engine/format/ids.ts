// Ids: which lists define them (each entry by its `id` key) and which keys refer to them. KAM203
// (unknown reference), KAM204 (duplicate), the id index (definition, references, rename),
// completion and hover read these tables; a list that gains ids (drivers, say) is one line here.
import type { Entity, Plan, Ref } from '../model';
import { refsField, textField } from '../yaml-nodes';
import { entriesOf, keyInList, listLabel, type ListName, type YamlPath } from './lists';

export type IdKind = 'driver' | 'stakeholder' | 'unit' | 'goal' | 'action';

/** The list whose entries define each kind of id. Ids are per kind: a goal and an action may share one. */
export const ID_LISTS: { readonly [K in IdKind]: ListName } = {
  driver: 'drivers',
  stakeholder: 'stakeholders',
  unit: 'units',
  goal: 'goals',
  action: 'actions',
};

export const ID_KINDS = Object.keys(ID_LISTS) as IdKind[];

/** A key of a list's entries that names ids of one kind; `many` when it holds a list of them (`with`). */
export interface IdReference {
  readonly list: ListName;
  readonly key: string;
  readonly kind: IdKind;
  readonly many: boolean;
}

/** Every reference key of the format (none names an action yet). */
export const ID_REFERENCES: readonly IdReference[] = [
  { list: 'stakeholders', key: 'unit', kind: 'unit', many: false },
  { list: 'stakeholders', key: 'reports_to', kind: 'stakeholder', many: false },
  { list: 'units', key: 'parent', kind: 'unit', many: false },
  { list: 'goals', key: 'drivers', kind: 'driver', many: true },
  { list: 'actions', key: 'with', kind: 'stakeholder', many: true },
  { list: 'actions', key: 'goal', kind: 'goal', many: false },
  { list: 'controls', key: 'goal', kind: 'goal', many: false },
  { list: 'feedback', key: 'from', kind: 'stakeholder', many: false },
];

/** The entries that define ids of a kind. */
export function idDefinitions(plan: Plan, kind: IdKind): readonly (Entity & { id?: string })[] {
  return entriesOf(plan, ID_LISTS[kind]);
}

/** Where ids of a kind are defined, as messages name it: `diagnosis.stakeholders`. */
export function idListLabel(kind: IdKind): string {
  return listLabel(ID_LISTS[kind]);
}

/** The kind of id the value at a path names (`['actions', 0, 'with', 1]` → stakeholder), when it is a reference. */
export function referenceKindAt(path: YamlPath): IdKind | undefined {
  const at = keyInList(path);
  return at && ID_REFERENCES.find((r) => r.list === at.list && r.key === at.key)?.kind;
}

/**
 * The ids one entry names under a reference key, as the model reads them: each text item of a list
 * key; the text of a single key (a list under a single key is the schema's finding, not an id).
 */
export function referencedIds(plan: Plan, entry: Entity, reference: IdReference): Ref[] {
  if (reference.many) return refsField(plan.doc, entry, reference.key);
  const field = entry.fields.get(reference.key);
  const value = textField(entry, reference.key);
  return field && value !== undefined ? [{ value, span: field.value }] : [];
}
