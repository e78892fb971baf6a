// Text → Plan: one YAML parse (the `yaml` Document API keeps ranges and comments) mapped into the typed model.
import { Composer, CST, isMap, isScalar, Lexer, LineCounter, parseDocument, Parser, YAMLParseError, type Document, type Node } from 'yaml';
import { MAX_NESTING, oversize, PlanTooLargeError } from './limits';
import type { Account, Action, Control, Entity, Feedback, Goal, Plan, Stakeholder, Unit, Driver } from './model';
import { normalizeRole } from './roles';
import {
  boolField,
  eachNode,
  entityList,
  entityOf,
  listItems,
  markAliasFree,
  quantityField,
  refsField,
  scalarText,
  textField,
} from './yaml-nodes';

export function parsePlan(text: string): Plan {
  const bytes = oversize(text);
  if (bytes !== undefined) return oversizedPlan(text, bytes);
  const lineCounter = new LineCounter();
  // `parseDocument` in two steps, so that nesting too deep for the composer (which recurses, and
  // past the stack can take the whole process down) is caught in the syntax tree first.
  const tree = syntaxTree(text, lineCounter);
  if ('tooDeep' in tree) {
    const at = tree.tooDeep;
    return unparsedPlan(text, lineCounter, new YAMLParseError([at, at + 1], 'RESOURCE_EXHAUSTION', `Nested more than ${MAX_NESTING} levels deep`));
  }
  // The parser's own duplicate-key check compares each key with every earlier one: a map of a few
  // thousand keys would take minutes. The same errors are found below in one pass.
  const doc = composeFirst(tree.tokens, text.length);
  if (!text.includes('*')) markAliasFree(doc); // an alias is written `*name`
  const duplicates = duplicateKeyErrors(doc);
  if (duplicates.length > 0) doc.errors = [...doc.errors, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
  const plan = emptyPlan(text, doc, lineCounter);
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

/**
 * A plan not parsed because the text is over the size limit: an empty document whose one syntax
 * error says so (KAM001). The CLI builds one from a file's size alone, with an empty text.
 */
export function oversizedPlan(text: string, bytes: number): Plan {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) lineCounter.addNewLine(nl + 1);
  return unparsedPlan(text, lineCounter, new PlanTooLargeError(bytes));
}

/** A plan left unread: an empty document with the one syntax error that says why. */
function unparsedPlan(text: string, lineCounter: LineCounter, error: YAMLParseError): Plan {
  const doc = parseDocument('');
  doc.errors.push(error);
  return emptyPlan(text, doc, lineCounter);
}

/** What `parseDocument` does with the syntax tree: the first document, and an error for any other. */
function composeFirst(tokens: CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer({ uniqueKeys: false }).compose(tokens, true, length)) {
    if (doc) {
      const [start, end] = next.range;
      doc.errors.push(new YAMLParseError([start, end], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
    doc = next;
  }
  return doc!; // compose(…, forceDoc) always yields one
}

/**
 * The syntax tree, or where lists and maps first nest deeper than MAX_NESTING. It is read lexeme by
 * lexeme so that brackets stop it as soon as they pass the limit: a text of a million `[` takes the
 * parser many seconds and hundreds of MB to read in full.
 */
function syntaxTree(text: string, lineCounter: LineCounter): { tokens: CST.Token[] } | { tooDeep: number } {
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  let brackets = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme === '[' || lexeme === '{') {
      if (++brackets > MAX_NESTING) return { tooDeep: parser.offset };
    } else if (lexeme === ']' || lexeme === '}') brackets = Math.max(0, brackets - 1);
    else if (lexeme === CST.FLOW_END) brackets = 0; // the lexer's word that a flow collection was cut short
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  const deep = tooDeepAt(tokens);
  return deep === undefined ? { tokens } : { tooDeep: deep };
}

/** Where the lists and maps first nest deeper than MAX_NESTING, walking the syntax tree without recursion. */
function tooDeepAt(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t): [CST.Token, number] => [t, 0]).reverse();
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    const children: (CST.Token | null | undefined)[] = [];
    let inner = depth;
    if (token.type === 'document') children.push(token.value);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (++inner > MAX_NESTING) return token.offset;
      for (const item of token.items) children.push(item.key, item.value);
    }
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push([children[i]!, inner]);
  }
  return undefined;
}

function emptyPlan(text: string, doc: Document.Parsed, lineCounter: LineCounter): Plan {
  return {
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
}

/** What the parser's `uniqueKeys` reports: a scalar key whose value an earlier key of the same map has. */
function duplicateKeyErrors(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  eachNode(doc.contents, (map) => {
    if (!isMap(map)) return;
    const seen = new Set<unknown>();
    for (const { key } of map.items) {
      // The parser compares with ===, under which NaN equals nothing; a Set would match it.
      if (!isScalar(key) || Number.isNaN(key.value)) continue;
      if (!seen.has(key.value)) {
        seen.add(key.value);
        continue;
      }
      const at = key.range?.[0] ?? 0;
      errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
    }
  });
  return errors;
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
