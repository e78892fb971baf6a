// The report's sections that trace the plan through the method: purchasing factors, relationships
// (who is going cold, whose opposition nobody manages), the traceability matrix driver → goal →
// action → control, and where the budget goes by goal and by quarter. Each ends with a guidance
// line from the course. Plain text only: the renderers escape it.
import type { Action, Plan, Stakeholder } from '../engine/model';
import { PURCHASING_FACTOR_KEYS } from '../engine/format';
import { daysSinceContact, engagedIds, isKeyRelationship, isLive, isStale, isUnmanagedOpposition } from '../engine/engagement';
import { ROLE_LABELS } from '../engine/roles';
import { interpolate, type Locale, type Text } from '../engine/types';
import { isValidDate, quantityValue } from '../engine/values';
import { INFLUENCE_LABELS, labelOf, PURCHASING_FACTORS, REPORT_WORDS, STANCE_LABELS, STAGE_LABELS, text } from '../engine/vocabulary';
import { nestedEntity, stakeholderLabel, textEntries } from '../engine/plan-facts';
import type { Block, Cell, Section } from './blocks';
import { NONE, section, type ReportContext } from './context';

const WORDS = {
  notFilled: REPORT_WORDS.notFilled,
  purchasing: text('Purchasing factors', '采购决策的影响因素'),
  purchasingGuide: text(
    'Why does this account buy the way it does? The environment around it, the organisation itself, the people around the buyer and the buyer as a person each shape the purchase.',
    '这个客户为什么这样采购？客户所处的环境、组织本身、采购者之间的人际关系，以及采购者个人，都在影响采购。',
  ),

  relationships: text('Relationships', '客户关系'),
  person: REPORT_WORDS.person,
  roles: REPORT_WORDS.roles,
  stance: REPORT_WORDS.stance,
  influence: REPORT_WORDS.influence,
  lastContact: REPORT_WORDS.lastContact,
  daysSince: text('Days since', '间隔天数'),
  state: text('State', '状态'),
  stale: text('⚠ stale: over {limit} days', '⚠ 关系疏远：超过 {limit} 天'),
  unmanaged: text('⚠ opposition unmanaged', '⚠ 反对无人应对'),
  noContact: text('⚠ never contacted', '⚠ 从未联系'),
  warm: text('✓', '✓'),
  seniorValues: text(
    'What senior customers value most: regular personal visits (ranked first, done worst), consulting on their business problems, listening, influencing with an understanding of how they decide, well-prepared questions, and added value — fast follow-up and information they lack.',
    '高阶客户最重视的是：规律的个人拜访（排在第一位，却做得最不好）、针对其业务问题的顾问咨询、倾听、了解其决策方式并施加影响、准备充分的提问，以及附加价值——迅速跟进、提供他们缺少的信息。',
  ),
  noRelationship: text(
    'No relationship yet? Ask for a meeting to be arranged, ask about their interests, send an analysis by mail, or meet through a third party.',
    '还没有关系？请人安排会面、询问对方感兴趣的问题、寄送分析，或透过第三者相识。',
  ),
  persistence: text(
    'Persist: most sellers give up after a few visits without a sale, while most customers say no several times before they say yes.',
    '要坚持：大多数销售人员拜访几次没有成交就放弃了，而大多数客户在说“好”之前都会说好几次“不”。',
  ),

  organisationChange: text(
    'When the organisation changes, three opportunities open: find each new decider’s role with the account analysis; move fast and with confidence — competitors will not wait; new deciders are more open to new ideas.',
    '客户的组织发生变化时会带来三个机会：用客户分析找出每位新决策者的角色；迅速而有信心地行动——竞争者不会等你；新的决策者更愿意接受新的想法。',
  ),

  traceability: text('Traceability', '追溯矩阵'),
  driver: text('Business driver', '业务驱动因素'),
  goal: REPORT_WORDS.goal,
  actions: STAGE_LABELS.actions,
  controls: STAGE_LABELS.controls,
  budget: text('Budget', '预算'),
  noGoal: text('⚠ no goal answers it', '⚠ 没有目标回应'),
  noDriver: text('⚠ no driver', '⚠ 无驱动因素'),
  noActions: text('⚠ no action', '⚠ 没有行动'),
  noControls: text('⚠ no control', '⚠ 没有控制'),
  actionNoGoal: text('⚠ serves no goal', '⚠ 不服务于任何目标'),
  unknownGoal: text('⚠ unknown goal {goal}', '⚠ 未知目标 {goal}'),
  partTime: text(
    'Think as the customer’s part-time employee: every goal should answer one of their business drivers, every action serve a goal, every goal be measured.',
    '把自己当作客户的兼职员工来思考：每个目标都应回应客户的某个业务驱动因素，每项行动都应服务于某个目标，每个目标都应有人衡量。',
  ),
  notTraced: text('Nothing to trace: no drivers, goals or actions.', '没有可追溯的内容：没有驱动因素、目标或行动。'),

  investment: text('Investment', '资源投入'),
  byGoal: text('By goal', '按目标'),
  byQuarter: text('By quarter', '按季度'),
  quarter: text('Quarter', '季度'),
  share: text('Share', '占比'),
  count: text('Actions', '行动数'),
  gap: text('⚠ gap: nothing invested', '⚠ 空档：没有投入'),
  spike: text('⚠ spike: over twice the average', '⚠ 高峰：超过平均的两倍'),
  even: text('✓', '✓'),
  noGoalRow: text('(no goal)', '（无目标）'),
  undated: text('(no date)', '（未定日期）'),
  noBudget: text('No planned or done action has a readable budget.', '没有任何计划中或已完成的行动有可读的预算。'),
  pattern: text('{gaps} quarter(s) with nothing invested, {spikes} spike(s).', '{gaps} 个季度没有投入，{spikes} 个高峰。'),
  resourceGuide: text(
    'The course warns against short, repeated bursts of investment, investment too concentrated, irregular intervals between investments, and a high share of reactive spending: plan the investment ahead and spread it evenly.',
    '课程提醒：避免短期的重复投入、过于集中的投入、投入间隔不规律，以及大量被动反应式的投入——应提前规划投入，并均衡分布。',
  ),
} satisfies Record<string, Text>;

type Word = keyof typeof WORDS;

function say(ctx: ReportContext, word: Word, args?: Record<string, string | number>): string {
  return interpolate(WORDS[word][ctx.locale], args);
}

function table(ctx: ReportContext, head: Word[], rows: Cell[][]): Block {
  return { kind: 'table', head: head.map((h) => say(ctx, h)), rows };
}

function guidance(ctx: ReportContext, ...words: Word[]): Block[] {
  return words.map((w): Block => ({ kind: 'paragraph', text: say(ctx, w), tone: 'info' }));
}

function plain(value: string | undefined): Cell {
  return { text: value === undefined || value.trim() === '' ? NONE : value };
}

function flag(ctx: ReportContext, word: Word, args?: Record<string, string | number>): Cell {
  return { text: say(ctx, word, args), tone: 'warning' };
}

/** `diagnosis.purchasing_factors`: the four factors, the course's question beneath. */
export function purchasingFactorsSection(ctx: ReportContext): Section {
  const entries = new Map(textEntries(ctx.plan, nestedEntity(ctx.plan, ctx.plan.diagnosis, 'purchasing_factors')));
  const items = PURCHASING_FACTOR_KEYS.filter((f) => (entries.get(f) ?? []).length > 0).map((f): [string, string[]] => [PURCHASING_FACTORS[f][ctx.locale], entries.get(f)!]);
  const body: Block = items.length > 0 ? { kind: 'fields', items } : { kind: 'empty', text: say(ctx, 'notFilled') };
  return section('purchasing-factors', say(ctx, 'purchasing'), [body, ...guidance(ctx, 'purchasingGuide')]);
}

/** Each key person: roles, stance, influence, days since the last contact; stale and unmanaged marked. */
export function relationshipsSection(ctx: ReportContext): Section {
  const { plan, locale, today, staleAfterDays } = ctx;
  const engaged = engagedIds(plan);
  const rows = plan.stakeholders.map((s: Stakeholder): Cell[] => {
    const days = daysSinceContact(s, today);
    const states: Cell[] = [];
    if (isStale(s, today, staleAfterDays)) states.push(flag(ctx, 'stale', { limit: staleAfterDays }));
    if (isUnmanagedOpposition(s, engaged)) states.push(flag(ctx, 'unmanaged'));
    if (s.last_contact === undefined && isKeyRelationship(s)) states.push(flag(ctx, 'noContact'));
    const state: Cell = states.length > 0 ? { text: states.map((c) => c.text).join('; '), tone: 'warning' } : { text: say(ctx, 'warm'), tone: 'ok' };
    return [
      plain(stakeholderLabel(s)),
      plain(s.roles.map((r) => (r.role ? ROLE_LABELS[r.role][locale] : r.value)).join(locale === 'zh-cn' ? '、' : ', ')),
      plain(s.stance === undefined ? undefined : labelOf(STANCE_LABELS, s.stance, locale)),
      plain(s.influence === undefined ? undefined : labelOf(INFLUENCE_LABELS, s.influence, locale)),
      plain(s.last_contact),
      plain(days === undefined ? undefined : String(days)),
      state,
    ];
  });
  const blocks: Block[] = rows.length > 0 ? [table(ctx, ['person', 'roles', 'stance', 'influence', 'lastContact', 'daysSince', 'state'], rows)] : [];
  return section('relationships', say(ctx, 'relationships'), [...blocks, ...guidance(ctx, 'seniorValues', 'noRelationship', 'persistence', 'organisationChange')]);
}

/** Driver → goals → actions → controls, a goal a row, with its budget; what hangs loose marked. */
export function traceabilitySection(ctx: ReportContext): Section {
  const { plan } = ctx;
  const live = plan.actions.filter(isLive);
  const goalIds = new Set(plan.goals.map((g) => g.id).filter((id) => id !== undefined));
  const driverIds = plan.drivers.some((d) => d.id !== undefined);
  const driverName = new Map(plan.drivers.filter((d) => d.id !== undefined).map((d) => [d.id!, d.name?.trim() || d.id!]));
  const actionName = (a: Action) => a.id ?? a.what ?? '?';
  const rows: Cell[][] = plan.goals.map((g) => {
    const serving = live.filter((a) => g.id !== undefined && a.goal === g.id);
    const measuring = plan.controls.filter((c) => g.id !== undefined && c.goal === g.id);
    const drivers = g.drivers.map((r) => driverName.get(r.value) ?? r.value);
    return [
      drivers.length > 0 ? plain(drivers.join('; ')) : driverIds ? flag(ctx, 'noDriver') : plain(undefined),
      plain(g.id ?? g.statement),
      serving.length > 0 ? plain(serving.map(actionName).join('; ')) : flag(ctx, 'noActions'),
      // A control by its check date (and status): the measures are in the controls table above.
      measuring.length > 0 ? plain(measuring.map((c) => (c.status?.trim() ? `${c.check ?? '?'} (${c.status})` : (c.check ?? '?'))).join('; ')) : flag(ctx, 'noControls'),
      plain(ctx.amount(sum(serving))),
    ];
  });
  // Drivers no goal answers, then live actions that serve no goal of the plan.
  const answered = new Set(plan.goals.flatMap((g) => g.drivers.map((r) => r.value)));
  for (const [id, name] of driverName) if (!answered.has(id)) rows.push([plain(name), flag(ctx, 'noGoal'), plain(undefined), plain(undefined), plain(undefined)]);
  for (const a of live) {
    if (a.goal !== undefined && goalIds.has(a.goal)) continue;
    const why = a.goal === undefined || a.goal.trim() === '' ? flag(ctx, 'actionNoGoal') : flag(ctx, 'unknownGoal', { goal: a.goal });
    rows.push([plain(undefined), why, plain(actionName(a)), plain(undefined), plain(ctx.amount(sum([a])))]);
  }
  const blocks: Block[] = rows.length > 0 ? [table(ctx, ['driver', 'goal', 'actions', 'controls', 'budget'], rows)] : [{ kind: 'empty', text: say(ctx, 'notTraced') }];
  return section('traceability', say(ctx, 'traceability'), [...blocks, ...guidance(ctx, 'partTime')]);
}

/** Where the budget of live actions goes: by goal, and by quarter with gaps and spikes marked. */
export function investmentSection(ctx: ReportContext): Section {
  const { plan } = ctx;
  const budgeted = plan.actions.filter((a) => isLive(a) && quantityValue(a.budget) !== undefined);
  if (budgeted.length === 0) return section('investment', say(ctx, 'investment'), [{ kind: 'empty', text: say(ctx, 'noBudget') }, ...guidance(ctx, 'resourceGuide')]);
  const total = sum(budgeted);
  const percent = (value: number) => (total === 0 ? NONE : `${Math.round((value / total) * 100)}%`);

  const byGoal = new Map<string, Action[]>();
  for (const a of budgeted) {
    const key = a.goal?.trim() ? a.goal : say(ctx, 'noGoalRow');
    byGoal.set(key, [...(byGoal.get(key) ?? []), a]);
  }
  const goalRows = [...byGoal].map(([goal, actions]): Cell[] => [plain(goal), plain(ctx.amount(sum(actions))), plain(percent(sum(actions)))]);

  const quarters = quarterly(budgeted);
  const average = quarters.length > 0 ? quarters.reduce((n, q) => n + q.total, 0) / quarters.length : 0;
  let gaps = 0;
  let spikes = 0;
  const quarterRows = quarters.map((q): Cell[] => {
    let state: Cell = { text: say(ctx, 'even'), tone: 'ok' };
    if (q.count === 0) {
      gaps++;
      state = flag(ctx, 'gap');
    } else if (quarters.length > 1 && q.total > 2 * average) {
      spikes++;
      state = flag(ctx, 'spike');
    }
    return [plain(q.label), plain(String(q.count)), plain(ctx.amount(q.total)), plain(percent(q.total)), state];
  });
  const undated = budgeted.filter((a) => !isValidDate(a.when));
  if (undated.length > 0) quarterRows.push([plain(say(ctx, 'undated')), plain(String(undated.length)), plain(ctx.amount(sum(undated))), plain(percent(sum(undated))), plain(undefined)]);

  return section('investment', say(ctx, 'investment'), guidance(ctx, 'resourceGuide'), [
    section('investment-goals', say(ctx, 'byGoal'), [table(ctx, ['goal', 'budget', 'share'], goalRows)]),
    section('investment-quarters', say(ctx, 'byQuarter'), [
      table(ctx, ['quarter', 'count', 'budget', 'share', 'state'], quarterRows),
      { kind: 'paragraph', text: say(ctx, 'pattern', { gaps, spikes }), tone: gaps + spikes > 0 ? 'warning' : 'ok' },
    ]),
  ]);
}

interface Quarter {
  label: string;
  count: number;
  total: number;
}

/** Every quarter from the first dated action's to the last's, empty ones included (they are the gaps). */
function quarterly(actions: readonly Action[]): Quarter[] {
  const index = (date: string) => Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const dated = actions.filter((a) => isValidDate(a.when));
  if (dated.length === 0) return [];
  const keys = dated.map((a) => index(a.when!));
  const [first, last] = [Math.min(...keys), Math.max(...keys)];
  // A plan dated across decades is not a quarterly plan: show its dated quarters only, not thousands of gaps.
  const span = last - first < 40 ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [...new Set(keys)].sort((a, b) => a - b);
  return span.map((q) => {
    const inQuarter = dated.filter((a) => index(a.when!) === q);
    return { label: `${Math.floor(q / 4)}-Q${(q % 4) + 1}`, count: inQuarter.length, total: sum(inQuarter) };
  });
}

function sum(actions: readonly Action[]): number {
  return actions.reduce((n, a) => n + (quantityValue(a.budget) ?? 0), 0);
}
