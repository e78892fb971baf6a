// How a value typed in the form is written as a YAML scalar: plain where it reads back as exactly
// what was typed, else quoted (in the quotes the old value used, if it was quoted). Whether plain
// text reads back is asked of the YAML parser itself, so `yes`, `null`, `12:30`, `a # b` or `- x`
// are quoted and `12%`, `Li Wei` or `2027-06-30` are not.
import { parse } from 'yaml';

export type QuoteStyle = 'plain' | 'single' | 'double';

/** The text typed, as YAML that reads back as it: in a flow collection (`[…]`, `{…}`) when `inFlow`. */
export function scalarSource(value: string, options: { style?: QuoteStyle; inFlow?: boolean; number?: boolean } = {}): string {
  const { style = 'plain', inFlow = false } = options;
  if (style === 'single' && readsBack(`'${value.replace(/'/g, "''")}'`, value, inFlow)) return `'${value.replace(/'/g, "''")}'`;
  if (style !== 'double' && readsBack(value, value, inFlow, options.number)) return value;
  return JSON.stringify(value);
}

/** Whether `source` (one line) as a map value, or as a flow list's item, reads back as the text. */
function readsBack(source: string, value: string, inFlow: boolean, number = true): boolean {
  if (source === '' || /[\r\n\t]/.test(source) || source !== source.trim()) return false;
  try {
    const read: unknown = inFlow ? (parse(`[${source}]`) as unknown[])?.[0] : (parse(`k: ${source}`) as Record<string, unknown>)?.k;
    if (typeof read === 'string') return read === value;
    // A number reads back when it is written as typed (`12`, not `012` or `1.50`).
    return number && typeof read === 'number' && Number.isFinite(read) && String(read) === value;
  } catch {
    return false;
  }
}

/** The quote style of a scalar node's type (`QUOTE_SINGLE`, …); block scalars count as double. */
export function styleOf(type: string | undefined): QuoteStyle {
  if (type === 'QUOTE_SINGLE') return 'single';
  if (type === 'PLAIN' || type === undefined) return 'plain';
  return 'double';
}
