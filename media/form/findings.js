// The findings shown where they are: under a field, an item, a section or the whole plan, each with
// a link to its rule's page and a button per fix (the server applies the fix).
// @ts-check
import { html, nothing } from 'lit';
import { post } from './host.js';
import { send, ui } from './model.js';
import { action } from './widgets.js';

/** The findings of a place: code (a link to the rule's page, as in the Problems panel), message, fixes. */
export function findings(/** @type {any[]} */ list) {
  if (!list || list.length === 0) return nothing;
  return html`<ul class="findings" role="list">
    ${list.map(
      (f) => html`<li class="finding ${f.severity}" data-code=${f.code}>
        ${f.doc
          ? html`<button type="button" class="code link" title=${ui('ruleDoc')} aria-label=${`${f.code}: ${ui('ruleDoc')}`} @click=${() => post({ type: 'openDoc', href: f.doc })}>${f.code}</button>`
          : html`<span class="code">${f.code}</span>`}
        <span class="message">${f.message}</span>
        ${f.fixes.map((/** @type {string} */ title, /** @type {number} */ i) =>
          action(title, () => send({ op: 'fix', code: f.code, at: f.at, fix: i }), { secondary: true, cls: 'fix', name: `${ui('fix')}: ${title}` }),
        )}
      </li>`,
    )}
  </ul>`;
}
