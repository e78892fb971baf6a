// A plan written to break out of every view (test/fixtures/hostile.kam.yaml): markup, SQL, template
// syntax, an emoji ZWJ sequence, a 2,000-character name, Markdown punctuation. Both report formats,
// the map SVG and the outline must show every text escaped and intact, and inject nothing.
import * as assert from 'node:assert/strict';
import { checkPlan } from '../../server/src/rules/check';
import { defaultConfig, parsePlan, type Locale } from '../../server/src/engine';
import { renderReport } from '../../server/src/report';
import { buildOutline, type OutlineItem } from '../../server/src/views/outline-model';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { assertSafeDom, assertWellFormedXml, attr, count, elements, parseHtml, REPORT_ELEMENTS, renderMarkdown, textNodes, textOf, type El } from './views-helpers';

const TEXT = readRepoFile('test', 'fixtures', 'hostile.kam.yaml');
const PLAN = parsePlan(TEXT);

const IMG = '<img src=x onerror=alert(1)>';
const SQL = '"; DROP TABLE x; --';
const STYLE = '</style><script>alert(1)</script>';
const EMOJI = '👩‍⚕️ Dr. Emoji';
const TEMPLATE = '{{constructor}}';
const LONG = PLAN.stakeholders.find((s) => s.id === 'long')!.name!;

/** Texts the plan holds in exactly one field that the report shows exactly once. */
const SHOWN_ONCE = [
  `${STYLE} macro`,
  `${IMG} regulatory`,
  '| cell | split | `code` **bold** _em_ [link](javascript:alert(1)) &amp; &lt;b&gt; micro',
  `${SQL} driver`,
  '👩‍⚕️ emoji note',
  '<iframe src=javascript:alert(1)> forecast',
  "Raise share from 10% to 12% <script>alert('goal')</script>",
  '<a href=javascript:alert(1)>positioning</a>',
  '`rm -rf /` | core',
  '</td></tr></table>',
  `${IMG} action`,
  `${STYLE} where`,
  `${IMG} measure`,
  '<svg onload=alert(1)> said',
  `${SQL} said`,
  '`backticks` and | pipes | response',
  '<script>alert(1)</script> internal',
  `${TEMPLATE} external`,
];

function report(format: 'md' | 'html', locale: Locale = 'en'): string {
  const findings = checkPlan(PLAN, { today: FIXED_TODAY, config: defaultConfig(locale) });
  return renderReport(PLAN, findings, { format, locale, today: FIXED_TODAY });
}

function section(root: El, id: string): El {
  return elements(root).find((e) => e.tag === 'section' && attr(e, 'id') === id)!;
}

function cellsOf(root: El): string[] {
  return elements(root)
    .filter((e) => e.tag === 'td')
    .map(textOf);
}

/** The first cell of each body row of a section's first table. */
function firstColumn(root: El): string[] {
  const table = elements(root).find((e) => e.tag === 'table')!;
  return elements(table)
    .filter((e) => e.tag === 'tr')
    .map((tr) => tr.children.filter((c): c is El => 'tag' in c))
    .filter((cells) => cells[0]?.tag === 'td')
    .map((cells) => textOf(cells[0]));
}

function svgImages(markdown: string): string[] {
  return [...markdown.matchAll(/\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));
}

describe('report: a hostile plan', () => {
  it('is a plan the checker reads (the fixture parses, the long name is 2,000 characters)', () => {
    assert.deepEqual(PLAN.syntaxErrors, []);
    assert.equal(LONG.length, 2000);
    assert.equal(PLAN.stakeholders.length, 6);
  });

  describe('HTML', () => {
    const html = report('html');
    const dom = parseHtml(html);
    const body = elements(dom).find((e) => e.tag === 'body')!;

    it('holds no script, no event handler and no element that came from the plan', () => {
      assertSafeDom(dom, REPORT_ELEMENTS);
      assert.ok(!/<(script|img|iframe|a href=javascript|svg onload)/i.test(html));
      assert.equal(elements(dom).filter((e) => e.tag === 'style').length, 1, 'one style sheet: ours');
    });

    it('shows every hostile text exactly once, decoded', () => {
      const text = textOf(body);
      for (const s of SHOWN_ONCE) assert.equal(count(text, s), 1, s);
    });

    it('shows names intact in the stakeholder table: markup, SQL, emoji, template, 2,000 characters', () => {
      const names = firstColumn(section(dom, 'stakeholders'));
      assert.deepEqual(names, [IMG, SQL, EMOJI, LONG, TEMPLATE, STYLE]);
      assert.equal(textOf(elements(dom).find((e) => e.tag === 'title')!), `Key-account plan: ${IMG} General`);
      assert.equal(textOf(elements(dom).find((e) => e.tag === 'h1')!), `Key-account plan: ${IMG} General`);
    });

    it('draws names in the map, cut to fit without splitting a character, the whole name in the tooltip', () => {
      const map = elements(section(dom, 'stakeholders')).find((e) => e.tag === 'svg' && attr(e, 'class') === 'kam-map')!;
      const texts = textNodes(map);
      const drawn = (name: string) => texts.some((t) => t === name || (t.endsWith('…') && name.startsWith(t.slice(0, -1))));
      for (const name of [IMG, SQL, EMOJI, TEMPLATE, STYLE]) assert.ok(drawn(name), name);
      assert.ok(texts.includes(EMOJI) && texts.includes(SQL) && texts.includes(TEMPLATE), 'short names are whole');
      const cut = texts.find((t) => t.endsWith('…') && LONG.startsWith(t.slice(0, -1)));
      assert.ok(cut, 'the long name is cut');
      assert.ok(cut.length < 40);
      assert.ok(texts.some((t) => t.startsWith(`${LONG}\n`)), 'the tooltip holds the whole name');
    });

    it('draws the role coverage and the reporting cycle without trouble', () => {
      const coverage = cellsOf(section(dom, 'roles'));
      assert.ok(coverage.includes(`${IMG}`), 'decision maker');
      assert.ok(coverage.includes(LONG), 'constrainer');
      const paths = elements(section(dom, 'stakeholders')).filter((e) => attr(e, 'class') === 'kam-edge' && attr(e, 'marker-end'));
      assert.ok(paths.length >= 6, 'six reporting lines, one of them closing the loop');
    });

    it('speaks Chinese with the same safety', () => {
      const zh = parseHtml(report('html', 'zh-cn'));
      assertSafeDom(zh, REPORT_ELEMENTS);
      const text = textOf(elements(zh).find((e) => e.tag === 'body')!);
      for (const s of SHOWN_ONCE) assert.equal(count(text, s), 1, s);
    });
  });

  describe('Markdown', () => {
    const md = report('md');

    it('holds no raw HTML, no unescaped backtick, and tables keep their columns', () => {
      assert.ok(!md.includes('<'), 'a raw <');
      assert.ok(!/(^|[^\\])`/.test(md), 'an unescaped backtick');
      const lines = md.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i].startsWith('| ') || lines[i - 1]?.startsWith('|')) continue;
        const cells = (line: string) => line.split(/(?<!\\)\|/).length;
        for (let j = i; j < lines.length && lines[j].startsWith('|'); j++) assert.equal(cells(lines[j]), cells(lines[i]), `line ${j + 1}: ${lines[j].slice(0, 80)}`);
      }
    });

    it('renders, as VS Code renders it, to no element from the plan, with every text once and intact', () => {
      const dom = parseHtml(renderMarkdown(md));
      assertSafeDom(dom, new Set(['html', 'head', 'body', 'h1', 'h2', 'h3', 'p', 'em', 'strong', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img']));
      const text = textOf(dom);
      for (const s of SHOWN_ONCE) assert.equal(count(text, s), 1, s);
      const cells = cellsOf(dom);
      for (const name of [IMG, SQL, EMOJI, LONG, TEMPLATE, STYLE]) assert.ok(cells.includes(name), name.slice(0, 40));
      assert.equal(textOf(elements(dom).find((e) => e.tag === 'h1')!), `Key-account plan: ${IMG} General`);
      assert.equal(elements(dom).filter((e) => e.tag === 'img').length, 2);
    });

    it('embeds pictures that are well-formed, safe SVG', () => {
      const images = svgImages(md);
      assert.equal(images.length, 2);
      for (const svg of images) {
        assertWellFormedXml(svg);
        assertSafeDom(parseHtml(svg), REPORT_ELEMENTS);
        assert.ok(!/<(script|img|iframe)/i.test(svg));
      }
      assert.ok(textNodes(parseHtml(images[0])).includes(EMOJI));
    });
  });

  it('gives the outline the plan text as it is (the client shows it as plain text)', () => {
    const outline = buildOutline(PLAN, checkPlan(PLAN, { today: FIXED_TODAY }), 'en');
    const labels: string[] = [];
    const visit = (i: OutlineItem) => {
      labels.push(i.label);
      i.children.forEach(visit);
    };
    visit(outline.root);
    assert.equal(outline.root.label, `${IMG} General`);
    for (const name of [IMG, SQL, EMOJI, LONG, TEMPLATE, STYLE]) assert.ok(labels.includes(name), name.slice(0, 40));
    assert.deepEqual(JSON.parse(JSON.stringify(outline)), outline);
  });
});
