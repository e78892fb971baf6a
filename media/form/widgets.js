// The small pieces every part of the form draws with: a heading of the right level, a button in
// VS Code's own look (@vscode-elements), a small tool button. Both buttons are off while the plan
// cannot be edited.
// @ts-check
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { readOnly } from './model.js';

export const heading = (/** @type {number} */ level, /** @type {unknown} */ content) => {
  switch (Math.min(level, 6)) {
    case 2:
      return html`<h2>${content}</h2>`;
    case 3:
      return html`<h3>${content}</h3>`;
    case 4:
      return html`<h4>${content}</h4>`;
    case 5:
      return html`<h5>${content}</h5>`;
    default:
      return html`<h6>${content}</h6>`;
  }
};

/** A button in VS Code's own look (primary, or `secondary`). */
export const action = (/** @type {string} */ label, /** @type {() => void} */ run, /** @type {{ always?: boolean, secondary?: boolean, cls?: string, name?: string }} */ { always = false, secondary = false, cls = '', name } = {}) =>
  html`<vscode-button class=${cls} ?secondary=${secondary} ?disabled=${readOnly() && !always} aria-label=${ifDefined(name)} @click=${run}>${label}</vscode-button>`;

/** A small tool button (↑ ↓ ×, a chip, a stage). */
export const tool = (/** @type {string} */ label, /** @type {() => void} */ run, /** @type {{ name?: string, cls?: string, disabled?: boolean }} */ { name, cls = '', disabled = false } = {}) =>
  html`<button type="button" class=${cls} aria-label=${ifDefined(name)} ?disabled=${readOnly() || disabled} @click=${run}>${label}</button>`;
