// The plan editor's page, as a pure function of what VS Code provides (no `vscode` import), so a test
// can build it and check its Content-Security-Policy: only our stylesheet and script (by nonce) may
// load, nothing may be fetched, no inline script or style runs. The form itself is drawn by form.js
// from the model the server sends; the page holds no plan text.
import { newNonce, pageStart } from './webview-page';

export interface FormPageInput {
  /** The webview's `cspSource`: where its local resources come from. */
  cspSource: string;
  /** The webview URIs of the stylesheet and the script. */
  css: string;
  script: string;
  /** Shown until the first model arrives, in the display language. */
  loading: string;
  /** A fresh nonce by default. */
  nonce?: string;
}

export function formPage({ cspSource, css, script, loading, nonce = newNonce() }: FormPageInput): string {
  const csp = `default-src 'none'; img-src ${cspSource}; style-src ${cspSource}; script-src 'nonce-${nonce}';`;
  const escaped = loading.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `${pageStart({ csp, head: `<link rel="stylesheet" href="${css}">` })}
<body>
<header id="header" role="toolbar"></header>
<main id="form" aria-busy="true"><p>${escaped}</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
