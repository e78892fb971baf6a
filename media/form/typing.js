// Values typed and not yet in a model. A field shows what was typed until a model holds it, so a
// keystroke is never shown taken back; a value the plan moved on from is sent again at the newer
// version; Escape takes back what was typed.
// @ts-check
import { fieldAt, keyOf, result, send } from './model.js';

const TYPING_PAUSE_MS = 400;
/** How often a value refused as stale is sent again with the next model of the same version. */
const STALE_RETRIES = 5;

/** Values typed and sent but not yet seen in a model, by path: sent again if the plan moved on first. */
const pending = new Map();
/** @type {Map<string, ReturnType<typeof setTimeout>>} */
const timers = new Map();

/** Sends a typed value, once per version: an answer still on its way is not asked for again. */
function sendTyped(/** @type {string} */ key) {
  const p = pending.get(key);
  if (!p || p.sentAt === result.version) return;
  p.sentAt = result.version;
  send({ op: 'set', path: p.path, value: p.value });
}

/** A value typed into a field: sent after a pause, or at once (`now`) on Enter, blur or a choice. */
export function typed(/** @type {any[]} */ path, /** @type {any} */ value, now = false) {
  const key = keyOf(path);
  clearTimeout(timers.get(key));
  pending.set(key, { path, value, sentAt: -1 });
  const go = () => {
    timers.delete(key);
    sendTyped(key);
  };
  if (now) go();
  else timers.set(key, setTimeout(go, TYPING_PAUSE_MS));
}

/** Escape: what was typed since the last model goes, nothing is sent. */
export function untyped(/** @type {any[]} */ path) {
  const key = keyOf(path);
  clearTimeout(timers.get(key));
  timers.delete(key);
  pending.delete(key);
}

/** After a new model: values it now holds are done; those it does not hold are sent again at its version. */
export function settlePending() {
  for (const [key, p] of pending) {
    if (timers.has(key)) continue; // still being typed: its own pause sends it
    const field = fieldAt(p.path);
    if (!field || same(field.value, p.value)) pending.delete(key);
    else sendTyped(key);
  }
}

/** What a field shows: the value typed and not yet in a model, else the model's. Nothing typed is ever shown taken back. */
export const shown = (/** @type {any[]} */ path, /** @type {any} */ value) => {
  const p = pending.get(keyOf(path));
  return p ? p.value : value;
};

const same = (/** @type {any} */ a, /** @type {any} */ b) => JSON.stringify(a ?? null) === JSON.stringify(b === '' ? null : (b ?? null));

/** Whether a value typed at `path` still waits for its pause. */
export const waiting = (/** @type {any[]} */ path) => timers.has(keyOf(path));

/** The server refused a typed value (kam/form answered `rejected`). */
export function rejected(/** @type {any} */ message) {
  const p = pending.get(keyOf(message.path || []));
  if (!p) return;
  // Refused as stale: sent again with the next model, even one of the same version (the text it
  // was refused for may be the one shown); refused for what it says: dropped, the model's value returns.
  if (!message.stale) pending.delete(keyOf(p.path));
  else if ((p.stale = (p.stale || 0) + 1) <= STALE_RETRIES) p.sentAt = -1;
}
