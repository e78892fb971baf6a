// The plan report in both formats and both locales: every section, in the method's order, with the right
// totals; empty sections say so; a file that does not parse still gets a report.
import * as assert from 'node:assert/strict';
import { checkPlan } from '../../server/src/rules/check';
import { defaultConfig, parsePlan, type Locale } from '../../server/src/engine';
import { renderReport, type ReportFormat } from '../../server/src/report';
import { CSP } from '../../server/src/report/html';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { assertSafeDom, attr, count, elements, parseHtml, REPORT_ELEMENTS, renderMarkdown, textOf, type El } from './views-helpers';

function report(text: string, format: ReportFormat, locale: Locale): string {
  const plan = parsePlan(text);
  const findings = checkPlan(plan, { today: FIXED_TODAY, config: defaultConfig(locale) });
  return renderReport(plan, findings, { format, locale, today: FIXED_TODAY });
}

const HEADINGS: Record<Locale, string[]> = {
  en: ['Account summary', 'Plan health', 'Findings by stage', 'Diagnosis', 'Key decision makers', 'Role coverage', 'Relationships', 'Forecast', 'Goals', 'Strategy', 'Actions', 'Controls', 'Traceability', 'Investment', 'Feedback', 'Rescue network'],
  'zh-cn': ['客户概况', '计划健康度', '按阶段列出的问题', '诊断', '关键决策者', '角色覆盖', '客户关系', '预测', '目标', '策略', '行动', '控制', '追溯矩阵', '资源投入', '反馈', '救援网络'],
};

const EXAMPLES = [
  { file: 'riverside-general.kam.yaml', locale: 'en' as const, name: 'Riverside General Hospital', total: '17,000 over 2 actions', feedback: '1 answered, 0 unanswered', rescue: 'negotiation (current)' },
  { file: 'huadong-peoples-hospital.kam.yaml', locale: 'zh-cn' as const, name: '华东人民医院', total: '16,000（2 项行动）', feedback: '已回应 1 条，未回应 0 条', rescue: '提案（当前）' },
];

function h2s(markdown: string): string[] {
  return [...markdown.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
}

function byTag(root: El, tag: string): El[] {
  return elements(root).filter((e) => e.tag === tag);
}

/** The text of each row of the first table under a heading. */
function tableAfter(root: El, sectionId: string): string[][] {
  const section = elements(root).find((e) => e.tag === 'section' && attr(e, 'id') === sectionId)!;
  const table = byTag(section, 'table')[0];
  return byTag(table, 'tr').map((tr) => tr.children.filter((c): c is El => 'tag' in c).map(textOf));
}

describe('report', () => {
  for (const ex of EXAMPLES) {
    for (const locale of ['en', 'zh-cn'] as const) {
      describe(`${ex.file}, ${locale}`, () => {
        const text = readRepoFile('examples', ex.file);

        it('Markdown: every section in order, the score, and the right totals', () => {
          const md = report(text, 'md', locale);
          assert.equal(md.split('\n')[0], locale === 'en' ? `# Key-account plan: ${ex.name}` : `# 重点客户计划：${ex.name}`);
          assert.deepEqual(h2s(md), HEADINGS[locale]);
          assert.ok(md.includes('**100/100**'));
          for (const sub of locale === 'en' ? ['### Macro factors', '### Business drivers', '### Financials', '### SWOT'] : ['### 宏观因素', '### 业务驱动因素', '### 财务分析', '### SWOT 分析']) assert.ok(md.includes(sub), sub);
          assert.equal(count(md, '](data:image/svg+xml;base64,'), 2, 'the map and the grid');
          if (locale === ex.locale) {
            assert.ok(md.includes(locale === 'en' ? `**Total budget**: ${ex.total}` : `**总预算**：${ex.total}`));
            assert.ok(md.includes(ex.feedback));
            assert.ok(md.includes(`| ${ex.rescue} |`));
          }
          assert.ok(!md.includes('<'), 'no raw HTML');
        });

        it('HTML: one self-contained file, every section in order, tables and pictures', () => {
          const html = report(text, 'html', locale);
          assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="' + (locale === 'en' ? 'en' : 'zh-CN') + '">'));
          assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`));
          assert.equal(CSP, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
          assert.ok(html.includes('@media print') && html.includes('@page'), 'print CSS');
          assert.ok(!/\b(src|href)="(https?:)?\/\//.test(html) && !/url\((?!#)/.test(html) && !/@import/.test(html), 'nothing loaded from elsewhere');
          const dom = parseHtml(html);
          assertSafeDom(dom, REPORT_ELEMENTS);
          assert.deepEqual(byTag(dom, 'h2').map(textOf), HEADINGS[locale]);
          assert.deepEqual(byTag(byTag(dom, 'nav')[0], 'a').map((a) => attr(a, 'href')), byTag(dom, 'section').filter((s) => byTag(s, 'h2').length > 0 && s.children.some((c) => 'tag' in c && c.tag === 'h2')).map((s) => `#${attr(s, 'id')}`));
          const stakeholders = elements(dom).find((e) => attr(e, 'id') === 'stakeholders')!;
          assert.equal(byTag(stakeholders, 'svg').length, 2);
          const body = textOf(byTag(dom, 'body')[0]);
          assert.ok(body.includes('100/100'));
          if (locale === ex.locale) {
            assert.ok(body.includes(ex.total));
            assert.ok(body.includes(ex.feedback));
          }
          const goals = tableAfter(dom, 'goals');
          assert.deepEqual(goals[0].slice(-5), ['S', 'M', 'A', 'R', 'T']);
          for (const row of goals.slice(1)) assert.deepEqual(row.slice(-5), ['✓', '✓', '✓', '✓', '✓']);
          assert.equal(tableAfter(dom, 'stakeholders').length, 1 + 4);
        });
      });
    }
  }

  it('lists findings by stage with their lines, and marks failed SMART letters', () => {
    const text = readRepoFile('examples', 'riverside-general.kam.yaml').replace('    deadline: 2027-12-31\n', '').replace('    response: Outcome study presentation booked for January.\n', '');
    const md = report(text, 'md', 'en');
    assert.match(md, /### Goals · 1 warning\n\n\| Line \| Severity \| Rule \| Message \|/);
    assert.match(md, /\| \d+ \| ⚠ warning \| KAM305 \| /);
    assert.match(md, /### Feedback · 1 info\n/);
    assert.match(md, /\| g-share \| .* \| ✓ \| ✓ \| ✓ \| ✓ \| ✗ \|/);
    assert.ok(md.includes('0 answered, 1 unanswered'));
    assert.ok(md.includes('⚠ not answered yet'));
    assert.ok(md.includes('**94/100**'));
  });

  it('keeps every section of a nearly empty plan, saying briefly that it is empty', () => {
    for (const locale of ['en', 'zh-cn'] as const) {
      const md = report('kam: 1\naccount:\n  name: Empty\n', 'md', locale);
      assert.deepEqual(h2s(md), HEADINGS[locale]);
      const said = locale === 'en' ? ['_No stakeholders listed._', '_No goals._', '_No actions._', '_No controls._', '_No feedback recorded._', '_No rescue network._', '_Not filled in._'] : ['_未列出关键人物。_', '_没有目标。_', '_没有行动。_', '_没有控制项。_', '_没有记录反馈。_', '_没有救援网络。_', '_未填写。_'];
      for (const s of said) assert.ok(md.includes(s), s);
      assert.ok(md.includes(locale === 'en' ? '| decision maker | results | ⚠ unassigned |' : '| 最高阶决策者 | 结论导向 | ⚠ 无人担任 |'));
      const html = report('kam: 1\n', 'html', locale);
      assert.deepEqual(byTag(parseHtml(html), 'h2').map(textOf), HEADINGS[locale]);
    }
  });

  it('sums the budgets it can read, over planned and done actions only', () => {
    const text = `kam: 1
account: {name: Budget}
actions:
  - {what: A, who: me, when: 2027-02-01, budget: "1,200.50"}
  - {what: B, who: me, when: 2027-01-01, budget: 300, status: done}
  - {what: C, who: me, when: 2027-03-01, budget: lots}
  - {what: D, who: me, when: 2027-04-01}
  - {what: E, who: me, when: 2027-05-01, budget: 1000, status: cancelled}
`;
    const md = report(text, 'md', 'en');
    assert.ok(md.includes('**Total budget**: 1,500.5 over 2 actions; 2 without a readable budget; 1 cancelled, not counted'), md.split('\n').find((l) => l.includes('Total')));
    const dates = [...md.matchAll(/^- \*\*(\d{4}-\d\d-\d\d)\*\*/gm)].map((m) => m[1]);
    assert.deepEqual(dates, ['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01']);
  });

  it('reports a file that does not parse: score 0, the syntax finding, every other section explained', () => {
    for (const format of ['md', 'html'] as const) {
      const out = report('kam: 1\naccount: {name: [\n', format, 'en');
      const text = format === 'md' ? out : textOf(parseHtml(out));
      assert.ok(text.includes('0/100') || text.includes('**0/100**'));
      assert.ok(text.includes('KAM001'));
      assert.equal(count(text, 'The file is not valid YAML'), 14);
    }
  });

  it('renders Markdown that a Markdown renderer turns into tables and lists, without raw HTML', () => {
    const html = renderMarkdown(report(readRepoFile('examples', 'riverside-general.kam.yaml'), 'md', 'en'));
    const dom = parseHtml(html);
    assertSafeDom(dom, new Set(['html', 'head', 'body', 'h1', 'h2', 'h3', 'p', 'em', 'strong', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img']));
    assert.ok(byTag(dom, 'table').length >= 10);
    assert.equal(byTag(dom, 'img').length, 2);
  });
});
