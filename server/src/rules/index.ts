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

/** Every rule by its code, each with its own type: what a fix reads of its findings is typed from here. */
export const RULE_BY_CODE = {
  KAM001: kam001,
  KAM002: kam002,
  KAM101: kam101,
  KAM102: kam102,
  KAM103: kam103,
  KAM201: kam201,
  KAM202: kam202,
  KAM203: kam203,
  KAM204: kam204,
  KAM205: kam205,
  KAM206: kam206,
  KAM207: kam207,
  KAM208: kam208,
  KAM209: kam209,
  KAM300: kam300,
  KAM301: kam301,
  KAM302: kam302,
  KAM303: kam303,
  KAM304: kam304,
  KAM305: kam305,
  KAM401: kam401,
  KAM501: kam501,
  KAM502: kam502,
  KAM503: kam503,
  KAM601: kam601,
  KAM602: kam602,
  KAM603: kam603,
  KAM604: kam604,
  KAM701: kam701,
  KAM801: kam801,
};

export type RuleCode = keyof typeof RULE_BY_CODE;

/** The shape of the data a rule's findings carry for its fix (`RuleData<'KAM203'>` is `Kam203Data`). */
export type RuleData<C extends RuleCode> = (typeof RULE_BY_CODE)[C] extends Rule<infer D> ? D : never;

export const RULES: readonly Rule[] = Object.values(RULE_BY_CODE);

export function ruleByCode(codeOrName: string): Rule | undefined {
  return RULES.find((r) => r.code === codeOrName.toUpperCase() || r.name === codeOrName);
}
