// The registry: every rule, in code order. Adding a rule is adding its file and one line here.
import type { Rule } from '../engine/rule';
import { kam001 } from './kam001-yaml-syntax';
import { kam101 } from './kam101-diagnosis-missing';

export const RULES: readonly Rule[] = [
  kam001,
  kam101,
];

export function ruleByCode(codeOrName: string): Rule | undefined {
  return RULES.find((r) => r.code === codeOrName.toUpperCase() || r.name === codeOrName);
}
