// The lists of maps in a plan: where each stands in the file and which array of the Plan holds its
// entries. Every path a caller needs (a message's `diagnosis.stakeholders`, an edit's
// `['diagnosis', 'stakeholders', 0]`) is built from here.
import type { Action, Control, Driver, Entity, Feedback, Goal, Plan, Stakeholder, Unit } from '../model';

/** Map keys and list indexes from the document root (as `yaml`'s `getIn` and `schemaAt` take them). */
export type YamlPath = readonly (string | number)[];

/** Each list by its name in the model, with the type of its entries. */
export interface ListEntries {
  drivers: Driver;
  units: Unit;
  stakeholders: Stakeholder;
  goals: Goal;
  actions: Action;
  controls: Control;
  feedback: Feedback;
}
export type ListName = keyof ListEntries;

interface ListDefinition<T extends Entity> {
  /** Where the list stands in the file. */
  readonly path: readonly string[];
  /** Its entries as the model reads them (maps only; other items are skipped). */
  readonly entries: (plan: Plan) => readonly T[];
}

/** The lists, in the order the format writes them. */
export const LISTS: { readonly [N in ListName]: ListDefinition<ListEntries[N]> } = {
  drivers: { path: ['diagnosis', 'drivers'], entries: (p) => p.drivers },
  units: { path: ['diagnosis', 'organization'], entries: (p) => p.units },
  stakeholders: { path: ['diagnosis', 'stakeholders'], entries: (p) => p.stakeholders },
  goals: { path: ['goals'], entries: (p) => p.goals },
  actions: { path: ['actions'], entries: (p) => p.actions },
  controls: { path: ['controls'], entries: (p) => p.controls },
  feedback: { path: ['feedback'], entries: (p) => p.feedback },
};

export const LIST_NAMES = Object.keys(LISTS) as ListName[];

/** The list's path: `['diagnosis', 'stakeholders']`. */
export function listPath(name: ListName): readonly string[] {
  return LISTS[name].path;
}

/** The list's path as messages and outlines write it: `diagnosis.stakeholders`. */
export function listLabel(name: ListName): string {
  return LISTS[name].path.join('.');
}

/** The path of one entry (the first by default, whose schema every entry shares): `['goals', 0]`. */
export function itemPath(name: ListName, index = 0): YamlPath {
  return [...LISTS[name].path, index];
}

/** The plan's entries of a list. */
export function entriesOf<N extends ListName>(plan: Plan, name: N): readonly ListEntries[N][] {
  return LISTS[name].entries(plan);
}

/** The list a path runs through (`['diagnosis', 'stakeholders', 3, 'roles']` → `stakeholders`), when it does. */
export function listAt(path: YamlPath): ListName | undefined {
  const keys = path.filter((step): step is string => typeof step === 'string' && !/^\d+$/.test(step));
  return LIST_NAMES.find((name) => {
    const p = LISTS[name].path;
    return p.every((step, i) => keys[i] === step);
  });
}

/** The key a path ends on inside an entry of a list (`['actions', 2, 'with', 0]` → `with`), when it does. */
export function keyInList(path: YamlPath): { list: ListName; key: string } | undefined {
  const list = listAt(path);
  if (!list) return undefined;
  const rest = path.slice(LISTS[list].path.length);
  return typeof rest[1] === 'string' ? { list, key: rest[1] } : undefined;
}
