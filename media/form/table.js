// The stakeholder table: a list drawn a row per item and a column per key (form-model.ts marks it
// layout: 'table'), the name column first; wider than the view, it scrolls sideways.
// @ts-check
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { input, nextId } from './fields.js';
import { findings } from './findings.js';
import { itemTools, listSection, shownItems } from './lists.js';
import { keyOf, term, ui } from './model.js';

const last = (/** @type {any[]} */ path) => path[path.length - 1];
/** The columns of a table: the name first (it stays in view when the table scrolls sideways), then the format's order. */
const columnsOf = (/** @type {any[]} */ children) => {
  const fields = children.filter((c) => c.type === 'field');
  return [...fields.filter((f) => last(f.path) === 'name'), ...fields.filter((f) => last(f.path) !== 'name')];
};

/** A list drawn as a table, a row per item, a column per key; wider than the view, it scrolls sideways. */
export function table(/** @type {any} */ node, /** @type {number} */ level) {
  const t = term(node);
  const { items, more } = shownItems(node);
  const columns = node.items.length ? columnsOf(node.items[0].children) : [];
  const body = items.length
    ? html`<div class="table-scroll">
          <div class="table" role="table" aria-label=${t.label} aria-rowcount=${node.items.length + 1}>
            <div class="tr head" role="row">
              ${columns.map((/** @type {any} */ c) => html`<div class="th kind-${c.kind}" role="columnheader" title=${ifDefined(term(c).help || undefined)} data-term=${c.term}>${term(c).label}</div>`)}
              <div class="th tools" role="columnheader" aria-label=${ui('tools')}></div>
            </div>
            ${items.map((/** @type {any} */ item, /** @type {number} */ i) => tableRow(item, i, node.items.length))}
          </div>
        </div>
        ${more}`
    : nothing;
  return listSection(node, level, 'table-list', body);
}

/** An item as a row: a cell per column, its tools, its own findings below. */
function tableRow(/** @type {any} */ item, /** @type {number} */ index, /** @type {number} */ count) {
  return html`<div class="tr" role="row" aria-rowindex=${index + 2} aria-label=${item.title} data-item=${keyOf(item.path)}>
    ${columnsOf(item.children).map(
      (/** @type {any} */ c) => html`<div class="td field kind-${c.kind}" role="cell" data-term=${c.term}>${input(c, nextId(), undefined, `${term(c).label} (${item.title})`)} ${findings(c.findings)}</div>`,
    )}
    <div class="td tools" role="cell">${itemTools(item, index, count)}</div>
    ${item.findings.length ? html`<div class="row-findings">${findings(item.findings)}</div>` : nothing}
  </div>`;
}
