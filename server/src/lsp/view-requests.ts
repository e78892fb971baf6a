// The requests behind the extension's views (see protocol.ts): the outline, the stakeholder map, the
// report, the plan health, and a stakeholder changed from the map. Each reads the plan of the
// document's current version with the findings published for that version; when that version's
// check has not finished yet, it checks the plan itself, so a view asked for right after an edit
// never pairs the new text with the old findings.
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import type { Finding } from '../engine/rule';
import { checkPlan } from '../rules/check';
import { ROLE_LABELS, ROLES } from '../engine/roles';
import type { Locale, Text } from '../engine/types';
import { itemAnchor } from '../engine/spans';
import { localToday } from '../engine/values';
import { REPORT_FORMATS, renderReport } from '../report';
import { renderPptx } from '../report/pptx';
import { rangeOf, trimEnd, type PlanDocument } from '../services/document';
import { editStakeholder, StakeholderEditError } from '../services/stakeholder-edit';
import { buildOutline, buildStakeholderMap, MAP_CSS, planHealth, renderGridSvg, renderMapSvg, type OutlineItem } from '../views';
import { INFLUENCES, STANCES } from '../engine/format';
import { countsText, INFLUENCE_LABELS, STAGE_LABELS, STANCE_LABELS } from '../engine/vocabulary';
import { MAP_MARK_LABELS, MAP_MARKS } from '../views/map-svg';
import type { RelationshipClock } from '../views/stakeholder-map-model';
import type { PlanDocuments } from './documents';
import type { FeatureEnvironment } from './features';
import {
  KamMethods,
  type Choice,
  type EditStakeholderParams,
  type EditStakeholderResult,
  type HealthResult,
  type OutlineNode,
  type OutlineResult,
  type PlanParams,
  type PlanResult,
  type ReportParams,
  type ReportResult,
  type StakeholderMapParams,
  type StakeholderMapResult,
} from './protocol';

const CHANGED: Text = {
  en: 'The plan changed while the map was open; look again and retry.',
  'zh-cn': '地图打开期间计划已更改，请查看后重试。',
};

export function registerViewRequests(connection: Connection, documents: PlanDocuments, env: () => FeatureEnvironment): void {
  /** The document's current version and the locale it is shown in; undefined when it is not open. */
  async function opened(uri: string): Promise<{ parsed: PlanDocument; locale: Locale; staleAfterDays: number } | undefined> {
    if (!documents.get(uri)) return undefined;
    const { locale, staleAfterDays } = await env().settings.configFor(uri);
    // The plan is taken after the wait: a newer version parsed meanwhile reuses the older one's document.
    const parsed = documents.planFor(uri);
    return parsed && { parsed, locale, staleAfterDays };
  }

  const checked = (uri: string) => checkedPlan(connection, documents, env, uri);

  const about = (parsed: PlanDocument, locale: Locale) => ({ uri: parsed.document.uri, version: parsed.document.version, locale });

  connection.onRequest(KamMethods.outline, async ({ uri }: PlanParams): Promise<OutlineResult | null> => {
    const c = await checked(uri);
    if (!c) return null;
    const { health, root } = buildOutline(c.parsed.plan, c.findings, c.locale);
    return { ...about(c.parsed, c.locale), health, root: withRanges(c.parsed, root) };
  });

  /**
   * The map answers of each version by locale and kind: asked again for the same version (the plan's
   * diagnostics changed, the map is saved as a file), the server answers at once. Kept as long as the
   * version is the document's current one.
   */
  const mapAnswers = new WeakMap<PlanDocument, Map<string, StakeholderMapResult>>();

  connection.onRequest(KamMethods.stakeholderMap, async ({ uri, standalone }: StakeholderMapParams): Promise<StakeholderMapResult | null> => {
    const o = await opened(uri);
    if (!o) return null;
    const { parsed, locale } = o;
    const clock = { today: env().today ?? localToday(), staleAfterDays: o.staleAfterDays };
    const answers = mapAnswers.get(parsed) ?? new Map<string, StakeholderMapResult>();
    mapAnswers.set(parsed, answers);
    const key = `${locale} ${standalone === true} ${clock.today} ${clock.staleAfterDays}`;
    const answer = answers.get(key) ?? mapAnswer(parsed, locale, standalone === true, clock);
    answers.set(key, answer);
    return answer;
  });

  function mapAnswer(parsed: PlanDocument, locale: Locale, standalone: boolean, clock: RelationshipClock): StakeholderMapResult {
    const map = buildStakeholderMap(parsed.plan, clock);
    const options = { locale, standalone };
    const ranges = Object.fromEntries(
      parsed.plan.stakeholders.map((s, i) => [
        `s${i}`,
        { range: rangeOf(parsed.document, trimEnd(parsed.plan.text, s.span)), selection: rangeOf(parsed.document, itemAnchor(s)) },
      ]),
    );
    const choice = <T extends string>(value: T, labels: Record<T, Text>): Choice<T> => ({ value, label: labels[value][locale] });
    return {
      ...about(parsed, locale),
      map,
      ranges,
      svg: { map: renderMapSvg(map, options), grid: renderGridSvg(map, options) },
      css: MAP_CSS,
      choices: {
        stances: STANCES.map((s) => choice(s, STANCE_LABELS)),
        influences: INFLUENCES.map((i) => choice(i, INFLUENCE_LABELS)),
        roles: ROLES.map((r) => choice(r, ROLE_LABELS)),
        marks: MAP_MARKS.map((m) => choice(m, MAP_MARK_LABELS)),
      },
    };
  }

  connection.onRequest(KamMethods.report, async ({ uri, format }: ReportParams): Promise<ReportResult | null> => {
    const formats = [...REPORT_FORMATS, 'pptx'];
    if (!formats.includes(format)) throw new ResponseError(ErrorCodes.InvalidParams, `format must be one of ${formats.join(', ')}`);
    const c = await checked(uri);
    if (!c) return null;
    const options = { locale: c.locale, today: c.today, staleAfterDays: c.config.staleAfterDays };
    const text =
      format === 'pptx'
        ? (await renderPptx(c.parsed.plan, c.findings, options)).toString('base64')
        : renderReport(c.parsed.plan, c.findings, { ...options, format });
    return { ...about(c.parsed, c.locale), format, text };
  });

  connection.onRequest(KamMethods.health, async ({ uri }: PlanParams): Promise<HealthResult | null> => {
    const c = await checked(uri);
    if (!c) return null;
    return { ...about(c.parsed, c.locale), ...healthAnswer(c.findings, c.parsed.plan.syntaxErrors.length === 0, c.locale) };
  });

  connection.onRequest(KamMethods.editStakeholder, async (params: EditStakeholderParams): Promise<EditStakeholderResult> => {
    const index = /^s(\d+)$/.exec(params.id ?? '')?.[1];
    if (index === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `not a stakeholder map node id: ${params.id}`);
    const o = await opened(params.uri);
    if (!o) return null;
    if (params.version !== undefined && params.version !== o.parsed.document.version) {
      throw new ResponseError(LSPErrorCodes.ContentModified, CHANGED[o.locale]);
    }
    try {
      return editStakeholder(o.parsed, Number(index), { field: params.field, value: params.value }, o.locale);
    } catch (e) {
      // A change the plan cannot take is the user's to see; anything else is a real failure.
      if (e instanceof StakeholderEditError) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
      throw e;
    }
  });
}

/** The outline with LSP ranges in place of offsets. */
function withRanges(parsed: PlanDocument, item: OutlineItem): OutlineNode {
  const { document, plan } = parsed;
  return {
    ...item,
    range: rangeOf(document, trimEnd(plan.text, item.range)),
    selection: rangeOf(document, item.selection),
    children: item.children.map((child) => withRanges(parsed, child)),
  };
}

/** The plan-health score and each stage's mark, with the stages' names and counts in words. */
export function healthAnswer(findings: readonly Finding[], parses: boolean, locale: Locale): Omit<HealthResult, keyof PlanResult> {
  const health = planHealth(findings, { parses });
  const stages = health.stages.map(({ stage, mark, counts }) => ({ stage, label: STAGE_LABELS[stage][locale], mark, counts, summary: countsText(counts, locale) }));
  return { score: health.score, parses: health.parses, mark: health.mark, counts: health.counts, stages };
}

/**
 * An open plan's current version with its findings, its locale and the checker's today. The findings
 * are those the validator published for that version, waiting for its check when one is due; the
 * plan is checked here only when that check gives none (a newer version overtook it meanwhile twice,
 * or it failed).
 */
export async function checkedPlan(connection: Connection, documents: PlanDocuments, env: () => FeatureEnvironment, uri: string) {
  if (!documents.get(uri)) return undefined;
  const { settings, validator, today } = env();
  const config = await settings.configFor(uri);
  for (let waits = 2; ; ) {
    const parsed = documents.planFor(uri); // after the wait, as in `opened`
    if (!parsed) return undefined;
    const published = validator.findingsFor(uri, parsed.document.version);
    if (!published && waits-- > 0) {
      // A newer version parsed meanwhile reuses this one's document: the plan is taken again after the wait.
      await validator.checkedVersion(uri, parsed.document.version);
      continue;
    }
    const findings =
      published ??
      checkPlan(parsed.plan, {
        config,
        today,
        onRuleError: (rule, e) => connection.console.error(`${rule.code} failed on ${uri}: ${(e as Error).stack ?? String(e)}`),
      });
    return { parsed, findings, config, locale: config.locale, today: today ?? localToday() };
  }
}
