// The plan editor's webview (client/src/plan-editor.ts makes the page; esbuild bundles this module
// with lit and the @vscode-elements buttons into dist/form.js). It draws the form the language
// server sends (kam/form) and sends back intents (set, add, remove, move, fix); it never edits the
// plan itself. lit draws each model over the last one, so an element keeps its focus, caret and
// typed value across redraws; a value typed and not yet in a model is what its field shows, so a
// keystroke is never shown taken back. Plan text only ever goes into text and attribute values
// (lit escapes both; no markup is built from strings).
// @ts-check
import { html, nothing, render } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';

// @ts-ignore: provided by VS Code to the webview
const vscode = acquireVsCodeApi();
const TYPING_PAUSE_MS = 400;
/** How often a value refused as stale is sent again with the next model of the same version. */
const STALE_RETRIES = 5;
/** Items drawn at first per list; the rest on demand, so a plan of 500 people opens at once. */
const FIRST_ITEMS = 30;
const root = /** @type {HTMLElement} */ (document.getElementById('form'));
const header = /** @type {HTMLElement} */ (document.getElementById('header'));
const saved = vscode.getState() || {};
/**
 * What a webview VS Code tears down (a reload, a hidden tab) gets back: where the page was scrolled
 * (the element at the top and how far below the header it sat, with the pixel offset as a fallback),
 * the rows shown, the groups opened, the field that had the focus.
 * @type {{ scroll: number, anchor?: { selector: string, top: number }, shown: Record<string, number>, open: Record<string, boolean>, focus?: string }}
 */
const state = { scroll: saved.scroll || 0, anchor: saved.anchor, shown: saved.shown || {}, open: saved.open || {}, focus: saved.focus };
/** @type {any} the kam/form result */
let result;
/** Values typed and sent but not yet seen in a model, by path: sent again if the plan moved on first. */
const pending = new Map();
/** @type {Map<string, ReturnType<typeof setTimeout>>} */
const timers = new Map();
let restored = false;

const post = (/** @type {any} */ message) => vscode.postMessage(message);
const keep = () => vscode.setState(state);
const ui = (/** @type {string} */ key) => (result && result.form.ui[key]) || key;
const term = (/** @type {any} */ node) => result.form.terms[node.term] || { label: String(node.path[node.path.length - 1]), help: '' };
const keyOf = (/** @type {any[]} */ path) => JSON.stringify(path);
const readOnly = () => !result || !result.form.parses;
const heading = (/** @type {number} */ level, /** @type {unknown} */ content) => {
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
const action = (/** @type {string} */ label, /** @type {() => void} */ run, /** @type {{ always?: boolean, secondary?: boolean, cls?: string, name?: string }} */ { always = false, secondary = false, cls = '', name } = {}) =>
  html`<vscode-button class=${cls} ?secondary=${secondary} ?disabled=${readOnly() && !always} aria-label=${ifDefined(name)} @click=${run}>${label}</vscode-button>`;

/** A small tool button (↑ ↓ ×, a chip, a stage). */
const tool = (/** @type {string} */ label, /** @type {() => void} */ run, /** @type {{ name?: string, cls?: string, disabled?: boolean }} */ { name, cls = '', disabled = false } = {}) =>
  html`<button type="button" class=${cls} aria-label=${ifDefined(name)} ?disabled=${readOnly() || disabled} @click=${run}>${label}</button>`;

// ---- Intents ------------------------------------------------------------------------------------

function send(/** @type {any} */ intent) {
  if (readOnly()) return;
  post({ type: 'intent', intent, version: result.version });
}

/** Sends a typed value, once per version: an answer still on its way is not asked for again. */
function sendTyped(/** @type {string} */ key) {
  const p = pending.get(key);
  if (!p || p.sentAt === result.version) return;
  p.sentAt = result.version;
  send({ op: 'set', path: p.path, value: p.value });
}

/** A value typed into a field: sent after a pause, or at once (`now`) on Enter, blur or a choice. */
function typed(/** @type {any[]} */ path, /** @type {any} */ value, now = false) {
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
function untyped(/** @type {any[]} */ path) {
  const key = keyOf(path);
  clearTimeout(timers.get(key));
  timers.delete(key);
  pending.delete(key);
}

/** After a new model: values it now holds are done; those it does not hold are sent again at its version. */
function settlePending() {
  for (const [key, p] of pending) {
    if (timers.has(key)) continue; // still being typed: its own pause sends it
    const field = fieldAt(p.path);
    if (!field || same(field.value, p.value)) pending.delete(key);
    else sendTyped(key);
  }
}

/** What a field shows: the value typed and not yet in a model, else the model's. Nothing typed is ever shown taken back. */
const shown = (/** @type {any[]} */ path, /** @type {any} */ value) => {
  const p = pending.get(keyOf(path));
  return p ? p.value : value;
};

const same = (/** @type {any} */ a, /** @type {any} */ b) => JSON.stringify(a ?? null) === JSON.stringify(b === '' ? null : (b ?? null));

function fieldAt(/** @type {any[]} */ path) {
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

// ---- Findings -----------------------------------------------------------------------------------

/** The findings of a place: code (a link to the rule's page, as in the Problems panel), message, fixes. */
function findings(/** @type {any[]} */ list) {
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

// ---- Fields -------------------------------------------------------------------------------------

let ids = 0;
function field(/** @type {any} */ node) {
  const t = term(node);
  const id = `f${++ids}`;
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
function input(/** @type {any} */ node, /** @type {string} */ id, /** @type {string | undefined} */ helpId, /** @type {string | undefined} */ label = undefined) {
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
    @blur=${(/** @type {any} */ e) => timers.has(keyOf(path)) && commit(e, true)}
  />`;
}

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
    draw();
  };
  return { listed: options.filter(keep), open };
}

function select(/** @type {any} */ node, /** @type {any[]} */ options, /** @type {Common} */ c) {
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

function stepper(/** @type {any} */ node, /** @type {string} */ label, /** @type {string} */ id) {
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
function roles(/** @type {any} */ node, /** @type {string} */ id, /** @type {string} */ label) {
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
function references(/** @type {any} */ node, /** @type {string} */ id, /** @type {string} */ label) {
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

// ---- Groups, lists, items -----------------------------------------------------------------------

function group(/** @type {any} */ node, /** @type {number} */ level) {
  const t = term(node);
  const open = node.present || state.open[node.term];
  const body = open
    ? html`<div class="children ${node.layout === 'grid' ? 'grid' : ''}">${node.children.map((/** @type {any} */ c) => child(c, level + 1))}</div>`
    : html`<div class="empty">
        <p class="question">${t.question || ui('empty')}</p>
        ${action(ui('add'), () => ((state.open[node.term] = true), keep(), draw()), { name: `${ui('add')}: ${t.label}` })}
      </div>`;
  return html`<section class="group level-${level}" id=${ifDefined(level === 2 ? `section-${node.path[0]}` : undefined)} aria-label=${t.label} data-term=${node.term}>
    ${heading(level, t.label)} ${t.help ? html`<p class="help">${t.help}</p>` : nothing} ${findings(node.findings)} ${body}
  </section>`;
}

/** The first items of a list, and a button for the next hundred. */
function shownItems(/** @type {any} */ node) {
  const count = Math.max(FIRST_ITEMS, state.shown[node.term] || 0);
  const more = node.items.length - count;
  const button = more > 0 ? action(ui('showMore').replace('{n}', String(more)), () => ((state.shown[node.term] = count + 100), keep(), draw()), { always: true, secondary: true, cls: 'more' }) : nothing;
  return { items: node.items.slice(0, count), more: button };
}

/** A list's frame: heading, help, findings, its guiding question while empty, the Add button below. */
function listSection(/** @type {any} */ node, /** @type {number} */ level, /** @type {string} */ cls, /** @type {unknown} */ body) {
  const t = term(node);
  return html`<section class="list ${cls} level-${level}" id=${ifDefined(level === 2 ? `section-${node.path[0]}` : undefined)} aria-label=${t.label} data-term=${node.term}>
    ${heading(level, t.label)} ${t.help ? html`<p class="help">${t.help}</p>` : nothing} ${findings(node.findings)}
    ${node.present ? nothing : html`<p class="question">${t.question || ui('empty')}</p>`} ${body}
    ${action(`${ui('add')}: ${t.label}`, () => send({ op: 'add', path: node.path }), { cls: 'add' })}
  </section>`;
}

function list(/** @type {any} */ node, /** @type {number} */ level) {
  const { items, more } = shownItems(node);
  const cards = html`<div class="items">${items.map((/** @type {any} */ item, /** @type {number} */ i) => itemCard(item, i, node.items.length, level + 1))}</div>${more}`;
  return listSection(node, level, '', cards);
}

/** ↑ ↓ × of an item. */
function itemTools(/** @type {any} */ item, /** @type {number} */ index, /** @type {number} */ count) {
  const move = (/** @type {number} */ to) => send({ op: 'move', path: item.path, to });
  return html`${tool('↑', () => move(index - 1), { name: `${ui('moveUp')}: ${item.title}`, disabled: index === 0 })}
  ${tool('↓', () => move(index + 1), { name: `${ui('moveDown')}: ${item.title}`, disabled: index === count - 1 })}
  ${tool('×', () => send({ op: 'remove', path: item.path }), { name: `${ui('remove')}: ${item.title}`, cls: 'x' })}`;
}

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

// ---- The stakeholder table ----------------------------------------------------------------------

const last = (/** @type {any[]} */ path) => path[path.length - 1];
/** The columns of a table: the name first (it stays in view when the table scrolls sideways), then the format's order. */
const columnsOf = (/** @type {any[]} */ children) => {
  const fields = children.filter((c) => c.type === 'field');
  return [...fields.filter((f) => last(f.path) === 'name'), ...fields.filter((f) => last(f.path) !== 'name')];
};

/** A list drawn as a table, a row per item, a column per key; wider than the view, it scrolls sideways. */
function table(/** @type {any} */ node, /** @type {number} */ level) {
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

function tableRow(/** @type {any} */ item, /** @type {number} */ index, /** @type {number} */ count) {
  return html`<div class="tr" role="row" aria-rowindex=${index + 2} aria-label=${item.title} data-item=${keyOf(item.path)}>
    ${columnsOf(item.children).map(
      (/** @type {any} */ c) => html`<div class="td field kind-${c.kind}" role="cell" data-term=${c.term}>${input(c, `f${++ids}`, undefined, `${term(c).label} (${item.title})`)} ${findings(c.findings)}</div>`,
    )}
    <div class="td tools" role="cell">${itemTools(item, index, count)}</div>
    ${item.findings.length ? html`<div class="row-findings">${findings(item.findings)}</div>` : nothing}
  </div>`;
}

// ---- Grids: SWOT (4 × 4), the rescue network (stage × source) -----------------------------------

/** A map of maps of lists drawn as a grid: a row per inner map, a column per list, each cell a list of text. */
function matrix(/** @type {any} */ node, /** @type {number} */ level) {
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
              ${input(c, `f${++ids}`, undefined, `${term(r).label} · ${term(c).label}`)} ${findings(c.findings)}
            </div>`,
          )}
        </div>`,
      )}
    </div>
  </section>`;
}

function child(/** @type {any} */ node, /** @type {number} */ level) {
  if (node.type === 'group') return node.layout === 'grid' ? matrix(node, level) : group(node, level);
  if (node.type === 'list') return node.layout === 'table' ? table(node, level) : list(node, level);
  return field(node);
}

// ---- Header -------------------------------------------------------------------------------------

function drawHeader() {
  const cycle = result.stages.filter((/** @type {any} */ s) => ['diagnosis', 'forecast', 'goals', 'strategy', 'actions', 'controls', 'feedback'].includes(s.stage));
  render(
    html`<span class="score" aria-label=${`${ui('health')} ${result.score}`} data-score=${String(result.score)}>${ui('health')} <strong>${result.score}</strong></span>
      <nav class="stages" aria-label=${ui('plan')}>
        ${cycle.map((/** @type {any} */ s) => html`<button type="button" class="stage ${s.mark}" title=${s.summary} data-stage=${s.stage} @click=${() => reveal(s.stage)}>${s.label}</button>`)}
      </nav>
      <span class="spacer"></span>
      ${action(ui('openAsText'), () => post({ type: 'openText' }), { always: true })}
      ${action(ui('alwaysForm'), () => post({ type: 'alwaysForm' }), { always: true, secondary: true })}`,
    header,
  );
}

function reveal(/** @type {string} */ stage) {
  const target = document.getElementById(`section-${stage}`);
  if (target) {
    target.scrollIntoView({ block: 'start' });
    const first = /** @type {HTMLElement | null} */ (target.querySelector('input, select, button, vscode-button'));
    first?.focus({ preventScroll: true });
  }
}

// ---- Drawing ------------------------------------------------------------------------------------

function draw() {
  if (!result) return;
  document.documentElement.lang = result.locale === 'zh-cn' ? 'zh-CN' : 'en';
  drawHeader();
  ids = 0;
  // The first model takes the place of the page's "Reading the plan…"; lit draws every later one over it.
  if (!restored) root.replaceChildren();
  render(
    html`${result.form.parses
        ? nothing
        : html`<div class="banner" role="alert"><p>${ui('syntax')}</p>${action(ui('openAsText'), () => post({ type: 'openText' }), { always: true })}</div>`}
      ${findings(result.form.findings)} ${result.form.sections.map((/** @type {any} */ s) => child(s, 2))}`,
    root,
  );
  root.setAttribute('aria-busy', 'false');
  root.dataset.version = String(result.version);
  if (!restored) {
    restored = true;
    restore();
  }
}

/** Back where the page was before VS Code tore it down: the same element at the top, the same field focused. */
function restore() {
  const anchor = state.anchor && document.querySelector(state.anchor.selector);
  if (anchor && state.anchor) window.scrollTo(0, window.scrollY + anchor.getBoundingClientRect().top - state.anchor.top);
  else window.scrollTo(0, state.scroll);
  const focus = state.focus && /** @type {HTMLElement | null} */ (root.querySelector(`[data-path="${CSS.escape(state.focus)}"]`));
  focus?.focus({ preventScroll: true });
}

/** The item or section at the top of the view (below the sticky header), as a selector that finds it again. */
function topAnchor() {
  const below = header.getBoundingClientRect().bottom + 4;
  const hit = document.elementFromPoint(Math.min(40, window.innerWidth / 2), below);
  const e = hit && hit.closest('[data-item], section[data-term]');
  if (!e) return undefined;
  const item = e.getAttribute('data-item');
  const selector = item ? `[data-item="${CSS.escape(item)}"]` : `section[data-term="${CSS.escape(e.getAttribute('data-term') || '')}"]`;
  return { selector, top: e.getBoundingClientRect().top };
}

let scrolling = 0;
window.addEventListener('scroll', () => {
  cancelAnimationFrame(scrolling);
  scrolling = requestAnimationFrame(() => {
    state.scroll = window.scrollY;
    state.anchor = topAnchor();
    keep();
  });
});

root.addEventListener('focusin', (event) => {
  const path = /** @type {HTMLElement} */ (event.target).getAttribute('data-path');
  if (path === null || path === state.focus) return;
  state.focus = path;
  keep();
});

window.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'model') {
    result = message.result;
    draw();
    settlePending();
    // When the page shows the model: the bench and the UI tests read it.
    document.body.dataset.drawn = `${result.version} ${Date.now()}`;
  } else if (message.type === 'rejected') {
    const p = pending.get(keyOf(message.path || []));
    if (!p) return;
    // Refused as stale: sent again with the next model, even one of the same version (the text it
    // was refused for may be the one shown); refused for what it says: dropped, the model's value returns.
    if (!message.stale) pending.delete(keyOf(p.path));
    else if ((p.stale = (p.stale || 0) + 1) <= STALE_RETRIES) p.sentAt = -1;
  }
});

post({ type: 'ready' });
