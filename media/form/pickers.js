// The controls that pick among the choices the model lists: a select (a value of a set, a person by
// id), the contract stage as a stepper, the six roles as chips, the people named by a list. Each
// sends its choice at once; fields.js chooses which control a field gets.
// @ts-check
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { keyOf, readOnly, redraw, result, term, ui } from './model.js';
import { shown, typed } from './typing.js';
import { tool } from './widgets.js';
/** @typedef {import('./fields.js').Common} Common */

/**
 * Pickers whose every choice is drawn. A long list of choices (a boss among 500 people, in each of
 * 500 rows) is drawn only once its picker is focused or pressed: until then it holds the choice made.
 */
const opened = new Set();
const LONG_CHOICES = 40;

/** The choices a picker draws now, and what opens the rest. */
function choices(/** @type {any[]} */ path, /** @type {any[]} */ options, /** @type {(o: any) => boolean} */ keep) {
  const key = keyOf(path);
  if (options.length <= LONG_CHOICES || opened.has(key)) return { listed: options, open: undefined };
  const open = () => {
    opened.add(key);
    redraw();
  };
  return { listed: options.filter(keep), open };
}

/** A value of a set (or a person picked by name); a value the set does not hold is kept and shown. */
export function select(/** @type {any} */ node, /** @type {any[]} */ options, /** @type {Common} */ c) {
  const value = shown(node.path, node.value);
  const known = options.some((o) => o.value === value);
  const { listed, open } = choices(node.path, options, (o) => o.value === value);
  return html`<select
    id=${c.id}
    data-path=${keyOf(node.path)}
    @focus=${ifDefined(open)}
    @mousedown=${ifDefined(open)}
    aria-label=${ifDefined(c.label)}
    aria-describedby=${ifDefined(c.helpId)}
    aria-invalid=${ifDefined(c.invalid ? 'true' : undefined)}
    ?disabled=${readOnly()}
    @change=${(/** @type {any} */ e) => typed(node.path, e.target.value === '' ? null : e.target.value, true)}
  >
    <option value="" .selected=${live(value === null)}>${ui('choose')}</option>
    ${value !== null && !known ? html`<option .value=${value} .selected=${live(true)}>${value}</option>` : nothing}
    ${listed.map((o) => html`<option .value=${o.value} title=${ifDefined(o.help)} .selected=${live(o.value === value)}>${o.label}</option>`)}
  </select>`;
}

/** The contract stage as steps, one pressed. */
export function stepper(/** @type {any} */ node, /** @type {string} */ label, /** @type {string} */ id) {
  const current = shown(node.path, node.value);
  return html`<div class="stepper" role="radiogroup" id=${id} aria-label=${label} data-path=${keyOf(node.path)}>
    ${term(node).options.map(
      (/** @type {any} */ o, /** @type {number} */ i) =>
        html`<button
          type="button"
          role="radio"
          aria-checked=${String(current === o.value)}
          class=${current === o.value ? 'step current' : 'step'}
          title=${ifDefined(o.help)}
          ?disabled=${readOnly()}
          @click=${() => typed(node.path, o.value, true)}
        >
          ${i + 1}. ${o.label}
        </button>`,
    )}
  </div>`;
}

/** The six roles as chips, each pressed or not, named in both languages. */
export function roles(/** @type {any} */ node, /** @type {string} */ id, /** @type {string} */ label) {
  return html`<div class="chips" id=${id} role="group" aria-label=${label} data-path=${keyOf(node.path)}>
    ${term(node).options.map((/** @type {any} */ o) => {
      const held = node.roles.includes(o.value);
      const next = () => (held ? node.value.filter((/** @type {string} */ _, /** @type {number} */ i) => node.roles[i] !== o.value) : [...node.value, o.value]);
      return html`<button type="button" class=${held ? 'chip on' : 'chip'} aria-pressed=${String(held)} data-role=${o.value} ?disabled=${readOnly()} @click=${() => typed(node.path, next(), true)}>
        ${o.label}
      </button>`;
    })}
  </div>`;
}

/** People picked by name, stored by id. */
export function references(/** @type {any} */ node, /** @type {string} */ id, /** @type {string} */ label) {
  const options = result.form.references[node.ref] || [];
  const name = (/** @type {string} */ v) => (options.find((/** @type {any} */ o) => o.value === v) || { label: v }).label;
  const pick = (/** @type {any} */ e) => e.target.value && typed(node.path, [...node.value, e.target.value], true);
  const prompt = node.ref === 'stakeholder' ? ui('addPerson') : `${ui('add')}…`;
  const { listed, open } = choices(node.path, options, () => false);
  return html`<div class="refs">
    ${node.value.map(
      (/** @type {string} */ v, /** @type {number} */ i) =>
        html`<span class="chip on">${name(v)}${tool('×', () => typed(node.path, node.value.filter((/** @type {any} */ _, /** @type {number} */ j) => j !== i), true), { name: `${ui('remove')} ${name(v)}`, cls: 'x' })}</span>`,
    )}
    <select id=${id} aria-label=${`${label}: ${prompt}`} ?disabled=${readOnly()} data-path=${keyOf(node.path)} @change=${pick} @focus=${ifDefined(open)} @mousedown=${ifDefined(open)}>
      <option value="" .selected=${live(true)}>${prompt}</option>
      ${listed.filter((/** @type {any} */ o) => !node.value.includes(o.value)).map((/** @type {any} */ o) => html`<option .value=${o.value}>${o.label}</option>`)}
    </select>
  </div>`;
}
