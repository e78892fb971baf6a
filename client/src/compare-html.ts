// The compare page, as a pure function (no `vscode` import) so a test can check its policy: nothing
// loads from anywhere, the one inline script runs by nonce, and every piece of plan text is escaped.
// A click on a change posts its index; the extension reveals it in the plan.
import { newNonce, pageStart } from './webview-page';
import type { DiffResult } from '../../server/src/lsp/protocol';

export function comparePage(diff: DiffResult, language: string, nonce = newNonce()): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const w = diff.words;
  const list = (items: string[], empty: string, clickable: boolean) =>
    items.length === 0
      ? `<p class="empty">${escape(empty)}</p>`
      : `<ul>${items.map((text, i) => (clickable ? `<li><button type="button" data-index="${i}">${escape(text)}</button></li>` : `<li>${escape(text)}</li>`)).join('')}</ul>`;
  const finding = (f: { code: string; message: string }) => `${f.code} ${f.message}`;
  return `${pageStart({ csp, language, head: `<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px 24px; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.4em; }
ul { padding-left: 1.2em; } li { margin: 2px 0; }
button { all: unset; cursor: pointer; } button:hover, button:focus { text-decoration: underline; color: var(--vscode-textLink-foreground); }
.empty { font-style: italic; color: var(--vscode-descriptionForeground); }
</style>` })}
<body>
<h1>${escape(w.title)}</h1>
<p><strong>${escape(w.health)}</strong></p>
<h2>${escape(w.changes)}</h2>
${list(diff.changes.map((c) => c.text), w.noChange, true)}
<h2>${escape(w.fixed)}</h2>
${list(diff.findings.fixed.map(finding), w.none, false)}
<h2>${escape(w.new)}</h2>
${list(diff.findings.new.map(finding), w.none, false)}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const button of document.querySelectorAll('button[data-index]'))
  button.addEventListener('click', () => vscode.postMessage({ type: 'reveal', index: Number(button.dataset.index) }));
</script>
</body>
</html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
