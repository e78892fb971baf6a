// The report's actions, controls and feedback: the action timeline with its budget, the controls, the
// customer's feedback and our responses, and the rescue network by contract stage.
import { CONTRACT_STAGES, RESCUE_SIDES } from '../engine/format';
import { ACTION_STATUS_LABELS, CONTRACT_STAGE_LABELS, RESCUE_SIDE_LABELS, type ReportWord as Word } from '../engine/vocabulary';
import { actionsByDate, budgetTotal, nestedEntity, textEntries } from '../engine/plan-facts';
import type { Cell, Section, TimelineEntry } from './blocks';
import { cells, empty, NONE, only, type ReportContext } from './context';

export function actionsSection(ctx: ReportContext): Section {
  const { plan, say, label } = ctx;
  return ctx.content('actions', say('actions'), () => {
    if (plan.actions.length === 0) return only(empty(ctx, 'noActions'));
    const entries = actionsByDate(plan.actions).map((a): TimelineEntry => {
      const fields: [Word, string | undefined][] = [
        ['who', a.who],
        ['with', a.with.length > 0 ? a.with.map((r) => ctx.personName(r.value)).join(', ') : undefined],
        ['where', a.where],
        ['budget', a.budget === undefined ? undefined : String(a.budget)],
        ['forGoal', a.goal],
        ['stage', a.stage === undefined ? undefined : label(CONTRACT_STAGE_LABELS, a.stage)],
        ['status', a.status === undefined ? undefined : label(ACTION_STATUS_LABELS, a.status)],
      ];
      return {
        date: a.when ?? say('noDate'),
        title: a.what?.trim() || a.id || NONE,
        fields: fields.filter((f): f is [Word, string] => f[1] !== undefined && f[1].trim() !== '').map(([w, v]) => [say(w), v]),
        tone: a.status === 'done' ? 'ok' : a.status === 'cancelled' ? 'info' : undefined,
      };
    });
    const budget = budgetTotal(plan.actions);
    const notes = [say('totalOf', { total: ctx.amount(budget.total), count: budget.counted })];
    if (budget.unreadable > 0) notes.push(say('unreadableBudgets', { count: budget.unreadable }));
    if (budget.cancelled > 0) notes.push(say('cancelledLeftOut', { count: budget.cancelled }));
    return only([{ kind: 'timeline', entries }, { kind: 'paragraph', label: say('totalBudget'), text: notes.join('; ') }]);
  });
}

export function controlsSection(ctx: ReportContext): Section {
  const { plan, or } = ctx;
  return ctx.content('controls', ctx.say('controls'), () => {
    if (plan.controls.length === 0) return only(empty(ctx, 'noControls'));
    const rows = plan.controls.map((c) => cells(or(c.goal), or(c.measure), or(c.check), or(c.status)));
    return only([ctx.table(['goal', 'measure', 'check', 'controlStatus'], rows)]);
  });
}

export function feedbackSection(ctx: ReportContext): Section {
  const { plan, say, or } = ctx;
  return ctx.content('feedback', say('feedback'), () => {
    if (plan.feedback.length === 0) return only(empty(ctx, 'noFeedback'));
    const answered = plan.feedback.filter((f) => f.response?.trim()).length;
    const unanswered = plan.feedback.length - answered;
    const rows = plan.feedback.map((f): Cell[] => [
      ...cells(or(f.date), f.from === undefined ? NONE : ctx.personName(f.from), or(f.said)),
      f.response?.trim() ? { text: f.response, tone: 'ok' } : { text: say('noResponse'), tone: 'info' },
    ]);
    return only([
      { kind: 'paragraph', text: say('feedbackCount', { answered, unanswered }), tone: unanswered > 0 ? 'info' : 'ok' },
      ctx.table(['date', 'from', 'said', 'response'], rows),
    ]);
  });
}

export function rescueNetworkSection(ctx: ReportContext): Section {
  const { plan, say, label } = ctx;
  return ctx.content('rescue-network', say('rescue'), () => {
    const network = plan.rescueNetwork;
    // The three contract stages in their order, then any other key the plan uses (KAM002's to flag).
    const stages = [...new Set<string>([...CONTRACT_STAGES, ...(network?.fields.keys() ?? [])])];
    const rows = stages
      .filter((stage) => network?.fields.has(stage) || stage === plan.account?.stage)
      .map((stage) => {
        const sides = new Map(textEntries(plan, nestedEntity(plan, network, stage)));
        const current = stage === plan.account?.stage ? say('current') : '';
        return cells(`${label(CONTRACT_STAGE_LABELS, stage)}${current}`, ...RESCUE_SIDES.map((side) => ctx.join(sides.get(side) ?? [])));
      });
    if (!network || rows.length === 0) return only(empty(ctx, 'noRescue'));
    return only([ctx.table(['contractStage', ...RESCUE_SIDES.map((s) => ({ raw: label(RESCUE_SIDE_LABELS, s) }))], rows)]);
  });
}
