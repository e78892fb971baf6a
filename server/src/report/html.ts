// The report as one self-contained HTML file: inline CSS, inline SVG, no script and nothing loaded from
// elsewhere (the Content-Security-Policy says so to the browser too). It prints cleanly to PDF. Every
// piece of text is escaped by the markup helpers; the SVG figures come escaped from map-svg.ts.
import type { Locale } from '../engine/types';
import type { Mark } from '../views/health';
import { colon, languageTag, REPORT_WORDS as WORDS } from '../engine/vocabulary';
import { MAP_CSS, MAP_LIGHT_THEME } from '../views/map-svg';
import { empty, tag, text } from '../views/markup';
import type { Block, ReportModel, Section } from './model';

export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const REPORT_CSS = `
:root { --ok: #1a7f37; --info: #0969da; --warning: #9a6700; --error: #cf222e; --line: #d1d9e0; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1160px; padding: 24px 32px 48px; color: var(--kam-fg); background: #fff;
  font: 14px/1.5 system-ui, -apple-system, Segoe UI, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 8px; }
h4, h5, h6 { font-size: 14px; margin: 16px 0 6px; }
.subtitle { color: var(--kam-muted); margin: 0 0 16px; }
nav.contents { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px; }
nav.contents ol { margin: 4px 0; padding-left: 20px; columns: 2; }
nav.contents a { color: inherit; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; min-width: 4.5em; }
th { background: var(--soft); font-weight: 600; overflow-wrap: normal; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
dl.fields ul { margin: 0; padding-left: 18px; }
.score { display: flex; align-items: baseline; gap: 12px; margin: 8px 0; }
.score-value { font-size: 40px; font-weight: 700; }
.score meter { width: 240px; height: 14px; }
.empty { color: var(--kam-muted); font-style: italic; }
.tone-ok { color: var(--ok); }
.tone-info { color: var(--info); }
.tone-warning { color: var(--warning); }
.tone-error { color: var(--error); }
figure { margin: 16px 0; overflow-x: auto; }
figcaption { color: var(--kam-muted); font-size: 13px; }
ol.timeline { list-style: none; margin: 8px 0; padding: 0 0 0 20px; border-left: 3px solid var(--line); }
ol.timeline li { position: relative; margin: 0 0 12px; padding-left: 8px; }
ol.timeline li::before { content: ''; position: absolute; left: -29px; top: 6px; width: 12px; height: 12px; border-radius: 50%;
  background: #fff; border: 3px solid var(--info); }
ol.timeline li.state-ok::before { border-color: var(--ok); }
ol.timeline li.state-info::before { border-color: var(--line); }
ol.timeline li.state-info .what { text-decoration: line-through; }
.timeline time { font-weight: 700; margin-right: 8px; }
.timeline .what { font-weight: 600; overflow-wrap: anywhere; }
.timeline .details { color: var(--kam-muted); overflow-wrap: anywhere; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav.contents { display: none; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure, dl.fields, ol.timeline li, .score { break-inside: avoid; }
  .table, figure { overflow: visible; }
  figure svg { max-width: 100%; height: auto; }
  a { color: inherit; text-decoration: none; }
}
`;

export function renderHtml(report: ReportModel): string {
  const lang = languageTag(report.locale);
  const contents = tag(
    'nav',
    { class: 'contents' },
    tag('strong', {}, text(WORDS.contents[report.locale])),
    tag('ol', {}, ...report.sections.map((s) => tag('li', {}, tag('a', { href: `#${s.id}` }, text(s.title))))),
  );
  const head = tag(
    'head',
    {},
    empty('meta', { charset: 'utf-8' }, false),
    // Written as is (CSP holds no `"`, `<` or `&`), so the policy reads exactly as published.
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    empty('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }, false),
    tag('title', {}, text(report.title)),
    // Our own constants, free of `<` and `&`: written as they are.
    tag('style', {}, MAP_LIGHT_THEME + MAP_CSS + REPORT_CSS),
  );
  const body = tag(
    'body',
    {},
    tag('header', {}, tag('h1', {}, text(report.title)), tag('p', { class: 'subtitle' }, text(report.subtitle)), contents),
    tag('main', {}, ...report.sections.map((s) => section(s, 2, report.locale))),
  );
  return `<!DOCTYPE html>\n${tag('html', { lang }, head, body)}\n`;
}

function section(s: Section, level: number, locale: Locale): string {
  const heading = tag(`h${Math.min(level, 6)}`, {}, text(s.title));
  const blocks = s.blocks.map((b) => block(b, locale));
  return tag('section', { id: s.id }, heading, ...blocks, ...s.sections.map((sub) => section(sub, level + 1, locale)));
}

function fieldValue(value: string | string[]): string {
  if (typeof value === 'string') return text(value);
  return value.length === 1 ? text(value[0]) : tag('ul', {}, ...value.map((v) => tag('li', {}, text(v))));
}

function tone(mark: Mark | undefined): string | undefined {
  return mark ? `tone-${mark}` : undefined;
}

function block(b: Block, locale: Locale): string {
  switch (b.kind) {
    case 'paragraph': {
      const lead = b.label === undefined ? '' : tag('strong', {}, text(b.label)) + text(colon(locale));
      return tag('p', { class: tone(b.tone) }, lead, text(b.text));
    }
    case 'empty':
      return tag('p', { class: 'empty' }, text(b.text));
    case 'fields':
      return tag('dl', { class: 'fields' }, ...b.items.map(([label, value]) => tag('dt', {}, text(label)) + tag('dd', {}, fieldValue(value))));
    case 'list':
      return tag('ul', {}, ...b.items.map((item) => tag('li', { class: tone(item.tone) }, text(item.text))));
    case 'score':
      return tag(
        'div',
        { class: `score ${tone(b.tone)}` },
        tag('span', { class: 'score-value' }, text(String(b.score))),
        tag('span', {}, '/100'),
        tag('meter', { min: 0, max: 100, low: 60, high: 85, optimum: 100, value: b.score }, text(`${b.score}/100`)),
        tag('span', {}, text(b.caption)),
      );
    case 'table':
      return tag(
        'div',
        { class: 'table' },
        tag(
          'table',
          {},
          tag('thead', {}, tag('tr', {}, ...b.head.map((h) => tag('th', {}, text(h))))),
          tag('tbody', {}, ...b.rows.map((r) => tag('tr', {}, ...r.map((c) => tag('td', { class: tone(c.tone) }, text(c.text)))))),
        ),
      );
    case 'figure':
      return tag('figure', {}, b.svg.inline, tag('figcaption', {}, text(b.caption)));
    case 'timeline':
      return tag(
        'ol',
        { class: 'timeline' },
        ...b.entries.map((e) =>
          tag(
            'li',
            { class: e.tone ? `state-${e.tone}` : undefined },
            tag('time', {}, text(e.date)),
            tag('span', { class: 'what' }, text(e.title)),
            e.fields.length > 0 ? tag('div', { class: 'details' }, text(e.fields.map(([k, v]) => `${k}${colon(locale)}${v}`).join(' · '))) : '',
          ),
        ),
      );
  }
}
