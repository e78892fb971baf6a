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
          f.doc
            ? button(f.code, () => post({ type: 'openDoc', href: f.doc }), { always: true, class: 'code link', title: ui('ruleDoc'), 'aria-label': `${f.code}: ${ui('ruleDoc')}` })
            : h('span.code', {}, f.code),
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

  /**
   * The control of a field. `label` names it when no <label> does (a table or grid cell).
   * @returns {HTMLElement}
   */
  function input(/** @type {any} */ node, /** @type {string} */ id, /** @type {string | undefined} */ helpId, /** @type {string | undefined} */ label = undefined) {
    const path = node.path;
    const common = { id, 'data-path': keyOf(path), 'aria-label': label, 'aria-describedby': helpId, disabled: readOnly(), 'aria-invalid': node.findings.length > 0 ? 'true' : undefined };
    const t = label ? { ...term(node), label } : term(node);
    switch (node.kind) {
      case 'enum':
        if (node.control === 'stepper') return stepper(node, t, id);
        return select(node, t.options, common);
      case 'reference':
        return select(node, result.form.references[node.ref] || [], common);
      case 'bool':
        return h('input', { ...common, type: 'checkbox', checked: shown(path, node.value) === true, onchange: (/** @type {any} */ e) => typed(path, e.target.checked, true) });
      case 'date': {
        const valid = node.value === null || /^\d{4}-\d{2}-\d{2}$/.test(node.value);
        return text(path, node.value, { ...common, type: valid ? 'date' : 'text' }, true);
      }
      case 'roles':
        return roles(node, id, t.label);
      case 'references':
        return references(node, id, t.label);
      case 'list':
        return textList(node, id, t.label);
      default:
        return text(path, node.value, { ...common, type: 'text', inputmode: node.kind === 'number' ? 'decimal' : undefined }, false);
    }
  }

  function text(/** @type {any[]} */ path, /** @type {any} */ value, /** @type {any} */ attrs, /** @type {boolean} */ immediate) {
    const e = /** @type {HTMLInputElement} */ (h('input', attrs));
    e.value = shown(path, value) ?? '';
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
    e.value = shown(node.path, node.value) ?? '';
    return e;
  }

  function stepper(/** @type {any} */ node, /** @type {any} */ t, /** @type {string} */ id) {
    const current = shown(node.path, node.value);
    return h(
      'div.stepper',
      { role: 'radiogroup', id, 'aria-label': t.label, 'data-path': keyOf(node.path) },
      t.options.map((/** @type {any} */ o, /** @type {number} */ i) =>
        button(`${i + 1}. ${o.label}`, () => typed(node.path, o.value, true), {
          role: 'radio',
          'aria-checked': String(current === o.value),
          class: current === o.value ? 'step current' : 'step',
          title: o.help,
        }),
      ),
    );
  }

  function roles(/** @type {any} */ node, /** @type {string} */ id, /** @type {string} */ label) {
    const t = term(node);
    return h(
      'div.chips',
      { id, role: 'group', 'aria-label': label, 'data-path': keyOf(node.path) },
      t.options.map((/** @type {any} */ o) => {
        const held = node.roles.includes(o.value);
        return button(o.label, () => {
          const next = held ? node.value.filter((/** @type {string} */ _, /** @type {number} */ i) => node.roles[i] !== o.value) : [...node.value, o.value];
          typed(node.path, next, true);
        }, { class: held ? 'chip on' : 'chip', 'aria-pressed': String(held), 'data-role': o.value });
      }),
    );
  }

  function references(/** @type {any} */ node, /** @type {string} */ id, /** @type {string} */ label) {
    const options = result.form.references[node.ref] || [];
    const name = (/** @type {string} */ v) => (options.find((/** @type {any} */ o) => o.value === v) || { label: v }).label;
    const add = /** @type {HTMLSelectElement} */ (
      h(
        'select',
        { id, 'aria-label': `${label}: ${ui('addPerson')}`, disabled: readOnly(), 'data-path': keyOf(node.path), onchange: () => add.value && typed(node.path, [...node.value, add.value], true) },
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

  function textList(/** @type {any} */ node, /** @type {string} */ id, /** @type {string} */ label) {
    const t = { label };
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

  // ---- The stakeholder table --------------------------------------------------------------------

  /** The columns of a table: the name first (it stays in view when the table scrolls sideways), then the format's order. */
  const columnsOf = (/** @type {any[]} */ fields) => [...fields.filter((f) => last(f.path) === 'name'), ...fields.filter((f) => last(f.path) !== 'name')];
  const last = (/** @type {any[]} */ path) => path[path.length - 1];

  /** A list drawn as a table, a row per item, a column per key; wider than the view, it scrolls sideways. */
  function table(/** @type {any} */ node, /** @type {number} */ level) {
    const t = term(node);
    const key = node.term;
    const shown = Math.max(FIRST_ITEMS, state.shown[key] || 0);
    const more = node.items.length - shown;
    const columns = node.items.length ? columnsOf(node.items[0].children.filter((/** @type {any} */ c) => c.type === 'field')) : [];
    const head = h(
      'div.tr.head',
      { role: 'row' },
      columns.map((/** @type {any} */ c) => h(`div.th.kind-${c.kind}`, { role: 'columnheader', title: term(c).help || undefined, 'data-term': c.term }, term(c).label)),
      h('div.th.tools', { role: 'columnheader', 'aria-label': ui('tools') }),
    );
    const rows = node.items.slice(0, shown).map((/** @type {any} */ item, /** @type {number} */ i) => tableRow(item, i, node.items.length));
    return h(
      `section.list.table-list.level-${level}`,
      { id: level === 2 ? `section-${node.path[0]}` : undefined, 'aria-label': t.label, 'data-term': node.term },
      h(`h${Math.min(level, 6)}`, {}, t.label),
      t.help ? h('p.help', {}, t.help) : null,
      findings(node.findings),
      node.present ? null : h('p.question', {}, t.question || ui('empty')),
      rows.length ? h('div.table-scroll', {}, h('div.table', { role: 'table', 'aria-label': t.label, 'aria-rowcount': String(node.items.length + 1) }, head, rows)) : null,
      more > 0 ? button(ui('showMore').replace('{n}', String(more)), () => ((state.shown[key] = shown + 100), keep(), draw()), { always: true }) : null,
      button(`${ui('add')}: ${t.label}`, () => send({ op: 'add', path: node.path }), { class: 'add' }),
    );
  }

  function tableRow(/** @type {any} */ item, /** @type {number} */ index, /** @type {number} */ count) {
    const move = (/** @type {number} */ to) => send({ op: 'move', path: item.path, to });
    const cells = columnsOf(item.children.filter((/** @type {any} */ c) => c.type === 'field')).map((/** @type {any} */ c) =>
      h(
        `div.td.field.kind-${c.kind}`,
        { role: 'cell', 'data-term': c.term },
        input(c, `f${++ids}`, undefined, `${term(c).label} (${item.title})`),
        findings(c.findings),
      ),
    );
    const row = h(
      'div.tr',
      { role: 'row', 'aria-rowindex': String(index + 2), 'aria-label': item.title, 'data-item': keyOf(item.path) },
      cells,
      h(
        'div.td.tools',
        { role: 'cell' },
        button('↑', () => move(index - 1), { 'aria-label': `${ui('moveUp')}: ${item.title}`, disabled: readOnly() || index === 0 }),
        button('↓', () => move(index + 1), { 'aria-label': `${ui('moveDown')}: ${item.title}`, disabled: readOnly() || index === count - 1 }),
        button('×', () => send({ op: 'remove', path: item.path }), { 'aria-label': `${ui('remove')}: ${item.title}`, class: 'x' }),
      ),
    );
    // The item's own findings (a role no one holds, a duplicate id) under its row, at the left edge.
    if (item.findings.length) row.append(h('div.row-findings', {}, findings(item.findings)));
    return row;
  }

  // ---- Grids: SWOT (4 × 4), the rescue network (stage × source) ----------------------------------

  /** A map of maps of lists drawn as a grid: a row per inner map, a column per list, each cell a list of text. */
  function matrix(/** @type {any} */ node, /** @type {number} */ level) {
    const t = term(node);
    const rows = node.children.filter((/** @type {any} */ c) => c.type === 'group');
    const columns = rows.length ? rows[0].children : [];
    return h(
      `section.group.matrix-group.level-${level}`,
      { id: level === 2 ? `section-${node.path[0]}` : undefined, 'aria-label': t.label, 'data-term': node.term },
      h(`h${Math.min(level, 6)}`, {}, t.label),
      t.help ? h('p.help', {}, t.help) : null,
      findings(node.findings),
      node.present ? null : h('p.question', {}, t.question || ui('empty')),
      h(
        `div.matrix.cols-${columns.length}`,
        { role: 'table', 'aria-label': t.label },
        h(
          'div.mrow.head',
          { role: 'row' },
          h('div.corner', { role: 'columnheader' }),
          columns.map((/** @type {any} */ c) => h('div.mh', { role: 'columnheader', title: term(c).help || undefined }, term(c).label)),
        ),
        rows.map((/** @type {any} */ r) =>
          h(
            'div.mrow',
            { role: 'row', 'data-term': r.term },
            h('div.rh', { role: 'rowheader', title: term(r).help || undefined }, h('span', {}, term(r).label), findings(r.findings)),
            r.children.map((/** @type {any} */ c) =>
              h(
                `div.mcell.field.kind-${c.kind}`,
                { role: 'cell', 'data-term': c.term },
                // Shown when the grid folds into one column (a narrow view): each cell says what it holds.
                h('div.cell-label', { 'aria-hidden': 'true' }, term(c).label),
                input(c, `f${++ids}`, undefined, `${term(r).label} · ${term(c).label}`),
                findings(c.findings),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function child(/** @type {any} */ node, /** @type {number} */ level) {
    if (node.type === 'group') return node.layout === 'grid' ? matrix(node, level) : group(node, level);
    if (node.type === 'list') return node.layout === 'table' ? table(node, level) : list(node, level);
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
})();
