// The report's account and diagnosis: the summary, the diagnosis with its sub-sections, the key people
// with the stakeholder map, role coverage and the forecast.
import type { Stakeholder } from '../engine/model';
import { ROLE_LABELS } from '../engine/roles';
import {
  CONTRACT_STAGE_LABELS,
  DRIVER_KIND_LABELS,
  FINANCIAL_LABELS,
  FORECAST_LABELS,
  INFLUENCE_LABELS,
  MACRO_LABELS,
  MICRO_LABELS,
  ROLE_ORIENTATION,
  STANCE_LABELS,
  type Terms,
} from '../engine/vocabulary';
import { nestedEntity, stakeholderLabel, textEntries, textsOf } from '../engine/plan-facts';
import { renderGridSvg, renderMapSvg } from '../views/map-svg';
import type { StakeholderMap } from '../views/stakeholder-map-model';
import type { Block, Cell, Section } from './blocks';
import { cells, empty, NONE, only, section, textFields, type ReportContext } from './context';
import { purchasingFactorsSection } from './method-sections';

export function summarySection(ctx: ReportContext): Section {
  const { plan, say, or } = ctx;
  return ctx.content('summary', say('summary'), () => {
    const a = plan.account;
    if (!a) return only(empty(ctx, 'noAccount'));
    const team = textsOf(plan, a.fields.get('team')?.node);
    const items: [string, string][] = [
      [say('accountName'), a.name?.trim() || say('unnamed')],
      [say('segment'), or(a.segment)],
      [say('owner'), or(a.owner)],
      [say('team'), team.length > 0 ? team.join(', ') : NONE],
      [say('contractStage'), ctx.label(CONTRACT_STAGE_LABELS, a.stage)],
      [say('updated'), or(a.updated)],
      [say('nextReview'), or(a.next_review)],
    ];
    return only([{ kind: 'fields', items }]);
  });
}

export function diagnosisSection(ctx: ReportContext): Section {
  const { plan, say, or, table } = ctx;
  return ctx.content('diagnosis', say('diagnosis'), () => {
    const factors = (key: string, labels: Terms) => textFields(ctx, textEntries(plan, nestedEntity(plan, plan.diagnosis, key)), labels);
    const drivers: Block[] =
      plan.drivers.length > 0
        ? [table(['name', 'kind', 'note'], plan.drivers.map((r) => cells(or(r.name), ctx.label(DRIVER_KIND_LABELS, r.kind), or(r.note))))]
        : empty(ctx);
    const organization: Block[] =
      plan.units.length > 0
        ? [table(['unit', 'name', 'parent'], plan.units.map((u) => cells(or(u.id), or(u.name), ctx.unitName(u.parent))))]
        : empty(ctx);
    return {
      blocks: [],
      sections: [
        section('macro', say('macro'), factors('macro', MACRO_LABELS)),
        section('micro', say('micro'), factors('micro', MICRO_LABELS)),
        section('drivers', say('drivers'), drivers),
        section('organization', say('organization'), organization),
        section('financials', say('financials'), factors('financials', FINANCIAL_LABELS)),
        purchasingFactorsSection(ctx),
      ],
    };
  });
}

export function stakeholdersSection(ctx: ReportContext): Section {
  const { plan, locale, say, or, join, label } = ctx;
  return ctx.content('stakeholders', say('stakeholders'), () => {
    if (plan.stakeholders.length === 0) return only(empty(ctx, 'noStakeholders'));
    const rows = plan.stakeholders.map((s: Stakeholder) =>
      cells(
        stakeholderLabel(s),
        or(s.title),
        ctx.unitName(s.unit),
        join(s.roles.map((r) => (r.role ? ROLE_LABELS[r.role][locale] : r.value))),
        label(STANCE_LABELS, s.stance),
        label(INFLUENCE_LABELS, s.influence),
        s.gatekeeper ? say('yes') : NONE,
        or(s.owner),
        or(s.last_contact),
        join(s.interests),
      ),
    );
    const map = ctx.stakeholderMap();
    const pictures = (render: typeof renderMapSvg, m: StakeholderMap) => ({ standalone: render(m, { locale }), inline: render(m, { locale, standalone: false }) });
    return only([
      ctx.table(['person', 'jobTitle', 'unit', 'roles', 'stance', 'influence', 'gatekeeper', 'relationship', 'lastContact', 'interests'], rows),
      { kind: 'figure', svg: pictures(renderMapSvg, map), caption: say('mapCaption') },
      { kind: 'figure', svg: pictures(renderGridSvg, map), caption: say('gridCaption') },
    ]);
  });
}

export function coverageSection(ctx: ReportContext): Section {
  const { locale, say } = ctx;
  return ctx.content('roles', say('coverage'), () => {
    const map = ctx.stakeholderMap();
    const names = new Map(map.nodes.map((n) => [n.id, n.name]));
    const rows = map.coverage.map((c): Cell[] => [
      { text: ROLE_LABELS[c.role][locale] },
      { text: ROLE_ORIENTATION[c.role][locale] },
      c.unassigned ? { text: `⚠ ${say('unassigned')}`, tone: 'warning' } : { text: c.holders.map((id) => names.get(id)!).join(', ') },
    ]);
    return only([ctx.table(['role', 'orientation', 'holders'], rows)]);
  });
}

export function forecastSection(ctx: ReportContext): Section {
  return ctx.content('forecast', ctx.say('forecast'), () => only(textFields(ctx, textEntries(ctx.plan, ctx.plan.forecast), FORECAST_LABELS)));
}
