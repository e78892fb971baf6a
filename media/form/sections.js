// A node of the form drawn by its kind: a group (opened by Add while absent), a list of item cards,
// the stakeholder table, a grid or a field. Groups and cards hold nodes of any kind, so they are here
// with the dispatch.
// @ts-check
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { field } from './fields.js';
import { findings } from './findings.js';
import { matrix } from './grid.js';
import { keep, state } from './host.js';
import { itemTools, listSection, shownItems } from './lists.js';
import { keyOf, redraw, term, ui } from './model.js';
import { table } from './table.js';
import { action, heading } from './widgets.js';

/** A group of keys; while absent from the plan, its guiding question and an Add that opens it. */
function group(/** @type {any} */ node, /** @type {number} */ level) {
  const t = term(node);
  const open = node.present || state.open[node.term];
  const body = open
    ? html`<div class="children ${node.layout === 'grid' ? 'grid' : ''}">${node.children.map((/** @type {any} */ c) => child(c, level + 1))}</div>`
    : html`<div class="empty">
        <p class="question">${t.question || ui('empty')}</p>
        ${action(ui('add'), () => ((state.open[node.term] = true), keep(), redraw()), { name: `${ui('add')}: ${t.label}` })}
      </div>`;
  return html`<section class="group level-${level}" id=${ifDefined(level === 2 ? `section-${node.path[0]}` : undefined)} aria-label=${t.label} data-term=${node.term}>
    ${heading(level, t.label)} ${t.help ? html`<p class="help">${t.help}</p>` : nothing} ${findings(node.findings)} ${body}
  </section>`;
}

/** A list drawn as a card per item. */
function list(/** @type {any} */ node, /** @type {number} */ level) {
  const { items, more } = shownItems(node);
  const cards = html`<div class="items">${items.map((/** @type {any} */ item, /** @type {number} */ i) => itemCard(item, i, node.items.length, level + 1))}</div>${more}`;
  return listSection(node, level, '', cards);
}

/** An item as a card: its title, SMART letters, tools, sentence, findings and children. */
function itemCard(/** @type {any} */ item, /** @type {number} */ index, /** @type {number} */ count, /** @type {number} */ level) {
  return html`<article class="item" aria-label=${item.title} data-item=${keyOf(item.path)}>
    <header>
      ${heading(level, item.title)}
      ${item.smart
        ? html`<span class="smart" aria-label="SMART">
            ${item.smart.map((/** @type {any} */ s) => html`<span class="letter ${s.pass ? 'pass' : 'fail'}" title=${s.letter} data-letter=${s.letter}>${s.letter}</span>`)}
          </span>`
        : nothing}
      <span class="tools">${itemTools(item, index, count)}</span>
    </header>
    ${item.sentence ? html`<p class="sentence">${item.sentence}</p>` : nothing} ${findings(item.findings)}
    <div class="children">${item.children.map((/** @type {any} */ c) => child(c, level + 1))}</div>
  </article>`;
}

/** A node drawn by its kind (`level`: its heading level). */
export function child(/** @type {any} */ node, /** @type {number} */ level) {
  if (node.type === 'group') return node.layout === 'grid' ? matrix(node, level) : group(node, level);
  if (node.type === 'list') return node.layout === 'table' ? table(node, level) : list(node, level);
  return field(node);
}
