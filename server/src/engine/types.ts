// Shared vocabulary of the checker: severities, locales, source spans, bilingual text.
// Nothing here knows about LSP or VS Code, so the CLI, the server and the tests share it.

export type Severity = 'error' | 'warning' | 'info';
export type Setting = Severity | 'off';
export { interpolate, LOCALES, normalizeLocale, type Arg, type Args, type Locale, type Text } from './vocabulary/locale';

/** A half-open range of UTF-16 offsets into the plan text (the unit both JS strings and LSP use). */
export interface Span {
  start: number;
  end: number;
}

/** The planning-cycle stage a rule or a section belongs to; `document` is the file itself. */
export type Stage =
  | 'document'
  | 'account'
  | 'diagnosis'
  | 'forecast'
  | 'goals'
  | 'strategy'
  | 'actions'
  | 'controls'
  | 'feedback'
  | 'rescue_network';

export const CYCLE: readonly Stage[] = ['diagnosis', 'forecast', 'goals', 'strategy', 'actions', 'controls', 'feedback'];

/** Keys as a message argument, the same in every locale: `` `what`, `budget` ``. */
export function keyList(keys: readonly string[]): string {
  return keys.map((k) => `\`${k}\``).join(', ');
}
