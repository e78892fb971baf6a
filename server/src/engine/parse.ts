// Text → Plan: the YAML document (yaml-parse.ts, or reparse.ts after an edit) mapped into the typed model.
import type { Document, Node, YAMLParseError } from 'yaml';
import { LineIndex } from './lines';
import { oversize, PlanTooLargeError } from './limits';
import { reparseDocument } from './reparse';
import { parseYaml, unparsedDocument } from './yaml-parse';
import { listPath, type ListName } from './format/lists';
import type { Account, Action, Control, Entity, Feedback, Goal, Plan, Stakeholder, Unit, Driver } from './model';
import { normalizeRole } from './roles';
import {
  boolField,
  entityList,
  entityOf,
  listItems,
  quantityField,
  refsField,
  scalarText,
  textField,
} from './yaml-nodes';

/**
 * Parses a plan. Given the plan of the text's previous version, only the part around the edit is
 * parsed again where that is safe (see reparse.ts); the previous plan must not be used afterwards,
 * as its document is then reused.
 */
export function parsePlan(text: string, previous?: Plan): Plan {
  const bytes = oversize(text);
  if (bytes !== undefined) return oversizedPlan(text, bytes);
  const reused = previous && reparseDocument(previous, text);
  if (!reused) return planOf(text, parseYaml(text));
  const plan = planOf(text, reused.doc);
  // Only one version back: the previous plan lets go of its own predecessor.
  if (previous.shift) previous.shift = undefined;
  if (reused.shift) plan.shift = { previous, ...reused.shift };
  return plan;
}

/** The typed model over a parsed document. */
function planOf(text: string, doc: Document.Parsed): Plan {
  const plan = emptyPlan(text, doc);
  const root = entityOf(doc, doc.contents);
  if (!root) return plan;
  plan.root = root;
  const section = (key: string) => entityOf(doc, root.fields.get(key)?.node);
  const account = section('account');
  if (account) plan.account = readAccount(account);
  plan.diagnosis = section('diagnosis');
  // Each list where the format puts it: at the top, or within diagnosis.
  const list = (name: ListName) => {
    const [first, second] = listPath(name);
    const within = second === undefined ? root : first === 'diagnosis' ? plan.diagnosis : section(first);
    return entityList(doc, within?.fields.get(second ?? first)?.node);
  };
  plan.drivers = list('drivers').map(readDriver);
  plan.units = list('units').map(readUnit);
  plan.stakeholders = list('stakeholders').map((e) => readStakeholder(doc, e));
  plan.forecast = section('forecast');
  plan.goals = list('goals').map((e) => readGoal(doc, e));
  plan.strategy = section('strategy');
  plan.actions = list('actions').map((e) => readAction(doc, e));
  plan.controls = list('controls').map(readControl);
  plan.feedback = list('feedback').map(readFeedback);
  plan.rescueNetwork = section('rescue_network');
  return plan;
}

/**
 * A plan not parsed because the text is over the size limit: an empty document whose one syntax
 * error says so (KAM001). The CLI builds one from a file's size alone, with an empty text.
 */
export function oversizedPlan(text: string, bytes: number): Plan {
  return unreadPlan(text, new PlanTooLargeError(bytes));
}

/** A plan whose text is not parsed: an empty document with the one syntax error that says why (KAM001). */
export function unreadPlan(text: string, error: YAMLParseError): Plan {
  return emptyPlan(text, unparsedDocument(error));
}

function emptyPlan(text: string, doc: Document.Parsed): Plan {
  return {
    text,
    doc,
    lines: new LineIndex(text),
    syntaxErrors: doc.errors,
    drivers: [],
    units: [],
    stakeholders: [],
    goals: [],
    actions: [],
    controls: [],
    feedback: [],
  };
}

function readAccount(e: Entity): Account {
  return {
    ...e,
    name: textField(e, 'name'),
    segment: textField(e, 'segment'),
    owner: textField(e, 'owner'),
    stage: textField(e, 'stage'),
    updated: textField(e, 'updated'),
    next_review: textField(e, 'next_review'),
  };
}

function readDriver(e: Entity): Driver {
  return { ...e, id: textField(e, 'id'), name: textField(e, 'name'), kind: textField(e, 'kind'), note: textField(e, 'note') };
}

function readUnit(e: Entity): Unit {
  return { ...e, id: textField(e, 'id'), name: textField(e, 'name'), parent: textField(e, 'parent') };
}

function readStakeholder(doc: Document, e: Entity): Stakeholder {
  return {
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
  };
}

function readGoal(doc: Document, e: Entity): Goal {
  return {
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
  };
}

function readAction(doc: Document, e: Entity): Action {
  return {
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
  };
}

function readControl(e: Entity): Control {
  return {
    ...e,
    goal: textField(e, 'goal'),
    measure: textField(e, 'measure'),
    check: textField(e, 'check'),
    status: textField(e, 'status'),
  };
}

function readFeedback(e: Entity): Feedback {
  return {
    ...e,
    date: textField(e, 'date'),
    from: textField(e, 'from'),
    said: textField(e, 'said'),
    response: textField(e, 'response'),
  };
}
