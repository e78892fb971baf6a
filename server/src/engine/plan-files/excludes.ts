// Which files of a workspace folder the server leaves out: node_modules and .git always (as every
// walk does), plus the user's `files.exclude` globs, matched as VS Code matches them (relative to the folder,
// a matching folder hides everything below it). Only the `true` entries count; the `{ when }` form
// (exclude a file when a sibling exists) is not supported and is ignored.
import { SKIPPED_FOLDERS } from './discovery';

/** Tests a path relative to the workspace folder (`/`-separated): is it, or a folder above it, excluded? */
export type Exclusion = (relative: string) => boolean;

/** The exclusion for a `files.exclude` setting value; anything that is not a map of globs adds nothing. */
export function exclusionFor(filesExclude: unknown): Exclusion {
  const patterns =
    filesExclude && typeof filesExclude === 'object' && !Array.isArray(filesExclude)
      ? Object.entries(filesExclude as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => globToRegExp(glob))
      : [];
  return (relative) => {
    const segments = relative.split('/');
    for (let i = 1; i <= segments.length; i++) {
      if (SKIPPED_FOLDERS.has(segments[i - 1])) return true;
      const prefix = segments.slice(0, i).join('/');
      if (patterns.some((pattern) => pattern.test(prefix))) return true;
    }
    return false;
  };
}

/** A VS Code glob (`*`, `?`, `**`, `{a,b}`, `[abc]`, `[!abc]`) as an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  const g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let out = '';
  let braces = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      const slashAfter = g[i + 2] === '/';
      const atSegmentStart = i === 0 || g[i - 1] === '/';
      // `**/` is any number of whole folders (none included); `**` elsewhere is anything.
      out += atSegmentStart && slashAfter ? '(?:[^/]+/)*' : '.*';
      i += slashAfter && atSegmentStart ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const close = g.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        const body = g.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  // An unclosed brace matches itself rather than breaking the pattern.
  try {
    return new RegExp(`^${out}$`);
  } catch {
    return new RegExp(`^${g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  }
}
