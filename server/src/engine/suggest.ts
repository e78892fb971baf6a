// "Did you mean …?": the nearest candidate by edit distance, if it is near enough to help.

export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Infinity);
}

/** Two rows of the distance table, reused from call to call and grown when a word is longer. */
let rows = [new Int32Array(64), new Int32Array(64)];

/**
 * The edit distance (insertions, deletions and substitutions of UTF-16 units) when it is below
 * `bound`, else `bound`: a row whose every cell has reached the bound ends the count early, as the
 * distance can only grow from there. A hostile plan asks this of every one of 100,000 unknown keys.
 */
function boundedDistance(a: string, b: string, bound: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) >= bound) return bound;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length * 2 + 1), new Int32Array(b.length * 2 + 1)];
  let [prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const unit = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const replace = prev[j - 1] + (unit === b.charCodeAt(j - 1) ? 0 : 1);
      const remove = prev[j] + 1;
      const insert = cur[j - 1] + 1;
      const d = replace < remove ? (replace < insert ? replace : insert) : remove < insert ? remove : insert;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin >= bound) return bound;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length], bound);
}

/**
 * The closest candidate, compared case-insensitively; none when even the best needs more than ~40% of
 * it rewritten, or as many edits as the word has characters (so `x` suggests nothing).
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = (length: number) => Math.max(1, Math.ceil(Math.max(word.length, length) * 0.4));
  // No distance this large could be told, whichever candidate had it: the counts stop there.
  let longest = 0;
  for (const c of candidates) longest = Math.max(longest, c.length);
  let bestScore = Math.min(word.length, limit(longest) + 1);
  let best: string | undefined;
  for (const c of candidates) {
    // Only a closer candidate than the best so far matters: the count stops once it cannot be.
    const d = boundedDistance(w, c.toLowerCase(), bestScore);
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  if (best === undefined) return undefined;
  return bestScore <= limit(best.length) && bestScore < word.length ? best : undefined;
}
