// The Outline and breadcrumbs: the plan's sections, any map within them as a tree of keys, and the
// entries a planner looks for by name (stakeholders, units, goals, actions, …) as named items.
// Built from whatever parsed, so a half-typed plan still gets the outline of what is there.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq } from 'yaml';
import { entriesOf, listLabel, SECTIONS, type ListEntries, type ListName } from '../engine/format';
import type { Entity, Field, Plan } from '../engine/model';
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
 */
export function documentSymbols({ plan }: PlanDocument): DocumentSymbol[] {
  const text = plan.text;
  const lines = plan.lines;

  /** A symbol over span; the selection is kept inside it (an alias can point elsewhere, and clients reject that). */
  const symbol = (name: string, detail: string | undefined, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol => {
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
    if (inPlace && list) children = itemSymbols(list, field.value);
    else if (map) children = fieldSymbols(map, `${path}.`);
    const detail = path === 'account' ? plan.account?.name : firstLine(scalarText(field.node));
    return symbol(key || '""', detail, SECTION_KINDS[path] ?? valueKind(field), span, field.key, children);
  };

  /** The entries of the model's list that stand within this value, numbered by their place in the list. */
  const itemSymbols = (list: ItemList, within: Span): DocumentSymbol[] => {
    const symbols: DocumentSymbol[] = [];
    const items = list.items(plan);
    for (let i = 0; i < items.length; i++) {
      const entity = items[i];
      if (entity.span.start < within.start || entity.span.end > within.end) continue;
      const view = list.view(entity);
      symbols.push(symbol(firstLine(view.name) || `#${i + 1}`, firstLine(view.detail), list.kind, entity.span, nameSpan(entity, list.nameKeys)));
    }
    return symbols;
  };

  return plan.root ? fieldSymbols(plan.root, '') : [];
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
