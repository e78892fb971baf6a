// The report's document: sections of blocks of plain text (renderers escape it); only `figure.svg` is markup,
// made by ../views/map-svg.ts, which escapes plan text itself.
import type { Mark } from '../views/health';

/** A table cell or list item: plain text, with a tone the HTML shows as colour. */
export interface Cell {
  text: string;
  tone?: Mark;
}

export type Block =
  /** A label, when given, leads the paragraph in bold. */
  | { kind: 'paragraph'; text: string; label?: string; tone?: Mark }
  /** Label–value pairs; a value with several texts is shown as a list. */
  | { kind: 'fields'; items: [label: string, value: string | string[]][] }
  | { kind: 'list'; items: Cell[] }
  | { kind: 'table'; head: string[]; rows: Cell[][] }
  | { kind: 'score'; score: number; tone: Mark; caption: string }
  /** `svg` is trusted markup, whole (its own style, for a file or a data: image) or to inline in a styled page. */
  | { kind: 'figure'; svg: { standalone: string; inline: string }; caption: string }
  | { kind: 'timeline'; entries: TimelineEntry[] }
  /** What an empty section says instead of vanishing. */
  | { kind: 'empty'; text: string };

export interface TimelineEntry {
  date: string;
  title: string;
  fields: [label: string, value: string][];
  tone?: Mark;
}

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
  sections: Section[];
}

/** What a section holds under its heading. */
export type Body = Pick<Section, 'blocks' | 'sections'>;
