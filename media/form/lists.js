// What every list shares, drawn as cards or as a table: its frame (heading, help, findings, the
// question while it is empty, the Add button), its first items with a button for more, and the
// ↑ ↓ × of an item.
// @ts-check
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { findings } from './findings.js';
import { keep, state } from './host.js';
import { redraw, send, term, ui } from './model.js';
import { action, heading, tool } from './widgets.js';

/** Items drawn at first per list; the rest on demand, so a plan of 500 people opens at once. */
const FIRST_ITEMS = 30;

/** The first items of a list, and a button for the next hundred. */
export function shownItems(/** @type {any} */ node) {
  const count = Math.max(FIRST_ITEMS, state.shown[node.term] || 0);
  const more = node.items.length - count;
  const button = more > 0 ? action(ui('showMore').replace('{n}', String(more)), () => ((state.shown[node.term] = count + 100), keep(), redraw()), { always: true, secondary: true, cls: 'more' }) : nothing;
  return { items: node.items.slice(0, count), more: button };
}

/** A list's frame: heading, help, findings, its guiding question while empty, the Add button below. */
export function listSection(/** @type {any} */ node, /** @type {number} */ level, /** @type {string} */ cls, /** @type {unknown} */ body) {
  const t = term(node);
  return html`<section class="list ${cls} level-${level}" id=${ifDefined(level === 2 ? `section-${node.path[0]}` : undefined)} aria-label=${t.label} data-term=${node.term}>
    ${heading(level, t.label)} ${t.help ? html`<p class="help">${t.help}</p>` : nothing} ${findings(node.findings)}
    ${node.present ? nothing : html`<p class="question">${t.question || ui('empty')}</p>`} ${body}
    ${action(`${ui('add')}: ${t.label}`, () => send({ op: 'add', path: node.path }), { cls: 'add' })}
  </section>`;
}

/** ↑ ↓ × of an item. */
export function itemTools(/** @type {any} */ item, /** @type {number} */ index, /** @type {number} */ count) {
  const move = (/** @type {number} */ to) => send({ op: 'move', path: item.path, to });
  return html`${tool('↑', () => move(index - 1), { name: `${ui('moveUp')}: ${item.title}`, disabled: index === 0 })}
  ${tool('↓', () => move(index + 1), { name: `${ui('moveDown')}: ${item.title}`, disabled: index === count - 1 })}
  ${tool('×', () => send({ op: 'remove', path: item.path }), { name: `${ui('remove')}: ${item.title}`, cls: 'x' })}`;
}
