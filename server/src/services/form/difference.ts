import type { Edit } from '../fixes/text-edits';

/** The one edit that turns `before` into `after`: what lies between their common start and end. */
export function difference(before: string, after: string): Edit {
  let start = 0;
  const most = Math.min(before.length, after.length);
  // Whole blocks first: comparing substrings runs natively, far faster than a loop over characters.
  while (start + BLOCK <= most && before.substr(start, BLOCK) === after.substr(start, BLOCK)) start += BLOCK;
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end + BLOCK <= most - start && before.substr(before.length - end - BLOCK, BLOCK) === after.substr(after.length - end - BLOCK, BLOCK)) end += BLOCK;
  while (end < most - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never between the halves of a surrogate pair or of a `\r\n`.
  const splits = (text: string, at: number) => at > 0 && at < text.length && (/[\uD800-\uDBFF]/.test(text[at - 1]) || (text[at - 1] === '\r' && text[at] === '\n'));
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while (end > 0 && (splits(before, before.length - end) || splits(after, after.length - end))) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

const BLOCK = 1024;
