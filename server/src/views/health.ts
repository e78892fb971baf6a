// The plan-health score (0–100) and a mark per stage, from the checker's findings. The formula and why
// it is so are in docs/health-score.md; keep the two in step.
import { SYNTAX_RULE } from '../engine/check';
import type { Finding } from '../engine/rule';
import { CYCLE, type Severity, type Stage } from '../engine/types';

/** A stage's (or the plan's) state: its worst finding's severity, or ok. */
export type Mark = 'ok' | Severity;

/** Points one finding costs. An error is a broken plan, a warning a gap in the method, info a hint. */
export const SEVERITY_COST: Record<Severity, number> = { error: 15, warning: 5, info: 1 };

/** The most one stage can cost, so a single noisy stage cannot sink the score by itself. */
export const STAGE_CAP = 35;

/** Every stage, in reading order: the file, the account, the planning cycle, the rescue network. */
export const STAGES: readonly Stage[] = ['document', 'account', ...CYCLE, 'rescue_network'];

const RANK: Record<Mark, number> = { ok: 0, info: 1, warning: 2, error: 3 };

export interface StageHealth {
  stage: Stage;
  mark: Mark;
  counts: Record<Severity, number>;
  /** Points this stage costs the score, after the cap. */
  cost: number;
}

export interface PlanHealth {
  /** 0–100; 0 when the YAML does not parse. */
  score: number;
  /** False when the YAML does not parse (a KAM001 finding, or the caller says so). */
  parses: boolean;
  /** The plan's worst mark. */
  mark: Mark;
  counts: Record<Severity, number>;
  /** One entry per stage, in STAGES order. */
  stages: StageHealth[];
}

export type ScoredFinding = Pick<Finding, 'code' | 'severity' | 'stage'>;

export function worse(a: Mark, b: Mark): Mark {
  return RANK[b] > RANK[a] ? b : a;
}

/** The worst mark among findings (ok when there are none). */
export function markOf(findings: readonly Pick<Finding, 'severity'>[]): Mark {
  return findings.reduce<Mark>((mark, f) => worse(mark, f.severity), 'ok');
}

/**
 * score = 100 − Σ over stages of min(STAGE_CAP, Σ SEVERITY_COST of the stage's findings), at least 0;
 * 0 when the plan does not parse. `parses: false` lets a caller that knows the YAML is broken say so
 * even when KAM001 is turned off.
 */
export function planHealth(findings: readonly ScoredFinding[], options: { parses?: boolean } = {}): PlanHealth {
  const parses = options.parses !== false && !findings.some((f) => f.code === SYNTAX_RULE);
  const stages = STAGES.map((stage): StageHealth => {
    const own = findings.filter((f) => f.stage === stage);
    const counts = countBySeverity(own);
    const raw = counts.error * SEVERITY_COST.error + counts.warning * SEVERITY_COST.warning + counts.info * SEVERITY_COST.info;
    return { stage, mark: markOf(own), counts, cost: Math.min(STAGE_CAP, raw) };
  });
  const cost = stages.reduce((sum, s) => sum + s.cost, 0);
  return {
    score: parses ? Math.max(0, 100 - cost) : 0,
    parses,
    mark: parses ? markOf(findings) : 'error',
    counts: countBySeverity(findings),
    stages,
  };
}

export function stageHealth(health: PlanHealth, stage: Stage): StageHealth {
  return health.stages.find((s) => s.stage === stage)!;
}

function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
