// The sticky header: the plan's health score, the stages of the cycle (each scrolls to its section)
// and the buttons to open the plan as text or always in the form.
// @ts-check
import { html, render } from 'lit';
import { post } from './host.js';
import { result, ui } from './model.js';
import { action } from './widgets.js';

export const header = /** @type {HTMLElement} */ (document.getElementById('header'));

/** Draws the header for the model. */
export function drawHeader() {
  const cycle = result.stages.filter((/** @type {any} */ s) => ['diagnosis', 'forecast', 'goals', 'strategy', 'actions', 'controls', 'feedback'].includes(s.stage));
  render(
    html`<span class="score" aria-label=${`${ui('health')} ${result.score}`} data-score=${String(result.score)}>${ui('health')} <strong>${result.score}</strong></span>
      <nav class="stages" aria-label=${ui('plan')}>
        ${cycle.map((/** @type {any} */ s) => html`<button type="button" class="stage ${s.mark}" title=${s.summary} data-stage=${s.stage} @click=${() => reveal(s.stage)}>${s.label}</button>`)}
      </nav>
      <span class="spacer"></span>
      ${action(ui('openAsText'), () => post({ type: 'openText' }), { always: true })}
      ${action(ui('alwaysForm'), () => post({ type: 'alwaysForm' }), { always: true, secondary: true })}`,
    header,
  );
}

/** Scrolls a stage's section to the top and focuses its first control. */
function reveal(/** @type {string} */ stage) {
  const target = document.getElementById(`section-${stage}`);
  if (target) {
    target.scrollIntoView({ block: 'start' });
    const first = /** @type {HTMLElement | null} */ (target.querySelector('input, select, button, vscode-button'));
    first?.focus({ preventScroll: true });
  }
}
