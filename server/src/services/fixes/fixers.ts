// The quick fixes by rule code. Each fixer reads the data its rule declares (`Rule<Kam203Data>`,
// looked up as RuleData<'KAM203'>), so a rule and its fix cannot drift apart unnoticed: the compiler
// checks the pair. Adding a fixable rule is its data type, its report, and one line here.
import type { Span } from '../../engine/types';
import type { RuleCode, RuleData } from '../../rules';
import { fieldsFix, itemAt, type ItemKind } from './add-fields';
import { roleFixes } from './add-role';
import type { Fix, FixContext } from './fix';
import { diagnosisFix, sectionsFix } from './insert-section';
import { driversFix, goalLinkFixes } from './link';
import { replaceFix } from './replace-name';

/** The fixes for one finding of the rule: where it stands and what the rule reported. */
export type Fixer<Data> = (ctx: FixContext, span: Span, data: Data) => (Fix | undefined)[];

/** The name the rule suggests, in place of the one written. */
const suggested: Fixer<{ suggestion?: string }> = (ctx, span, data) => [data.suggestion !== undefined ? replaceFix(ctx, span, data.suggestion) : undefined];

/** The codes whose fix adds missing keys to a goal or an action (fix-all gathers them per item). */
export const FIELD_CODES = { KAM301: 'goal', KAM302: 'goal', KAM304: 'goal', KAM305: 'goal', KAM501: 'action' } as const satisfies Partial<Record<RuleCode, ItemKind>>;

/** The keys the rule reports missing, added to the goal or action the finding is on. */
function fields(kind: ItemKind): Fixer<{ missing?: string[] }> {
  return (ctx, span, data) => {
    const item = itemAt(ctx.plan, kind, span.start);
    return [item && fieldsFix(ctx, kind, item, missingKeys(data))];
  };
}

// A client may send a diagnostic back without its data: a fixer then offers nothing rather than guess.
const FIXERS: { readonly [C in RuleCode]?: Fixer<RuleData<C>> } = {
  KAM002: suggested,
  KAM101: (ctx) => [diagnosisFix(ctx)],
  KAM102: (ctx, _span, data) => (data.section === undefined ? [] : [sectionsFix(ctx, [data.section])]),
  KAM201: (ctx, _span, data) => (data.role === undefined ? [] : roleFixes(ctx, data.role)),
  KAM202: suggested,
  KAM203: suggested,
  KAM301: fields(FIELD_CODES.KAM301),
  KAM302: fields(FIELD_CODES.KAM302),
  KAM304: fields(FIELD_CODES.KAM304),
  KAM305: fields(FIELD_CODES.KAM305),
  KAM501: fields(FIELD_CODES.KAM501),
  KAM503: (ctx, span) => {
    const action = ctx.plan.actions.find((a) => a.span.start <= span.start && span.start < a.span.end);
    return action ? goalLinkFixes(ctx, action) : [];
  },
  KAM801: (ctx, span, data) => {
    if (data.listed) return []; // the list is there: completion offers the driver ids
    const goal = ctx.plan.goals.find((g) => g.span.start <= span.start && span.start < g.span.end);
    return [goal && driversFix(ctx, goal)];
  },
};

/** The rules that have a quick fix, in code order. */
export const FIXABLE_CODES = Object.keys(FIXERS) as RuleCode[];

/**
 * The fixes for a finding of any code. Its data comes back from the client as JSON: what the rule
 * reported, which the fixers read as declared; anything that is no map reads as none.
 */
export function fixesOf(ctx: FixContext, code: string, span: Span, data: unknown): (Fix | undefined)[] {
  const fixer = (FIXERS as Partial<Record<string, Fixer<unknown>>>)[code];
  return fixer ? fixer(ctx, span, typeof data === 'object' && data !== null ? data : {}) : [];
}

/** The keys a finding reports missing, as text. */
export function missingKeys(data: { missing?: unknown }): string[] {
  return Array.isArray(data.missing) ? data.missing.filter((k): k is string => typeof k === 'string') : [];
}
