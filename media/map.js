// The stakeholder map's webview (client/src/stakeholder-map.ts makes the page). It shows the SVGs the
// language server drew, with pan and zoom, tooltips, a legend of role coverage and a context menu to
// change a person; it keeps its view, pan and zoom in the webview state, so they survive updates and
// restarts. Plan text only ever goes in as textContent or attribute values; the SVGs come from the
// server with the plan's text already escaped.
// @ts-check
/** @typedef {import('../client/src/map-protocol').FromWebview} FromWebview */
/** @typedef {import('../client/src/map-protocol').ToWebview} ToWebview */
/** @typedef {import('../client/src/map-protocol').WebviewModel} WebviewModel */
(function () {
  'use strict';
  // @ts-ignore: provided by VS Code to the webview
  const vscode = acquireVsCodeApi();
  const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const words = JSON.parse(byId('kam-words').textContent || '{}');
  const [toolbar, legend, viewport, canvas, tooltip, menu] = ['toolbar', 'legend', 'viewport', 'canvas', 'tooltip', 'menu'].map(byId);
  const ZOOM = { min: 0.05, max: 4, step: 1.25 };
  /** The editor's font size (px), passed in by the page: the fit never draws names smaller. */
  const editorFontSize = Number(document.body.dataset.editorFontSize) || 14;
  /** Room left around the picture when it is fitted, px. */
  const PAD = 24;
  /** Below this zoom the picture's text would be under 3 px high: it is not drawn (see map.css). */
  const TEXT_ZOOM = 0.25;
  const scriptStarted = Date.now();

  /** @typedef {{ x: number, y: number, k: number }} Transform */
  /** @type {{ uri: string, view: 'map' | 'grid', transforms: Record<string, Transform | undefined> }} */
  const state = { view: 'map', transforms: {}, ...vscode.getState(), uri: words.uri };
  /** @type {WebviewModel | undefined} what the panel posted (kam/stakeholderMap's result, trimmed) */
  let model;
  /** Per node id: the details the server put in the node's <title>. @type {Map<string, string>} */
  let details = new Map();
  let stylesAdopted = false;

  const post = (/** @type {FromWebview} */ message) => vscode.postMessage(message);
  const keep = () => vscode.setState(state);
  /** An element with a class and, when given, a text (never markup). @param {string} tag @param {string} className @param {string} [text] */
  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const nodeById = (/** @type {string} */ id) => model && model.map.nodes.find((/** @type {any} */ n) => n.id === id);
  const labelOf = (/** @type {any[]} */ choices, /** @type {string} */ value) => (choices.find((c) => c.value === value) || { label: value }).label;
  /** A label and its value, punctuated in the plan's language. */
  const labelled = (/** @type {string} */ label, /** @type {string} */ value) => `${label}${model && model.locale === 'zh-cn' ? '：' : ': '}${value}`;

  // --- toolbar -------------------------------------------------------------------------------
  const button = (/** @type {string} */ text, /** @type {string} */ title, /** @type {() => void} */ action) => {
    const b = /** @type {HTMLButtonElement} */ (element('button', '', text));
    b.type = 'button';
    b.title = title;
    b.addEventListener('click', action);
    toolbar.append(b);
    return b;
  };
  const views = {
    map: button(words.map, words.map, () => showView('map')),
    grid: button(words.grid, words.grid, () => showView('grid')),
  };
  toolbar.append(element('span', 'separator'));
  button(words.fit, words.fit, () => fit());
  button('−', words.zoomOut, () => zoomAt(1 / ZOOM.step));
  button('+', words.zoomIn, () => zoomAt(ZOOM.step));
  toolbar.append(element('span', 'separator'));
  button(words.saveSvg, words.saveSvg, () => post({ type: 'save', format: 'svg' }));
  button(words.savePng, words.savePng, () => post({ type: 'save', format: 'png' }));
  viewport.title = words.hint;

  function showView(/** @type {'map' | 'grid'} */ view) {
    state.view = view;
    keep();
    post({ type: 'view', view });
    render();
  }

  // --- drawing -------------------------------------------------------------------------------
  function render() {
    for (const [view, b] of Object.entries(views)) b.setAttribute('aria-pressed', String(view === state.view));
    hideMenu();
    hideTooltip();
    if (!model) {
      canvas.replaceChildren(element('p', 'loading', words.loading));
      return;
    }
    const parsed = new DOMParser().parseFromString(state.view === 'grid' ? model.svg.grid : model.svg.map, 'image/svg+xml');
    if (parsed.documentElement.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return;
    const svg = document.adoptNode(parsed.documentElement);
    details = new Map();
    for (const g of svg.querySelectorAll('g.kam-node')) {
      const id = g.getAttribute('data-node') || '';
      const title = g.querySelector(':scope > title');
      details.set(id, title ? title.textContent || '' : '');
      // Our tooltip replaces the browser's (the node's and its badges').
      for (const t of g.querySelectorAll('title')) t.remove();
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-label', (details.get(id) || '').replace(/\n/g, ', '));
    }
    renderLegend();
    // The viewport's size is read before the picture is in: read after, it would lay the picture out.
    const size = { width: viewport.clientWidth, height: viewport.clientHeight };
    canvas.replaceChildren(svg);
    content = undefined;
    if (state.transforms[state.view]) applyTransform();
    else fit(size);
  }

  function renderLegend() {
    legend.replaceChildren();
    if (!model) return;
    const marks = markLegend();
    // The grid has its own axes for stance; it keeps only who is marked.
    legend.hidden = state.view !== 'map' && !marks;
    if (state.view !== 'map') {
      if (marks) legend.append(marks);
      return;
    }
    const coverage = element('div', 'coverage');
    coverage.append(element('span', 'legend-title', words.coverage));
    for (const c of model.map.coverage) {
      const role = labelOf(model.choices.roles, c.role);
      const names = c.holders.map((/** @type {string} */ id) => (nodeById(id) || { name: id }).name).join(', ');
      const chip = element('span', c.unassigned ? 'chip unassigned' : 'chip', c.unassigned ? `⚠ ${labelled(role, words.unassigned)}` : labelled(role, names));
      chip.title = chip.textContent || '';
      coverage.append(chip);
    }
    const stances = element('div', 'stances');
    stances.append(element('span', 'legend-title', words.stance));
    for (const s of model.choices.stances) {
      const item = element('span', 'stance');
      item.append(element('span', `swatch kam-stance-${s.value}`), element('span', '', s.label));
      stances.append(item);
    }
    legend.append(coverage, stances);
    if (marks) legend.append(marks);
  }

  /** Stale relationships and unmanaged opposition (KAM207, KAM209), with who is marked; none when nobody is. */
  function markLegend() {
    if (!model) return undefined;
    const { nodes } = model.map;
    const marked = model.choices.marks.filter((m) => nodes.some((n) => n[m.value]));
    if (marked.length === 0) return undefined;
    const marks = element('div', 'marks');
    for (const m of marked) {
      const names = nodes.filter((n) => n[m.value]).map((n) => n.name).join(', ');
      const chip = element('span', `chip mark mark-${m.value}`, `⚠ ${labelled(m.label, names)}`);
      chip.title = chip.textContent || '';
      marks.append(chip);
    }
    return marks;
  }

  // The classes' stylesheet comes with the model: a constructed sheet, which the page's CSP allows.
  function adoptStyles(/** @type {string} */ css) {
    if (stylesAdopted) return;
    stylesAdopted = true;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }

  // --- pan and zoom --------------------------------------------------------------------------
  function transform() {
    return state.transforms[state.view] || { x: 0, y: 0, k: 1 };
  }

  function applyTransform() {
    const t = transform();
    canvas.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.k})`;
    canvas.classList.toggle('far', t.k < TEXT_ZOOM);
  }

  function setTransform(/** @type {Transform} */ t) {
    state.transforms[state.view] = t;
    applyTransform();
    keep();
  }

  const clamp = (/** @type {number} */ k) => Math.min(ZOOM.max, Math.max(ZOOM.min, k));

  /** @type {{ x: number, y: number, width: number, height: number } | undefined} the picture in view's contentBox, kept until the next */
  let content;

  /**
   * The drawn part of the picture: in the org chart, its units and people without the legend (the
   * page has one). Read from the boxes' attributes, not measured: measuring would lay the whole
   * picture out before the first frame, which with hundreds of people is most of the drawing time.
   */
  function contentBox() {
    if (!content) content = measureContent();
    return content;
  }

  function measureContent() {
    const svg = canvas.querySelector('svg');
    if (!svg) return undefined;
    const whole = { x: 0, y: 0, width: svg.width.baseVal.value, height: svg.height.baseVal.value };
    if (state.view !== 'map') return whole;
    const edges = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    const add = (/** @type {number} */ x, /** @type {number} */ y, /** @type {SVGRectElement | null} */ rect) => {
      if (!rect) return;
      const [w, h] = [rect.width.baseVal.value, rect.height.baseVal.value];
      edges.left = Math.min(edges.left, x);
      edges.top = Math.min(edges.top, y);
      edges.right = Math.max(edges.right, x + w);
      edges.bottom = Math.max(edges.bottom, y + h);
    };
    for (const rect of svg.querySelectorAll('.kam-unit-box')) {
      const r = /** @type {SVGRectElement} */ (rect);
      add(r.x.baseVal.value, r.y.baseVal.value, r);
    }
    for (const g of svg.querySelectorAll('g.kam-node')) {
      const shift = /** @type {SVGGElement} */ (g).transform.baseVal.consolidate();
      add(shift ? shift.matrix.e : 0, shift ? shift.matrix.f : 0, g.querySelector(':scope > rect'));
    }
    if (edges.right < edges.left) return whole;
    return { x: edges.left, y: edges.top, width: edges.right - edges.left, height: edges.bottom - edges.top };
  }

  /**
   * The zoom at which the picture's names are as large as the editor's text. The names' size is the
   * stylesheet's (the server's MAP_CSS), read once per picture from one name; the style is computed,
   * not laid out.
   */
  function readableZoom() {
    const name = canvas.querySelector(state.view === 'grid' ? '.kam-grid-name' : '.kam-node-name');
    const size = name ? parseFloat(getComputedStyle(name).fontSize) : NaN;
    return size > 0 ? editorFontSize / size : 1;
  }

  /**
   * Fits the picture to the panel, but never smaller than readable: a picture that would need smaller
   * names is drawn at the editor's font size from its top, and scrolled to for the rest. Across, an
   * org chart too wide stays centred on its head; the grid, read from its row labels, starts at its
   * left. A small picture grows to fill the panel, up to 1.5 times its size.
   */
  function fit({ width, height } = { width: viewport.clientWidth, height: viewport.clientHeight }) {
    const box = contentBox();
    // Hidden (no size yet): fit when there is something to fit into.
    if (!box || width === 0 || height === 0) return;
    const whole = Math.min((width - 2 * PAD) / box.width, (height - 2 * PAD) / box.height);
    const readable = readableZoom();
    const k = clamp(Math.max(readable, Math.min(whole, Math.max(1.5, readable))));
    const x = box.width * k <= width - 2 * PAD || state.view === 'map' ? (width - box.width * k) / 2 : PAD;
    const y = box.height * k <= height - 2 * PAD ? (height - box.height * k) / 2 : PAD;
    setTransform({ k, x: x - box.x * k, y: y - box.y * k });
  }

  /**
   * Moves the picture by a scroll, as far as it goes: an edge of a picture larger than the panel
   * stops at the panel's padding, and a picture that fits does not move that way.
   */
  function scrollBy(/** @type {number} */ dx, /** @type {number} */ dy) {
    const box = contentBox();
    if (!box) return;
    const t = transform();
    const along = (/** @type {number} */ at, /** @type {number} */ delta, /** @type {number} */ start, /** @type {number} */ size, /** @type {number} */ room) => {
      const [lo, hi] = [room - PAD - (start + size) * t.k, PAD - start * t.k];
      if (lo >= hi) return at; // it fits
      return Math.min(hi, Math.max(lo, at - delta));
    };
    setTransform({ k: t.k, x: along(t.x, dx, box.x, box.width, viewport.clientWidth), y: along(t.y, dy, box.y, box.height, viewport.clientHeight) });
  }

  /** Zooms by a factor around a point of the viewport (its centre by default). */
  function zoomAt(/** @type {number} */ factor, cx = viewport.clientWidth / 2, cy = viewport.clientHeight / 2) {
    const t = transform();
    const k = clamp(t.k * factor);
    const f = k / t.k;
    setTransform({ k, x: cx - (cx - t.x) * f, y: cy - (cy - t.y) * f });
  }

  // The wheel scrolls (Shift: across), Ctrl or ⌘ with it zooms, as does a trackpad's pinch (which
  // arrives as a wheel event with ctrlKey).
  viewport.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) {
        const r = viewport.getBoundingClientRect();
        zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - r.left, event.clientY - r.top);
        return;
      }
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? viewport.clientHeight : 1;
      const [dx, dy] = event.shiftKey && event.deltaX === 0 ? [event.deltaY, 0] : [event.deltaX, event.deltaY];
      scrollBy(dx * unit, dy * unit);
    },
    { passive: false },
  );

  /** A press that moves less than this is a click. */
  const CLICK_SLOP = 4;
  /** @type {{ x: number, y: number, start: Transform, moved: boolean, node: string | undefined } | undefined} */
  let drag;

  viewport.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || !model) return;
    hideMenu();
    drag = { x: event.clientX, y: event.clientY, start: transform(), moved: false, node: nodeAt(event.target) };
    viewport.setPointerCapture(event.pointerId);
  });

  viewport.addEventListener('pointermove', (event) => {
    if (!drag) {
      const node = nodeAt(event.target);
      if (node) showTooltip(node, event.clientX, event.clientY);
      else hideTooltip();
      return;
    }
    const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
    if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
    drag.moved = true;
    viewport.classList.add('dragging');
    hideTooltip();
    state.transforms[state.view] = { ...drag.start, x: drag.start.x + dx, y: drag.start.y + dy };
    applyTransform();
  });

  viewport.addEventListener('pointerup', () => {
    const done = drag;
    drag = undefined;
    viewport.classList.remove('dragging');
    if (!done) return;
    if (done.moved) keep();
    else if (done.node) post({ type: 'reveal', node: done.node });
  });
  viewport.addEventListener('pointercancel', () => {
    drag = undefined;
    viewport.classList.remove('dragging');
  });
  viewport.addEventListener('pointerleave', () => drag || hideTooltip());

  /** The map node under an event target (the org chart only: the grid lists names, not nodes). */
  function nodeAt(/** @type {EventTarget | null} */ target) {
    const g = target instanceof Element ? target.closest('g.kam-node') : null;
    return g && state.view === 'map' ? g.getAttribute('data-node') || undefined : undefined;
  }

  // --- tooltip -------------------------------------------------------------------------------
  function showTooltip(/** @type {string} */ id, /** @type {number} */ x, /** @type {number} */ y) {
    const node = nodeById(id);
    if (!node) return;
    const [first, ...rest] = String(details.get(id) || node.name).split('\n');
    tooltip.replaceChildren(element('strong', '', first), ...rest.map((line) => element('div', '', line)));
    if (node.roles.length > 0) {
      const roles = node.roles.map((/** @type {string} */ r) => labelOf(model ? model.choices.roles : [], r)).join(', ');
      tooltip.append(element('div', '', labelled(words.roles, roles)));
    }
    tooltip.hidden = false;
    place(tooltip, x + 14, y + 14);
  }

  function hideTooltip() {
    tooltip.hidden = true;
  }

  /** Puts a floating element at a point, kept inside the window. */
  function place(/** @type {HTMLElement} */ e, /** @type {number} */ x, /** @type {number} */ y) {
    e.style.left = `${Math.max(0, Math.min(x, window.innerWidth - e.offsetWidth - 4))}px`;
    e.style.top = `${Math.max(0, Math.min(y, window.innerHeight - e.offsetHeight - 4))}px`;
  }

  // --- context menu --------------------------------------------------------------------------
  viewport.addEventListener('contextmenu', (event) => {
    event.preventDefault();
    const node = nodeAt(event.target);
    if (node) openMenu(node, event.clientX, event.clientY);
    else hideMenu();
  });

  function openMenu(/** @type {string} */ id, /** @type {number} */ x, /** @type {number} */ y) {
    const node = nodeById(id);
    if (!node || !model) return;
    hideTooltip();
    menu.replaceChildren(element('div', 'menu-title', node.name));
    item(words.reveal, 'menuitem', false, () => post({ type: 'reveal', node: id }));
    const section = (/** @type {string} */ title, /** @type {any[]} */ choices, /** @type {import('../server/src/lsp/protocol').StakeholderField} */ field, /** @type {(v: string) => boolean} */ checked, /** @type {string} */ role) => {
      menu.append(element('div', 'menu-section', title));
      for (const c of choices) item(c.label, role, checked(c.value), () => post({ type: 'edit', node: id, field, value: c.value }));
    };
    section(words.stance, model.choices.stances, 'stance', (v) => node.stance === v, 'menuitemradio');
    section(words.influence, model.choices.influences, 'influence', (v) => node.influence === v, 'menuitemradio');
    section(words.roles, model.choices.roles, 'role', (v) => node.roles.some((r) => r === v), 'menuitemcheckbox');
    menu.hidden = false;
    place(menu, x, y);
    /** @type {HTMLElement | null} */ (menu.querySelector('button'))?.focus();
  }

  function item(/** @type {string} */ label, /** @type {string} */ role, /** @type {boolean} */ checked, /** @type {() => void} */ action) {
    const b = /** @type {HTMLButtonElement} */ (element('button', checked ? 'checked' : '', label));
    b.type = 'button';
    b.setAttribute('role', role);
    if (role !== 'menuitem') b.setAttribute('aria-checked', String(checked));
    b.addEventListener('click', () => {
      hideMenu();
      action();
    });
    menu.append(b);
  }

  function hideMenu() {
    menu.hidden = true;
  }

  menu.addEventListener('keydown', (event) => {
    const items = [...menu.querySelectorAll('button')];
    const at = items.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  });
  document.addEventListener('pointerdown', (event) => menu.hidden || menu.contains(/** @type {Node} */ (event.target)) || hideMenu());
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      hideMenu();
      hideTooltip();
      return;
    }
    if (!menu.hidden && menu.contains(/** @type {Node} */ (event.target))) return;
    // A focused person: Enter shows them in the plan, the menu key (or Shift+F10) opens their menu.
    const node = nodeAt(event.target);
    if (node && event.key === 'Enter') post({ type: 'reveal', node });
    else if (node && (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) {
      event.preventDefault();
      const r = /** @type {Element} */ (event.target).getBoundingClientRect();
      openMenu(node, r.left + 8, r.bottom);
    } else if (event.target === viewport && (event.key === '+' || event.key === '=')) zoomAt(ZOOM.step);
    else if (event.target === viewport && SCROLL_KEYS[event.key]) {
      event.preventDefault();
      scrollBy(...SCROLL_KEYS[event.key]);
    }
    else if (event.target === viewport && event.key === '-') zoomAt(1 / ZOOM.step);
    else if (event.target === viewport && event.key === '0') fit();
  });

  /** @type {Record<string, [number, number]>} the arrow keys scroll the focused map */
  const SCROLL_KEYS = { ArrowUp: [0, -40], ArrowDown: [0, 40], ArrowLeft: [-40, 0], ArrowRight: [40, 0] };

  // --- PNG -----------------------------------------------------------------------------------
  /** Draws the SVG (a standalone file from the server) on a canvas and sends the PNG back, base64. */
  function renderPng(/** @type {number} */ id, /** @type {string} */ svg) {
    const fail = (/** @type {unknown} */ e) => post({ type: 'pngError', id, message: String((e && /** @type {Error} */ (e).message) || e) });
    const img = new Image();
    img.onload = () => {
      try {
        const [w, h] = [img.naturalWidth || 800, img.naturalHeight || 600];
        // Twice the size for sharp text, within what a canvas can hold.
        const scale = Math.min(2, 16000 / Math.max(w, h), Math.sqrt(100e6 / (w * h)));
        const c = document.createElement('canvas');
        c.width = Math.max(1, Math.round(w * scale));
        c.height = Math.max(1, Math.round(h * scale));
        const g = /** @type {CanvasRenderingContext2D} */ (c.getContext('2d'));
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, c.width, c.height);
        g.drawImage(img, 0, 0, c.width, c.height);
        const url = c.toDataURL('image/png');
        post({ type: 'png', id, data: url.slice(url.indexOf(',') + 1) });
      } catch (e) {
        fail(e);
      }
    };
    img.onerror = () => fail('the SVG could not be drawn');
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }

  /**
   * Keeps when (epoch ms) this model was asked for, answered, received, built and painted in
   * #canvas[data-timing], for the UI test that times the map. The paint is over when a task queued
   * from the frame's animation callback runs.
   */
  function noteTiming(/** @type {any} */ timing, /** @type {number} */ received) {
    const built = Date.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        const page = { pageStarted: Math.round(performance.timeOrigin), scriptStarted, received, built, painted: Date.now() };
        canvas.dataset.timing = JSON.stringify({ ...timing, ...page });
      }),
    );
  }

  // --- messages ------------------------------------------------------------------------------
  window.addEventListener('message', (event) => {
    const message = /** @type {ToWebview} */ (event.data);
    if (message.type === 'model') {
      const received = Date.now();
      model = message.model;
      adoptStyles(model.css);
      render();
      noteTiming(message.timing, received);
    } else if (message.type === 'renderPng') renderPng(message.id, message.svg);
  });
  // A page shown before it had any size fits once it has one.
  window.addEventListener('resize', () => state.transforms[state.view] || fit());

  keep();
  render();
  post({ type: 'ready', view: state.view });
})();
