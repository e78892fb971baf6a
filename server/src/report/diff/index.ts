// Comparing two versions of a plan by meaning: the changes, the health before and after, the
// findings fixed and new, and the memo in text, JSON or Markdown. No LSP or VS Code import.
import type { Locale } from '../../engine/types';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from './render';
import type { PlanDiff } from './review';

export const DIFF_RENDERERS = {
  text: renderDiffText,
  json: (diff: PlanDiff) => renderDiffJson(diff),
  md: renderDiffMarkdown,
} satisfies Record<string, (diff: PlanDiff, locale: Locale) => string>;
export type DiffFormat = keyof typeof DIFF_RENDERERS;
export const DIFF_FORMATS = Object.keys(DIFF_RENDERERS) as DiffFormat[];

export { diffPlans, pathOf, plain, plainText, type Change, type ChangeKind, type Plain, type Step } from './plan-diff';
export { reviewDiff, type FindingNote, type PlanDiff, type Version } from './review';
export { changeLine } from './memo';
