// A goal's SMART status, letter by letter, as the checker found it: a letter fails when its rule
// (KAM301 S … KAM305 T) reported a finding inside the goal. A rule turned off passes its letter.
import type { Goal } from './model';
import type { Finding } from './rule';
import type { Text } from './types';
import { SMART_LABELS } from './vocabulary';
import { findingsIn } from './plan-facts';

export const SMART_LETTERS = ['S', 'M', 'A', 'R', 'T'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

export const SMART_RULES: Record<SmartLetter, { code: string; label: Text }> = {
  S: { code: 'KAM301', label: SMART_LABELS.S },
  M: { code: 'KAM302', label: SMART_LABELS.M },
  A: { code: 'KAM303', label: SMART_LABELS.A },
  R: { code: 'KAM304', label: SMART_LABELS.R },
  T: { code: 'KAM305', label: SMART_LABELS.T },
};

export interface SmartCheck {
  letter: SmartLetter;
  pass: boolean;
  /** The findings that fail the letter (empty when it passes). */
  findings: Finding[];
}

export function smartStatus(goal: Goal, findings: readonly Finding[]): SmartCheck[] {
  const inside = findingsIn(findings, goal.span);
  return SMART_LETTERS.map((letter) => {
    const own = inside.filter((f) => f.code === SMART_RULES[letter].code);
    return { letter, pass: own.length === 0, findings: own };
  });
}

/** `S✓ M✓ A✗ R✓ T✓`: the status at a glance, the same in every locale. */
export function smartSummary(checks: readonly SmartCheck[]): string {
  return checks.map((c) => `${c.letter}${c.pass ? '✓' : '✗'}`).join(' ');
}
