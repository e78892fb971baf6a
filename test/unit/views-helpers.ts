// Shared by the view and report suites: parse what we write (HTML with parse5, Markdown the way VS Code's
// preview renders it with markdown-it) and check it holds no markup that came from the plan.
import * as assert from 'node:assert/strict';
import { parse } from 'parse5';

// markdown-it ships no types; this is the part the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: { html: boolean }) => { render(src: string): string; validateLink(url: string): boolean };

export interface El {
  tag: string;
  attrs: { name: string; value: string }[];
  children: Node[];
}
export type Node = El | { text: string };

interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
}

/** A simplified DOM of an HTML document: elements and text. */
export function parseHtml(html: string): El {
  const convert = (n: P5Node): Node | undefined => {
    if (n.nodeName === '#text') return { text: n.value ?? '' };
    if (!n.tagName) return undefined;
    const kids = (n.content?.childNodes ?? n.childNodes ?? []).map(convert).filter((k): k is Node => k !== undefined);
    return { tag: n.tagName, attrs: n.attrs ?? [], children: kids };
  };
  const doc = parse(html) as unknown as P5Node;
  return { tag: '#document', attrs: [], children: (doc.childNodes ?? []).map(convert).filter((k): k is Node => k !== undefined) };
}

export function elements(root: El): El[] {
  const out: El[] = [];
  const visit = (e: El) => {
    out.push(e);
    for (const c of e.children) if ('tag' in c) visit(c);
  };
  visit(root);
  return out;
}

/** The text of an element, style sheets left out. */
export function textOf(e: El): string {
  if (e.tag === 'style') return '';
  return e.children.map((c) => ('text' in c ? c.text : textOf(c))).join('');
}

/** Every text node's value (style sheets left out), each as the browser would show it. */
export function textNodes(e: El): string[] {
  if (e.tag === 'style') return [];
  return e.children.flatMap((c) => ('text' in c ? [c.text] : textNodes(c)));
}

export function attr(e: El, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

export function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * No element the plan could have made: no script, no event handler attribute, only the elements the
 * views write, links only inside the page, images only data: SVG (the Markdown figures).
 */
export function assertSafeDom(root: El, allowed: ReadonlySet<string>): void {
  for (const e of elements(root)) {
    if (e.tag === '#document') continue;
    assert.notEqual(e.tag, 'script', 'a <script> element');
    assert.ok(allowed.has(e.tag), `unexpected <${e.tag}> element`);
    for (const a of e.attrs) {
      assert.ok(!/^on/i.test(a.name), `an event handler attribute ${a.name} on <${e.tag}>`);
      if (a.name === 'href') assert.match(a.value, /^#/, `a link out of the page: ${a.value}`);
      if (a.name === 'src') assert.match(a.value, /^data:image\/svg\+xml;base64,/, `a loaded resource: ${a.value.slice(0, 60)}`);
    }
  }
}

/** The elements the HTML report and the SVG pictures are made of. */
export const REPORT_ELEMENTS: ReadonlySet<string> = new Set([
  ...['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'nav', 'main', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['p', 'strong', 'ol', 'ul', 'li', 'a', 'dl', 'dt', 'dd', 'div', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ...['figure', 'figcaption', 'time', 'meter'],
  ...['svg', 'defs', 'marker', 'g', 'rect', 'path', 'text'],
]);

/** What markdown-it (with raw HTML allowed, the strictest test) makes of Markdown, as VS Code's preview sets it up. */
export function renderMarkdown(markdown: string): string {
  const md = new MarkdownIt({ html: true });
  const validate = md.validateLink.bind(md);
  md.validateLink = (url: string) => validate(url) || /^data:image\/.*?;/.test(url);
  return md.render(markdown);
}

/** Our SVG must be well-formed XML to stand alone as a file: balanced tags, only XML's own entities. */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else stack.push(name);
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  const stripped = xml.replace(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, '');
  assert.ok(!stripped.includes('<'), 'a stray < outside a tag');
  for (const m of xml.matchAll(/&([^;\s]*);?/g)) assert.match(m[0], /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/, `not an XML entity: ${m[0]}`);
}
