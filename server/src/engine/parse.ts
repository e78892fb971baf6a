// Text → Plan: the YAML document (yaml-parse.ts, or reparse.ts after an edit) mapped into the typed model.
import type { Document, YAMLParseError } from 'yaml';
import { LineIndex } from './lines';
import { oversize, PlanTooLargeError } from './limits';
import { reparseDocument } from './reparse';
import { parseYaml, unparsedDocument } from './yaml-parse';
import { listPath, type ListName } from './format/lists';
import type { Entity, Plan } from './model';
import { ACCOUNT, ACTION, CONTROL, DRIVER, FEEDBACK, GOAL, readEntity, readList, SECTION, STAKEHOLDER, UNIT, type EntityKind, type ModelReading } from './model-read';

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
  const plan = emptyPlan(text, reused.doc);
  const { from, to, delta, sections } = reused.edit;
  const move = reused.shift ?? { at: to, delta, endsMove: true, lines: plan.lines.count - previous.lines.count };
  planOf(text, reused.doc, { plan, keep: true, previous, from, move });
  // Only one version back: the previous plan lets go of its own predecessor.
  previous.shift = previous.edit = undefined;
  if (reused.shift) plan.shift = { previous, ...reused.shift };
  plan.edit = { previous, from, to, move, sections };
  return plan;
}

/** The typed model over a parsed document, reusing the entities an edit left alone when told how. */
function planOf(text: string, doc: Document.Parsed, reading: ModelReading = { plan: emptyPlan(text, doc), keep: !text.includes('*') }): Plan {
  const { plan } = reading;
  const read = <T extends Entity>(kind: EntityKind<T>, node: unknown) => readEntity(kind, doc, node, reading);
  const root = read(SECTION, doc.contents);
  if (!root) return plan;
  plan.root = root;
  const node = (key: string) => root.fields.get(key)?.node;
  const account = read(ACCOUNT, node('account'));
  if (account) plan.account = account;
  plan.diagnosis = read(SECTION, node('diagnosis'));
  // Each list where the format puts it: at the top, or within diagnosis.
  const list = <T extends Entity>(name: ListName, kind: EntityKind<T>) => {
    const [first, second] = listPath(name);
    const within = second === undefined ? root : first === 'diagnosis' ? plan.diagnosis : read(SECTION, node(first));
    return readList(kind, doc, within?.fields.get(second ?? first)?.node, reading);
  };
  plan.drivers = list('drivers', DRIVER);
  plan.units = list('units', UNIT);
  plan.stakeholders = list('stakeholders', STAKEHOLDER);
  plan.forecast = read(SECTION, node('forecast'));
  plan.goals = list('goals', GOAL);
  plan.strategy = read(SECTION, node('strategy'));
  plan.actions = list('actions', ACTION);
  plan.controls = list('controls', CONTROL);
  plan.feedback = list('feedback', FEEDBACK);
  plan.rescueNetwork = read(SECTION, node('rescue_network'));
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
