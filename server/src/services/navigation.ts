// Go to definition, find references, document highlights and rename: all over the id index, so
// they agree on what an id is and where it stands.
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type ReferenceContext,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { interpolate, type Locale, type Text } from '../engine/types';
import { ID_KIND_LABELS, say, text } from '../engine/vocabulary';
import { rangeOf, type PlanDocument } from './document';
import { idIndex, occurrenceAt, occurrencesOf, type IdKind, type IdOccurrence } from './id-index';

/** The id under the cursor and every occurrence of it (same kind, same id). */
function idAt({ document, plan }: PlanDocument, position: Position): { at: IdOccurrence; all: readonly IdOccurrence[] } | undefined {
  const index = idIndex(plan);
  const at = occurrenceAt(index, document.offsetAt(position));
  return at && { at, all: occurrencesOf(index, at.kind, at.id) };
}

function locationOf({ document }: PlanDocument, o: IdOccurrence): Location {
  return { uri: document.uri, range: rangeOf(document, o.span) };
}

/** From a reference or a definition to the definition's id value (several when the id is duplicated). */
export function definition(parsed: PlanDocument, position: Position): Location[] {
  const found = idAt(parsed, position);
  return found ? found.all.filter((o) => o.isDefinition).map((o) => locationOf(parsed, o)) : [];
}

export function references(parsed: PlanDocument, position: Position, context: ReferenceContext): Location[] {
  const found = idAt(parsed, position);
  if (!found) return [];
  return found.all.filter((o) => context.includeDeclaration || !o.isDefinition).map((o) => locationOf(parsed, o));
}

/** Every occurrence of the id under the cursor: the definition is written, references read it. */
export function documentHighlights(parsed: PlanDocument, position: Position): DocumentHighlight[] {
  const found = idAt(parsed, position);
  if (!found) return [];
  return found.all.map((o) => ({
    range: rangeOf(parsed.document, o.span),
    kind: o.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

/** The id under the cursor, or null: only ids can be renamed. */
export function prepareRename(parsed: PlanDocument, position: Position): Range | null {
  const found = idAt(parsed, position);
  return found ? rangeOf(parsed.document, found.at.span) : null;
}

/** A rename the plan cannot take; the server answers the request with this message. */
export class RenameError extends Error {
  override readonly name = 'RenameError';
}

/** Identifiers as the format defines them. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

const MESSAGES = {
  notAnId: text(
    'Put the cursor on a driver, stakeholder, unit, goal or action id to rename it.',
    '请将光标放在驱动因素、关键人物、部门、目标或行动的 id 上再重命名。',
  ),
  invalid: text(
    '`{name}` is not a valid id: start with a letter, then use only letters, digits, `_` and `-`.',
    '`{name}` 不是有效的 id：须以字母开头，其后只能是字母、数字、`_` 和 `-`。',
  ),
  clash: text(
    'There is already a {kind} with the id `{name}`.',
    '已有 id 为 `{name}` 的{kind}。',
  ),
} satisfies Record<string, Text>;

/**
 * Renames the id under the cursor: one edit per occurrence, replacing exactly the id's characters
 * (quotes, comments and layout stay as written). Throws a RenameError for a name the plan cannot take.
 */
export function rename(parsed: PlanDocument, position: Position, newName: string, locale: Locale = 'en'): WorkspaceEdit {
  const found = idAt(parsed, position);
  if (!found) throw new RenameError(MESSAGES.notAnId[locale]);
  const { at, all } = found;
  if (!ID_PATTERN.test(newName)) throw new RenameError(interpolate(MESSAGES.invalid[locale], { name: newName }));
  if (newName !== at.id && occurrencesOf(idIndex(parsed.plan), at.kind, newName).some((o) => o.isDefinition)) {
    throw new RenameError(say(MESSAGES.clash, locale, { name: newName, kind: ID_KIND_LABELS[at.kind] }));
  }
  const edits: TextEdit[] = newName === at.id ? [] : all.map((o) => ({ range: rangeOf(parsed.document, o.span), newText: newName }));
  return { changes: { [parsed.document.uri]: edits } };
}
