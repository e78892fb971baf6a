// The SMART tests of a goal that need more than a key's presence (KAM301, KAM303): does the
// statement name what changes, does the target move the way the direction says, and how fast must
// it move per year. The heuristics are documented in docs/rules/KAM301.md and KAM303.md.
import { daysBetween, isValidDate } from './values';

const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
/** A Latin word or a number; `1,200,000`, `28%`, `once-daily` count once. */
const LATIN_WORD = /[A-Za-z0-9]+(?:[.,'’-][A-Za-z0-9]+)*/g;
/** A statement shorter than 4 English words or 6 Chinese characters cannot say what changes. */
const MIN_SIZE = 6;
const WORD_SIZE = 1.5;

/** A figure: Arabic digits (also full-width), or Chinese numerals with a unit (五百万, 三成, 两倍, 百分之十). */
const FIGURE = /[0-9０-９]|百分之|[一二两三四五六七八九十百千]+[十百千万亿倍成]/;
const MEASURE_EN =
  /\b(?:share|growth|grow(?:s|n|ing)?|sales?|sell(?:s|ing)?|sold|revenues?|turnover|volumes?|units?|prices?|pricing|discounts?|spend(?:s|ing)?|spent|contribution|margins?|profits?|listing|listed|formulary|prescri(?:be[ds]?|bing|ptions?)|orders?|tenders?|percent(?:age)?|doses?)\b/i;
const MEASURE_ZH = /份额|占有率|占比|增长|销售|销量|收入|营收|价格|折扣|贡献|用量|进院|处方|利润|毛利|订单|中标|目录|支出|金额|数量/;

/** How much a statement says: one per Chinese character, one and a half per Latin word or number. */
function statementSize(text: string): number {
  return (text.match(CJK_CHAR)?.length ?? 0) + (text.match(LATIN_WORD)?.length ?? 0) * WORD_SIZE;
}

/**
 * Whether a goal's statement is too vague to name what changes: too short, or naming neither a
 * figure nor something measurable (share, sales, price, 份额, 销量, 处方, …).
 * "Improve the relationship with the hospital" and "加强与医院的关系" are vague.
 */
export function isVagueStatement(statement: string): boolean {
  const text = statement.trim();
  if (statementSize(text) < MIN_SIZE) return true;
  return !(FIGURE.test(text) || MEASURE_EN.test(text) || MEASURE_ZH.test(text));
}

/** How the target must stand to the baseline. */
export type Relation = '>' | '≥' | '≤';

/** Building needs growth, maintaining no loss, withdrawing no growth; harvesting (profit first) may go either way. */
const DIRECTION_RELATION = new Map<string, Relation>([
  ['build-fast', '>'],
  ['build-steady', '>'],
  ['maintain', '≥'],
  ['withdraw', '≤'],
]);

/** The relation a goal's direction asks of its target, if any. */
export function neededRelation(direction: string | undefined): Relation | undefined {
  return direction === undefined ? undefined : DIRECTION_RELATION.get(direction);
}

export function holds(target: number, relation: Relation, baseline: number): boolean {
  if (relation === '>') return target > baseline;
  if (relation === '≥') return target >= baseline;
  return target <= baseline;
}

/**
 * The relative change per year that takes baseline to target by the deadline, compounded
 * (0.25 = +25% a year, 1 = doubling each year). Undefined when it means nothing: the deadline is
 * not a date in the future, the baseline is not above 0 (growth from nothing has no rate), or the
 * target is negative.
 */
export function annualChange(baseline: number, target: number, today: string, deadline: string | undefined): number | undefined {
  if (!isValidDate(deadline) || !isValidDate(today) || baseline <= 0 || target < 0) return undefined;
  const years = daysBetween(today, deadline) / 365.25;
  if (years <= 0) return undefined;
  return (target / baseline) ** (1 / years) - 1;
}
