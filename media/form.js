// The plan editor's webview (client/src/plan-editor.ts makes the page). It draws the form the
// language server sends (kam/form) and sends back intents (set, add, remove, move, fix); it never
// edits the plan itself. Typing is sent after a pause, one edit per pause; while a field has focus it
// keeps its own value, so the echo of its own edit (or any other change) never moves the caret.
// Plan text only ever goes in as textContent or attribute values.
// @ts-check
(function () {
  'use strict';
  // @ts-ignore: provided by VS Code to the webview
  const vscode = acquireVsCodeApi();
  const TYPING_PAUSE_MS = 400;
  /** Items drawn at first per list; the rest on demand, so a plan of 500 people opens at once. */
  const FIRST_ITEMS = 30;
  const root = /** @type {HTMLElement} */ (document.getElementById('form'));
  const header = /** @type {HTMLElement} */ (document.getElementById('header'));
  const saved = vscode.getState() || {};
  /** @type {{ scroll: number, shown: Record<string, number>, open: Record<string, boolean> }} */
  const state = { scroll: saved.scroll || 0, shown: saved.shown || {}, open: saved.open || {} };
  /** @type {any} the kam/form result */
  let result;
  /** Values typed and sent but not yet seen in a model, by path: sent again if the plan moved on first. */
  const pending = new Map();
  /** @type {Map<string, ReturnType<typeof setTimeout>>} */
  const timers = new Map();
  let restored = false;
  /** True while draw() moves the focused field: the blur that moving may cause is not the user leaving it. */
  let moving = false;

  const post = (/** @type {any} */ message) => vscode.postMessage(message);
  const keep = () => vscode.setState(state);
  const ui = (/** @type {string} */ key) => (result && result.form.ui[key]) || key;
  const term = (/** @type {any} */ node) => result.form.terms[node.term] || { label: String(node.path[node.path.length - 1]), help: '' };
  const keyOf = (/** @type {any[]} */ path) => JSON.stringify(path);
  const readOnly = () => !result || !result.form.parses;

  /**
   * An element: `h('div.card', { title: … }, child, 'text', …)`. Strings become text nodes, never markup.
   * @param {string} spec @param {Record<string, any>} [attrs] @param {...any} children
   */
  function h(spec, attrs, ...children) {
    const [tag, ...classes] = spec.split('.');
    const e = document.createElement(tag);
    if (classes.length) e.className = classes.join(' ');
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k in e && k !== 'list' && typeof v !== 'string') /** @type {any} */ (e)[k] = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : String(c));
    return e;
  }

  const button = (/** @type {string} */ text, /** @type {() => void} */ action, /** @type {Record<string, any>} */ { always, ...attrs } = {}) =>
    h('button', { type: 'button', onclick: action, disabled: readOnly() && !always, ...attrs }, text);

  // ---- Intents ----------------------------------------------------------------------------------

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

  /** After a new model: values it now holds are done; those it does not hold are sent again at its version. */
  function settlePending() {
    for (const [key, p] of pending) {
      if (timers.has(key)) continue; // still being typed: its own pause sends it
      const field = fieldAt(p.path);
      if (!field || same(field.value, p.value)) pending.delete(key);
      else sendTyped(key);
    }
  }

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

  // ---- Findings ---------------------------------------------------------------------------------

  function findings(/** @type {any[]} */ list) {
    if (!list || list.length === 0) return null;
    return h(
      'ul.findings',
      { role: 'list' },
      list.map((f) =>
        h(
          `li.finding.${f.severity}`,
          { 'data-code': f.code },
          h('span.code', {}, f.code),
          ' ',
          h('span.message', {}, f.message),
          f.fixes.map((/** @type {string} */ title, /** @type {number} */ i) =>
            button(title, () => send({ op: 'fix', code: f.code, at: f.at, fix: i }), { class: 'fix', title: `${ui('fix')}: ${title}` }),
          ),
        ),
      ),
    );
  }

  // ---- Fields -----------------------------------------------------------------------------------

  let ids = 0;
  function field(/** @type {any} */ node) {
    const t = term(node);
    const id = `f${++ids}`;
    const helpId = `${id}-help`;
    const label = h('label', { for: id }, t.label);
    const control = input(node, id, helpId);
    return h(
      `div.field.kind-${node.kind}`,
      { 'data-term': node.term },
      label,
      control,
      t.help ? h('div.help', { id: helpId }, t.help) : null,
      findings(node.findings),
    );
  }

  /** @returns {HTMLElement} */
  function input(/** @type {any} */ node, /** @type {string} */ id, /** @type {string} */ helpId) {
    const path = node.path;
    const common = { id, 'data-path': keyOf(path), 'aria-describedby': helpId, disabled: readOnly(), 'aria-invalid': node.findings.length > 0 ? 'true' : undefined };
    const t = term(node);
    switch (node.kind) {
      case 'enum':
        if (node.control === 'stepper') return stepper(node, t, id);
        return select(node, t.options, common);
      case 'reference':
        return select(node, result.form.references[node.ref] || [], common);
      case 'bool':
        return h('input', { ...common, type: 'checkbox', checked: node.value === true, onchange: (/** @type {any} */ e) => typed(path, e.target.checked, true) });
      case 'date': {
        const valid = node.value === null || /^\d{4}-\d{2}-\d{2}$/.test(node.value);
        return text(path, node.value, { ...common, type: valid ? 'date' : 'text' }, true);
      }
      case 'roles':
        return roles(node, id);
      case 'references':
        return references(node, id);
      case 'list':
        return textList(node, id);
      default:
        return text(path, node.value, { ...common, type: 'text', inputmode: node.kind === 'number' ? 'decimal' : undefined }, false);
    }
  }

  function text(/** @type {any[]} */ path, /** @type {any} */ value, /** @type {any} */ attrs, /** @type {boolean} */ immediate) {
    const e = /** @type {HTMLInputElement} */ (h('input', attrs));
    e.value = value ?? '';
    e.addEventListener(immediate ? 'change' : 'input', () => typed(path, e.value, immediate));
    e.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') typed(path, e.value, true);
      if (ev.key === 'Escape') {
        // Escape takes back what was typed since the last model.
        const field = fieldAt(path);
        clearTimeout(timers.get(keyOf(path)));
        timers.delete(keyOf(path));
        pending.delete(keyOf(path));
        e.value = (field && field.value) ?? '';
      }
    });
    e.addEventListener('blur', () => !moving && timers.has(keyOf(path)) && typed(path, e.value, true));
    return e;
  }

  function select(/** @type {any} */ node, /** @type {any[]} */ options, /** @type {any} */ attrs) {
    const known = options.some((o) => o.value === node.value);
    const e = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { ...attrs, onchange: () => typed(node.path, e.value === '' ? null : e.value, true) },
        h('option', { value: '' }, ui('choose')),
        node.value !== null && !known ? h('option', { value: node.value }, node.value) : null,
        options.map((o) => h('option', { value: o.value, title: o.help }, o.label)),
      )
    );
    e.value = node.value ?? '';
    return e;
  }

  function stepper(/** @type {any} */ node, /** @type {any} */ t, /** @type {string} */ id) {
    return h(
      'div.stepper',
      { role: 'radiogroup', id, 'aria-label': t.label, 'data-path': keyOf(node.path) },
      t.options.map((/** @type {any} */ o, /** @type {number} */ i) =>
        button(`${i + 1}. ${o.label}`, () => typed(node.path, o.value, true), {
          role: 'radio',
          'aria-checked': String(node.value === o.value),
          class: node.value === o.value ? 'step current' : 'step',
          title: o.help,
        }),
      ),
    );
  }

  function roles(/** @type {any} */ node, /** @type {string} */ id) {
    const t = term(node);
    return h(
      'div.chips',
      { id, role: 'group', 'aria-label': t.label, 'data-path': keyOf(node.path) },
      t.options.map((/** @type {any} */ o) => {
        const held = node.roles.includes(o.value);
        return button(o.label, () => {
          const next = held ? node.value.filter((/** @type {string} */ _, /** @type {number} */ i) => node.roles[i] !== o.value) : [...node.value, o.value];
          typed(node.path, next, true);
        }, { class: held ? 'chip on' : 'chip', 'aria-pressed': String(held), 'data-role': o.value });
      }),
    );
  }

  function references(/** @type {any} */ node, /** @type {string} */ id) {
    const options = result.form.references[node.ref] || [];
    const name = (/** @type {string} */ v) => (options.find((/** @type {any} */ o) => o.value === v) || { label: v }).label;
    const add = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { id, disabled: readOnly(), 'data-path': keyOf(node.path), onchange: () => add.value && typed(node.path, [...node.value, add.value], true) },
        h('option', { value: '' }, ui('addPerson')),
        options.filter((/** @type {any} */ o) => !node.value.includes(o.value)).map((/** @type {any} */ o) => h('option', { value: o.value }, o.label)),
      )
    );
    return h(
      'div.refs',
      {},
      node.value.map((/** @type {string} */ v, /** @type {number} */ i) =>
        h('span.chip.on', {}, name(v), button('×', () => typed(node.path, node.value.filter((/** @type {any} */ _, /** @type {number} */ j) => j !== i), true), { 'aria-label': `${ui('remove')} ${name(v)}`, class: 'x' })),
      ),
      add,
    );
  }

  function textList(/** @type {any} */ node, /** @type {string} */ id) {
    const t = term(node);
    const adder = /** @type {HTMLInputElement} */ (h('input', { type: 'text', id, placeholder: ui('newItem'), 'aria-label': `${t.label}: ${ui('newItem')}`, disabled: readOnly(), 'data-path': keyOf([...node.path, 'new']) }));
    adder.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && adder.value.trim()) {
        send({ op: 'add', path: node.path, item: adder.value });
        adder.value = '';
      }
    });
    return h(
      'div.list',
      {},
      node.value.map((/** @type {string} */ v, /** @type {number} */ i) =>
        h(
          'div.row',
          {},
          text([...node.path, i], v, { type: 'text', 'aria-label': `${t.label} ${i + 1}`, disabled: readOnly(), 'data-path': keyOf([...node.path, i]) }, false),
          button('×', () => send({ op: 'remove', path: [...node.path, i] }), { 'aria-label': `${ui('remove')} ${v}`, class: 'x' }),
        ),
      ),
      adder,
    );
  }

  // ---- Groups, lists, items ---------------------------------------------------------------------

  function group(/** @type {any} */ node, /** @type {number} */ level) {
    const t = term(node);
    const open = node.present || state.open[node.term];
    const heading = h(`h${Math.min(level, 6)}`, {}, t.label);
    const body = open
      ? h(`div.children${node.layout === 'grid' ? '.grid' : ''}`, {}, node.children.map((/** @type {any} */ c) => child(c, level + 1)))
      : h('div.empty', {}, t.question ? h('p.question', {}, t.question) : h('p.question', {}, ui('empty')), button(ui('add'), () => ((state.open[node.term] = true), keep(), draw()), { 'aria-label': `${ui('add')}: ${t.label}` }));
    return h(`section.group.level-${level}`, { id: level === 2 ? `section-${node.path[0]}` : undefined, 'aria-label': t.label, 'data-term': node.term }, heading, t.help ? h('p.help', {}, t.help) : null, findings(node.findings), body);
  }

  function list(/** @type {any} */ node, /** @type {number} */ level) {
    const t = term(node);
    const key = node.term;
    const shown = Math.max(FIRST_ITEMS, state.shown[key] || 0);
    const more = node.items.length - shown;
    return h(
      `section.list.level-${level}`,
      { id: level === 2 ? `section-${node.path[0]}` : undefined, 'aria-label': t.label, 'data-term': node.term },
      h(`h${Math.min(level, 6)}`, {}, t.label),
      t.help ? h('p.help', {}, t.help) : null,
      findings(node.findings),
      node.present ? null : h('p.question', {}, t.question || ui('empty')),
      h('div.items', {}, node.items.slice(0, shown).map((/** @type {any} */ item, /** @type {number} */ i) => itemCard(item, i, node.items.length, level + 1))),
      more > 0 ? button(ui('showMore').replace('{n}', String(more)), () => ((state.shown[key] = shown + 100), keep(), draw()), { always: true }) : null,
      button(`${ui('add')}: ${t.label}`, () => send({ op: 'add', path: node.path }), { class: 'add' }),
    );
  }

  function itemCard(/** @type {any} */ item, /** @type {number} */ index, /** @type {number} */ count, /** @type {number} */ level) {
    const move = (/** @type {number} */ to) => send({ op: 'move', path: item.path, to });
    return h(
      'article.item',
      { 'aria-label': item.title, 'data-item': keyOf(item.path) },
      h(
        'header',
        {},
        h(`h${Math.min(level, 6)}`, {}, item.title),
        item.smart
          ? h('span.smart', { 'aria-label': 'SMART' }, item.smart.map((/** @type {any} */ s) => h(`span.letter.${s.pass ? 'pass' : 'fail'}`, { title: s.letter, 'data-letter': s.letter }, s.letter)))
          : null,
        h(
          'span.tools',
          {},
          button('↑', () => move(index - 1), { 'aria-label': ui('moveUp'), disabled: readOnly() || index === 0 }),
          button('↓', () => move(index + 1), { 'aria-label': ui('moveDown'), disabled: readOnly() || index === count - 1 }),
          button('×', () => send({ op: 'remove', path: item.path }), { 'aria-label': `${ui('remove')}: ${item.title}`, class: 'x' }),
        ),
      ),
      item.sentence ? h('p.sentence', {}, item.sentence) : null,
      findings(item.findings),
      h('div.children', {}, item.children.map((/** @type {any} */ c) => child(c, level + 1))),
    );
  }

  function child(/** @type {any} */ node, /** @type {number} */ level) {
    if (node.type === 'group') return group(node, level);
    if (node.type === 'list') return list(node, level);
    return field(node);
  }

  // ---- Header -----------------------------------------------------------------------------------

  function drawHeader() {
    const cycle = result.stages.filter((/** @type {any} */ s) => ['diagnosis', 'forecast', 'goals', 'strategy', 'actions', 'controls', 'feedback'].includes(s.stage));
    header.replaceChildren(
      h('span.score', { 'aria-label': `${ui('health')} ${result.score}`, 'data-score': String(result.score) }, `${ui('health')} `, h('strong', {}, String(result.score))),
      h(
        'nav.stages',
        { 'aria-label': ui('plan') },
        cycle.map((/** @type {any} */ s) =>
          h('button', { type: 'button', class: `stage ${s.mark}`, title: s.summary, 'data-stage': s.stage, onclick: () => reveal(s.stage) }, s.label),
        ),
      ),
      h('span.spacer', {}),
      button(ui('openAsText'), () => post({ type: 'openText' }), { always: true }),
      button(ui('alwaysForm'), () => post({ type: 'alwaysForm' }), { always: true, class: 'secondary' }),
    );
  }

  function reveal(/** @type {string} */ stage) {
    const target = document.getElementById(`section-${stage}`);
    if (target) {
      target.scrollIntoView({ block: 'start' });
      const first = /** @type {HTMLElement | null} */ (target.querySelector('input, select, button'));
      first?.focus({ preventScroll: true });
    }
  }

  // ---- Drawing ----------------------------------------------------------------------------------

  function draw() {
    if (!result) return;
    document.documentElement.lang = result.locale === 'zh-cn' ? 'zh-CN' : 'en';
    drawHeader();
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    const activePath = active && active.getAttribute('data-path');
    ids = 0;
    const next = h(
      'div',
      {},
      result.form.parses ? null : h('div.banner', { role: 'alert' }, h('p', {}, ui('syntax')), button(ui('openAsText'), () => post({ type: 'openText' }), { always: true })),
      findings(result.form.findings),
      result.form.sections.map((/** @type {any} */ s) => child(s, 2)),
    );
    // The field being typed in stays the same element, with its value, focus and caret. Moving it
    // takes it out of the page for a moment, which takes its focus: it is given back before this task
    // ends, so no keystroke queued meanwhile lands on the page body and is lost.
    /** @type {HTMLElement | null} */
    let kept = null;
    if (activePath && root.contains(active)) {
      const twin = next.querySelector(`[data-path="${CSS.escape(activePath)}"]`);
      if (active && twin && twin.tagName === active.tagName) {
        twin.replaceWith(active);
        active.id = twin.id;
        kept = active;
      }
    }
    const caret = kept ? selectionOf(kept) : null;
    moving = true;
    try {
      root.replaceChildren(...next.childNodes);
      if (kept && document.activeElement !== kept) {
        kept.focus({ preventScroll: true });
        if (caret) /** @type {HTMLInputElement} */ (kept).setSelectionRange(caret.start, caret.end, caret.direction);
      }
    } finally {
      moving = false;
    }
    root.setAttribute('aria-busy', 'false');
    root.dataset.version = String(result.version);
    if (!restored) {
      restored = true;
      window.scrollTo(0, state.scroll);
    }
  }

  /** The caret of a text field, or null for controls without one (date, select, checkbox). */
  function selectionOf(/** @type {HTMLElement} */ e) {
    const i = /** @type {HTMLInputElement} */ (e);
    try {
      if (typeof i.selectionStart !== 'number' || typeof i.selectionEnd !== 'number') return null;
      return { start: i.selectionStart, end: i.selectionEnd, direction: i.selectionDirection || undefined };
    } catch {
      return null;
    }
  }

  let scrolling = 0;
  window.addEventListener('scroll', () => {
    cancelAnimationFrame(scrolling);
    scrolling = requestAnimationFrame(() => {
      state.scroll = window.scrollY;
      keep();
    });
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
      if (!message.stale) for (const [key, p] of pending) if (keyOf(p.path) === keyOf(message.path || [])) pending.delete(key);
    }
  });

  post({ type: 'ready' });
})();
