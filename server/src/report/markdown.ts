// The report as Markdown (CommonMark + GFM tables). Plan text goes through escapeMarkdown, so nothing a
// plan says becomes markup or raw HTML; the map and grid are embedded as SVG images (data: URIs).
import { escapeMarkdown as md } from '../views/escape';
import { colon } from '../engine/vocabulary';
import type { Block, ReportModel, Section } from './model';

export function renderMarkdown(report: ReportModel): string {
  const sep = colon(report.locale);
  const out: string[] = [`# ${md(report.title)}`, '', `_${md(report.subtitle)}_`, ''];
  for (const s of report.sections) section(s, 2);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';

  function section(s: Section, level: number): void {
    out.push(`${'#'.repeat(level)} ${md(s.title)}`, '');
    for (const b of s.blocks) out.push(block(b), '');
    for (const sub of s.sections) section(sub, Math.min(level + 1, 6));
  }

  function block(b: Block): string {
    switch (b.kind) {
      case 'paragraph':
        return b.label === undefined ? md(b.text) : `**${md(b.label)}**${sep}${md(b.text)}`;
      case 'empty':
        return `_${md(b.text)}_`;
      case 'fields':
        return b.items
          .map(([label, value]) => {
            const head = `- **${md(label)}**${sep}`;
            if (typeof value === 'string') return head + md(value);
            if (value.length === 1) return head + md(value[0]);
            return [head.trimEnd(), ...value.map((v) => `  - ${md(v)}`)].join('\n');
          })
          .join('\n');
      case 'list':
        return b.items.map((item) => `- ${md(item.text)}`).join('\n');
      case 'score':
        return `**${b.score}/100** — ${md(b.caption)}`;
      case 'table':
        return [row(b.head.map(md)), row(b.head.map(() => '---')), ...b.rows.map((r) => row(r.map((c) => md(c.text))))].join('\n');
      case 'figure':
        return `![${md(b.caption)}](data:image/svg+xml;base64,${Buffer.from(b.svg.standalone, 'utf8').toString('base64')})`;
      case 'timeline':
        return b.entries
          .map((e) => {
            const details = e.fields.map(([label, value]) => `${md(label)}${sep}${md(value)}`).join(' · ');
            return `- **${md(e.date)}** · ${md(e.title)}${details ? ` — ${details}` : ''}`;
          })
          .join('\n');
    }
  }
}

/** A table row; cells are already escaped (escapeMarkdown escapes `|`). */
function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`;
}
