// KAM002, KAM202, KAM203: a name that is near a known one (a key, a choice, a role, an id). The fix
// writes the suggestion in its place, inside the quotes when the name is quoted; it is the one
// obvious fix, so it is preferred.
import { isMap, isPair, isScalar, visit, type Scalar, type YAMLMap } from 'yaml';
import type { Span, Text } from '../../engine/types';
import { say, type Fix, type FixContext } from './fix';

const TITLE: Text = { en: 'Change `{from}` to `{to}`', 'zh-cn': '将 `{from}` 改为 `{to}`' };

/** Names the suggestions can be: keys, choices, role names (also Chinese), ids. None needs quoting. */
const SAFE_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

export function replaceFix(ctx: FixContext, span: Span, suggestion: string): Fix | undefined {
  const found = scalarAt(ctx, span);
  if (!found || !SAFE_NAME.test(suggestion)) return undefined;
  const { node, inMap } = found;
  // Renaming a key to one its map already has would make a duplicate key.
  if (inMap?.items.some((p) => isScalar(p.key) && String(p.key.value) === suggestion)) return undefined;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (!quoted && node.type !== 'PLAIN') return undefined;
  const at = quoted ? { start: span.start + 1, end: span.end - 1 } : span;
  if (String(node.value) === suggestion) return undefined;
  return { title: say(ctx, TITLE, { from: String(node.value), to: suggestion }), edits: [{ ...at, newText: suggestion }], isPreferred: true };
}

/** The scalar written exactly over the span, and the map it is a key of (if it is a key). */
function scalarAt(ctx: FixContext, span: Span): { node: Scalar; inMap?: YAMLMap } | undefined {
  let found: { node: Scalar; inMap?: YAMLMap } | undefined;
  visit(ctx.plan.doc, {
    Scalar(key, node, path) {
      if (node.range?.[0] !== span.start || node.range[1] !== span.end) return undefined;
      const pair = path[path.length - 1];
      const parent = path[path.length - 2];
      found = { node, inMap: key === 'key' && isPair(pair) && isMap(parent) ? parent : undefined };
      return visit.BREAK;
    },
  });
  return found;
}
