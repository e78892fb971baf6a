// Plan text is untrusted: a stakeholder may be named `<img onerror=…>`. Every view that writes markup
// passes plan text through one of these two functions, and nothing else writes plan text.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Characters XML 1.0 forbids (a standalone SVG with one would not load): controls, lone surrogates, U+FFFE/F. */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for HTML or SVG, safe both as element content and inside a double- or single-quoted attribute.
 * Characters XML cannot hold become U+FFFD.
 */
export function escapeHtml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/** The ASCII punctuation that means something inline in CommonMark or GFM (`|` splits table cells). */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;

/**
 * Text for Markdown, safe inline, in a list item or in a table cell: `<`, `>` and `&` become entities
 * (no raw HTML, and no entity the user wrote is decoded), markup punctuation is backslash-escaped,
 * line breaks become spaces and the ends are trimmed (a newline or an indent would end the cell or
 * open a block), and what would open a block at the start of a line (`- `, `+ `, `# `, `1. `, `=`;
 * `>` is already an entity) is neutralised.
 */
export function escapeMarkdown(text: string): string {
  return text
    .trim()
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/^([-+=#])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
