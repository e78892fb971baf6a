// The report's method sections (report/method-sections.ts): purchasing factors, relationships,
// the traceability matrix and the investment by goal and quarter — for both example plans in both
// languages and formats, with what hangs loose marked, and plan text that stays text.
import * as assert from 'node:assert/strict';
import { defaultConfig, parsePlan, type Locale } from '../../server/src/engine';
import { checkPlan } from '../../server/src/rules/check';
import { renderReport, type ReportFormat } from '../../server/src/report';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { assertSafeDom, attr, count, elements, parseHtml, REPORT_ELEMENTS, renderMarkdown, textOf, type El } from './views-helpers';

function report(text: string, format: ReportFormat, locale: Locale, staleAfterDays?: number): string {
  const plan = parsePlan(text);
  const findings = checkPlan(plan, { today: FIXED_TODAY, config: defaultConfig(locale) });
  return renderReport(plan, findings, { format, locale, today: FIXED_TODAY, staleAfterDays });
}

/** The rows of every table in the section with this id, as cell texts (header rows included). */
function rows(html: string, id: string): string[][] {
  const section = elements(parseHtml(html)).find((e) => e.tag === 'section' && attr(e, 'id') === id);
  assert.ok(section, `no section #${id}`);
  return elements(section)
    .filter((e) => e.tag === 'tr')
    .map((tr) => tr.children.filter((c): c is El => 'tag' in c).map(textOf));
}

const SECTIONS = ['purchasing-factors', 'relationships', 'traceability', 'investment', 'investment-goals', 'investment-quarters'];

describe('report: method sections', () => {
  for (const file of ['riverside-general.kam.yaml', 'huadong-peoples-hospital.kam.yaml']) {
    const text = readRepoFile('examples', file);
    for (const locale of ['en', 'zh-cn'] as const) {
      it(`${file}, ${locale}: every new section renders, in HTML and Markdown`, () => {
        const html = report(text, 'html', locale);
        assertSafeDom(parseHtml(html), REPORT_ELEMENTS);
        for (const id of SECTIONS) rows(html, id);
        const trace = rows(html, 'traceability');
        assert.deepEqual(trace[0], locale === 'en' ? ['Business driver', 'Goal', 'Actions', 'Controls', 'Budget'] : ['业务驱动因素', '目标', '行动', '控制', '预算']);
        const share = trace.find((r) => r[1] === 'g-share')!;
        assert.equal(share[2], 'a-outcomes');
        assert.equal(rows(html, 'relationships').length, 1 + 4);
        const quarters = rows(html, 'investment-quarters');
        assert.deepEqual(quarters.slice(1).map((r) => r[0]), ['2027-Q1']);
        const md = report(text, 'md', locale);
        for (const heading of locale === 'en' ? ['## Relationships', '## Traceability', '## Investment', '### Purchasing factors', '### By quarter'] : ['## 客户关系', '## 追溯矩阵', '## 资源投入', '### 采购决策的影响因素', '### 按季度']) {
          assert.ok(md.includes(heading), heading);
        }
        assert.ok(!md.includes('<'), 'no raw HTML');
      });
    }
  }

  it('shows the purchasing factors and the course’s question, and says so when none are written', () => {
    const riverside = report(readRepoFile('examples', 'riverside-general.kam.yaml'), 'md', 'en');
    assert.match(riverside, /- \*\*Organizational factors\*\*:\n {2}- The therapeutics committee meets quarterly\n/);
    assert.ok(riverside.includes('Why does this account buy the way it does?'));
    const empty = report('kam: 1\naccount: {name: A}\ndiagnosis:\n  macro: {economic: Flat}\n', 'md', 'zh-cn');
    assert.match(empty, /### 采购决策的影响因素\n\n_未填写。_\n/);
  });

  it('marks stale relationships by the configured limit, opposition nobody manages and people never contacted', () => {
    const text = `kam: 1
account: {name: A}
diagnosis:
  stakeholders:
    - {id: zhao, name: Zhao, roles: [decision-maker], last_contact: 2026-08-01}
    - {id: qian, name: Qian, stance: opponent, influence: high, last_contact: 2026-11-20}
    - {id: sun, name: Sun, influence: high}
    - {id: li, name: Li, influence: low, last_contact: 2020-01-01}
`;
    const state = (limit?: number) => Object.fromEntries(rows(report(text, 'html', 'en', limit), 'relationships').slice(1).map((r) => [r[0], [r[5], r[6]]]));
    assert.deepEqual(state(), {
      Zhao: ['117', '⚠ stale: over 90 days'],
      Qian: ['6', '⚠ opposition unmanaged'],
      Sun: ['—', '⚠ never contacted'],
      Li: ['2521', '✓'],
    });
    assert.deepEqual(state(120).Zhao, ['117', '✓']);
    const zh = Object.fromEntries(rows(report(text, 'html', 'zh-cn'), 'relationships').slice(1).map((r) => [r[0], r[6]]));
    assert.equal(zh.Zhao, '⚠ 关系疏远：超过 90 天');
  });

  it('traces drivers to goals to actions to controls, with the budget per goal and the orphans marked', () => {
    const text = `kam: 1
account: {name: A}
diagnosis:
  drivers:
    - {id: d-cost, name: Cost}
    - {id: d-idle, name: Idle driver}
goals:
  - {id: g1, drivers: [d-cost]}
  - {id: g2}
actions:
  - {id: a1, goal: g1, budget: 1000, when: 2027-01-10}
  - {id: a2, goal: g1, budget: 500, when: 2027-02-10, status: cancelled}
  - {id: a3, budget: 200, when: 2027-03-01}
  - {id: a4, goal: g9, budget: 50, when: 2027-03-02}
controls:
  - {goal: g1, measure: Share, check: 2027-03-31, status: on track}
`;
    assert.deepEqual(rows(report(text, 'html', 'en'), 'traceability').slice(1), [
      ['Cost', 'g1', 'a1', '2027-03-31 (on track)', '1,000'],
      ['⚠ no driver', 'g2', '⚠ no action', '⚠ no control', '0'],
      ['Idle driver', '⚠ no goal answers it', '—', '—', '—'],
      ['—', '⚠ serves no goal', 'a3', '—', '200'],
      ['—', '⚠ unknown goal g9', 'a4', '—', '50'],
    ]);
  });

  it('spreads the budget by goal and by quarter, marking the gaps and the spikes', () => {
    const text = `kam: 1
account: {name: A}
actions:
  - {goal: g1, budget: 1000, when: 2027-01-10}
  - {goal: g1, budget: 9000, when: 2027-08-01}
  - {goal: g2, budget: "1,000", when: 2027-12-01}
  - {goal: g2, budget: 4000, when: 2027-11-01, status: cancelled}
  - {budget: 500}
`;
    const html = report(text, 'html', 'en');
    assert.deepEqual(rows(html, 'investment-goals').slice(1), [
      ['g1', '10,000', '87%'],
      ['g2', '1,000', '9%'],
      ['(no goal)', '500', '4%'],
    ]);
    assert.deepEqual(rows(html, 'investment-quarters').slice(1), [
      ['2027-Q1', '1', '1,000', '9%', '✓'],
      ['2027-Q2', '0', '0', '0%', '⚠ gap: nothing invested'],
      ['2027-Q3', '1', '9,000', '78%', '⚠ spike: over twice the average'],
      ['2027-Q4', '1', '1,000', '9%', '✓'],
      ['(no date)', '1', '500', '4%', '—'],
    ]);
    assert.ok(report(text, 'md', 'en').includes('1 quarter(s) with nothing invested, 1 spike(s).'));
    assert.ok(report('kam: 1\nactions:\n  - {budget: lots}\n', 'md', 'en').includes('_No planned or done action has a readable budget._'));
  });

  describe('a hostile plan stays text', () => {
    const IMG = '<img src=x onerror=alert(1)>';
    const STYLE = '</style><script>alert(1)</script>';
    const PIPE = '| a | `b` **c** [d](javascript:alert(1))';
    const text = `kam: 1
account: {name: "${IMG}"}
diagnosis:
  drivers:
    - {id: d1, name: "${STYLE} driver"}
    - {id: d2, name: "${PIPE} idle"}
  purchasing_factors:
    environmental: "${IMG} environment"
    individual: ["${PIPE} individual", "{{constructor}} individual"]
  stakeholders:
    - {id: s1, name: "${STYLE} person", roles: ["${IMG} role"], influence: high, stance: opponent, last_contact: 2020-01-01}
goals:
  - {id: "g<b>1</b>", drivers: [d1]}
actions:
  - {id: "${PIPE} action", goal: "g<b>1</b>", budget: 10, when: 2027-01-01}
  - {id: "${IMG} loose", goal: "${STYLE} nowhere", budget: 5, when: 2027-02-01}
controls:
  - {goal: "g<b>1</b>", check: 2027-03-31, status: "${IMG} status"}
`;
    const TEXTS = [`${IMG} environment`, `${PIPE} individual`, '{{constructor}} individual', `${STYLE} person`, `${STYLE} driver`, `${PIPE} idle`, `${PIPE} action`, `${IMG} loose`, 'g<b>1</b>'];

    for (const locale of ['en', 'zh-cn'] as const) {
      it(`HTML, ${locale}: no element from the plan, every text in the new sections intact`, () => {
        const dom = parseHtml(report(text, 'html', locale));
        assertSafeDom(dom, REPORT_ELEMENTS);
        const inNew = SECTIONS.slice(0, 4)
          .map((id) => textOf(elements(dom).find((e) => e.tag === 'section' && attr(e, 'id') === id)!))
          .join('\n');
        for (const t of TEXTS) assert.ok(inNew.includes(t), t);
        assert.ok(inNew.includes(`${STYLE} nowhere`));
      });

      it(`Markdown, ${locale}: no raw HTML, tables keep their columns, a renderer makes no element of the plan`, () => {
        const md = report(text, 'md', locale);
        assert.ok(!md.includes('<'), 'a raw <');
        const lines = md.split('\n');
        for (let i = 0; i < lines.length; i++) {
          if (!lines[i].startsWith('| ') || lines[i - 1]?.startsWith('|')) continue;
          const cells = (line: string) => line.split(/(?<!\\)\|/).length;
          for (let j = i; j < lines.length && lines[j].startsWith('|'); j++) assert.equal(cells(lines[j]), cells(lines[i]), lines[j].slice(0, 80));
        }
        const dom = parseHtml(renderMarkdown(md));
        assertSafeDom(dom, new Set(['html', 'head', 'body', 'h1', 'h2', 'h3', 'p', 'em', 'strong', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img']));
        const all = textOf(dom);
        for (const t of TEXTS) assert.ok(count(all, t) >= 1, t);
      });
    }
  });
});
