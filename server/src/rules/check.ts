// Checking a plan against the registry's rules: what the CLI, the server and the tests call.
import { runRules, type CheckOptions } from '../engine/check';
import type { Plan } from '../engine/model';
import { parsePlan } from '../engine/parse';
import type { Finding } from '../engine/rule';
import { RULES } from '.';

export { SYNTAX_RULE, type CheckOptions } from '../engine/check';

export function checkPlan(plan: Plan, options: CheckOptions = {}): Finding[] {
  return runRules(plan, RULES, options);
}

/** Parse and check in one step. */
export function checkText(text: string, options: CheckOptions = {}): Finding[] {
  return checkPlan(parsePlan(text), options);
}
