// The grids: SWOT (4 × 4) and the rescue network (stage × source), a map of maps of lists that
// form-model.ts marks layout: 'grid', drawn a row per inner map and a column per list.
// @ts-check
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { input, nextId } from './fields.js';
import { findings } from './findings.js';
import { term, ui } from './model.js';
import { heading } from './widgets.js';

/** A map of maps of lists drawn as a grid: a row per inner map, a column per list, each cell a list of text. */
export function matrix(/** @type {any} */ node, /** @type {number} */ level) {
  const t = term(node);
  const rows = node.children.filter((/** @type {any} */ c) => c.type === 'group');
  const columns = rows.length ? rows[0].children : [];
  return html`<section class="group matrix-group level-${level}" id=${ifDefined(level === 2 ? `section-${node.path[0]}` : undefined)} aria-label=${t.label} data-term=${node.term}>
    ${heading(level, t.label)} ${t.help ? html`<p class="help">${t.help}</p>` : nothing} ${findings(node.findings)}
    ${node.present ? nothing : html`<p class="question">${t.question || ui('empty')}</p>`}
    <div class="matrix cols-${columns.length}" role="table" aria-label=${t.label}>
      <div class="mrow head" role="row">
        <div class="corner" role="columnheader"></div>
        ${columns.map((/** @type {any} */ c) => html`<div class="mh" role="columnheader" title=${ifDefined(term(c).help || undefined)}>${term(c).label}</div>`)}
      </div>
      ${rows.map(
        (/** @type {any} */ r) => html`<div class="mrow" role="row" data-term=${r.term}>
          <div class="rh" role="rowheader" title=${ifDefined(term(r).help || undefined)}><span>${term(r).label}</span>${findings(r.findings)}</div>
          ${r.children.map(
            (/** @type {any} */ c) => html`<div class="mcell field kind-${c.kind}" role="cell" data-term=${c.term}>
              <div class="cell-label" aria-hidden="true">${term(c).label}</div>
              ${input(c, nextId(), undefined, `${term(r).label} · ${term(c).label}`)} ${findings(c.findings)}
            </div>`,
          )}
        </div>`,
      )}
    </div>
  </section>`;
}
