// Building HTML and SVG as strings with one rule: attribute values and text always go through
// escapeHtml; only markup built by these helpers is passed on unescaped.
import { escapeHtml } from './escape';

export type Attrs = Record<string, string | number | boolean | undefined>;

/** ` name="value"` for each attribute that is set (`true` writes the bare name; false and undefined are left out). */
export function attrs(a: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(a)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(typeof value === 'number' ? String(round(value)) : value)}"`;
  }
  return out;
}

/** An element whose children are markup already (from `tag` or `text`). */
export function tag(name: string, a: Attrs = {}, ...children: string[]): string {
  return `<${name}${attrs(a)}>${children.join('')}</${name}>`;
}

/** An element without content: `<rect …/>` in SVG, `<meta …>` in HTML. */
export function empty(name: string, a: Attrs = {}, svg = true): string {
  return `<${name}${attrs(a)}${svg ? '/' : ''}>`;
}

/** Plan or label text as markup. */
export function text(value: string): string {
  return escapeHtml(value);
}

/** Coordinates to one decimal: enough for a drawing, short in the file. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
