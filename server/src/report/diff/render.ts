// `kam diff`'s text, JSON and Markdown. The JSON is the spec's shape, field for field; text and
// Markdown read as a review memo, in the reader's language.
import { interpolate, type Locale } from '../../engine/types';
import { escapeMarkdown } from '../../views/escape';
import { changeLine } from './memo';
import type { FindingNote, PlanDiff } from './review';
import { DIFF_WORDS as W } from './words';

export function renderDiffJson(diff: PlanDiff): string {
  const out = {
    before: { label: diff.before.label, health: diff.before.health },
    after: { label: diff.after.label, health: diff.after.health },
    changes: diff.changes.map((c) => ({ kind: c.kind, path: c.path, before: c.before, after: c.after })),
    findings: {
      fixed: diff.findings.fixed.map((f) => ({ code: f.code, message: f.message })),
      new: diff.findings.new.map((f) => ({ code: f.code, message: f.message })),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The memo's parts, shared by text and Markdown: headings and lines, in order. */
function memo(diff: PlanDiff, locale: Locale): { title: string; health: string; sections: { heading: string; lines: string[]; empty: string }[] } {
  const finding = (f: FindingNote) => `${f.code} ${f.message}`;
  return {
    title: interpolate(W.title[locale], { before: diff.before.label, after: diff.after.label }),
    health: interpolate(W.health[locale], { before: diff.before.health, after: diff.after.health }),
    sections: [
      { heading: interpolate(W.changes[locale], { count: diff.changes.length }), lines: diff.changes.map((c) => changeLine(c, locale)), empty: W.noChange[locale] },
      { heading: interpolate(W.fixed[locale], { count: diff.findings.fixed.length }), lines: diff.findings.fixed.map(finding), empty: W.none[locale] },
      { heading: interpolate(W.new[locale], { count: diff.findings.new.length }), lines: diff.findings.new.map(finding), empty: W.none[locale] },
    ],
  };
}

export function renderDiffText(diff: PlanDiff, locale: Locale): string {
  const m = memo(diff, locale);
  const lines = [m.title, m.health];
  for (const s of m.sections) lines.push('', s.heading, ...(s.lines.length === 0 ? [`  ${s.empty}`] : s.lines.map((l) => `  - ${oneLine(l)}`)));
  return `${lines.join('\n')}\n`;
}

export function renderDiffMarkdown(diff: PlanDiff, locale: Locale): string {
  const m = memo(diff, locale);
  const lines = [`# ${escapeMarkdown(m.title)}`, '', `**${escapeMarkdown(m.health)}**`];
  for (const s of m.sections) lines.push('', `## ${escapeMarkdown(s.heading)}`, '', ...(s.lines.length === 0 ? [`_${escapeMarkdown(s.empty)}_`] : s.lines.map((l) => `- ${escapeMarkdown(l)}`)));
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
