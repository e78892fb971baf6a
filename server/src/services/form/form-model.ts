// The plan as a form: every section of the format in the cycle's order, each key a field with its
// value, kind, label, help and choices, every list of maps a list of items, and the checker's
// findings placed on the smallest field or item whose text holds them. Generated from the schema
// (schemaAt, valueKind), the way VS Code's Settings editor is generated from its schema; only what
// the issue asks to be special (the stage stepper, role chips, pickers by name, SMART letters, the
// SWOT and rescue-network grids) is marked here for the webview to draw its own way.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Goal, Plan } from '../../engine/model';
import { normalizeRole } from '../../engine/roles';
import { ruleDocUrl } from '../../engine/docs';
import type { Finding } from '../../engine/rule';
import { PLAN_SCHEMA, resolveSchema, schemaAt, valueKind, type SchemaNode } from '../../engine/schema';
import type { Locale, Severity, Span } from '../../engine/types';
import { say } from '../../engine/vocabulary';
import { deref, scalarText, spanOf, textField } from '../../engine/yaml-nodes';
import { ID_KINDS, idDefinitions, referenceKindAt, type IdKind } from '../../engine/format';
import { smartStatus, type SmartLetter } from '../../engine/smart-status';
import type { FormPath } from './intents';
import type { BuiltItem, FormItems } from './form-items';
import { enumChoices, FORM_WORDS, formUi, keyHelp, keyLabel, keyQuestion, roleChoices, type Choice } from './words';

export type FieldKind = 'text' | 'id' | 'date' | 'enum' | 'number' | 'bool' | 'reference' | 'references' | 'roles' | 'list';

export interface FormFinding {
  code: string;
  severity: Severity;
  message: string;
  /** Where the finding starts in the text: with the code, it names the finding in a `fix` intent. */
  at: number;
  /** The titles of the quick fixes the server offers for it, in order. */
  fixes: string[];
  /** The rule's page (docs/rules/KAMxxx.md, a `file:` URL): the link the Problems panel's code opens. */
  doc?: string;
}

interface NodeBase {
  path: FormPath;
  /** The node's words in `FormModel.terms`: its path with list indexes as `*` (`goals.*.deadline`). */
  term: string;
  findings: FormFinding[];
}

/** What a key of the format is called and what it is for; sent once per key, not once per field. */
export interface FormTerm {
  label: string;
  help: string;
  /** The method's guiding question, shown while the section or group is empty. */
  question?: string;
  /** An enum's values, the six roles. */
  options?: Choice[];
}

export interface FormField extends NodeBase {
  type: 'field';
  kind: FieldKind;
  /** Text as written (numbers in their source form), a yes/no, the items of a list; null when empty. */
  value: string | boolean | string[] | null;
  /** For a reference or references: the list whose ids it names (`FormModel.references`). */
  ref?: ReferenceList;
  /** For `roles`: the canonical role each written item names (null: none of the six). */
  roles?: (string | null)[];
  /** A control drawn its own way: the contract stage as a stepper. */
  control?: 'stepper';
}

export interface FormGroup extends NodeBase {
  type: 'group';
  /** Whether the plan writes anything here. */
  present: boolean;
  children: FormNode[];
  /** Drawn as a grid: SWOT (4 × 4), the rescue network (stage × source). */
  layout?: 'grid';
}

export interface FormListNode extends NodeBase {
  type: 'list';
  present: boolean;
  items: FormItem[];
  /** Drawn as a table, a row per item: the stakeholders. */
  layout?: 'table';
}

export interface FormItem extends NodeBase {
  type: 'item';
  /** What the item is called: its name, statement, what, … else its number. */
  title: string;
  children: FormNode[];
  /** A goal's S-M-A-R-T letters, and its sentence. */
  smart?: { letter: SmartLetter; pass: boolean }[];
  sentence?: string;
}

export type FormNode = FormField | FormGroup | FormListNode;

export interface FormModel {
  locale: Locale;
  /** False when the YAML does not parse: then there are no sections, and the form is read-only. */
  parses: boolean;
  sections: (FormGroup | FormListNode)[];
  /** Findings no field or item holds (the file's own, a syntax error). */
  findings: FormFinding[];
  terms: Record<string, FormTerm>;
  /** The form's own words (buttons, headings) in the locale. */
  ui: Record<string, string>;
  /** What a reference may name, by list: ids shown by name. */
  references: Record<ReferenceList, Choice[]>;
}

/** The kinds of id a picker offers (the format's id kinds). */
export type ReferenceList = IdKind;

export interface FormModelOptions {
  locale: Locale;
  /** The titles of a finding's quick fixes (the server's code actions for it); none by default. */
  fixTitles?: (finding: Finding) => string[];
  /** The items of the document's last form, to reuse those whose text did not change. */
  reuse?: FormItems;
}

/** The keys an item is best called by, first present wins. */
const TITLE_KEYS = ['name', 'statement', 'what', 'measure', 'said', 'id'];

export function buildFormModel(plan: Plan, findings: readonly Finding[], options: FormModelOptions): FormModel {
  const { locale } = options;
  const places: { span: Span; findings: FormFinding[] }[] = [];
  // An alias ties an item to text elsewhere: such a plan is built whole.
  const reuse = plan.text.includes('*') ? undefined : options.reuse;
  const builder = new Builder(plan, locale, places, reuse);
  const parses = plan.syntaxErrors.length === 0;
  const sections = parses ? builder.sections() : [];
  const references = Object.fromEntries(ID_KINDS.map((kind) => [kind, builder.references(kind)])) as Record<IdKind, Choice[]>;
  const loose: FormFinding[] = [];
  for (const f of findings) {
    const doc = ruleDocUrl(f.code);
    const finding: FormFinding = { code: f.code, severity: f.severity, message: f.message, at: f.span.start, fixes: options.fixTitles?.(f) ?? [], ...(doc ? { doc } : {}) };
    placeOf(places, f.span)?.push(finding) ?? loose.push(finding);
  }
  if (parses) builder.markGoals(findings);
  reuse?.done();
  return { locale, parses, sections, findings: loose, terms: builder.terms, ui: formUi(locale), references };
}

/** The findings list of the smallest place that holds the span's start. */
function placeOf(places: readonly { span: Span; findings: FormFinding[] }[], span: Span): FormFinding[] | undefined {
  let best: { span: Span; findings: FormFinding[] } | undefined;
  for (const place of places) {
    if (span.start < place.span.start || span.start >= place.span.end) continue;
    if (!best || place.span.end - place.span.start <= best.span.end - best.span.start) best = place;
  }
  return best?.findings;
}

class Builder {
  private readonly goals: { item: FormItem; goal: Goal }[] = [];
  readonly terms: Record<string, FormTerm> = {};
  /** The words used by the outermost item being built, for FormItems. */
  private termsUsed: Set<string> | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly locale: Locale,
    private readonly places: { span: Span; findings: FormFinding[] }[],
    private readonly reuse?: FormItems,
  ) {}

  sections(): (FormGroup | FormListNode)[] {
    const root = this.plan.doc.contents as Node | null;
    const out: (FormGroup | FormListNode)[] = [];
    for (const [key, schema] of Object.entries(PLAN_SCHEMA.properties ?? {})) {
      if (resolveSchema(schema).const !== undefined) continue; // `kam: 1` is not the user's to change
      const node = this.node([key], resolveSchema(schema), valueOf(this.plan, root, key));
      if (node.type !== 'field') out.push(node);
    }
    return out;
  }

  /** A goal's SMART letters and sentence, once its findings are placed. */
  markGoals(findings: readonly Finding[]): void {
    for (const { item, goal } of this.goals) {
      item.smart = smartStatus(goal, findings).map(({ letter, pass }) => ({ letter, pass }));
      item.sentence = sentence(goal, this.locale);
    }
  }

  private node(path: FormPath, schema: SchemaNode, written: Located): FormNode {
    const value = written.node;
    const kind = valueKind(schema);
    const key = String(path[path.length - 1]);
    // A finding on an item's id is about the item (rules point at the id to name the goal or person).
    const base = { path, term: this.term(path, schema, kind, key), findings: this.place(kind === 'identifier' ? undefined : written.span) };
    if (kind === 'map') {
      const children: FormNode[] = [];
      const keys = Object.keys(schema.properties ?? {});
      // A map open to more keys (financials) shows the plan's own keys too.
      if (typeof schema.additionalProperties === 'object' && isMap(value)) {
        for (const pair of value.items) if (isScalar(pair.key) && !keys.includes(String(pair.key.value))) keys.push(String(pair.key.value));
      }
      for (const k of keys) children.push(this.node([...path, k], schemaAt([...path, k]) ?? {}, valueOf(this.plan, value, k)));
      const grid = key === 'swot' || key === 'rescue_network';
      return { type: 'group', ...base, present: hasContent(value), children, ...(grid ? { layout: 'grid' as const } : {}) };
    }
    const items = schema.items && resolveSchema(schema.items);
    if (kind === 'list' && items && valueKind(items) === 'map') {
      const list = isSeq(value) ? value.items : [];
      const formItems = list.map((item, i) => this.item([...path, i], items, deref(this.plan.doc, item)));
      const table = base.term === 'diagnosis.stakeholders';
      return { type: 'list', ...base, present: list.length > 0, items: formItems, ...(table ? { layout: 'table' as const } : {}) };
    }
    return { type: 'field', ...base, ...this.field(path, key, kind, schema, value) };
  }

  private item(path: FormPath, schema: SchemaNode, value: Node | null): FormItem {
    if (!this.reuse || this.termsUsed || !value?.range) return this.newItem(path, schema, value);
    const start = value.range[0];
    const column = start - this.plan.text.lastIndexOf('\n', start - 1) - 1;
    const key = `${this.locale} ${path.join('.')} ${column}\n${this.plan.text.slice(start, value.range[1])}`;
    const built = this.reuse.take(key) ?? this.built(path, schema, value);
    for (const { span, findings } of built.places) {
      findings.length = 0;
      this.places.push({ span: { start: span.start + start, end: span.end + start }, findings });
    }
    for (const [name, term] of built.terms) if (!Object.hasOwn(this.terms, name)) this.terms[name] = term;
    this.reuse.keep(key, built);
    if (path[0] === 'goals') this.goalOf(built.item, start);
    return built.item;
  }

  /** An item built anew, with its places relative to its start and the words it used. */
  private built(path: FormPath, schema: SchemaNode, value: Node): BuiltItem {
    const start = value.range![0];
    const first = this.places.length;
    this.termsUsed = new Set();
    try {
      const item = this.newItem(path, schema, value, false);
      const places = this.places.splice(first).map(({ span, findings }) => ({ span: { start: span.start - start, end: span.end - start }, findings }));
      return { item, places, terms: [...this.termsUsed].map((name) => [name, this.terms[name]]) };
    } finally {
      this.termsUsed = undefined;
    }
  }

  private goalOf(item: FormItem, start: number): void {
    const goal = this.plan.goals.find((g) => g.span.start === start);
    if (goal) this.goals.push({ item, goal });
  }

  private newItem(path: FormPath, schema: SchemaNode, value: Node | null, markGoal = true): FormItem {
    const span = spanOf(value);
    const findings = this.place(span);
    const children = Object.keys(schema.properties ?? {}).map((k) => this.node([...path, k], schemaAt([...path, k]) ?? {}, valueOf(this.plan, value, k)));
    const title = TITLE_KEYS.map((k) => (isMap(value) ? scalarText(deref(this.plan.doc, value.get(k, true) as Node)) : undefined)).find((t) => t?.trim());
    const item: FormItem = {
      type: 'item',
      path,
      term: termKey(path),
      findings,
      title: title ?? say(FORM_WORDS.item, this.locale, { n: Number(path[path.length - 1]) + 1 }),
      children,
    };
    if (markGoal && path[0] === 'goals') this.goalOf(item, span.start);
    return item;
  }

  private field(path: FormPath, key: string, kind: ReturnType<typeof valueKind>, schema: SchemaNode, value: Node | null): Omit<FormField, keyof NodeBase | 'type'> {
    const { locale } = this;
    const texts = isSeq(value) ? value.items.map((i) => scalarText(deref(this.plan.doc, i)) ?? '') : undefined;
    const text = isScalar(value) ? (scalarText(value) ?? (typeof value.value === 'boolean' ? String(value.value) : null)) : null;
    if (key === 'roles') return { kind: 'roles', value: texts ?? (text ? [text] : []), roles: (texts ?? []).map((t) => normalizeRole(t) ?? null) };
    const ref = referenceKindAt(path);
    if (ref && (kind === 'reference' || kind === 'list')) return kind === 'list' ? { kind: 'references', value: texts ?? [], ref } : { kind: 'reference', value: text, ref };
    switch (kind) {
      case 'enum':
        return { kind: 'enum', value: text, ...(key === 'stage' && schema.enum?.length === 3 ? { control: 'stepper' as const } : {}) };
      case 'boolean':
        return { kind: 'bool', value: isScalar(value) && typeof value.value === 'boolean' ? value.value : null };
      case 'date':
      case 'number':
        return { kind, value: text };
      case 'identifier':
        return { kind: 'id', value: text };
      case 'list':
        return { kind: 'list', value: texts ?? (text ? [text] : []) };
      case 'textOrList':
        return texts ? { kind: 'list', value: texts } : { kind: 'text', value: text };
      default:
        return { kind: 'text', value: text };
    }
  }

  /** The node's words, written into `terms` the first time a node of its key is met. */
  private term(path: FormPath, schema: SchemaNode, kind: ReturnType<typeof valueKind>, key: string): string {
    const name = termKey(path);
    this.termsUsed?.add(name);
    if (!Object.hasOwn(this.terms, name)) {
      const { locale } = this;
      const question = keyQuestion(path, locale);
      const options = key === 'roles' ? roleChoices(locale) : kind === 'enum' ? enumChoices(key, schema.enum ?? [], locale) : undefined;
      this.terms[name] = { label: keyLabel(path, locale), help: keyHelp(path, schema, locale), ...(question ? { question } : {}), ...(options ? { options } : {}) };
    }
    return name;
  }

  /** The ids a reference may name, shown by name. */
  references(kind: IdKind): Choice[] {
    const seen = new Set<string>();
    const out: Choice[] = [];
    for (const e of idDefinitions(this.plan, kind)) {
      const id = e.id;
      if (!id || seen.has(id)) continue;
      seen.add(id);
      const name = TITLE_KEYS.map((k) => textField(e, k)).find((t) => t?.trim() && t !== id);
      out.push({ value: id, label: name ? `${name} (${id})` : id });
    }
    return out;
  }

  private place(span: Span | undefined): FormFinding[] {
    const findings: FormFinding[] = [];
    if (span && span.end > span.start) this.places.push({ span, findings });
    return findings;
  }
}

interface Located {
  node: Node | null;
  /** From the key to the end of the value: where the field's findings fall. */
  span?: Span;
}

function termKey(path: FormPath): string {
  return path.map((s) => (typeof s === 'number' ? '*' : s)).join('.');
}

function valueOf(plan: Plan, map: Node | null, key: string): Located {
  const m = deref(plan.doc, map);
  if (!isMap(m)) return { node: null };
  const pair = m.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  if (!pair) return { node: null };
  const keySpan = spanOf(pair.key as Node);
  const node = deref(plan.doc, pair.value);
  const end = node ? trimmedEnd(plan.text, spanOf(node).end) : keySpan.end;
  return { node, span: { start: keySpan.start, end: Math.max(end, keySpan.end) } };
}

function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

function hasContent(node: Node | null): boolean {
  return (isMap(node) || isSeq(node)) && node.items.length > 0;
}

/** `Build fast share: from 22% to 28% by 2027-06-30`: the goal as a sentence, `?` for what it lacks. */
function sentence(goal: Goal, locale: Locale): string {
  const unknown = FORM_WORDS.unknown[locale];
  const word = (values: readonly { value: string; label: string }[], value: string | undefined) => values.find((c) => c.value === value)?.label ?? value;
  const direction = word(enumChoices('direction', schemaAt(['goals', 0, 'direction'])?.enum ?? [], locale), goal.direction);
  const metric = word(enumChoices('metric', schemaAt(['goals', 0, 'metric'])?.enum ?? [], locale), goal.metric);
  return say(FORM_WORDS.sentence, locale, {
    direction: direction ? `${direction} ` : '',
    metric: metric ?? unknown,
    baseline: goal.baseline === undefined ? unknown : String(goal.baseline),
    target: goal.target === undefined ? unknown : String(goal.target),
    deadline: goal.deadline ?? unknown,
  }).trim();
}
