// The portfolio as one self-contained HTML page, like the report: inline style, nothing loaded from
// elsewhere, every piece of plan text escaped. The table sorts when a column heading is clicked; the
// script doing it is inline and allowed by its hash in the Content-Security-Policy, and the page
// reads the same without it (the rows come sorted by health).
import { createHash } from 'node:crypto';
import { interpolate } from '../../engine/types';
import { empty, tag, text } from '../../views/markup';
import { cells, COLUMNS, columnTitles, NUMERIC, totalsLine, type Portfolio } from './table';
import { fileHref } from './render';
import { PORTFOLIO_WORDS as W } from './words';

// Sorts by the column of the clicked heading; a second click reverses. Numbers compare as numbers,
// the rest by the page's language. Our own constant: no plan text goes into it.
const SORT_SCRIPT = `
for (const table of document.querySelectorAll('table.sortable')) {
  const body = table.tBodies[0];
  table.querySelectorAll('th button').forEach((button, column) => {
    button.addEventListener('click', () => {
      const up = button.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('th button').forEach((b) => b.removeAttribute('aria-sort'));
      button.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      const key = (row) => row.cells[column].dataset.sort ?? row.cells[column].textContent;
      const numeric = button.dataset.numeric === 'true';
      const rows = [...body.rows].sort((a, b) => {
        const order = numeric ? Number(key(a)) - Number(key(b)) : key(a).localeCompare(key(b), document.documentElement.lang);
        return up ? order : -order;
      });
      body.append(...rows);
    });
  });
}`;

const SCRIPT_HASH = createHash('sha256').update(SORT_SCRIPT).digest('base64');
export const PORTFOLIO_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:`;

const CSS = `
:root { --ok: #1a7f37; --warning: #9a6700; --error: #cf222e; --line: #d1d9e0; --soft: #f6f8fa; --muted: #59636e; }
body { margin: 0 auto; max-width: 1400px; padding: 24px 32px 48px; color: #1f2328; background: #fff;
  font: 14px/1.5 system-ui, -apple-system, Segoe UI, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--soft); }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button[aria-sort=ascending]::after { content: ' ▲'; }
th button[aria-sort=descending]::after { content: ' ▼'; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.health-error { color: var(--error); font-weight: 700; }
.health-warning { color: var(--warning); font-weight: 700; }
.health-ok { color: var(--ok); font-weight: 700; }
.overdue { color: var(--warning); font-weight: 600; }
@media print { th button::after { content: none !important; } body { max-width: none; padding: 0; } }
`;

/** Health below 60 is marked as an error, below 85 as a warning: the report's meter uses the same bounds. */
function healthClass(score: number): string {
  return score < 60 ? 'health-error' : score < 85 ? 'health-warning' : 'health-ok';
}

/** @param linkBase the path from the page to the folder the rows' files are relative to ('' when the same). */
export function renderPortfolioHtml(portfolio: Portfolio, linkBase = ''): string {
  const { locale } = portfolio;
  const lang = locale === 'zh-cn' ? 'zh-CN' : 'en';
  const title = W.title[locale];
  const head = tag(
    'head',
    {},
    empty('meta', { charset: 'utf-8' }, false),
    // Written as is: the policy holds no `"`, `<` or `&`.
    `<meta http-equiv="Content-Security-Policy" content="${PORTFOLIO_CSP}">`,
    empty('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }, false),
    tag('title', {}, text(title)),
    tag('style', {}, CSS),
  );
  const headings = columnTitles(locale).map((t, i) => tag('th', { scope: 'col' }, tag('button', { type: 'button', 'data-numeric': NUMERIC.has(COLUMNS[i]) || COLUMNS[i] === 'smartGoals' ? 'true' : undefined }, text(t))));
  const rows = portfolio.rows.map((row) => {
    const values = cells(row, locale);
    const href = linkBase + fileHref(row.file);
    return tag(
      'tr',
      {},
      ...COLUMNS.map((c) => {
        const value = values[c];
        switch (c) {
          case 'health':
            return tag('td', { class: `number ${healthClass(row.health)}` }, text(value));
          case 'account':
            return tag('td', {}, tag('a', { href }, text(value || row.file)));
          case 'nextReview':
            return tag('td', { class: row.review_overdue ? 'overdue' : undefined, 'data-sort': row.next_review ?? '' }, text(value));
          case 'smartGoals':
            // Sorted by the share of goals that are SMART; a plan without goals sorts first.
            return tag('td', { class: 'number', 'data-sort': row.goals === 0 ? -1 : row.smart_goals / row.goals }, text(value));
          case 'file':
            return tag('td', {}, tag('a', { href }, text(value)));
          default:
            return tag('td', { class: NUMERIC.has(c) ? 'number' : undefined }, text(value));
        }
      }),
    );
  });
  const table = portfolio.rows.length === 0
    ? tag('p', {}, text(W.noPlans[locale]))
    : tag('div', { class: 'table' }, tag('table', { class: 'sortable' }, tag('thead', {}, tag('tr', {}, ...headings)), tag('tbody', {}, ...rows)));
  const problems = portfolio.problems.length === 0
    ? ''
    : tag('section', {}, tag('h2', {}, text(W.unreadable[locale])), tag('ul', {}, ...portfolio.problems.map((p) => tag('li', {}, text(`${p.file}: ${p.message}`)))));
  const body = tag(
    'body',
    {},
    tag('header', {}, tag('h1', {}, text(title)), tag('p', { class: 'subtitle' }, text(`${interpolate(W.asOf[locale], { date: portfolio.today })} · ${totalsLine(portfolio)}`))),
    tag('main', {}, table, problems),
    // Our constant, free of `</`: written as it is.
    `<script>${SORT_SCRIPT}</script>`,
  );
  return `<!DOCTYPE html>\n${tag('html', { lang }, head, body)}\n`;
}
