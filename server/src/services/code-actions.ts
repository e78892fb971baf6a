// Quick fixes for the findings under the cursor, and "fix all" for the file. Each fix is a few small
// edits (see fixes/): nothing is re-serialised, so comments, blank lines, indentation, line endings
// and flow or block style stay as the user wrote them. A fix whose result would not parse is never
// offered. Fix-all applies only the preferred (unambiguous) fixes.
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { checkPlan } from '../rules/check';
import type { KamConfig } from '../engine/config';
import type { Action, Entity, Goal } from '../engine/model';
import { parsePlan } from '../engine/parse';
import type { Finding } from '../engine/rule';
import type { Locale, Severity, Span, Text } from '../engine/types';
import { localToday } from '../engine/values';
import { rangeOf, type PlanDocument } from './document';
import { fieldsFix, itemAt, type ItemKind } from './fixes/add-fields';
import { say, type Fix, type FixContext } from './fixes/fix';
import { FIELD_CODES, fixesOf, missingKeys } from './fixes/fixers';
import { sectionsFix } from './fixes/insert-section';
import { detectLayout } from './fixes/layout';
import { applyOffsetEdits, mergeEdits, type Edit } from './fixes/text-edits';

/** Fix-all's kind: VS Code runs it for `"editor.codeActionsOnSave": { "source.fixAll": … }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kam`;

/** What the client sends (a published Diagnostic, `data` = { messageId, …finding.data }) or a Finding itself. */
export type Problem = Diagnostic | Finding;

export interface CodeActionOptions {
  /** `YYYY-MM-DD`, the checker's today: placeholder dates count from it. The local date by default. */
  today?: string;
  /** The settings the file is checked with: fix-all fixes what they report (a rule turned off is left alone). */
  config?: KamConfig;
}

/** The diagnostics' `source`, as the server publishes them (lsp/diagnostics.ts). */
const SOURCE = 'kam';

const FIX_ALL_TITLE: Text = { en: 'Fix all auto-fixable KAM problems', 'zh-cn': '修复所有可自动修复的 KAM 问题' };

/** A problem located in the current text, with what its rule reported for the fix. */
interface Target {
  code: string;
  span: Span;
  data: Record<string, unknown>;
}

/**
 * The code actions for the problems in a range. `only` is the client's filter (`context.only`):
 * quick fixes unless it excludes them; fix-all (`source.fixAll.kam`) only when it asks for it.
 */
export function codeActions(
  parsed: PlanDocument,
  problems: readonly Problem[],
  only: readonly string[] | undefined,
  locale: Locale = 'en',
  options: CodeActionOptions = {},
): CodeAction[] {
  const ctx = contextOf(parsed, locale, options);
  // Until the YAML parses, KAM001 is the only finding, and no structural edit is safe.
  if (ctx.plan.syntaxErrors.length > 0) return [];
  let all: { edits: Edit[]; fixed: number } | undefined;
  const fixAllOnce = () => (all ??= fixAllEdits(ctx, options));
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix, false)) {
    for (const problem of problems) {
      const diagnostic = asDiagnostic(parsed, problem);
      const target = targetOf(parsed, diagnostic);
      if (!target) continue;
      for (const fix of fixesFor(ctx, target)) actions.push(action(parsed, fix.title, CodeActionKind.QuickFix, fix.edits, [diagnostic], fix.isPreferred));
    }
    // Beside a preferred fix, the offer to apply all of them when there are more.
    if (actions.some((a) => a.isPreferred) && fixAllOnce().fixed > 1) {
      actions.push(action(parsed, say(ctx, FIX_ALL_TITLE), CodeActionKind.QuickFix, fixAllOnce().edits));
    }
  }
  if (wants(only, FIX_ALL_KIND, true) && fixAllOnce().fixed > 0) {
    actions.push(action(parsed, say(ctx, FIX_ALL_TITLE), FIX_ALL_KIND, fixAllOnce().edits));
  }
  return actions;
}

/** Every preferred fix for the file's findings, as one edit; undefined when there is nothing to fix. */
export function fixAll(parsed: PlanDocument, locale: Locale = 'en', options: CodeActionOptions = {}): WorkspaceEdit | undefined {
  const ctx = contextOf(parsed, locale, options);
  if (ctx.plan.syntaxErrors.length > 0) return undefined;
  const all = fixAllEdits(ctx, options);
  return all.fixed > 0 ? workspaceEdit(parsed, all.edits) : undefined;
}

/**
 * The quick fixes of each finding, for views that list them beside the finding (the plan editor):
 * one fix context for all, and the results not yet checked to parse (quickFixEdit checks the one chosen).
 */
export function findingFixes(parsed: PlanDocument, findings: readonly Finding[], locale: Locale = 'en', options: CodeActionOptions = {}): Fix[][] {
  if (parsed.plan.syntaxErrors.length > 0) return findings.map(() => []);
  const ctx = contextOf(parsed, locale, options);
  return findings.map((f) => fixesOf(ctx, f.code, f.span, targetOfFinding(f).data).filter((fix): fix is Fix => fix !== undefined));
}

/** The edit of a finding's quick fix number `index` (as findingFixes lists them); undefined if it would not parse. */
export function quickFixEdit(parsed: PlanDocument, finding: Finding, index: number, locale: Locale = 'en', options: CodeActionOptions = {}): WorkspaceEdit | undefined {
  const fix = findingFixes(parsed, [finding], locale, options)[0][index];
  const ctx = fix && contextOf(parsed, locale, options);
  const edits = ctx && parsesAfter(ctx, fix.edits);
  return edits && workspaceEdit(parsed, edits);
}

function contextOf({ plan }: PlanDocument, locale: Locale, options: CodeActionOptions): FixContext {
  return { plan, text: plan.text, layout: detectLayout(plan), locale, today: options.today ?? localToday() };
}

/** Whether the client's filter lets a kind through; `explicit` kinds only when asked for. */
function wants(only: readonly string[] | undefined, kind: string, explicit: boolean): boolean {
  if (!only || only.length === 0) return !explicit;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** A Finding as the Diagnostic the server publishes for it; a Diagnostic as it is. */
function asDiagnostic({ document }: PlanDocument, problem: Problem): Diagnostic {
  if (!('span' in problem)) return problem;
  return {
    range: rangeOf(document, problem.span),
    severity: SEVERITY[problem.severity],
    code: problem.code,
    source: SOURCE,
    message: problem.message,
    data: targetOfFinding(problem).data,
  };
}

/** Ours only: a KAM code from the `kam` source. */
function targetOf({ document }: PlanDocument, d: Diagnostic): Target | undefined {
  const code = String(d.code ?? '');
  if (!/^KAM\d{3}$/.test(code) || (d.source !== undefined && d.source !== SOURCE)) return undefined;
  const span = { start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end) };
  const data = typeof d.data === 'object' && d.data !== null ? (d.data as Record<string, unknown>) : {};
  return { code, span, data };
}

function targetOfFinding(f: Finding): Target {
  return { code: f.code, span: f.span, data: { messageId: f.messageId, ...f.data } };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The fixes for one problem, best first, with their edits merged; none whose result would not parse. */
function fixesFor(ctx: FixContext, t: Target): Fix[] {
  const fixes: Fix[] = [];
  for (const fix of fixesOf(ctx, t.code, t.span, t.data)) {
    if (!fix) continue;
    const edits = parsesAfter(ctx, fix.edits);
    if (edits) fixes.push({ ...fix, edits });
  }
  return fixes;
}

/** The edits merged, if they do not overlap and the text they make parses. */
function parsesAfter(ctx: FixContext, edits: readonly Edit[]): Edit[] | undefined {
  const merged = mergeEdits(edits);
  if (!merged || merged.length === 0) return undefined;
  return parsePlan(applyOffsetEdits(ctx.text, merged)).syntaxErrors.length === 0 ? merged : undefined;
}

/**
 * The preferred fixes of every finding, one per place: all missing sections of the diagnosis in one
 * fix, all missing keys of a goal or an action in one, so that they land in the format's order.
 * Applied in code order, then text order; a fix that overlaps one taken, or would break the YAML, is
 * left for the next run.
 */
function fixAllEdits(ctx: FixContext, options: CodeActionOptions): { edits: Edit[]; fixed: number } {
  const findings = checkPlan(ctx.plan, { config: options.config, today: ctx.today });
  const candidates: { code: string; fix: Fix }[] = [];
  const sections: string[] = [];
  const items = new Map<Goal | Action, { kind: ItemKind; code: string; keys: Set<string> }>();
  for (const f of findings) {
    const t = targetOfFinding(f);
    const kind = (FIELD_CODES as Partial<Record<string, ItemKind>>)[f.code];
    if (kind) {
      const item = itemAt(ctx.plan, kind, f.span.start);
      if (!item) continue;
      const group = items.get(item) ?? { kind, code: f.code, keys: new Set<string>() };
      for (const key of missingKeys(t.data)) if (!renamedInto(findings, item, key)) group.keys.add(key);
      items.set(item, group);
    } else if (f.code === 'KAM102') {
      if (typeof t.data.section === 'string') sections.push(t.data.section);
    } else {
      for (const fix of fixesOf(ctx, f.code, f.span, t.data)) if (fix?.isPreferred) candidates.push({ code: f.code, fix });
    }
  }
  const sectionFix = sections.length > 0 ? sectionsFix(ctx, sections) : undefined;
  if (sectionFix) candidates.push({ code: 'KAM102', fix: sectionFix });
  for (const [item, { kind, code, keys }] of items) {
    const fix = fieldsFix(ctx, kind, item, [...keys]);
    if (fix) candidates.push({ code, fix });
  }
  candidates.sort((a, b) => a.code.localeCompare(b.code) || firstOffset(a.fix) - firstOffset(b.fix));

  let edits: Edit[] = [];
  let fixed = 0;
  for (const { fix } of candidates) {
    const merged = parsesAfter(ctx, [...edits, ...fix.edits]);
    if (!merged) continue;
    edits = merged;
    fixed++;
  }
  return { edits, fixed };
}

/** Whether KAM002's fix renames a misspelt key of the item into `key` (then adding `key` would duplicate it). */
function renamedInto(findings: readonly Finding[], item: Entity, key: string): boolean {
  return findings.some(
    (f) => f.code === 'KAM002' && f.data?.suggestion === key && f.data?.key !== undefined && f.span.start >= item.span.start && f.span.end <= item.span.end,
  );
}

function firstOffset(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}

function action(parsed: PlanDocument, title: string, kind: string, edits: readonly Edit[], diagnostics?: Diagnostic[], isPreferred?: boolean): CodeAction {
  return {
    title,
    kind,
    ...(diagnostics ? { diagnostics } : {}),
    ...(isPreferred ? { isPreferred } : {}),
    edit: workspaceEdit(parsed, edits),
  };
}

function workspaceEdit({ document }: PlanDocument, edits: readonly Edit[]): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({ range: rangeOf(document, e), newText: e.newText }));
  return { changes: { [document.uri]: textEdits } };
}
