// The diagnostics of an open `.kamrc.yaml`: its own findings (engine/rc-check.ts) at their places,
// in the configuration's language. Codes start with `rc-`; they have no rule page to link to.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkRcText } from '../engine/rc-check';
import type { Locale } from '../engine/types';
import { RULES } from '../rules';
import { rangeOf } from '../services/document';
import { SEVERITY, SOURCE } from './diagnostics';

export function rcDiagnostics(document: TextDocument, locale: Locale): Diagnostic[] {
  return checkRcText(document.getText(), RULES, locale).map((finding) => ({
    range: rangeOf(document, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: SOURCE,
    message: finding.message,
  }));
}
