// Fitting plan text into fixed-size boxes (map nodes, grid cells) without measuring fonts: a rough
// width per grapheme, and truncation that never splits a character, emoji or ZWJ sequence.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** East Asian wide characters and emoji take about two Latin letters of room. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Width in Latin-letter units. */
export function displayWidth(text: string): number {
  return graphemes(text).reduce((w, g) => w + (WIDE.test(g) ? 2 : 1), 0);
}

/** The text cut to at most `units` wide, ending in `…` when cut; whitespace runs become one space. */
export function fitText(text: string, units: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= units) return flat;
  let out = '';
  let width = 0;
  for (const g of graphemes(flat)) {
    const w = WIDE.test(g) ? 2 : 1;
    if (width + w > units - 1) break;
    out += g;
    width += w;
  }
  return `${out.trimEnd()}…`;
}
