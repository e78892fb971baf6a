// The model the page draws (the last kam/form result) and what every part reads from it: the words
// of the interface, a node's term, whether the plan can be edited, a field by its path. Intents go
// back with the model's version; a control that shows more of the page asks for a redraw here.
// @ts-check
import { post } from './host.js';

/** @type {any} the kam/form result */
export let result;

/** The model the server sent last. */
export function setModel(/** @type {any} */ next) {
  result = next;
}

/** A word of the interface, in the plan's language. */
export const ui = (/** @type {string} */ key) => (result && result.form.ui[key]) || key;
export const term = (/** @type {any} */ node) => result.form.terms[node.term] || { label: String(node.path[node.path.length - 1]), help: '' };
export const keyOf = (/** @type {any[]} */ path) => JSON.stringify(path);
export const readOnly = () => !result || !result.form.parses;

/** Sends an intent for the server to apply to the plan, unless the plan cannot be edited. */
export function send(/** @type {any} */ intent) {
  if (readOnly()) return;
  post({ type: 'intent', intent, version: result.version });
}

/** The field node at a path in the model. */
export function fieldAt(/** @type {any[]} */ path) {
  const want = keyOf(path);
  /** @type {any} */
  let found;
  const visit = (/** @type {any} */ n) => {
    if (found) return;
    if (n.type === 'field' && keyOf(n.path) === want) found = n;
    for (const c of n.children || []) visit(c);
    for (const c of n.items || []) visit(c);
  };
  result.form.sections.forEach(visit);
  return found;
}

/** Draws the page again: the entry hands its draw in (it imports every part, so no part imports it). */
let drawer = () => {};
export const redraw = () => drawer();
export const drawWith = (/** @type {() => void} */ draw) => {
  drawer = draw;
};
