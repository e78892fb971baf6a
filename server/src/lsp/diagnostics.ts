// Finding → LSP Diagnostic. Every diagnostic names its rule (`code`), links to the rule's page
// (`codeDescription`) and carries what a quick fix needs in `data`.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../engine/docs';
import type { Finding } from '../engine/rule';
import type { Severity } from '../engine/types';
import { rangeOf } from '../services/document';

export const SOURCE = 'kam';

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
