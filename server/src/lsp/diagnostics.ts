// Finding → LSP Diagnostic. Every diagnostic names its rule (`code`), links to the rule's page
// (`codeDescription`) and carries what a quick fix needs in `data`.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../engine/docs';
import type { Finding } from '../engine/rule';
import type { Severity } from '../engine/types';
import { say, text, type Locale } from '../engine/vocabulary';
import { rangeOf } from '../services/document';

export const SOURCE = 'kam';

/**
 * The most diagnostics published for one document. A hostile plan (a megabyte of unknown keys) has
 * 100,000 findings: tens of MB to encode on the server's one thread, and more than anyone reads.
 */
export const MAX_DIAGNOSTICS = 1000;

const LEFT_OUT = text(
  'Only the first {shown} of {total} findings of this file are shown: fix those, and the rest follow.',
  '此文件共有 {total} 条检查结果，仅显示前 {shown} 条：修正这些后，其余的会随后显示。',
);

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What `Diagnostic.data` holds: the rule's message id plus the facts the rule reported. */
export interface FindingData extends Record<string, unknown> {
  messageId: string;
}

/**
 * `lines` places offsets in the version the finding's offsets refer to: its TextDocument, or the
 * plan's line index (engine/lines.ts), which places them alike without a second scan of the text.
 */
export function toDiagnostic(finding: Finding, lines: Pick<TextDocument, 'positionAt'>): Diagnostic {
  const href = ruleDocUrl(finding.code);
  const data: FindingData = { messageId: finding.messageId, ...finding.data };
  return {
    range: rangeOf(lines, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: finding.message,
    data,
  };
}

/**
 * A document's findings as diagnostics, at most MAX_DIAGNOSTICS of them (the first by place, as the
 * findings come), and then one more at the top of the file that says how many were left out. `total`
 * counts the findings when only the first are given.
 */
export function toDiagnostics(findings: readonly Finding[], lines: Pick<TextDocument, 'positionAt'>, locale: Locale, total = findings.length): Diagnostic[] {
  if (total <= MAX_DIAGNOSTICS) return findings.map((finding) => toDiagnostic(finding, lines));
  const shown = findings.slice(0, MAX_DIAGNOSTICS).map((finding) => toDiagnostic(finding, lines));
  const start = { line: 0, character: 0 };
  const message = say(LEFT_OUT, locale, { shown: MAX_DIAGNOSTICS.toLocaleString('en'), total: total.toLocaleString('en') });
  return [{ range: { start, end: start }, severity: DiagnosticSeverity.Information, source: SOURCE, message }, ...shown];
}
