// The Outline and breadcrumbs: the plan's sections, any map within them as a tree of keys, and the
// entries a planner looks for by name (stakeholders, units, goals, actions, …) as named items.
// Built from whatever parsed, so a half-typed plan still gets the outline of what is there.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq } from 'yaml';
import { entriesOf, listLabel, SECTIONS, type ListEntries, type ListName } from '../engine/format';
import type { Edit, Entity, Field, Plan } from '../engine/model';
import { itemAnchor } from '../engine/spans';
import type { Span } from '../engine/types';
import { entityOf, scalarText } from '../engine/yaml-nodes';
import { trimEnd, type PlanDocument } from './document';

/** Kinds of the keys the format names; other keys take theirs from their value. */
const SECTION_KINDS: Record<string, SymbolKind> = Object.fromEntries(
  SECTIONS.map((key) => [key, key === 'kam' ? SymbolKind.Constant : key === 'account' ? SymbolKind.Module : SymbolKind.Namespace]),
);

/** How an entry of a list is shown: its name and what to say beside it. */
interface ItemView {
  name?: string;
  detail?: string;
}

interface ItemList {
  kind: SymbolKind;
  /** The keys an entry is named by, in order: the first present is its selection. */
  nameKeys: readonly string[];
  items: (plan: Plan) => readonly Entity[];
  view: (entity: Entity) => ItemView;
}

function itemList<N extends ListName>(name: N, kind: SymbolKind, nameKeys: string[], view: (e: ListEntries[N]) => ItemView): [string, ItemList] {
  return [listLabel(name), { kind, nameKeys, items: (plan) => entriesOf(plan, name), view: view as (entity: Entity) => ItemView }];
}

/** The lists whose entries are named items, by their path from the top (where the model reads them from). */
const ITEM_LISTS: Record<string, ItemList> = Object.fromEntries([
  itemList('drivers', SymbolKind.Property, ['id', 'name'], (d) => ({ name: nameAndId(d.name, d.id), detail: d.kind })),
  itemList('units', SymbolKind.Struct, ['id', 'name'], (u) => ({
    name: nameAndId(u.name, u.id),
    detail: u.parent && `parent: ${u.parent}`,
  })),
  itemList('stakeholders', SymbolKind.Class, ['id', 'name'], (s) => ({
    name: nameAndId(s.name, s.id),
    detail: joined([s.roles.map((r) => r.role ?? r.value).join(', '), s.title]),
  })),
  itemList('goals', SymbolKind.Key, ['id', 'statement'], (g) => ({
    name: g.id ?? g.statement,
    detail: g.id ? g.statement : undefined,
  })),
  itemList('actions', SymbolKind.Function, ['id', 'what'], (a) => ({ name: a.id ?? a.what, detail: joined([a.when, a.who]) })),
  itemList('controls', SymbolKind.Operator, ['goal', 'measure'], (c) => ({
    name: c.goal ?? c.measure,
    detail: joined([c.goal ? c.measure : undefined, c.check]),
  })),
  itemList('feedback', SymbolKind.Event, ['date', 'from'], (f) => ({ name: joined([f.date, f.from]), detail: f.said })),
]);

/**
 * The outline of a plan. A long plan has thousands of entries (a 30,000-line plan about 4,000), so
 * they are built in one pass each, and their positions read from one index of the text's lines.
 * Given the memo of the document's previous outline, the entries whose text did not change keep
 * their symbols (moved to their new lines).
 */
export function documentSymbols({ plan }: PlanDocument, memo?: OutlineMemo): DocumentSymbol[] {
  const text = plan.text;
  const lines = plan.lines;
  // An entry's symbol is read from its own text alone unless an alias points elsewhere (reparse.ts
  // tells them the same way) or a syntax error lets the parser read the same text otherwise (an
  // unclosed `[` above takes the entries after it in).
  const remembered = memo && !text.includes('*') && plan.syntaxErrors.length === 0 ? memo.begin(plan) : undefined;
  // The edit since the memo's outline, when that outline was of the version just before this one.
  const edit = remembered?.edit;
  const editEndLine = edit ? lines.lineAt(edit.to + edit.move.delta) : -1;

  /** A symbol over span; the selection is kept inside it (an alias can point elsewhere, and clients reject that). */
  const makeSymbol = (name: string, detail: string | undefined, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol => {
    const range = trimEnd(text, span);
    const inside = selection.start >= range.start && selection.end <= range.end;
    return {
      name,
      detail: detail || undefined,
      kind,
      range: lines.rangeOf(range),
      selectionRange: lines.rangeOf(inside ? selection : range),
      children,
    };
  };

  const fieldSymbols = (entity: Entity, prefix: string): DocumentSymbol[] => {
    const symbols: DocumentSymbol[] = [];
    for (const [key, field] of entity.fields) symbols.push(fieldSymbol(key, field, prefix + key));
    return symbols;
  };

  const fieldSymbol = (key: string, field: Field, path: string): DocumentSymbol => {
    // An alias's value stands where its anchor is: the key alone is this field's place, and nothing is nested under it.
    const inPlace = field.node !== null && field.value.start >= field.key.end;
    const span = { start: field.key.start, end: inPlace ? field.value.end : field.key.end };
    const list = ITEM_LISTS[path];
    const map = inPlace && !list ? entityOf(plan.doc, field.node) : undefined;
    let children: DocumentSymbol[] | undefined;
    if (inPlace && list) children = itemSymbols(list, field.value, path);
    else if (map) children = fieldSymbols(map, `${path}.`);
    const detail = path === 'account' ? plan.account?.name : firstLine(scalarText(field.node));
    return makeSymbol(key || '""', detail, SECTION_KINDS[path] ?? valueKind(field), span, field.key, children);
  };

  /** The entries of the model's list that stand within this value, numbered by their place in the list. */
  const itemSymbols = (list: ItemList, within: Span, path: string): DocumentSymbol[] => {
    const items = list.items(plan);
    const inside = (entity: Entity) => entity.span.start >= within.start && entity.span.end <= within.end;
    // The entities an edit left alone are the previous version's, in the same order: a run before the
    // edited ones and a run after them. Kept only for a list whose entries all stand in it, so that
    // the memo's places are the list's.
    const whole = items.every(inside);
    const before = (whole && remembered?.list(path)) || [];
    let head = 0;
    while (head < items.length && head < before.length && before[head].entity === items[head]) head++;
    let tail = 0;
    while (tail < items.length - head && tail < before.length - head && before[before.length - 1 - tail].entity === items[items.length - 1 - tail]) tail++;
    const kept: MemoEntry[] = [];
    for (let index = 0; index < items.length; index++) {
      const entity = items[index];
      if (!inside(entity)) continue;
      const old = index < head ? before[index] : index >= items.length - tail ? before[before.length - (items.length - index)] : undefined;
      kept.push((old && unmoved(old, entity, index)) ?? fresh(list, entity, index));
    }
    if (whole) remembered?.keep(path, kept);
    return kept.map((entry) => entry.symbol);
  };

  /**
   * An entry's symbol of the previous outline, as it stands now, when the edit left the entry's text
   * alone: the model kept the entity (its values are unchanged) and the edited text lies wholly
   * before or after it; after it, on other lines, so that its columns stand.
   */
  const unmoved = (old: MemoEntry, entity: Entity, index: number): MemoEntry | undefined => {
    if (!edit) return undefined;
    const name = old.numbered ? `#${index + 1}` : old.symbol.name;
    const renamed = name === old.symbol.name ? old.symbol : { ...old.symbol, name };
    if (old.end <= edit.from && entity.span.start === old.start) return renamed === old.symbol ? old : { ...old, symbol: renamed };
    const { delta, lines: lineDelta } = edit.move;
    if (old.start < edit.to || entity.span.start !== old.start + delta || old.symbol.range.start.line + lineDelta <= editEndLine) return undefined;
    const symbol = lineDelta === 0 ? renamed : moved(old.symbol, lineDelta, name);
    return { symbol, entity, start: entity.span.start, end: entity.span.end, numbered: old.numbered };
  };

  const fresh = (list: ItemList, entity: Entity, index: number): MemoEntry => {
    const view = list.view(entity);
    const name = firstLine(view.name);
    const symbol = makeSymbol(name || `#${index + 1}`, firstLine(view.detail), list.kind, entity.span, nameSpan(entity, list.nameKeys));
    return { symbol, entity, start: entity.span.start, end: entity.span.end, numbered: !name };
  };

  const outline = plan.root ? fieldSymbols(plan.root, '') : [];
  remembered?.end();
  return outline;
}

/** A list entry's symbol as last built, its entity, where that stood then, and whether it is named by its place in the list. */
interface MemoEntry {
  symbol: DocumentSymbol;
  entity: Entity;
  start: number;
  end: number;
  numbered: boolean;
}

interface MemoVersion {
  /** The edit from the memo's version to this one, when this one was reparsed from it. */
  edit?: Edit;
  list(path: string): readonly MemoEntry[] | undefined;
  keep(path: string, entries: MemoEntry[]): void;
  end(): void;
}

/**
 * The list entries' symbols of a document's last outline, by the list's path. One per
 * open document; each outline keeps the lists it built. The entities an edit left alone are the
 * previous version's very objects (engine/model-read.ts), so they find their symbols here.
 */
export class OutlineMemo {
  private plan?: Plan;
  private lists = new Map<string, readonly MemoEntry[]>();

  begin(plan: Plan): MemoVersion {
    const edit = plan.edit && plan.edit.previous === this.plan ? plan.edit : undefined;
    const next = new Map<string, MemoEntry[]>();
    return {
      edit,
      list: (path) => (edit ? this.lists.get(path) : undefined),
      keep: (path, entries) => void next.set(path, entries),
      end: () => {
        this.plan = plan;
        this.lists = next;
      },
    };
  }
}

/** A symbol moved down by delta lines (up when negative), under another name when it is numbered. */
function moved(symbol: DocumentSymbol, delta: number, name: string): DocumentSymbol {
  const range = (r: DocumentSymbol['range']) => ({
    start: { line: r.start.line + delta, character: r.start.character },
    end: { line: r.end.line + delta, character: r.end.character },
  });
  return { ...symbol, name, range: range(symbol.range), selectionRange: range(symbol.selectionRange) };
}

/** Where an entry's name is written: the value of its first naming key, else the usual anchor. */
function nameSpan(entity: Entity, keys: readonly string[]): Span {
  for (const key of keys) {
    const field = entity.fields.get(key);
    if (field?.node) return field.value;
  }
  return itemAnchor(entity);
}

function valueKind(field: Field): SymbolKind {
  const node = field.node;
  if (node === null) return SymbolKind.Null;
  if (isMap(node)) return SymbolKind.Object;
  if (isSeq(node)) return SymbolKind.Array;
  if (isScalar(node)) {
    if (typeof node.value === 'number' || typeof node.value === 'bigint') return SymbolKind.Number;
    if (typeof node.value === 'boolean') return SymbolKind.Boolean;
    if (node.value === null) return SymbolKind.Null;
  }
  return SymbolKind.String;
}

function nameAndId(name: string | undefined, id: string | undefined): string | undefined {
  if (name && id) return `${name} (${id})`;
  return name || id;
}

function joined(parts: (string | undefined)[]): string | undefined {
  return parts.filter((p) => p && p.trim() !== '').join(' · ') || undefined;
}

function firstLine(text: string | undefined): string | undefined {
  return text?.trim().split(/\r?\n/, 1)[0];
}
