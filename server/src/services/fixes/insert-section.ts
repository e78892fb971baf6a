// KAM101 and KAM102: a diagnosis, or one of its six sections, to fill in. Each section gets one
// entry of its kind with `TODO` where the account manager writes, and a comment saying what goes
// there. The placeholders are valid plan content, so the section is no longer missing; what is
// still thin (one driver of 5 to 6, roles nobody holds) the other rules go on pointing out.
import { indexById } from '../../engine/plan-index';
import { DIAGNOSIS_SECTIONS } from '../../engine/format';
import type { Text } from '../../engine/types';
import { isEmptyValue } from '../../engine/yaml-nodes';
import { say, TODO, uniqueId, type Fix, type FixContext } from './fix';
import { putPath } from './map-edits';
import { entry, map, scalar, seq, type Entry } from './render';
import { ROLES } from '../../engine/roles';
import { courseTerm, DIAGNOSIS_SECTION_LABELS, listOf, ROLE_LABELS, STAGE_LABELS, text, type Terms } from '../../engine/vocabulary';

const TITLES = {
  diagnosis: text('Add a `diagnosis` with its six sections to fill in', '添加包含六个部分、待填写的 `diagnosis`（诊断）'),
  section: text('Add the `{section}` section to `diagnosis`, to fill in', '在 `diagnosis` 中添加待填写的 `{section}` 部分'),
} satisfies Record<string, Text>;

/** What each placeholder asks for. */
const NOTES = {
  economic: text('the economy and budgets around the customer', '经济形势与预算'),
  regulatory: text('coming rules and how they touch the customer', '即将出台的法规及其影响'),
  competition: text('who competes for this account, and how', '谁在争夺这个客户，如何竞争'),
  purchasing: text('how the customer buys: committees, tenders', '客户如何采购：委员会、招标'),
  driver: text("one of the 5 to 6 factors that decide the customer's competitiveness", '决定客户竞争力的 5 到 6 个因素之一'),
  kind: text('or internal', '或 internal'),
  unit: text('a unit of the account, e.g. the pharmacy', '客户的一个部门，如药剂科'),
  person: text('a key decision maker', '一位关键决策者'),
  roles: text(ROLES.join(', '), listOf(ROLES.map((role) => courseTerm(ROLE_LABELS[role])), 'zh-cn')),
  financials: text('our sales to the account; also revenue, share, growth', '我们对该客户的销售额；另可填 revenue、share、growth'),
} satisfies Record<string, Text>;

/** KAM101: the whole diagnosis, where the cycle puts it (or under an empty `diagnosis:`). */
export function diagnosisFix(ctx: FixContext): Fix | undefined {
  const field = ctx.plan.root?.fields.get('diagnosis');
  if (field && !isEmptyValue(field.node)) return undefined;
  const edits = putPath(ctx, [], [entry('diagnosis', map(...DIAGNOSIS_SECTIONS.map((s) => sectionEntry(ctx, s))), sectionName(ctx, 'diagnosis'))]);
  return edits && { title: say(ctx, TITLES.diagnosis), edits, isPreferred: true };
}

/** KAM102: the sections the diagnosis lacks (or has empty), each in its place. */
export function sectionsFix(ctx: FixContext, sections: readonly string[]): Fix | undefined {
  const { diagnosis } = ctx.plan;
  const wanted = DIAGNOSIS_SECTIONS.filter((s) => sections.includes(s) && isEmptyValue(diagnosis?.fields.get(s)?.node));
  if (!diagnosis || wanted.length === 0) return undefined;
  const edits = putPath(ctx, ['diagnosis'], wanted.map((s) => sectionEntry(ctx, s)));
  return edits && { title: say(ctx, TITLES.section, { section: wanted.join(', ') }), edits, isPreferred: true };
}

/** A section's Chinese name, beside its English key for a Chinese reader. */
function sectionName(ctx: FixContext, key: string): string | undefined {
  const terms: Terms = { diagnosis: STAGE_LABELS.diagnosis, ...DIAGNOSIS_SECTION_LABELS };
  return ctx.locale === 'en' || !Object.hasOwn(terms, key) ? undefined : courseTerm(terms[key]);
}

function sectionEntry(ctx: FixContext, section: string): Entry {
  const note = (key: keyof typeof NOTES) => say(ctx, NOTES[key]);
  const todo = scalar(TODO);
  const values = {
    macro: () => map(entry('economic', todo, note('economic')), entry('regulatory', todo, note('regulatory'))),
    micro: () => map(entry('competition', todo, note('competition')), entry('purchasing', todo, note('purchasing'))),
    drivers: () => seq(map(entry('name', todo, note('driver')), entry('kind', scalar('external'), note('kind')))),
    organization: () => {
      const id = uniqueId('new-unit', new Set(indexById(ctx.plan.units).keys()));
      return seq(map(entry('id', scalar(id)), entry('name', todo, note('unit'))));
    },
    stakeholders: () => {
      const id = uniqueId('new-person', new Set(indexById(ctx.plan.stakeholders).keys()));
      return seq(map(entry('id', scalar(id)), entry('name', todo, note('person')), entry('roles', scalar('[]'), note('roles'))));
    },
    financials: () => map(entry('our_sales', todo, note('financials'))),
  } as const;
  return entry(section, values[section as keyof typeof values](), sectionName(ctx, section));
}
