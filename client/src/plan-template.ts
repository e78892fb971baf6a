// A new plan's text, made from the "new plan" snippet of snippets/kam-yaml.json so the snippet stays
// the one template: the account's name in place of the first placeholder, every other placeholder
// its default (a choice: its first option), the date variables today's date. Plain code, no VS Code.
import type { Locale } from '../../server/src/engine/types';

/** The names of the whole-plan snippets, per language of the comments. */
export const PLAN_SNIPPETS: Record<Locale, string> = { en: 'New key-account plan', 'zh-cn': '新建重点客户计划' };

/** The plan text for an account, from the snippet's body lines; `today` is `YYYY-MM-DD`. */
export function planFromSnippet(body: readonly string[], account: string, today: string): string {
  const [year, month, day] = today.split('-');
  const variables = { CURRENT_YEAR: year, CURRENT_MONTH: month, CURRENT_DATE: day };
  return resolveSnippet(body.join('\n'), variables, { '1': yamlScalar(account) });
}

/**
 * A snippet's text with its tab stops and variables resolved. A tab stop's value is the first
 * default written for it anywhere (mirrors before it get it too), unless `fixed` gives one; an
 * unknown variable, like a tab stop with no default, becomes empty.
 */
export function resolveSnippet(snippet: string, variables: Record<string, string>, fixed: Record<string, string> = {}): string {
  const values = new Map(Object.entries(fixed));
  let i = 0;

  const valueOf = (name: string) => (/^\d+$/.test(name) ? (values.get(name) ?? '') : (variables[name] ?? ''));
  const define = (name: string, text: string) => {
    if (!/^\d+$/.test(name)) return variables[name] ?? text;
    if (!values.has(name)) values.set(name, text);
    return values.get(name)!;
  };

  /** Text up to the end, or up to the `}` closing the placeholder being read. */
  function text(inPlaceholder: boolean): string {
    let out = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && '$}\\'.includes(snippet[i + 1] ?? '')) {
        out += snippet[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) return out;
      else if (c === '$') out += dollar();
      else {
        out += c;
        i++;
      }
    }
    return out;
  }

  function dollar(): string {
    const rest = snippet.slice(i);
    const bare = /^\$(\d+|[A-Z_][A-Z_0-9]*)/.exec(rest);
    if (bare) {
      i += bare[0].length;
      return valueOf(bare[1]);
    }
    const open = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)/.exec(rest);
    if (!open) {
      i++;
      return '$';
    }
    i += open[0].length;
    const name = open[1];
    if (snippet[i] === ':') {
      i++;
      const inner = text(true);
      i++; // the closing brace
      return define(name, inner);
    }
    if (snippet[i] === '|') {
      const end = snippet.indexOf('|}', i + 1);
      const options = snippet.slice(i + 1, end < 0 ? undefined : end).split(',');
      i = end < 0 ? snippet.length : end + 2;
      return define(name, options[0].replace(/\\(.)/g, '$1'));
    }
    if (snippet[i] === '}') i++;
    return valueOf(name);
  }

  // Two passes: the first learns every tab stop's default, so a mirror written before it has it too.
  text(false);
  i = 0;
  return text(false);
}

/** Text as a YAML scalar: plain when it is plainly a name, else double-quoted (JSON's escapes are YAML's). */
export function yamlScalar(value: string): string {
  const text = value.trim();
  const plain = /^\p{L}[\p{L}\p{M}\p{N} .,&()'’/_-]*$/u.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text);
  return plain && !text.endsWith(' ') ? text : JSON.stringify(text);
}

/** The file name for an account's plan: its name in lower case, runs of anything but letters and digits as `-`. */
export function planFileName(account: string): string {
  const slug = account
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'plan'}.kam.yaml`;
}
