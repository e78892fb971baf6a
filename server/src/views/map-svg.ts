// The stakeholder map as SVG: the org chart (box colour by stance, box size by influence, role badges,
// a tag on gatekeepers, unit frames, reporting lines) with a legend of stances and role coverage, and
// the influence × stance grid as a second picture. Colours come from CSS classes and `--kam-*`
// variables only, so a webview can theme them; MAP_LIGHT_THEME is the default the report and a
// standalone file use. All plan text is escaped (markup.ts).
import { ROLE_LABELS } from '../engine/roles';
import type { Locale, Text } from '../engine/types';
import { STANCES } from '../engine/format';
import { colon, INFLUENCE_LABELS, inline, LABELS, MAP_WORDS, ROLE_SHORT, say, STANCE_LABELS } from '../engine/vocabulary';
import { empty, tag, text } from './markup';
import type { Box, MapNode, StakeholderMap } from './stakeholder-map-model';
import { fitText } from './text-fit';

export interface SvgOptions {
  locale: Locale;
  /** Embed the stylesheet and the light colours so the SVG stands alone as a file (default true). */
  standalone?: boolean;
  /** The picture's accessible title. */
  title?: string;
}

const WORDS = { ...LABELS, ...MAP_WORDS, map: LABELS.stakeholderMap, grid: LABELS.influenceByStance };

/**
 * How the map's classes look: every colour is a variable, set by a theme. Like the theme below, it
 * holds no `<` or `&`, so it reads the same inside HTML and inside a standalone SVG (XML).
 */
export const MAP_CSS = `
.kam-map, .kam-grid { font-family: var(--kam-font, system-ui, -apple-system, Segoe UI, PingFang SC, Microsoft YaHei, sans-serif); }
.kam-map text, .kam-grid text { fill: var(--kam-fg); }
.kam-map .kam-muted, .kam-grid .kam-muted { fill: var(--kam-muted); }
.kam-unit-box { fill: var(--kam-unit-bg); stroke: var(--kam-unit-border); }
.kam-unit-label { font-size: 11px; fill: var(--kam-muted); }
.kam-edge { fill: none; stroke: var(--kam-edge); stroke-width: 1.5; }
.kam-arrowhead { fill: var(--kam-edge); }
.kam-stance-champion { --kam-stance: var(--kam-champion); --kam-stance-bg: var(--kam-champion-bg); }
.kam-stance-supporter { --kam-stance: var(--kam-supporter); --kam-stance-bg: var(--kam-supporter-bg); }
.kam-stance-neutral { --kam-stance: var(--kam-neutral); --kam-stance-bg: var(--kam-neutral-bg); }
.kam-stance-skeptic { --kam-stance: var(--kam-skeptic); --kam-stance-bg: var(--kam-skeptic-bg); }
.kam-stance-opponent { --kam-stance: var(--kam-opponent); --kam-stance-bg: var(--kam-opponent-bg); }
.kam-stance-unknown { --kam-stance: var(--kam-unknown); --kam-stance-bg: var(--kam-unknown-bg); }
.kam-node-box, .kam-swatch, .kam-cell { fill: var(--kam-stance-bg); stroke: var(--kam-stance); stroke-width: 2; }
.kam-cell { stroke-width: 1; }
.kam-stance-unknown .kam-node-box, .kam-swatch.kam-stance-unknown { stroke-dasharray: 4 3; }
.kam-duplicate .kam-node-box { stroke-dasharray: 2 2; }
.kam-influence-high .kam-node-box { stroke-width: 3; }
.kam-node-name { font-size: 13px; font-weight: 600; }
.kam-node-title { font-size: 11px; fill: var(--kam-muted); }
.kam-badge rect { fill: var(--kam-badge-bg); }
.kam-badge text { font-size: 10px; font-weight: 600; fill: var(--kam-badge-fg); }
.kam-gatekeeper-mark rect { fill: var(--kam-gatekeeper); }
.kam-gatekeeper-mark text { font-size: 10px; font-weight: 600; fill: var(--kam-gatekeeper-fg); }
.kam-stale-mark rect { fill: var(--kam-stale); }
.kam-unmanaged-mark rect { fill: var(--kam-unmanaged); }
.kam-stale-mark text, .kam-unmanaged-mark text { font-size: 10px; font-weight: 700; fill: var(--kam-mark-fg); }
.kam-stale .kam-node-box { stroke-dasharray: 8 4; }
.kam-unmanaged .kam-node-box { stroke: var(--kam-unmanaged); }
.kam-grid-name.kam-stale, .kam-grid-name.kam-unmanaged { font-weight: 700; }
.kam-legend-title, .kam-grid-head { font-size: 12px; font-weight: 600; }
.kam-legend-item, .kam-grid-name { font-size: 12px; }
.kam-unassigned text { fill: var(--kam-warning); font-weight: 600; }
.kam-grid-line { stroke: var(--kam-unit-border); }
`;

/** Light colours: the report's and a standalone file's theme. */
export const MAP_LIGHT_THEME = `
:root {
  --kam-fg: #1f2328; --kam-muted: #59636e; --kam-edge: #8c959f;
  --kam-unit-bg: #f6f8fa; --kam-unit-border: #d1d9e0;
  --kam-champion: #1a7f37; --kam-champion-bg: #dafbe1;
  --kam-supporter: #4d8a2a; --kam-supporter-bg: #eef7e6;
  --kam-neutral: #6e7781; --kam-neutral-bg: #f3f4f6;
  --kam-skeptic: #bf8700; --kam-skeptic-bg: #fff8c5;
  --kam-opponent: #cf222e; --kam-opponent-bg: #ffebe9;
  --kam-unknown: #8c959f; --kam-unknown-bg: #ffffff;
  --kam-badge-bg: #0969da; --kam-badge-fg: #ffffff;
  --kam-gatekeeper: #8250df; --kam-gatekeeper-fg: #ffffff;
  --kam-stale: #9a6700; --kam-unmanaged: #cf222e; --kam-mark-fg: #ffffff;
  --kam-warning: #9a6700;
}
`;

/** What a node can be marked for, in the legend's order. */
export const MAP_MARKS = ['stale', 'unmanaged'] as const;
export type MapMark = (typeof MAP_MARKS)[number];
export const MAP_MARK_LABELS: Record<MapMark, Text> = { stale: WORDS.stale, unmanaged: WORDS.unmanaged };

const PAD = 10;
const LEGEND = { width: 860, labelWidth: 90, rowHeight: 24, stanceWidth: 125, roleWidth: 250 };
const GRID = { labelWidth: 90, columnWidth: 150, headHeight: 30, lineHeight: 16, maxLines: 8 };

export function renderMapSvg(map: StakeholderMap, options: SvgOptions): string {
  const { locale } = options;
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const { layout } = map;
  const legendTop = (map.nodes.length === 0 ? 40 : layout.height) + 12;
  const width = Math.max(layout.width, LEGEND.width);
  const height = legendTop + 5 * LEGEND.rowHeight + 12 + PAD;

  const clusterName = new Map(map.clusters.map((c) => [c.id, c.name]));
  const frames = layout.clusters.map((box) =>
    tag(
      'g',
      { class: 'kam-unit' },
      empty('rect', { class: 'kam-unit-box', x: box.x, y: box.y, width: box.width, height: box.height, rx: 8 }),
      label('kam-unit-label', box.x + 8, box.y + 15, fitText(clusterName.get(box.id) ?? '', Math.floor((box.width - 16) / 6))),
    ),
  );
  const lines = layout.edges.filter((e) => e.points.length > 1).map((e) => arrow(pathOf(e.points)));
  const boxes = layout.nodes.map((box) => nodeMarkup(byId.get(box.id)!, box, locale));
  const chart =
    map.nodes.length === 0
      ? [label('kam-muted', PAD, 26, WORDS.noOne[locale])]
      : [tag('g', { class: 'kam-units' }, ...frames), tag('g', { class: 'kam-edges' }, ...lines), tag('g', { class: 'kam-nodes' }, ...boxes)];
  const marker = tag(
    'marker',
    { id: 'kam-map-arrow', viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 8, markerHeight: 8, orient: 'auto' },
    empty('path', { class: 'kam-arrowhead', d: 'M0,0 L8,4 L0,8 z' }),
  );
  const body = [tag('defs', {}, marker), ...chart, legend(map, legendTop, locale, byId)];
  return svg('kam-map', width, height, options.title ?? WORDS.map[locale], options, body);
}

export function renderGridSvg(map: StakeholderMap, options: SvgOptions): string {
  const { locale } = options;
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const { grid } = map;
  const nameUnits = Math.floor((GRID.columnWidth - 12) / 6.5);
  const width = GRID.labelWidth + grid.columns.length * GRID.columnWidth + 1;
  const columnX = (c: number) => GRID.labelWidth + c * GRID.columnWidth;

  const parts = [label('kam-grid-head kam-muted', 6, 20, WORDS.influence[locale])];
  grid.columns.forEach((stance, c) => {
    parts.push(
      empty('rect', { class: `kam-swatch kam-stance-${stance}`, x: columnX(c) + 6, y: 9, width: 12, height: 12, rx: 2 }),
      label('kam-grid-head', columnX(c) + 24, 20, fitText(STANCE_LABELS[stance][locale], nameUnits - 4)),
    );
  });
  let y = GRID.headHeight;
  for (const influence of grid.rows) {
    const cells = grid.columns.map((stance) => grid.cells[influence][stance]);
    // A crowded cell shows its first names and how many more there are.
    const lines = Math.max(1, ...cells.map((ids) => Math.min(ids.length, GRID.maxLines + 1)));
    const rowHeight = 10 + lines * GRID.lineHeight;
    parts.push(label('kam-grid-head', 6, y + 20, INFLUENCE_LABELS[influence][locale]));
    cells.forEach((ids, c) => {
      const x = columnX(c);
      const lineY = (i: number) => y + 18 + i * GRID.lineHeight;
      parts.push(empty('rect', { class: `kam-cell kam-stance-${grid.columns[c]}`, x, y, width: GRID.columnWidth, height: rowHeight }));
      const shown = ids.length > GRID.maxLines + 1 ? ids.slice(0, GRID.maxLines) : ids;
      shown.forEach((id, i) => parts.push(gridName(byId.get(id)!, nameUnits, x + 6, lineY(i), locale)));
      const hidden = ids.length - shown.length;
      if (hidden > 0) parts.push(label('kam-grid-name kam-muted', x + 6, lineY(shown.length), more(hidden, locale)));
    });
    y += rowHeight;
  }
  if (grid.unrated.length > 0) {
    y += 20;
    const names = grid.unrated.map((id) => byId.get(id)!.name).join(', ');
    const line = `${WORDS.unrated[locale]}${colon(locale)}${names}`;
    parts.push(fittedText(line, Math.floor(width / 6.5), { class: 'kam-legend-item kam-muted', x: 6, y }));
  }
  return svg('kam-grid', width, y + PAD, options.title ?? WORDS.grid[locale], options, parts);
}

/** A name in a grid cell; a stale relationship or unmanaged opposition leads with ⚠ and says why in its tooltip. */
function gridName(node: MapNode, units: number, x: number, y: number, locale: Locale): string {
  const warnings = [node.stale && WORDS.stale[locale], node.unmanaged && WORDS.unmanaged[locale]].filter((w): w is string => !!w);
  if (warnings.length === 0) return fittedText(node.name, units, { class: 'kam-grid-name', x, y });
  const classes = ['kam-grid-name', node.stale && 'kam-stale', node.unmanaged && 'kam-unmanaged'].filter(Boolean).join(' ');
  return tag('text', { class: classes, x, y }, tag('title', {}, text([node.name, ...warnings.map((w) => `⚠ ${w}`)].join('\n'))), text(fitText(`⚠ ${node.name}`, units)));
}

function svg(kind: string, width: number, height: number, title: string, options: SvgOptions, body: string[]): string {
  const [w, h] = [Math.ceil(width), Math.ceil(height)];
  // Our own constants, free of markup characters: written as they are.
  const style = options.standalone === false ? '' : tag('style', {}, MAP_LIGHT_THEME + MAP_CSS);
  return tag(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', class: kind, width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': title },
    tag('title', {}, text(title)),
    style,
    ...body,
  );
}

function nodeMarkup(node: MapNode, box: Box, locale: Locale): string {
  const { width, height } = box;
  const classes = ['kam-node', `kam-stance-${node.stance}`, `kam-influence-${node.influence ?? 'unrated'}`];
  if (node.gatekeeper) classes.push('kam-gatekeeper');
  if (node.duplicate) classes.push('kam-duplicate');
  if (node.stale) classes.push('kam-stale');
  if (node.unmanaged) classes.push('kam-unmanaged');
  // The tooltip says all the box has no room for.
  const details = [
    node.name,
    node.title,
    node.unitName ?? node.unit,
    STANCE_LABELS[node.stance][locale],
    node.influence && `${WORDS.influence[locale]}${colon(locale)}${INFLUENCE_LABELS[node.influence][locale]}`,
    node.owner && `↔ ${node.owner}`,
    node.interests.join(', '),
    node.duplicate ? `${WORDS.duplicate[locale]}${colon(locale)}${node.stakeholderId}` : undefined,
    node.daysSinceContact !== undefined && say(WORDS.daysSinceContact, locale, { days: node.daysSinceContact }),
    node.stale && `⚠ ${WORDS.stale[locale]}`,
    node.unmanaged && `⚠ ${WORDS.unmanaged[locale]}`,
  ];
  const parts = [
    tag('title', {}, text(details.filter(Boolean).join('\n'))),
    empty('rect', { class: 'kam-node-box', width, height, rx: 6 }),
    label('kam-node-name', PAD, 19, fitText(node.name, Math.floor((width - 2 * PAD) / 7.2))),
  ];
  if (node.title) parts.push(label('kam-node-title', PAD, 34, fitText(node.title, Math.floor((width - 2 * PAD) / 6))));
  let x = PAD;
  for (const role of node.roles) {
    parts.push(badge(`kam-badge kam-role-${role}`, x, height - 19, badgeWidth(locale), ROLE_SHORT[role][locale], ROLE_LABELS[role][locale]));
    x += badgeWidth(locale) + 4;
  }
  if (node.gatekeeper) parts.push(gatekeeperTag(width - 40, -8, locale));
  if (node.stale) parts.push(warningTag('kam-stale-mark', 8, -8, WORDS.staleTag[locale], WORDS.stale[locale]));
  if (node.unmanaged) parts.push(warningTag('kam-unmanaged-mark', node.stale ? 54 : 8, -8, WORDS.unmanagedTag[locale], WORDS.unmanaged[locale]));
  return tag('g', { class: classes.join(' '), 'data-node': node.id, transform: `translate(${box.x.toFixed(1)} ${box.y.toFixed(1)})` }, ...parts);
}

/** Stances, then role coverage (an unassigned role stands out), then what sizes, tags and lines mean. */
function legend(map: StakeholderMap, top: number, locale: Locale, byId: Map<string, MapNode>): string {
  const rowY = (i: number) => top + i * LEGEND.rowHeight;
  const parts = [label('kam-legend-title', PAD, rowY(0) + 16, WORDS.stance[locale])];
  STANCES.forEach((stance, i) => {
    const x = LEGEND.labelWidth + i * LEGEND.stanceWidth;
    parts.push(
      empty('rect', { class: `kam-swatch kam-stance-${stance}`, x, y: rowY(0) + 5, width: 14, height: 14, rx: 3 }),
      label('kam-legend-item', x + 20, rowY(0) + 16, STANCE_LABELS[stance][locale]),
    );
  });

  parts.push(label('kam-legend-title', PAD, rowY(1) + 16, WORDS.roles[locale]));
  map.coverage.forEach((c, i) => {
    const x = LEGEND.labelWidth + (i % 3) * LEGEND.roleWidth;
    const y = rowY(1 + Math.floor(i / 3));
    const holders = c.unassigned ? `⚠ ${WORDS.unassigned[locale]}` : c.holders.map((id) => byId.get(id)!.name).join(', ');
    const w = badgeWidth(locale);
    const room = Math.floor((LEGEND.roleWidth - w - 16) / 6.5);
    parts.push(
      tag(
        'g',
        { class: `kam-coverage kam-role-${c.role}${c.unassigned ? ' kam-unassigned' : ''}` },
        badge('kam-badge', x, y + 5, w, ROLE_SHORT[c.role][locale]),
        fittedText(`${ROLE_LABELS[c.role][locale]}${colon(locale)}${holders}`, room, { class: 'kam-legend-item', x: x + w + 6, y: y + 16 }),
      ),
    );
  });

  const y = rowY(3) + 8;
  const [second, third] = [LEGEND.labelWidth + LEGEND.roleWidth, LEGEND.labelWidth + 2 * LEGEND.roleWidth];
  parts.push(
    gatekeeperTag(LEGEND.labelWidth, y + 4, locale),
    label('kam-legend-item', LEGEND.labelWidth + 38, y + 16, inline(WORDS.gatekeeper, locale)),
    label('kam-legend-item', second, y + 16, WORDS.size[locale]),
    arrow(`M${third} ${y + 12} h 30`),
    label('kam-legend-item', third + 40, y + 16, WORDS.reportsTo[locale]),
    warningTag('kam-stale-mark', LEGEND.labelWidth, y + LEGEND.rowHeight + 4, WORDS.staleTag[locale], WORDS.stale[locale]),
    label('kam-legend-item', LEGEND.labelWidth + 50, y + LEGEND.rowHeight + 16, WORDS.stale[locale]),
    warningTag('kam-unmanaged-mark', second, y + LEGEND.rowHeight + 4, WORDS.unmanagedTag[locale], WORDS.unmanaged[locale]),
    label('kam-legend-item', second + 50, y + LEGEND.rowHeight + 16, WORDS.unmanaged[locale]),
  );
  return tag('g', { class: 'kam-legend' }, ...parts);
}

function label(cls: string, x: number, y: number, value: string): string {
  return tag('text', { class: cls, x, y }, text(value));
}

/** Wide enough for two letters, or for one Chinese character. */
function badgeWidth(locale: Locale): number {
  return BADGE_WIDTH[locale];
}
const BADGE_WIDTH: Record<Locale, number> = { en: 24, 'zh-cn': 18 };

/** A role badge: a small filled box with the role's short label, its full name as the tooltip. */
function badge(cls: string, x: number, y: number, w: number, short: string, tooltip?: string): string {
  return tag(
    'g',
    { class: cls },
    tooltip ? tag('title', {}, text(tooltip)) : '',
    empty('rect', { x, y, width: w, height: 14, rx: 3 }),
    tag('text', { x: x + w / 2, y: y + 11, 'text-anchor': 'middle' }, text(short)),
  );
}

function gatekeeperTag(x: number, y: number, locale: Locale): string {
  return tag(
    'g',
    { class: 'kam-gatekeeper-mark' },
    tag('title', {}, text(inline(WORDS.gatekeeper, locale))),
    empty('rect', { x, y, width: 32, height: 16, rx: 8 }),
    tag('text', { x: x + 16, y: y + 12, 'text-anchor': 'middle' }, text(WORDS.gatekeeperTag[locale])),
  );
}

/** A small filled tag above a box: a warning the node carries (stale, unmanaged opposition). */
function warningTag(cls: string, x: number, y: number, short: string, tooltip: string): string {
  return tag(
    'g',
    { class: cls },
    tag('title', {}, text(tooltip)),
    empty('rect', { x, y, width: 42, height: 16, rx: 8 }),
    tag('text', { x: x + 21, y: y + 12, 'text-anchor': 'middle' }, text(short)),
  );
}

function arrow(d: string): string {
  return empty('path', { class: 'kam-edge', d, 'marker-end': 'url(#kam-map-arrow)' });
}

/** A text cut to fit, with the whole text as its tooltip when it was cut. */
function fittedText(value: string, units: number, a: Record<string, string | number>): string {
  const shown = fitText(value, units);
  return tag('text', a, shown === value ? '' : tag('title', {}, text(value)), text(shown));
}

function more(n: number, locale: Locale): string {
  return say(WORDS.more, locale, { n });
}

function pathOf(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
}
