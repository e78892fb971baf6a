import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { checkPlan } from '../../server/src/rules/check';
import { ROLE_NAMES, ROLES } from '../../server/src/engine/roles';
import { keysAt as keysOf, PLAN_SCHEMA, schemaAt, type SchemaNode } from '../../server/src/engine/schema';
import type { Locale } from '../../server/src/engine/types';
import type { PlanDocument } from '../../server/src/services/document';
import { hover, keyMarkdown, roleMarkdown, type HoverOptions } from '../../server/src/services/hover';
import { keyText, METHOD_TEXT } from '../../server/src/services/method-text';
import { ROLE_ORIENTATION } from '../../server/src/engine/vocabulary';
import type { YamlPath } from '../../server/src/services/yaml-path';
import { FIXED_TODAY } from '../helpers';
import { cursor, example, planDocument, textAt } from './services-helpers';

const riverside = example('riverside-general');

function hoverAt(doc: PlanDocument, position: Position, options: HoverOptions = {}): { markdown: string; hovered: string } {
  const result = hover(doc, position, options) as Hover | null;
  assert.ok(result, 'no hover');
  assert.ok(result.range, 'a hover names the range of its token');
  return { markdown: (result.contents as MarkupContent).value, hovered: textAt(doc, result.range) };
}

/** Every key path the schema defines, a list's items taken at index 0; an open map's own keys as `*`. */
function schemaKeyPaths(path: YamlPath = []): YamlPath[] {
  const node: SchemaNode | undefined = schemaAt(path);
  if (!node) return [];
  if (node.items) return schemaKeyPaths([...path, 0]);
  const paths: YamlPath[] = [];
  for (const key of Object.keys(node.properties ?? {})) paths.push([...path, key], ...schemaKeyPaths([...path, key]));
  if (typeof node.additionalProperties === 'object') paths.push([...path, 'any_other_figure']);
  return paths;
}

describe('services: hover on references', () => {
  const doc = planDocument(riverside);
  const findings = checkPlan(doc.plan, { today: FIXED_TODAY });

  it('shows the stakeholder a `with` reference names', () => {
    const { markdown, hovered } = hoverAt(doc, cursor(doc, 'with: [zhao', 'zhao'));
    assert.equal(hovered, 'zhao');
    assert.match(markdown, /\*\*Dr\. Zhao Min\*\* \(`zhao`\) — President/);
    assert.match(markdown, /Roles: decision maker \(results\), influencer \(relationships\)/);
    assert.match(markdown, /Stance: neutral/);
    assert.match(markdown, /Influence: high/);
    assert.doesNotMatch(markdown, /Gatekeeper/);
  });

  it('shows stakeholders of reports_to and from, a gatekeeper as such, in Chinese when asked', () => {
    assert.match(hoverAt(doc, cursor(doc, 'reports_to: zhao', 'zhao')).markdown, /Dr\. Zhao Min/);
    assert.match(hoverAt(doc, cursor(doc, 'from: zhao', 'zhao')).markdown, /Dr\. Zhao Min/);
    const liu = hoverAt(doc, cursor(doc, 'with: [zhao, liu]', 'liu'), { locale: 'zh-cn' });
    assert.equal(liu.hovered, 'liu');
    assert.match(liu.markdown, /角色：条件限制者（实际导向）/);
    assert.match(liu.markdown, /态度：怀疑者/);
    assert.match(liu.markdown, /关卡者/);
  });

  it('shows a goal’s statement and its SMART letters from the findings', () => {
    const { markdown, hovered } = hoverAt(doc, cursor(doc, 'goal: g-share', 'g-share'), { findings });
    assert.equal(hovered, 'g-share');
    assert.match(markdown, /Raise our share of the hospital's antihypertensive spend from 22% to 28%/);
    assert.match(markdown, /build-steady \(慢慢增加\)/);
    assert.match(markdown, /SMART: S✓ M✓ A✓ R✓ T✓/);

    // No deadline and no owner: T and R fail, with what the rules said.
    const weak = planDocument(riverside.replace('    deadline: 2027-06-30\n    owner: Anna Berg\n', ''));
    const weakFindings = checkPlan(weak.plan, { today: FIXED_TODAY });
    const listing = hoverAt(weak, cursor(weak, 'goal: g-listing', 'g-listing'), { findings: weakFindings, locale: 'zh-cn' }).markdown;
    assert.match(listing, /SMART: S✓ M✓ A✓ R✗ T✗/);
    assert.match(listing, /T 有时间安排的：/);
    assert.match(hoverAt(weak, cursor(weak, '- id: g-listing', 'g-listing'), { findings: weakFindings }).markdown, /R✗ T✗/, 'on the goal’s own id too');
  });

  it('leaves SMART out without findings, or while the text does not parse', () => {
    assert.doesNotMatch(hoverAt(doc, cursor(doc, 'goal: g-share', 'g-share')).markdown, /SMART/);
    const broken = planDocument(riverside.replace('  owner: Li Wei\n  team', '  owner: Li Wei: x\n  team'));
    const markdown = hoverAt(broken, cursor(broken, 'goal: g-share', 'g-share'), { findings: checkPlan(broken.plan, { today: FIXED_TODAY }) }).markdown;
    assert.match(markdown, /Raise our share/);
    assert.doesNotMatch(markdown, /SMART/);
  });

  it('shows a unit’s name and parent', () => {
    const { markdown, hovered } = hoverAt(doc, cursor(doc, 'unit: pharmacy', 'pharmacy'), { locale: 'zh-cn' });
    assert.equal(hovered, 'pharmacy');
    assert.match(markdown, /\*\*Pharmacy department\*\* \(`pharmacy`\)/);
    assert.match(markdown, /上级部门：President's office/);
    assert.match(hoverAt(doc, cursor(doc, 'parent: presidency', 'presidency')).markdown, /President's office/);
  });

  it('says so when a reference names nothing', () => {
    const dangling = planDocument(riverside.replace('with: [zhao, liu]', 'with: [zhao, ghost]'));
    assert.equal(hoverAt(dangling, cursor(dangling, 'ghost')).markdown, 'No stakeholder has the id `ghost`.');
  });
});

describe('services: hover on roles, keys and values', () => {
  it('explains a role alias: the role, its orientation, what its holder cares about', () => {
    const doc = planDocument(riverside.replace('roles: [constrainer]', 'roles: [杀手]'));
    const zh = hoverAt(doc, cursor(doc, 'roles: [杀手', '杀手'), { locale: 'zh-cn' });
    assert.equal(zh.hovered, '杀手');
    assert.match(zh.markdown, /\*\*条件限制者\*\*（constrainer）— 实际导向/);
    assert.match(zh.markdown, /付款条件和时间/);
    const en = hoverAt(doc, cursor(doc, 'roles: [杀手', '杀手')).markdown;
    assert.match(en, /\*\*constrainer\*\* · 条件限制者 — practicality \(实际导向\)/);
    assert.match(en, /payment terms/);
  });

  it('has method text for every role, and a hover for every role name', () => {
    for (const role of ROLES) {
      for (const locale of ['en', 'zh-cn'] as Locale[]) {
        const { recognise, caresAbout } = METHOD_TEXT.roles[role];
        const orientation = ROLE_ORIENTATION[role];
        for (const text of [orientation, recognise, caresAbout]) assert.ok(text[locale].trim() !== '', `${role} ${locale}`);
        assert.match(roleMarkdown(role, locale), new RegExp(orientation[locale]));
      }
    }
    const orientations = ROLES.map((r) => ROLE_ORIENTATION[r]['zh-cn']);
    assert.deepEqual(orientations, ['结论导向', '经验导向', '协助导向', '表现导向', '实际导向', '关系导向']);
    const doc = planDocument(`diagnosis:\n  stakeholders:\n    - id: a\n      roles: [ ${ROLE_NAMES.join(', ')} ]\n`);
    for (const name of ROLE_NAMES) assert.equal(hoverAt(doc, cursor(doc, ` ${name}`, name)).hovered, name);
  });

  it('explains the `diagnosis` key with the method’s question, in English and in Chinese', () => {
    const doc = planDocument(riverside);
    const en = hoverAt(doc, cursor(doc, 'diagnosis:', 'diagnosis'));
    assert.equal(en.hovered, 'diagnosis');
    assert.match(en.markdown, /^\*\*diagnosis\*\* · 诊断/);
    assert.match(en.markdown, /The situation analysis in six sections/);
    assert.match(en.markdown, /\*KAM method:\* Where are we now\? Why\? How did we get here\?/);
    const zh = hoverAt(doc, cursor(doc, 'diagnosis:', 'diagnosis'), { locale: 'zh-cn' }).markdown;
    assert.match(zh, /宏观因素、微观因素、业务驱动因素/);
    assert.match(zh, /\*KAM 方法：\* 我们现在身处何处？为什么？我们如何到了这里？/);
  });

  it('explains nested keys by their place: a goal’s owner is not a stakeholder’s', () => {
    const doc = planDocument(riverside);
    assert.match(hoverAt(doc, cursor(doc, '    owner: Li Wei\n  - id: g-listing', 'owner')).markdown, /Realistic \(R\)/);
    const stakeholderOwner = hoverAt(doc, cursor(doc, '      owner: Li Wei', 'owner'), { locale: 'zh-cn' });
    assert.match(stakeholderOwner.markdown, /维护与此人的关系/);
    assert.match(hoverAt(doc, cursor(doc, '    organization: President', 'organization'), { locale: 'zh-cn' }).markdown, /管理层的最高目标/);
    assert.match(hoverAt(doc, cursor(doc, '  organization:\n', 'organization'), { locale: 'zh-cn' }).markdown, /组织的架构/);
    assert.match(hoverAt(doc, cursor(doc, '      gatekeeper: true', 'gatekeeper')).markdown, /keep them in the loop/);
    assert.match(hoverAt(doc, cursor(doc, '    share: 22%', 'share'), { locale: 'zh-cn' }).markdown, /占有率/);
  });

  it('explains enum values', () => {
    const doc = planDocument(riverside);
    const direction = hoverAt(doc, cursor(doc, 'direction: build-steady', 'build-steady'), { locale: 'zh-cn' });
    assert.equal(direction.hovered, 'build-steady');
    assert.match(direction.markdown, /慢慢增加/);
    assert.match(hoverAt(doc, cursor(doc, 'stance: skeptic', 'skeptic')).markdown, /needs proof/);
    assert.match(hoverAt(doc, cursor(doc, 'stage: negotiation', 'negotiation')).markdown, /谈判阶段/);
  });

  it('shows nothing on free text, on an unknown key, or between tokens', () => {
    const doc = planDocument(`${riverside}\nextra_key: 1\n`);
    assert.equal(hover(doc, cursor(doc, 'name: Riverside General', 'General')), null);
    assert.equal(hover(doc, cursor(doc, 'extra_key')), null);
    assert.equal(hover(doc, cursor(doc, 'with: [zhao, liu]', ', ')), null);
  });

  it('never throws, anywhere in either example or in a plan typed half-way', () => {
    for (const name of ['riverside-general', 'huadong-peoples-hospital']) {
      const text = example(name);
      const doc = planDocument(text);
      const findings = checkPlan(doc.plan, { today: FIXED_TODAY });
      let shown = 0;
      for (let offset = 0; offset < text.length; offset += 3) {
        if (hover(doc, doc.document.positionAt(offset), { findings, locale: offset % 2 ? 'en' : 'zh-cn' })) shown++;
      }
      assert.ok(shown > text.length / 12, `${name}: hovers at only ${shown} offsets`);
    }
    const lines = riverside.split('\n');
    for (let line = 1; line < lines.length; line += 4) {
      const text = [...lines.slice(0, line), lines[line].slice(0, Math.ceil(lines[line].length / 2))].join('\n');
      const doc = planDocument(text);
      for (let offset = Math.max(0, text.length - 40); offset <= text.length; offset++) hover(doc, doc.document.positionAt(offset));
    }
  });

  it('shows a role written in quotes, without the quotes', () => {
    const doc = planDocument(riverside.replace('roles: [proposer]', 'roles: ["提议者"]'));
    const { markdown, hovered } = hoverAt(doc, cursor(doc, '"提议者"', '提议者'));
    assert.equal(hovered, '提议者');
    assert.match(markdown, /experience \(经验导向\)/);
  });

  it('has text in both languages for every key of the schema: no empty hover', () => {
    const paths = schemaKeyPaths();
    assert.ok(paths.length > 100, `only ${paths.length} keys found`);
    for (const path of paths) {
      const name = path.join('.');
      const text = keyText(path);
      assert.ok(text, `no method text for ${name}`);
      assert.match(text.zh, /[\u4e00-\u9fff]/, `no Chinese for ${name}`);
      assert.ok(schemaAt(path)?.description?.trim(), `no description for ${name}`);
      for (const locale of ['en', 'zh-cn'] as Locale[]) {
        const markdown = keyMarkdown(path, locale) ?? '';
        assert.ok(markdown.split('\n\n').length >= 2, `${locale} hover of ${name} says nothing beyond the key: ${markdown}`);
      }
    }
    // Sections and the main item keys carry the method in both languages.
    const sections = [...Object.keys(PLAN_SCHEMA.properties ?? {}).filter((k) => k !== 'kam').map((k) => [k]), ...keysOf(['diagnosis']).map((k) => ['diagnosis', k])];
    const itemKeys = ['stance', 'influence', 'gatekeeper', 'roles', 'reports_to', 'direction', 'metric', 'baseline', 'target', 'deadline', 'statement', 'swot', 'values', 'stage', 'with'];
    const items = itemKeys.map((key) => paths.find((p) => p[p.length - 1] === key)!);
    for (const path of [...sections, ...items]) {
      assert.ok(keyText(path)?.method?.en && keyText(path)?.method?.['zh-cn'], `no method text for ${path.join('.')}`);
    }
  });
});
