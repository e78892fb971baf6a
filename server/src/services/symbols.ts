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
 * Given the memo of the document's previous outline, the entries whose text did not change keep
 * their symbols (moved to their new lines).
 */
export function documentSymbols({ plan }: PlanDocument, memo?: OutlineMemo): DocumentSymbol[] {
  const text = plan.text;
  const lines = plan.lines;
  // Without an alias an entry's symbol is read from its own text alone (reparse.ts tells them the same way).
  const remembered = memo && !text.includes('*') ? memo.begin() : undefined;

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
    const entries: { entity: Entity; index: number }[] = [];
    for (let index = 0; index < items.length; index++) {
      const entity = items[index];
      if (entity.span.start >= within.start && entity.span.end <= within.end) entries.push({ entity, index });
    }
    if (!remembered) return entries.map(({ entity, index }) => itemEntry(list, entity, index).symbol);
    const now = entries.map(({ entity, index }) => {
      const line = lines.lineAt(entity.span.start);
      return { entity, index, line, column: entity.span.start - lines.start(line), text: text.slice(entity.span.start, entity.span.end) };
    });
    // An edit changes a run of entries: those before it and after it stand as they did, in the same order.
    const before = remembered.list(path);
    const same = (old: MemoEntry | undefined, entry: (typeof now)[number]) => old !== undefined && old.text === entry.text && old.column === entry.column;
    let head = 0;
    while (head < now.length && same(before[head], now[head])) head++;
    let tail = 0;
    while (tail < now.length - head && tail < before.length - head && same(before[before.length - 1 - tail], now[now.length - 1 - tail])) tail++;
    const kept = now.map((entry, k): MemoEntry => {
      const old = k < head ? before[k] : k >= now.length - tail ? before[before.length - (now.length - k)] : undefined;
      if (!old) return { ...itemEntry(list, entry.entity, entry.index), line: entry.line, column: entry.column, text: entry.text };
      const name = old.numbered ? `#${entry.index + 1}` : old.symbol.name;
      if (old.line === entry.line && old.symbol.name === name) return old;
      return { ...old, symbol: moved(old.symbol, entry.line - old.line, name), line: entry.line };
    });
    remembered.keep(path, kept);
    return kept.map((entry) => entry.symbol);
  };

  const itemEntry = (list: ItemList, entity: Entity, index: number) => {
    const view = list.view(entity);
    const name = firstLine(view.name);
    const symbol = makeSymbol(name || `#${index + 1}`, firstLine(view.detail), list.kind, entity.span, nameSpan(entity, list.nameKeys));
    return { symbol, numbered: !name };
  };

  const outline = plan.root ? fieldSymbols(plan.root, '') : [];
  remembered?.end();
  return outline;
}

/**
 * A list entry's symbol as last built, with what decides it (the entry's text and the column it starts
 * at), the line it started on, and whether it is named by its place in the list.
 */
interface MemoEntry {
  symbol: DocumentSymbol;
  text: string;
  column: number;
  line: number;
  numbered: boolean;
}

interface MemoVersion {
  list(path: string): readonly MemoEntry[];
  keep(path: string, entries: MemoEntry[]): void;
  end(): void;
}

/**
 * The list entries' symbols of a document's last outline, by the list's path. One per open document;
 * each outline keeps the lists it built.
 */
export class OutlineMemo {
  private lists = new Map<string, readonly MemoEntry[]>();

  begin(): MemoVersion {
    const next = new Map<string, MemoEntry[]>();
    return {
      list: (path) => this.lists.get(path) ?? [],
      keep: (path, entries) => void next.set(path, entries),
      end: () => void (this.lists = next),
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
