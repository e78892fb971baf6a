// Text → Plan: one YAML parse (the `yaml` Document API keeps ranges and comments) mapped into the typed model.
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

export function parsePlan(text: string): Plan {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const plan: Plan = {
    text,
    doc,
    lineCounter,
    syntaxErrors: doc.errors,
    drivers: [],
    units: [],
    stakeholders: [],
    goals: [],
    actions: [],
    controls: [],
    feedback: [],
  };
  const root = entityOf(doc, doc.contents);
  if (!root) return plan;
  plan.root = root;
  const section = (key: string) => entityOf(doc, root.fields.get(key)?.node);
  const list = (key: string, within: Entity | undefined = root) => entityList(doc, within?.fields.get(key)?.node);

  const account = section('account');
  if (account) plan.account = readAccount(account);
  plan.diagnosis = section('diagnosis');
  plan.drivers = list('drivers', plan.diagnosis).map(readDriver);
  plan.units = list('organization', plan.diagnosis).map(readUnit);
  plan.stakeholders = list('stakeholders', plan.diagnosis).map((e) => readStakeholder(doc, e));
  plan.forecast = section('forecast');
  plan.goals = list('goals').map(readGoal);
  plan.strategy = section('strategy');
  plan.actions = list('actions').map((e) => readAction(doc, e));
  plan.controls = list('controls').map(readControl);
  plan.feedback = list('feedback').map(readFeedback);
  plan.rescueNetwork = section('rescue_network');
  return plan;
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
  return { ...e, name: textField(e, 'name'), kind: textField(e, 'kind'), note: textField(e, 'note') };
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

function readGoal(e: Entity): Goal {
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
