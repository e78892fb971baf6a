// Shared by the language-service suites: a plan document from text, and cursors placed by the text around them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { parsePlan } from '../../server/src/engine/parse';
import type { PlanDocument } from '../../server/src/services/document';
import { readRepoFile } from '../helpers';

export const URI = 'file:///plans/test.kam.yaml';

export function planDocument(text: string, uri = URI): PlanDocument {
  return { document: TextDocument.create(uri, 'kam-yaml', 1, text), plan: parsePlan(text) };
}

export function example(name: string): string {
  return readRepoFile('examples', `${name}.kam.yaml`);
}

/**
 * The position inside `word` where it first occurs within the first occurrence of `context`
 * (one character into the word, as after a click on it).
 */
export function cursor({ document }: PlanDocument, context: string, word = context): Position {
  const text = document.getText();
  const at = text.indexOf(context);
  const inner = context.indexOf(word);
  if (at < 0 || inner < 0) throw new Error(`no \`${word}\` in \`${context}\` in the text`);
  return document.positionAt(at + inner + 1);
}

export function textAt({ document }: PlanDocument, range: Range): string {
  return document.getText(range);
}

/** The whole line a range starts on, without its line break. */
export function lineAt({ document }: PlanDocument, range: Range): string {
  return document.getText({ start: { line: range.start.line, character: 0 }, end: { line: range.start.line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** The 0-based numbers of the lines that match. */
export function linesMatching(text: string, pattern: RegExp): number[] {
  return text.split(/\r?\n/).flatMap((line, i) => (pattern.test(line) ? [i] : []));
}
