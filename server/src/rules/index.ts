// The registry: every rule, in code order. Adding a rule is adding its file and one line here.
import type { Rule } from '../engine/rule';
import { kam001 } from './kam001-yaml-syntax';
import { kam002 } from './kam002-schema';
import { kam101 } from './kam101-diagnosis-missing';
import { kam102 } from './kam102-diagnosis-section-missing';
import { kam103 } from './kam103-drivers-count';
import { kam201 } from './kam201-role-unassigned';
import { kam202 } from './kam202-role-unknown';
import { kam203 } from './kam203-reference-unknown';
import { kam204 } from './kam204-id-duplicate';
import { kam205 } from './kam205-decision-maker-not-engaged';
import { kam206 } from './kam206-gatekeeper-left-out';
import { kam207 } from './kam207-relationship-stale';
import { kam208 } from './kam208-stage-role-not-engaged';
import { kam209 } from './kam209-opposition-unmanaged';
import { kam300 } from './kam300-goals-missing';
import { kam301 } from './kam301-goal-not-specific';
import { kam302 } from './kam302-goal-not-measurable';
import { kam303 } from './kam303-goal-not-achievable';
import { kam304 } from './kam304-goal-not-realistic';
import { kam305 } from './kam305-goal-not-time-bound';
import { kam401 } from './kam401-swot-incomplete';
import { kam501 } from './kam501-action-incomplete';
import { kam502 } from './kam502-action-after-deadline';
import { kam503 } from './kam503-action-without-goal';
import { kam601 } from './kam601-goal-without-control';
import { kam602 } from './kam602-feedback-unanswered';
import { kam603 } from './kam603-review-overdue';
import { kam604 } from './kam604-control-overdue';
import { kam701 } from './kam701-rescue-network-gap';
import { kam801 } from './kam801-goal-not-grounded';

export const RULES: readonly Rule[] = [
  kam001,
  kam002,
  kam101,
  kam102,
  kam103,
  kam201,
  kam202,
  kam203,
  kam204,
  kam205,
  kam206,
  kam207,
  kam208,
  kam209,
  kam300,
  kam301,
  kam302,
  kam303,
  kam304,
  kam305,
  kam401,
  kam501,
  kam502,
  kam503,
  kam601,
  kam602,
  kam603,
  kam604,
  kam701,
  kam801,
];

export function ruleByCode(codeOrName: string): Rule | undefined {
  return RULES.find((r) => r.code === codeOrName.toUpperCase() || r.name === codeOrName);
}
