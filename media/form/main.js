// The plan editor's webview (client/src/plan-editor.ts makes the page; esbuild bundles this module,
// the others of media/form/ and lit with the @vscode-elements buttons into dist/form.js). It draws the form the language
// server sends (kam/form) and sends back intents (set, add, remove, move, fix); it never edits the
// plan itself. lit draws each model over the last one, so an element keeps its focus, caret and
// typed value across redraws; a value typed and not yet in a model is what its field shows, so a
// keystroke is never shown taken back. Plan text only ever goes into text and attribute values
// (lit escapes both; no markup is built from strings).
// @ts-check
import { html, nothing, render } from 'lit';
import { findings } from './findings.js';
import { resetIds } from './fields.js';
import { drawHeader } from './header.js';
import { post } from './host.js';
import { drawWith, result, setModel, ui } from './model.js';
import { keepPlace, restore } from './place.js';
import { child } from './sections.js';
import { rejected, settlePending } from './typing.js';
import { action } from './widgets.js';

const root = /** @type {HTMLElement} */ (document.getElementById('form'));
/** Whether the first model is drawn (and the page put back where it was). */
let restored = false;

/** Draws the model: the header, then the form over the last one drawn. */
function draw() {
  if (!result) return;
  document.documentElement.lang = result.locale === 'zh-cn' ? 'zh-CN' : 'en';
  drawHeader();
  resetIds();
  // The first model takes the place of the page's "Reading the plan…"; lit draws every later one over it.
  if (!restored) root.replaceChildren();
  render(
    html`${result.form.parses
        ? nothing
        : html`<div class="banner" role="alert"><p>${ui('syntax')}</p>${action(ui('openAsText'), () => post({ type: 'openText' }), { always: true })}</div>`}
      ${findings(result.form.findings)} ${result.form.sections.map((/** @type {any} */ s) => child(s, 2))}`,
    root,
  );
  root.setAttribute('aria-busy', 'false');
  root.dataset.version = String(result.version);
  if (!restored) {
    restored = true;
    restore(root);
  }
}

drawWith(draw);
keepPlace(root);

window.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'model') {
    setModel(message.result);
    draw();
    settlePending();
    // When the page shows the model: the bench and the UI tests read it.
    document.body.dataset.drawn = `${result.version} ${Date.now()}`;
  } else if (message.type === 'rejected') {
    rejected(message);
  }
});

post({ type: 'ready' });
