// The report's health and findings: the score with each stage's mark and points lost, then the findings
// stage by stage. Both are shown even for a file that does not parse.
import { lineOf } from '../engine/spans';
import { countsText, MARK_LABELS, STAGE_LABELS } from '../engine/vocabulary';
import { SEVERITY_COST, STAGE_CAP } from '../views/health';
import type { Cell, Section } from './blocks';
import { empty, markSymbol, section, type ReportContext } from './context';

export function healthSection(ctx: ReportContext): Section {
  const { health, locale, say } = ctx;
  const rows = health.stages.map((s): Cell[] => [
    { text: STAGE_LABELS[s.stage][locale] },
    { text: `${markSymbol(s.mark)} ${MARK_LABELS[s.mark][locale]}`, tone: s.mark },
    { text: String(s.counts.error) },
    { text: String(s.counts.warning) },
    { text: String(s.counts.info) },
    { text: String(s.cost) },
  ]);
  return section('health', say('health'), [
    { kind: 'score', score: health.score, tone: health.mark, caption: countsText(health.counts, locale) },
    { kind: 'paragraph', text: say('healthNote', { ...SEVERITY_COST, cap: STAGE_CAP }) },
    ctx.table(['healthStage', 'mark', 'errors', 'warnings', 'infos', 'pointsLost'], rows),
  ]);
}

export function findingsSection(ctx: ReportContext): Section {
  const { plan, findings, locale } = ctx;
  const stages = ctx.health.stages
    .filter((s) => s.counts.error + s.counts.warning + s.counts.info > 0)
    .map((s) => {
      const rows = findings
        .filter((f) => f.stage === s.stage)
        .map((f): Cell[] => [
          { text: String(lineOf(plan, f.span.start)) },
          { text: `${markSymbol(f.severity)} ${MARK_LABELS[f.severity][locale]}`, tone: f.severity },
          { text: f.code },
          { text: f.message },
        ]);
      return section(`findings-${s.stage}`, `${STAGE_LABELS[s.stage][locale]} · ${countsText(s.counts, locale)}`, [
        ctx.table(['line', 'severity', 'code', 'message'], rows),
      ]);
    });
  return section('findings', ctx.say('findings'), findings.length === 0 ? empty(ctx, 'noFindings') : [], stages);
}
