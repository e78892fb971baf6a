// Offsets after an edit of comments or blank lines (engine/reparse.ts): the parser reads the same
// nodes and values, so the previous version's document and findings serve again once their offsets
// have moved past the edit.
import type { Shift } from './model';
import type { Finding } from './rule';
import type { Span } from './types';

type Move = Omit<Shift, 'previous'>;

/** Where an offset of the previous version stands after the shift; `start` when it starts something. */
export function shiftOffset(offset: number, shift: Move, start: boolean): number {
  const { at, delta, endsMove } = shift;
  return offset > at || (offset === at && (start || endsMove)) ? offset + delta : offset;
}

/** A span of the previous version where it stands after the shift. */
export function shiftSpan(span: Span, shift: Move): Span {
  const start = shiftOffset(span.start, shift, true);
  return { start, end: span.end === span.start ? start : shiftOffset(span.end, shift, false) };
}

/**
 * The previous version's findings, moved: the findings of the new version. Undefined when lines were
 * added or taken away and a message names a line (KAM204's "already used on line N"): those need a check.
 */
export function shiftFindings(findings: readonly Finding[], shift: Move): Finding[] | undefined {
  if (shift.lines !== 0 && findings.some((f) => typeof f.args.line === 'number')) return undefined;
  return findings.map((f) => ({ ...f, span: shiftSpan(f.span, shift) }));
}
