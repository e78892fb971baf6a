// The stakeholder map's page, as a pure function of what VS Code provides (no `vscode` import), so a
// test can build it and check its Content-Security-Policy: only our stylesheet and script (by nonce)
// may load, pictures only from the extension or data: (PNG drawing). The words map.js shows travel as
// a JSON data block, never as markup.
import { newNonce, pageStart } from './webview-page';

export interface MapPageInput {
  /** The webview's `cspSource`: where its local resources come from. */
  cspSource: string;
  /** The webview URIs of the stylesheet and the script. */
  css: string;
  script: string;
  /** The display language (`vscode.env.language`). */
  language: string;
  /** The words map.js shows, already translated, and the plan's URI. */
  words: Record<string, string>;
  /** The editor's font size (`editor.fontSize`, px): the map's first view draws names no smaller. */
  editorFontSize?: number;
  /** A fresh nonce by default. */
  nonce?: string;
}

export function mapPage({ cspSource, css, script, language, words, editorFontSize, nonce = newNonce() }: MapPageInput): string {
  const fontSize = Number.isFinite(editorFontSize) && editorFontSize! > 0 ? Math.min(editorFontSize!, 100) : 14;
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; script-src 'nonce-${nonce}';`;
  // JSON inside a script element: `<` escaped, so no text in it can close the element.
  const json = JSON.stringify(words).replace(/</g, '\\u003c');
  return `${pageStart({ csp, language, head: `<link rel="stylesheet" href="${css}">` })}
<body data-vscode-context='{"preventDefaultContextMenuItems": true}' data-editor-font-size="${fontSize}">
<div id="toolbar" role="toolbar"></div>
<div id="legend"></div>
<div id="viewport" tabindex="0"><div id="canvas"></div></div>
<div id="tooltip" role="tooltip" hidden></div>
<div id="menu" role="menu" hidden></div>
<script type="application/json" id="kam-words">${json}</script>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
