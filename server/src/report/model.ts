// The plan report as a document of sections and blocks, in one locale. The Markdown and HTML renderers
// only lay it out, so both say the same thing in the same order. Block text is plain text (renderers
// escape it); only `figure.svg` is markup, made by ../views/map-svg.ts, which escapes plan text itself.
import type { Plan, Stakeholder } from '../engine/model';
import { DEFAULT_STALE_AFTER_DAYS } from '../engine/engagement';
import { indexById } from '../engine/plan-index';
import { ROLE_LABELS } from '../engine/roles';
import { lineOf } from '../engine/spans';
import type { Finding } from '../engine/rule';
import { interpolate, type Args, type Locale } from '../engine/types';
import { planHealth, SEVERITY_COST, STAGE_CAP, type Mark, type PlanHealth } from '../views/health';
import { CONTRACT_STAGES, RESCUE_SIDES, SWOT_QUADRANTS } from '../engine/format';
import {
  ACTION_STATUS_LABELS,
  CONTRACT_STAGE_LABELS,
  countsText,
  DIRECTION_LABELS,
  DRIVER_KIND_LABELS,
  FINANCIAL_LABELS,
  FORECAST_LABELS,
  INFLUENCE_LABELS,
  labelOf,
  languageTag,
  MACRO_LABELS,
  MARK_LABELS,
  METRIC_LABELS,
  MICRO_LABELS,
  RESCUE_SIDE_LABELS,
  REPORT_WORDS as WORDS,
  ROLE_ORIENTATION,
  STAGE_LABELS,
  STANCE_LABELS,
  SWOT_ENTRY_LABELS,
  SWOT_QUADRANT_LABELS,
  VALUE_LABELS,
  type ReportWord as Word,
  type Terms,
} from '../engine/vocabulary';
import { renderGridSvg, renderMapSvg } from '../views/map-svg';
import { actionsByDate, budgetTotal, nestedEntity, stakeholderLabel, textEntries, textsOf } from '../engine/plan-facts';
import { SMART_LETTERS, smartStatus } from '../engine/smart-status';
import { buildStakeholderMap, type StakeholderMap } from '../views/stakeholder-map-model';
import { investmentSection, purchasingFactorsSection, relationshipsSection, traceabilitySection, type MethodContext } from './method-sections';

/** A table cell or list item: plain text, with a tone the HTML shows as colour. */
export interface Cell {
  text: string;
  tone?: Mark;
}

export type Block =
  /** A label, when given, leads the paragraph in bold. */
  | { kind: 'paragraph'; text: string; label?: string; tone?: Mark }
  /** Label–value pairs; a value with several texts is shown as a list. */
  | { kind: 'fields'; items: [label: string, value: string | string[]][] }
  | { kind: 'list'; items: Cell[] }
  | { kind: 'table'; head: string[]; rows: Cell[][] }
  | { kind: 'score'; score: number; tone: Mark; caption: string }
  /** `svg` is trusted markup, whole (its own style, for a file or a data: image) or to inline in a styled page. */
  | { kind: 'figure'; svg: { standalone: string; inline: string }; caption: string }
  | { kind: 'timeline'; entries: TimelineEntry[] }
  /** What an empty section says instead of vanishing. */
  | { kind: 'empty'; text: string };

export interface TimelineEntry {
  date: string;
  title: string;
  fields: [label: string, value: string][];
  tone?: Mark;
}

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  sections: Section[];
}

/** What a section holds under its heading. */
type Body = Pick<Section, 'blocks' | 'sections'>;

export interface ReportModel {
  locale: Locale;
  title: string;
  /** One line under the title: the date and the score. */
  subtitle: string;
  health: PlanHealth;
  sections: Section[];
}

export interface ReportOptions {
  locale: Locale;
  /** The report's date, `YYYY-MM-DD` (the same "today" the findings were computed with). */
  today: string;
  /** `relationships.staleAfterDays` (default 90): when a key relationship counts as stale. */
  staleAfterDays?: number;
}

const NONE = '—';

export function buildReport(plan: Plan, findings: readonly Finding[], { locale, today, staleAfterDays = DEFAULT_STALE_AFTER_DAYS }: ReportOptions): ReportModel {
  const say = (word: Word, args?: Args) => interpolate(WORDS[word][locale], args, locale);
  const label = (labels: Terms, key: string | undefined) => (key === undefined ? NONE : labelOf(labels, key, locale));
  const or = (value: string | undefined) => (value === undefined || value.trim() === '' ? NONE : value);
  const join = (values: readonly string[]) => (values.length === 0 ? NONE : values.join('; '));
  const number = new Intl.NumberFormat(languageTag(locale), { maximumFractionDigits: 2 });
  const method: MethodContext = { plan, locale, today, staleAfterDays, amount: (n) => number.format(n) };
  const methodSection = (build: (ctx: MethodContext) => Section): Section => {
    const built = build(method);
    return readable ? built : section(built.id, built.title, empty('unreadable'));
  };

  const health = planHealth(findings, { parses: plan.syntaxErrors.length === 0 });
  const people = indexById(plan.stakeholders);
  const units = indexById(plan.units);
  /** A unit's name for a unit id; an id that names no unit is shown as written. */
  const unitName = (id: string | undefined) => (id === undefined ? NONE : or(units.get(id)?.name ?? id));
  const personName = (id: string) => {
    const s = people.get(id);
    return s ? stakeholderLabel(s) : id;
  };
  let builtMap: StakeholderMap | undefined;
  const stakeholderMap = () => (builtMap ??= buildStakeholderMap(plan, { today, staleAfterDays }));
  const section = (id: string, title: string, blocks: Block[], sections: Section[] = []): Section => ({ id, title, blocks, sections });
  const empty = (word: Word = 'notFilled'): Block[] => [{ kind: 'empty', text: say(word) }];
  const only = (blocks: Block[]): Body => ({ blocks, sections: [] });
  const table = (head: (Word | { raw: string })[], rows: Cell[][]): Block => ({
    kind: 'table',
    head: head.map((h) => (typeof h === 'string' ? say(h) : h.raw)),
    rows,
  });
  const readable = health.parses;
  // A file that does not parse shows its findings; every other section says why it is empty.
  const content = (id: string, title: string, build: () => Body): Section =>
    readable ? { id, title, ...build() } : section(id, title, empty('unreadable'));

  const name = plan.account?.name?.trim() || say('unnamed');
  return {
    locale,
    title: say('title', { name }),
    subtitle: say('generated', { date: today, score: health.score }),
    health,
    sections: [
      content('summary', say('summary'), summary),
      section('health', say('health'), healthBlocks()),
      section('findings', say('findings'), findings.length === 0 ? empty('noFindings') : [], findingSections()),
      content('diagnosis', say('diagnosis'), diagnosis),
      content('stakeholders', say('stakeholders'), stakeholders),
      content('roles', say('coverage'), coverage),
      methodSection(relationshipsSection),
      content('forecast', say('forecast'), forecast),
      content('goals', say('goals'), goals),
      content('strategy', say('strategy'), strategy),
      content('actions', say('actions'), actions),
      content('controls', say('controls'), controls),
      methodSection(traceabilitySection),
      methodSection(investmentSection),
      content('feedback', say('feedback'), feedback),
      content('rescue-network', say('rescue'), rescueNetwork),
    ],
  };

  function summary(): Body {
    const a = plan.account;
    if (!a) return only(empty('noAccount'));
    const team = textsOf(plan, a.fields.get('team')?.node);
    const items: [string, string][] = [
      [say('accountName'), name],
      [say('segment'), or(a.segment)],
      [say('owner'), or(a.owner)],
      [say('team'), team.length > 0 ? team.join(', ') : NONE],
      [say('contractStage'), label(CONTRACT_STAGE_LABELS, a.stage)],
      [say('updated'), or(a.updated)],
      [say('nextReview'), or(a.next_review)],
    ];
    return only([{ kind: 'fields', items }]);
  }

  function healthBlocks(): Block[] {
    const rows = health.stages.map((s): Cell[] => [
      { text: STAGE_LABELS[s.stage][locale] },
      { text: `${markSymbol(s.mark)} ${MARK_LABELS[s.mark][locale]}`, tone: s.mark },
      { text: String(s.counts.error) },
      { text: String(s.counts.warning) },
      { text: String(s.counts.info) },
      { text: String(s.cost) },
    ]);
    return [
      { kind: 'score', score: health.score, tone: health.mark, caption: countsText(health.counts, locale) },
      { kind: 'paragraph', text: say('healthNote', { ...SEVERITY_COST, cap: STAGE_CAP }) },
      table(['healthStage', 'mark', 'errors', 'warnings', 'infos', 'pointsLost'], rows),
    ];
  }

  function findingSections(): Section[] {
    return health.stages
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
          table(['line', 'severity', 'code', 'message'], rows),
        ]);
      });
  }

  function diagnosis(): Body {
    const d = plan.diagnosis;
    const factors = (key: string, labels: Terms): Block[] => {
      const items = textEntries(plan, nestedEntity(plan, d, key))
        .filter(([, texts]) => texts.length > 0)
        .map(([k, texts]): [string, string[]] => [label(labels, k), texts]);
      return items.length > 0 ? [{ kind: 'fields', items }] : empty();
    };
    const drivers: Block[] =
      plan.drivers.length > 0
        ? [table(['name', 'kind', 'note'], plan.drivers.map((r) => cells(or(r.name), label(DRIVER_KIND_LABELS, r.kind), or(r.note))))]
        : empty();
    const organization: Block[] =
      plan.units.length > 0
        ? [table(['unit', 'name', 'parent'], plan.units.map((u) => cells(or(u.id), or(u.name), unitName(u.parent))))]
        : empty();
    return {
      blocks: [],
      sections: [
        section('macro', say('macro'), factors('macro', MACRO_LABELS)),
        section('micro', say('micro'), factors('micro', MICRO_LABELS)),
        section('drivers', say('drivers'), drivers),
        section('organization', say('organization'), organization),
        section('financials', say('financials'), factors('financials', FINANCIAL_LABELS)),
        purchasingFactorsSection(method),
      ],
    };
  }

  function stakeholders(): Body {
    if (plan.stakeholders.length === 0) return only(empty('noStakeholders'));
    const rows = plan.stakeholders.map((s: Stakeholder) =>
      cells(
        stakeholderLabel(s),
        or(s.title),
        unitName(s.unit),
        join(s.roles.map((r) => (r.role ? ROLE_LABELS[r.role][locale] : r.value))),
        label(STANCE_LABELS, s.stance),
        label(INFLUENCE_LABELS, s.influence),
        s.gatekeeper ? say('yes') : NONE,
        or(s.owner),
        or(s.last_contact),
        join(s.interests),
      ),
    );
    const map = stakeholderMap();
    return only([
      table(['person', 'jobTitle', 'unit', 'roles', 'stance', 'influence', 'gatekeeper', 'relationship', 'lastContact', 'interests'], rows),
      { kind: 'figure', svg: pictures(renderMapSvg, map), caption: say('mapCaption') },
      { kind: 'figure', svg: pictures(renderGridSvg, map), caption: say('gridCaption') },
    ]);
  }

  function pictures(render: typeof renderMapSvg, map: StakeholderMap): { standalone: string; inline: string } {
    return { standalone: render(map, { locale }), inline: render(map, { locale, standalone: false }) };
  }

  function coverage(): Body {
    const map = stakeholderMap();
    const names = new Map(map.nodes.map((n) => [n.id, n.name]));
    const rows = map.coverage.map((c): Cell[] => [
      { text: ROLE_LABELS[c.role][locale] },
      { text: ROLE_ORIENTATION[c.role][locale] },
      c.unassigned ? { text: `⚠ ${say('unassigned')}`, tone: 'warning' } : { text: c.holders.map((id) => names.get(id)!).join(', ') },
    ]);
    return only([table(['role', 'orientation', 'holders'], rows)]);
  }

  function forecast(): Body {
    const items = textEntries(plan, plan.forecast)
      .filter(([, texts]) => texts.length > 0)
      .map(([k, texts]): [string, string[]] => [label(FORECAST_LABELS, k), texts]);
    return only(items.length > 0 ? [{ kind: 'fields', items }] : empty());
  }

  function goals(): Body {
    if (plan.goals.length === 0) return only(empty('noGoals'));
    const rows = plan.goals.map((g): Cell[] => {
      const smart = smartStatus(g, findings).map((c): Cell => (c.pass ? { text: '✓', tone: 'ok' } : { text: '✗', tone: 'warning' }));
      const change = `${g.baseline ?? '?'} → ${g.target ?? '?'}`;
      const direction = label(DIRECTION_LABELS, g.direction);
      return [...cells(or(g.id), or(g.statement), direction, label(METRIC_LABELS, g.metric), change, or(g.deadline), or(g.owner)), ...smart];
    });
    return only([
      table(['goal', 'statement', 'direction', 'metric', 'change', 'deadline', 'goalOwner', ...SMART_LETTERS.map((raw) => ({ raw }))], rows),
      { kind: 'paragraph', text: say('smartNote') },
    ]);
  }

  function strategy(): Body {
    const s = plan.strategy;
    const text = (key: string): Block[] => {
      const value = textsOf(plan, s?.fields.get(key)?.node);
      return value.length > 0 ? value.map((t): Block => ({ kind: 'paragraph', text: t })) : empty();
    };
    const values = textEntries(plan, nestedEntity(plan, s, 'values'))
      .filter(([, texts]) => texts.length > 0)
      .map(([k, texts]): [string, string[]] => [label(VALUE_LABELS, k), texts]);
    const swot = nestedEntity(plan, s, 'swot');
    const quadrants = SWOT_QUADRANTS.map((q) => ({ raw: label(SWOT_QUADRANT_LABELS, q) }));
    const swotRows = [...(swot?.fields.keys() ?? [])].map((entry) => {
      const byQuadrant = new Map(textEntries(plan, nestedEntity(plan, swot, entry)));
      return cells(label(SWOT_ENTRY_LABELS, entry), ...SWOT_QUADRANTS.map((q) => join(byQuadrant.get(q) ?? [])));
    });
    return {
      blocks: [],
      sections: [
        section('values', say('values'), values.length > 0 ? [{ kind: 'fields', items: values }] : empty()),
        section('positioning', say('positioning'), text('positioning')),
        section('core', say('core'), text('core')),
        section('swot', say('swot'), swotRows.length > 0 ? [table(['swotOf', ...quadrants], swotRows)] : empty()),
      ],
    };
  }

  function actions(): Body {
    if (plan.actions.length === 0) return only(empty('noActions'));
    const entries = actionsByDate(plan.actions).map((a): TimelineEntry => {
      const fields: [Word, string | undefined][] = [
        ['who', a.who],
        ['with', a.with.length > 0 ? a.with.map((r) => personName(r.value)).join(', ') : undefined],
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
    const notes = [say('totalOf', { total: number.format(budget.total), count: budget.counted })];
    if (budget.unreadable > 0) notes.push(say('unreadableBudgets', { count: budget.unreadable }));
    if (budget.cancelled > 0) notes.push(say('cancelledLeftOut', { count: budget.cancelled }));
    return only([{ kind: 'timeline', entries }, { kind: 'paragraph', label: say('totalBudget'), text: notes.join('; ') }]);
  }

  function controls(): Body {
    if (plan.controls.length === 0) return only(empty('noControls'));
    const rows = plan.controls.map((c) => cells(or(c.goal), or(c.measure), or(c.check), or(c.status)));
    return only([table(['goal', 'measure', 'check', 'controlStatus'], rows)]);
  }

  function feedback(): Body {
    if (plan.feedback.length === 0) return only(empty('noFeedback'));
    const answered = plan.feedback.filter((f) => f.response?.trim()).length;
    const unanswered = plan.feedback.length - answered;
    const rows = plan.feedback.map((f): Cell[] => [
      ...cells(or(f.date), f.from === undefined ? NONE : personName(f.from), or(f.said)),
      f.response?.trim() ? { text: f.response, tone: 'ok' } : { text: say('noResponse'), tone: 'info' },
    ]);
    return only([
      { kind: 'paragraph', text: say('feedbackCount', { answered, unanswered }), tone: unanswered > 0 ? 'info' : 'ok' },
      table(['date', 'from', 'said', 'response'], rows),
    ]);
  }

  function rescueNetwork(): Body {
    const network = plan.rescueNetwork;
    // The three contract stages in their order, then any other key the plan uses (KAM002's to flag).
    const stages = [...new Set<string>([...CONTRACT_STAGES, ...(network?.fields.keys() ?? [])])];
    const rows = stages
      .filter((stage) => network?.fields.has(stage) || stage === plan.account?.stage)
      .map((stage) => {
        const sides = new Map(textEntries(plan, nestedEntity(plan, network, stage)));
        const current = stage === plan.account?.stage ? say('current') : '';
        return cells(`${label(CONTRACT_STAGE_LABELS, stage)}${current}`, ...RESCUE_SIDES.map((side) => join(sides.get(side) ?? [])));
      });
    if (!network || rows.length === 0) return only(empty('noRescue'));
    return only([table(['contractStage', ...RESCUE_SIDES.map((s) => ({ raw: label(RESCUE_SIDE_LABELS, s) }))], rows)]);
  }
}

function cells(...texts: string[]): Cell[] {
  return texts.map((text) => ({ text }));
}

/** The symbol that goes with a mark, the same in both formats. */
export function markSymbol(mark: Mark): string {
  return { ok: '✓', info: 'ℹ', warning: '⚠', error: '✖' }[mark];
}
