// `kam portfolio`'s text, JSON, Markdown and CSV. The JSON is the spec's shape, field for field;
// the others are for people and show the same columns (table.ts) in the reader's language.
import { interpolate } from '../../engine/types';
import { displayWidth } from '../../views/text-fit';
import { escapeMarkdown } from '../../views/escape';
import { portfolioTotals } from './row';
import { cells, COLUMNS, columnTitles, NUMERIC, totalsLine, type Portfolio } from './table';
import { PORTFOLIO_WORDS as W } from './words';

export function renderJson(portfolio: Portfolio): string {
  const plans = portfolio.rows.map((r) => ({
    file: r.file,
    account: r.account,
    owner: r.owner,
    stage: r.stage,
    health: r.health,
    findings: { error: r.findings.error, warning: r.findings.warning, info: r.findings.info },
    next_review: r.next_review,
    review_overdue: r.review_overdue,
    unassigned_roles: r.unassigned_roles,
    stale_contacts: r.stale_contacts,
    goals: r.goals,
    smart_goals: r.smart_goals,
  }));
  return `${JSON.stringify({ today: portfolio.today, plans, totals: portfolioTotals(portfolio.rows) }, null, 2)}\n`;
}

/** An aligned table; Chinese and other wide characters count two columns, as a terminal draws them. */
export function renderText(portfolio: Portfolio): string {
  const { locale } = portfolio;
  const table = [columnTitles(locale), ...portfolio.rows.map((r) => COLUMNS.map((c) => oneLine(cells(r, locale)[c])))];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((row) => displayWidth(row[i]))));
  const pad = (cell: string, i: number) => {
    const room = ' '.repeat(widths[i] - displayWidth(cell));
    return NUMERIC.has(COLUMNS[i]) ? room + cell : cell + room;
  };
  const lines = [`${W.title[locale]} · ${interpolate(W.asOf[locale], { date: portfolio.today })}`, ''];
  if (portfolio.rows.length === 0) lines.push(W.noPlans[locale]);
  else lines.push(...table.map((row) => row.map(pad).join('  ').trimEnd()));
  lines.push('', totalsLine(portfolio));
  if (portfolio.problems.length > 0) lines.push('', `${W.unreadable[locale]}:`, ...portfolio.problems.map((p) => `  ${p.file}: ${p.message}`));
  return `${lines.join('\n')}\n`;
}

export function renderMarkdown(portfolio: Portfolio): string {
  const { locale } = portfolio;
  const cell = (value: string) => escapeMarkdown(value);
  const lines = [`# ${W.title[locale]}`, '', `_${interpolate(W.asOf[locale], { date: portfolio.today })} · ${cell(totalsLine(portfolio))}_`, ''];
  if (portfolio.rows.length === 0) lines.push(W.noPlans[locale]);
  else {
    lines.push(`| ${columnTitles(locale).join(' | ')} |`, `|${COLUMNS.map((c) => (NUMERIC.has(c) ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const row of portfolio.rows) {
      const values = cells(row, locale);
      lines.push(`| ${COLUMNS.map((c) => (c === 'file' ? `[${cell(values.file)}](${fileHref(values.file)})` : cell(values[c]))).join(' | ')} |`);
    }
  }
  if (portfolio.problems.length > 0) lines.push('', `## ${W.unreadable[locale]}`, '', ...portfolio.problems.map((p) => `- ${cell(p.file)}: ${cell(p.message)}`));
  return `${lines.join('\n')}\n`;
}

/** RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break; UTF-8 with a BOM for Excel. */
export function renderCsv(portfolio: Portfolio): string {
  const { locale } = portfolio;
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const records = [columnTitles(locale), ...portfolio.rows.map((r) => COLUMNS.map((c) => cells(r, locale)[c]))];
  return `\uFEFF${records.map((record) => record.map(field).join(',')).join('\r\n')}\r\n`;
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** A relative link to a plan file: `/`-separated, each segment percent-encoded (parentheses too, for Markdown). */
export function fileHref(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
