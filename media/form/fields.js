// A field of the form: its label, its control, its help and its findings, and the control a field
// gets by its kind. The text controls are here (a line, a number, a date, a checkbox, a list of
// lines); those that pick among choices are in pickers.js. Every control carries data-path (its place
// in the plan): place.js keeps and restores the focus by it.
// @ts-check
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { findings } from './findings.js';
import { fieldAt, keyOf, readOnly, result, send, term, ui } from './model.js';
import { references, roles, select, stepper } from './pickers.js';
import { shown, typed, untyped, waiting } from './typing.js';
import { tool } from './widgets.js';

/** Element ids, counted afresh at each draw so a field keeps its id across redraws. */
let ids = 0;
export const nextId = () => `f${++ids}`;
export const resetIds = () => {
  ids = 0;
};

/** A field with its label, its help and its findings. */
export function field(/** @type {any} */ node) {
  const t = term(node);
  const id = nextId();
  const helpId = t.help ? `${id}-help` : undefined;
  return html`<div class="field kind-${node.kind}" data-term=${node.term}>
    <label for=${id}>${t.label}</label>
    ${input(node, id, helpId)} ${t.help ? html`<div class="help" id=${`${id}-help`}>${t.help}</div>` : nothing} ${findings(node.findings)}
  </div>`;
}

/**
 * The control of a field. `label` names it when no <label> does (a table or grid cell).
 * @typedef {{ id: string, path: any[], label?: string, helpId?: string, invalid: boolean }} Common
 */
export function input(/** @type {any} */ node, /** @type {string} */ id, /** @type {string | undefined} */ helpId, /** @type {string | undefined} */ label = undefined) {
  /** @type {Common} */
  const common = { id, path: node.path, label, helpId, invalid: node.findings.length > 0 };
  const name = label || term(node).label;
  switch (node.kind) {
    case 'enum':
      if (node.control === 'stepper') return stepper(node, name, id);
      return select(node, term(node).options, common);
    case 'reference':
      return select(node, result.form.references[node.ref] || [], common);
    case 'bool':
      return html`<input
        type="checkbox"
        id=${id}
        data-path=${keyOf(node.path)}
        aria-label=${ifDefined(label)}
        aria-describedby=${ifDefined(helpId)}
        ?disabled=${readOnly()}
        .checked=${live(shown(node.path, node.value) === true)}
        @change=${(/** @type {any} */ e) => typed(node.path, e.target.checked, true)}
      />`;
    case 'date': {
      const valid = node.value === null || /^\d{4}-\d{2}-\d{2}$/.test(node.value);
      return text(node.path, node.value, common, { type: valid ? 'date' : 'text', immediate: true });
    }
    case 'roles':
      return roles(node, id, name);
    case 'references':
      return references(node, id, name);
    case 'list':
      return textList(node, id, name);
    default:
      return text(node.path, node.value, common, { type: 'text', inputmode: node.kind === 'number' ? 'decimal' : undefined });
  }
}

/** A text (or date) input: typing is sent after a pause (a date at once), Enter sends, Escape takes it back. */
function text(/** @type {any[]} */ path, /** @type {any} */ value, /** @type {Common} */ c, /** @type {{ type: string, inputmode?: string, immediate?: boolean }} */ o) {
  const commit = (/** @type {any} */ e, now = false) => typed(path, e.target.value, now || o.immediate);
  return html`<input
    type=${o.type}
    id=${c.id}
    data-path=${keyOf(path)}
    aria-label=${ifDefined(c.label)}
    aria-describedby=${ifDefined(c.helpId)}
    aria-invalid=${ifDefined(c.invalid ? 'true' : undefined)}
    inputmode=${ifDefined(o.inputmode)}
    ?disabled=${readOnly()}
    .value=${live(shown(path, value) ?? '')}
    @input=${(/** @type {any} */ e) => o.immediate || commit(e)}
    @change=${(/** @type {any} */ e) => o.immediate && commit(e)}
    @keydown=${(/** @type {any} */ e) => {
      if (e.key === 'Enter') commit(e, true);
      if (e.key === 'Escape') {
        untyped(path);
        const field = fieldAt(path);
        e.target.value = (field && field.value) ?? '';
      }
    }}
    @blur=${(/** @type {any} */ e) => waiting(path) && commit(e, true)}
  />`;
}

/** A list of text: a field per item, and one to type a new item into (Enter adds it). */
function textList(/** @type {any} */ node, /** @type {string} */ id, /** @type {string} */ label) {
  const add = (/** @type {any} */ e) => {
    if (e.key !== 'Enter' || !e.target.value.trim()) return;
    send({ op: 'add', path: node.path, item: e.target.value });
    e.target.value = '';
  };
  return html`<div class="list">
    ${node.value.map(
      (/** @type {string} */ v, /** @type {number} */ i) =>
        html`<div class="row">
          ${text([...node.path, i], v, { id: `${id}-${i}`, path: [...node.path, i], label: `${label} ${i + 1}`, invalid: false }, { type: 'text' })}
          ${tool('×', () => send({ op: 'remove', path: [...node.path, i] }), { name: `${ui('remove')} ${v}`, cls: 'x' })}
        </div>`,
    )}
    <input type="text" id=${id} placeholder=${ui('newItem')} aria-label=${`${label}: ${ui('newItem')}`} ?disabled=${readOnly()} data-path=${keyOf([...node.path, 'new'])} @keydown=${add} />
  </div>`;
}
