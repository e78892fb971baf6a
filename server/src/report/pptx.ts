// The report as a PowerPoint deck for the review meeting, written with pptxgenjs: the title with the
// plan health, the diagnosis in brief, the stakeholder map, goals with their SMART letters, actions on
// a timeline with budgets, SWOT, controls and the open findings. Slides are built from the same report
// model as the Markdown and HTML, so the three say the same. The map is drawn with the deck's own
// shapes from the map's layout (no SVG, which only recent PowerPoint shows, and no browser to render a
// PNG): it stays sharp, editable and readable in LibreOffice too.
import PptxGenJS from 'pptxgenjs';
import type { Plan } from '../engine/model';
import type { Finding } from '../engine/rule';
import type { Locale, Text } from '../engine/types';
import type { Mark } from '../views/health';
import { STANCES } from '../engine/format';
import { colon, REPORT_WORDS, ROLE_LABELS, ROLE_SHORT, STANCE_LABELS, text } from '../engine/vocabulary';
import { MAP_LIGHT_THEME } from '../views/map-svg';
import { buildStakeholderMap, type StakeholderMap } from '../views/stakeholder-map-model';
import { displayWidth, fitText } from '../views/text-fit';
import { buildReport, type Block, type ReportModel, type Section } from './model';
import type { ReportOptions } from './model';

/** Fonts that show Chinese: YaHei where Office is, and the same face for Latin so a mixed line stays even. */
const FONT: Record<Locale, string> = text('Calibri', 'Microsoft YaHei');
/** 16:9, in inches. */
const SLIDE = { width: 13.333, height: 7.5, margin: 0.5, top: 1.25 };
const BODY = { x: SLIDE.margin, y: SLIDE.top, w: SLIDE.width - 2 * SLIDE.margin, h: SLIDE.height - SLIDE.top - SLIDE.margin };
const TONE: Record<Mark, string> = { ok: '1A7F37', info: '0969DA', warning: '9A6700', error: 'CF222E' };
const INK = '1F2328';
const MUTED = '59636E';
const LINE = 'D1D9E0';
const SOFT = 'F6F8FA';
/** One line of 14-point text, in inches. */
const LINE_HEIGHT = 0.3;
/** Below this much room (inches) a table starts on a slide of its own. */
const MIN_TABLE_ROOM = 2;

const WORDS = {
  diagnosisBrief: text('Diagnosis in brief', '诊断摘要'),
  map: text('Stakeholder map', '关键决策者地图'),
  openFindings: text('Open findings', '待解决的问题'),
} satisfies Record<string, Text>;

export async function renderPptx(plan: Plan, findings: readonly Finding[], options: ReportOptions): Promise<Buffer> {
  const report = buildReport(plan, findings, options);
  const deck = new Deck(report.locale);
  titleSlide(deck, report);
  const section = (id: string) => report.sections.find((s) => s.id === id)!;
  // In brief: the units are on the map, two slides on.
  deck.sectionSlide(section('diagnosis'), WORDS.diagnosisBrief[report.locale], ['organization']);
  if (report.health.parses) mapSlide(deck, buildStakeholderMap(plan), report.locale);
  deck.sectionSlide(section('goals'));
  deck.sectionSlide(section('actions'));
  const swot = section('strategy').sections.find((s) => s.id === 'swot');
  if (swot) deck.sectionSlide(swot);
  deck.sectionSlide(section('controls'));
  findingsSlide(deck, findings, report);
  // `stream` is the call that honours `compression` (pptxgenjs 4.0.1's `write` drops it for a nodebuffer).
  return (await deck.pptx.stream({ compression: true })) as Buffer;
}

/** The deck and the ways its slides are filled. */
class Deck {
  readonly pptx = new PptxGenJS();
  readonly font: string;

  constructor(readonly locale: Locale) {
    this.font = FONT[locale];
    this.pptx.layout = 'LAYOUT_WIDE';
    this.pptx.theme = { headFontFace: this.font, bodyFontFace: this.font };
  }

  slide(title: string): PptxGenJS.Slide {
    const slide = this.pptx.addSlide();
    slide.addText(title, { x: SLIDE.margin, y: 0.35, w: BODY.w, h: 0.7, fontFace: this.font, fontSize: 28, bold: true, color: INK, fit: 'shrink' });
    slide.addShape('line', { x: SLIDE.margin, y: 1.05, w: BODY.w, h: 0, line: { color: LINE, width: 1.5 } });
    return slide;
  }

  /**
   * A section and its subsections on as many slides as they need: the parts that are text first, from
   * the top of the slide, then each table with its heading and notes, where there is room for it or on
   * a slide of its own (a long table goes on over further slides).
   */
  sectionSlide(section: Section, title = section.title, leaveOut: readonly string[] = []): void {
    const parts = [{ blocks: section.blocks }, ...flatten(section.sections.filter((sub) => !leaveOut.includes(sub.id)))];
    const hasTable = (part: Part) => part.blocks.some((b) => tableOf(b, this.locale));
    let slide = this.slide(title);
    let y = BODY.y;
    const bottom = BODY.y + BODY.h;
    const write = (texts: PptxGenJS.TextProps[]) => {
      const lines = texts.filter((t) => t.options?.breakLine).length;
      if (lines === 0) return;
      const h = LINE_HEIGHT * lines + 0.1;
      if (y + h > bottom && y > BODY.y) [slide, y] = [this.slide(title), BODY.y];
      slide.addText(texts, { x: BODY.x, y, w: BODY.w, h: Math.min(h, bottom - y), fontFace: this.font, fontSize: 14, color: INK, valign: 'top', fit: 'shrink' });
      y += h + 0.1;
    };
    write(parts.filter((p) => !hasTable(p)).flatMap((p) => this.partTexts(p)));
    for (const part of parts.filter(hasTable)) {
      if (y > BODY.y && bottom - y < MIN_TABLE_ROOM) [slide, y] = [this.slide(title), BODY.y];
      write(this.partTexts({ ...part, blocks: part.blocks.filter((b) => !tableOf(b, this.locale)) }));
      for (const block of part.blocks) {
        const table = tableOf(block, this.locale);
        if (!table) continue;
        this.table(slide, table, y);
        y = bottom; // whatever follows starts a new slide
      }
    }
  }

  private partTexts(part: Part): PptxGenJS.TextProps[] {
    const texts = part.blocks.flatMap((b) => textsOf(b, this.locale));
    return part.heading === undefined ? texts : [headingText(part.heading), ...texts];
  }

  table(slide: PptxGenJS.Slide, table: { head: string[]; rows: { text: string; tone?: Mark }[][] }, y: number): void {
    const head = table.head.map((text): PptxGenJS.TableCell => ({ text, options: { bold: true, fill: { color: SOFT } } }));
    const rows = table.rows.map((row) => row.map((c): PptxGenJS.TableCell => ({ text: c.text, options: { color: c.tone ? TONE[c.tone] : INK } })));
    slide.addTable([head, ...rows], {
      x: BODY.x,
      y,
      w: BODY.w,
      colW: columnWidths([table.head, ...table.rows.map((r) => r.map((c) => c.text))]),
      fontFace: this.font,
      fontSize: 11,
      color: INK,
      border: { type: 'solid', pt: 0.75, color: LINE },
      valign: 'top',
      autoPage: true, // a long table goes on over the next slides
      autoPageRepeatHeader: true,
      autoPageHeaderRows: 1,
      autoPageSlideStartY: BODY.y,
    });
  }
}

/** A run of blocks under a heading: a section's own blocks, or a subsection's. */
interface Part {
  heading?: string;
  blocks: Block[];
}

function flatten(sections: readonly Section[]): Part[] {
  return sections.flatMap((s) => [{ heading: s.title, blocks: s.blocks }, ...flatten(s.sections)]);
}

function headingText(text: string): PptxGenJS.TextProps {
  return { text, options: { bold: true, fontSize: 15, breakLine: true } };
}

/** Columns as wide as their longest text asks (within bounds), filling the slide's width. */
function columnWidths(rows: readonly string[][]): number[] {
  const columns = rows[0].length;
  const want = Array.from({ length: columns }, (_, i) => Math.min(60, Math.max(4, ...rows.map((r) => displayWidth(r[i] ?? '')))));
  const total = want.reduce((a, b) => a + b, 0);
  return want.map((w) => (w / total) * BODY.w);
}

/** Blocks that are best as a table: tables, and the actions' timeline (date, action, details). */
function tableOf(block: Block, locale: Locale): { head: string[]; rows: { text: string; tone?: Mark }[][] } | undefined {
  if (block.kind === 'table') return block;
  if (block.kind !== 'timeline') return undefined;
  const head = locale === 'zh-cn' ? ['日期', '行动', '详情'] : ['Date', 'Action', 'Details'];
  return {
    head,
    rows: block.entries.map((e) => [
      { text: e.date },
      { text: e.title, tone: e.tone },
      { text: e.fields.map(([k, v]) => `${k}${colon(locale)}${v}`).join(' · ') },
    ]),
  };
}

/** Other blocks as lines of text. */
function textsOf(block: Block, locale: Locale): PptxGenJS.TextProps[] {
  const line = (text: string, options: PptxGenJS.TextPropsOptions = {}): PptxGenJS.TextProps => ({ text, options: { breakLine: true, ...options } });
  switch (block.kind) {
    case 'paragraph':
      return block.label === undefined
        ? [line(block.text, { color: block.tone ? TONE[block.tone] : undefined })]
        : [{ text: `${block.label}${colon(locale)}`, options: { bold: true } }, line(block.text)];
    case 'fields':
      // In brief: each label with its first text, the rest counted.
      return block.items.map(([label, value]) => {
        const values = typeof value === 'string' ? [value] : value;
        const more = values.length > 1 ? ` (+${values.length - 1})` : '';
        return line(`${label}${colon(locale)}${fitText(values[0] ?? '', 150)}${more}`, { bullet: true });
      });
    case 'list':
      return block.items.map((item) => line(item.text, { bullet: true, color: item.tone ? TONE[item.tone] : undefined }));
    case 'empty':
      return [line(block.text, { italic: true, color: MUTED })];
    case 'score':
      return [line(`${block.score}/100 · ${block.caption}`, { bold: true, color: TONE[block.tone] })];
    default:
      return [];
  }
}

function titleSlide(deck: Deck, report: ReportModel): void {
  const slide = deck.pptx.addSlide();
  slide.addText(report.title, { x: SLIDE.margin, y: 1.4, w: BODY.w, h: 1.2, fontFace: deck.font, fontSize: 36, bold: true, color: INK, fit: 'shrink' });
  slide.addText(report.subtitle, { x: SLIDE.margin, y: 2.6, w: BODY.w, h: 0.5, fontFace: deck.font, fontSize: 16, color: MUTED });
  const { health } = report;
  slide.addText(String(health.score), { x: SLIDE.margin, y: 3.4, w: 2.4, h: 1.4, fontFace: deck.font, fontSize: 72, bold: true, color: TONE[health.mark] });
  slide.addText('/100', { x: SLIDE.margin + 2.3, y: 4.05, w: 1.2, h: 0.6, fontFace: deck.font, fontSize: 24, color: MUTED });
  const summary = report.sections.find((s) => s.id === 'summary')!;
  const fields = summary.blocks.flatMap((b) => textsOf(b, deck.locale)).slice(1); // the account's name is the title
  slide.addText(fields, { x: 4.2, y: 3.3, w: 8.6, h: 3.2, fontFace: deck.font, fontSize: 16, color: INK, valign: 'top', fit: 'shrink' });
}

function findingsSlide(deck: Deck, findings: readonly Finding[], report: ReportModel): void {
  const section = report.sections.find((s) => s.id === 'findings')!;
  deck.sectionSlide(section, `${WORDS.openFindings[deck.locale]} · ${findings.length}`);
}

/** Stance colours and their pale fills, from the map's light theme, so the deck matches the report. */
function themeColour(name: string): string {
  const m = new RegExp(`--kam-${name}:\\s*#([0-9a-fA-F]{6})`).exec(MAP_LIGHT_THEME);
  return m ? m[1].toUpperCase() : MUTED;
}

const BORDER_PT = { high: 3, medium: 2, low: 1, unrated: 1.5 } as const;

/** The org chart scaled into the slide, boxes coloured by stance, with the stance and role-coverage legend below. */
function mapSlide(deck: Deck, map: StakeholderMap, locale: Locale): void {
  const slide = deck.slide(WORDS.map[locale]);
  const legendHeight = 1.1;
  const area = { x: BODY.x, y: BODY.y, w: BODY.w, h: BODY.h - legendHeight - 0.1 };
  const { layout } = map;
  const scale = Math.min(area.w / Math.max(layout.width, 1), area.h / Math.max(layout.height, 1), 1 / 60);
  const left = area.x + (area.w - layout.width * scale) / 2;
  const at = (x: number, y: number) => ({ x: left + x * scale, y: area.y + y * scale });
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const clusterName = new Map(map.clusters.map((c) => [c.id, c.name]));
  const fontSize = Math.max(6, Math.min(12, 13 * scale * 72 * 0.9));

  for (const box of layout.clusters) {
    const p = at(box.x, box.y);
    slide.addShape('roundRect', { ...p, w: box.width * scale, h: box.height * scale, fill: { color: themeColour('unit-bg') }, line: { color: themeColour('unit-border'), width: 1 }, rectRadius: 0.08 });
    slide.addText(fitText(clusterName.get(box.id) ?? '', 40), { ...p, w: box.width * scale, h: 0.25, fontFace: deck.font, fontSize: fontSize - 1, color: MUTED, valign: 'top', margin: 2 });
  }
  for (const edge of layout.edges) {
    if (edge.points.length < 2) continue;
    for (let i = 1; i < edge.points.length; i++) {
      const [a, b] = [at(edge.points[i - 1].x, edge.points[i - 1].y), at(edge.points[i].x, edge.points[i].y)];
      const last = i === edge.points.length - 1;
      slide.addShape('line', {
        x: Math.min(a.x, b.x),
        y: Math.min(a.y, b.y),
        w: Math.abs(b.x - a.x),
        h: Math.abs(b.y - a.y),
        flipH: b.x < a.x,
        flipV: b.y < a.y,
        line: { color: themeColour('edge'), width: 1, endArrowType: last ? 'triangle' : undefined },
      });
    }
  }
  for (const box of layout.nodes) {
    const node = byId.get(box.id)!;
    const p = at(box.x, box.y);
    const roles = node.roles.map((r) => ROLE_SHORT[r][locale]).join(' ');
    const lines: PptxGenJS.TextProps[] = [{ text: fitText(node.name, 28), options: { bold: true, breakLine: true } }];
    if (node.title) lines.push({ text: fitText(node.title, 32), options: { color: MUTED, breakLine: true, fontSize: fontSize - 2 } });
    if (roles) lines.push({ text: roles, options: { color: '0969DA', bold: true, fontSize: fontSize - 2 } });
    slide.addText(lines, {
      ...p,
      w: box.width * scale,
      h: box.height * scale,
      shape: 'roundRect',
      rectRadius: 0.06,
      fill: { color: themeColour(`${node.stance}-bg`) },
      line: { color: themeColour(node.stance), width: BORDER_PT[node.influence ?? 'unrated'] },
      fontFace: deck.font,
      fontSize,
      color: INK,
      align: 'center',
      valign: 'middle',
      margin: 2,
      fit: 'shrink',
    });
  }

  // Legend: the stances' colours, then each role with who holds it (a role nobody holds in warning colour).
  const legendY = BODY.y + BODY.h - legendHeight;
  const stances: PptxGenJS.TextProps[] = [{ text: `${REPORT_WORDS.stance[locale]}${colon(locale)}`, options: { bold: true } }];
  for (const stance of STANCES) stances.push({ text: `■ ${STANCE_LABELS[stance][locale]}   `, options: { color: themeColour(stance) } });
  slide.addText(stances, { x: BODY.x, y: legendY, w: BODY.w, h: 0.35, fontFace: deck.font, fontSize: 12, color: INK });
  const names = new Map(map.nodes.map((n) => [n.id, n.name]));
  const roles: PptxGenJS.TextProps[] = [{ text: `${REPORT_WORDS.roles[locale]}${colon(locale)}`, options: { bold: true } }];
  for (const c of map.coverage) {
    const who = c.unassigned ? '⚠' : c.holders.map((id) => names.get(id)!).join(', ');
    roles.push({ text: `${ROLE_SHORT[c.role][locale]} ${ROLE_LABELS[c.role][locale]}: ${fitText(who, 40)}   `, options: { color: c.unassigned ? TONE.warning : INK, bold: c.unassigned } });
  }
  slide.addText(roles, { x: BODY.x, y: legendY + 0.35, w: BODY.w, h: 0.7, fontFace: deck.font, fontSize: 11, color: INK, valign: 'top', fit: 'shrink' });
}
