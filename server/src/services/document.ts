// What every language service reads: one parsed version of a document. The server's cache
// (`lsp/documents.ts`, ParsedDocument) has this shape, so it can be passed as is.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Plan } from '../engine/model';
import type { Span } from '../engine/types';

export interface PlanDocument {
  /** The version that was parsed: `plan.text` is its text, so spans and positions agree. */
  document: TextDocument;
  plan: Plan;
}

/** A span (UTF-16 offsets, what the engine speaks) as an LSP range (lines and characters). */
export function rangeOf(document: Pick<TextDocument, 'positionAt'>, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** A span without its trailing whitespace: a block node's range runs on to the start of the next line. */
export function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}
