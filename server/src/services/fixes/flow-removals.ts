// Taking items out of a flow collection (`[a, b, c]`, `{a: 1, b: 2}`) with the commas beside them,
// so what is left reads as if it had been written that way.
import type { Span } from '../../engine/types';
import type { Edit } from './text-edits';

/**
 * Removals from a flow list, run by run: a run followed by a kept item goes up to that item (its
 * commas with it), a run at the end goes from the kept item before it. All gone: `empty`.
 */
export function flowRemovals(spans: Span[], gone: boolean[], list: Span, empty = '[]'): Edit[] {
  if (gone.every(Boolean)) return [{ ...list, newText: empty }];
  const edits: Edit[] = [];
  for (let i = 0; i < spans.length; i++) {
    if (!gone[i]) continue;
    let j = i;
    while (j + 1 < spans.length && gone[j + 1]) j++;
    edits.push(
      j + 1 < spans.length
        ? { start: spans[i].start, end: spans[j + 1].start, newText: '' }
        : { start: spans[i - 1].end, end: spans[j].end, newText: '' },
    );
    i = j;
  }
  return edits;
}
