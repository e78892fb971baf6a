// The report's goals and strategy: each goal with its SMART marks, then values, positioning, core and SWOT.
import { SWOT_QUADRANTS } from '../engine/format';
import { DIRECTION_LABELS, METRIC_LABELS, SWOT_ENTRY_LABELS, SWOT_QUADRANT_LABELS, VALUE_LABELS } from '../engine/vocabulary';
import { nestedEntity, textEntries, textsOf } from '../engine/plan-facts';
import { SMART_LETTERS, smartStatus } from '../engine/smart-status';
import type { Block, Cell, Section } from './blocks';
import { cells, empty, only, section, textFields, type ReportContext } from './context';

export function goalsSection(ctx: ReportContext): Section {
  const { plan, say, or, label } = ctx;
  return ctx.content('goals', say('goals'), () => {
    if (plan.goals.length === 0) return only(empty(ctx, 'noGoals'));
    const rows = plan.goals.map((g): Cell[] => {
      const smart = smartStatus(g, ctx.findings).map((c): Cell => (c.pass ? { text: '✓', tone: 'ok' } : { text: '✗', tone: 'warning' }));
      const change = `${g.baseline ?? '?'} → ${g.target ?? '?'}`;
      const direction = label(DIRECTION_LABELS, g.direction);
      return [...cells(or(g.id), or(g.statement), direction, label(METRIC_LABELS, g.metric), change, or(g.deadline), or(g.owner)), ...smart];
    });
    return only([
      ctx.table(['goal', 'statement', 'direction', 'metric', 'change', 'deadline', 'goalOwner', ...SMART_LETTERS.map((raw) => ({ raw }))], rows),
      { kind: 'paragraph', text: say('smartNote') },
    ]);
  });
}

export function strategySection(ctx: ReportContext): Section {
  const { plan, say, label } = ctx;
  return ctx.content('strategy', say('strategy'), () => {
    const s = plan.strategy;
    const text = (key: string): Block[] => {
      const value = textsOf(plan, s?.fields.get(key)?.node);
      return value.length > 0 ? value.map((t): Block => ({ kind: 'paragraph', text: t })) : empty(ctx);
    };
    const swot = nestedEntity(plan, s, 'swot');
    const quadrants = SWOT_QUADRANTS.map((q) => ({ raw: label(SWOT_QUADRANT_LABELS, q) }));
    const swotRows = [...(swot?.fields.keys() ?? [])].map((entry) => {
      const byQuadrant = new Map(textEntries(plan, nestedEntity(plan, swot, entry)));
      return cells(label(SWOT_ENTRY_LABELS, entry), ...SWOT_QUADRANTS.map((q) => ctx.join(byQuadrant.get(q) ?? [])));
    });
    return {
      blocks: [],
      sections: [
        section('values', say('values'), textFields(ctx, textEntries(plan, nestedEntity(plan, s, 'values')), VALUE_LABELS)),
        section('positioning', say('positioning'), text('positioning')),
        section('core', say('core'), text('core')),
        section('swot', say('swot'), swotRows.length > 0 ? [ctx.table(['swotOf', ...quadrants], swotRows)] : empty(ctx)),
      ],
    };
  });
}
