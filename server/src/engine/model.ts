// The typed plan model: what rules, features and views read. Every entity keeps the spans of
// its own node and of each key, so findings and edits can point at the smallest useful range.
import type { Document, Node, YAMLError } from 'yaml';
import type { LineIndex } from './lines';
import type { Role } from './roles';
import type { Span } from './types';

/** One key of a YAML map: where the key is, where its value is, and the value node (null when empty). */
export interface Field {
  key: Span;
  value: Span;
  node: Node | null;
}

/** A YAML map in the plan: its span and its keys, in source order. */
export interface Entity {
  span: Span;
  fields: Map<string, Field>;
  /** The alias this map was reached through (`- *president`), when it was: the map itself stands at its anchor. */
  via?: Span;
}

/** A scalar written in the plan, with where it stands. */
export interface Ref {
  value: string;
  span: Span;
}

export interface RoleRef extends Ref {
  /** The canonical role, when the name is one of the six or an alias. */
  role?: Role;
}

/** A plain number or a number written as text (`12%`, `1,200,000`), as the user wrote it. */
export type Quantity = number | string;

export interface Account extends Entity {
  name?: string;
  segment?: string;
  owner?: string;
  stage?: string;
  updated?: string;
  next_review?: string;
}

export interface Driver extends Entity {
  id?: string;
  name?: string;
  kind?: string;
  note?: string;
}

export interface Unit extends Entity {
  id?: string;
  name?: string;
  parent?: string;
}

export interface Stakeholder extends Entity {
  id?: string;
  name?: string;
  title?: string;
  unit?: string;
  reports_to?: string;
  roles: RoleRef[];
  stance?: string;
  influence?: string;
  gatekeeper: boolean;
  interests: string[];
  owner?: string;
  last_contact?: string;
}

export interface Goal extends Entity {
  id?: string;
  statement?: string;
  direction?: string;
  metric?: string;
  baseline?: Quantity;
  target?: Quantity;
  deadline?: string;
  owner?: string;
  /** The ids of the business drivers the goal answers. */
  drivers: Ref[];
}

export interface Action extends Entity {
  id?: string;
  what?: string;
  who?: string;
  with: Ref[];
  where?: string;
  when?: string;
  budget?: Quantity;
  goal?: string;
  stage?: string;
  status?: string;
}

export interface Control extends Entity {
  goal?: string;
  measure?: string;
  check?: string;
  status?: string;
}

export interface Feedback extends Entity {
  date?: string;
  from?: string;
  said?: string;
  response?: string;
}

export interface Plan {
  /** The text that was parsed. */
  text: string;
  doc: Document.Parsed;
  /** The text's lines, as the editor counts them. */
  lines: LineIndex;
  /** YAML syntax errors; when there are any, only KAM001 runs. */
  syntaxErrors: YAMLError[];
  /** The top-level map; undefined when the document is empty, a scalar or a list. */
  root?: Entity;
  account?: Account;
  diagnosis?: Entity;
  drivers: Driver[];
  units: Unit[];
  stakeholders: Stakeholder[];
  forecast?: Entity;
  goals: Goal[];
  strategy?: Entity;
  actions: Action[];
  controls: Control[];
  feedback: Feedback[];
  rescueNetwork?: Entity;
  /**
   * Set when this version differs from the previous one only in comments or blank lines
   * (engine/reparse.ts): the same nodes and values, the offsets moved. Its findings are the previous
   * version's, moved the same way.
   */
  shift?: Shift;
  /** Set when this version was reparsed from the previous one (engine/reparse.ts): what the edit changed. */
  edit?: Edit;
}

/**
 * What an edit changed between the previous version and this one: [from, to) of the old text became
 * [from, to + delta) of the new. Offsets of the previous version outside that range move as `move`
 * says. `sections` are the top-level keys whose values changed: none after an edit of comments or
 * blank lines; undefined when any may have. A rule that reads none of them has the previous version's
 * findings, moved (engine/check.ts).
 */
export interface Edit {
  previous: Plan;
  from: number;
  to: number;
  move: Omit<Shift, 'previous'>;
  sections?: readonly string[];
}

/**
 * How offsets of the previous version move: those after `at` by `delta`; one at `at` when it starts
 * something, or also when it ends something if `endsMove` (an edit inside a comment that ends there).
 */
export interface Shift {
  previous: Plan;
  at: number;
  delta: number;
  endsMove: boolean;
  /** Lines added (or taken away, when negative). */
  lines: number;
}
