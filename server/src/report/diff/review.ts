// What changed between two reviews of a plan: the changes by meaning, the plan health before and
// after, and which findings the changes fixed and which they brought.
import type { Plan } from '../../engine/model';
import type { Finding } from '../../engine/rule';
import { planHealth } from '../../views/health';
import { diffPlans, type Change } from './plan-diff';

export interface Version {
  /** What the version is called: a revision (`HEAD`) or a file name. */
  label: string;
  plan: Plan;
  findings: readonly Finding[];
}

export interface FindingNote {
  code: string;
  message: string;
}

export interface PlanDiff {
  before: { label: string; health: number };
  after: { label: string; health: number };
  changes: Change[];
  findings: { fixed: FindingNote[]; new: FindingNote[] };
}

export function reviewDiff(before: Version, after: Version): PlanDiff {
  return {
    before: { label: before.label, health: planHealth(before.findings).score },
    after: { label: after.label, health: planHealth(after.findings).score },
    changes: diffPlans(before.plan, after.plan),
    findings: { fixed: missingFrom(before.findings, after.findings), new: missingFrom(after.findings, before.findings) },
  };
}

/**
 * The findings of `these` that `others` lacks, matched by rule and message (a finding's place moves
 * with every line added above it; its message names what it is about). Counted, so a second
 * identical finding that goes away is one fixed.
 */
function missingFrom(these: readonly Finding[], others: readonly Finding[]): FindingNote[] {
  const left = new Map<string, number>();
  for (const f of others) left.set(keyOf(f), (left.get(keyOf(f)) ?? 0) + 1);
  const out: FindingNote[] = [];
  for (const f of these) {
    const n = left.get(keyOf(f)) ?? 0;
    if (n > 0) left.set(keyOf(f), n - 1);
    else out.push({ code: f.code, message: f.message });
  }
  return out;
}

function keyOf(f: Finding): string {
  return `${f.code}\u0000${f.message}`;
}
