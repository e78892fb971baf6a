// Shared vocabulary of the checker: severities, locales, source spans, bilingual text.
// Nothing here knows about LSP or VS Code, so the CLI, the server and the tests share it.

export type Severity = 'error' | 'warning' | 'info';
export type Setting = Severity | 'off';
export type Locale = 'en' | 'zh-cn';
export const LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/** A half-open range of UTF-16 offsets into the plan text (the unit both JS strings and LSP use). */
export interface Span {
  start: number;
  end: number;
}

/** Text a user reads, in every locale we ship. */
export type Text = Record<Locale, string>;

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

export function normalizeLocale(value: string | undefined): Locale {
  return value && value.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** Fills `{name}` placeholders from args; unknown placeholders stay as written. */
export function interpolate(template: string, args: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}

/** Keys as a message argument, the same in every locale: `` `what`, `budget` ``. */
export function keyList(keys: readonly string[]): string {
  return keys.map((k) => `\`${k}\``).join(', ');
}
