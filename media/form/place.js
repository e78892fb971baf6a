// Where the page was, kept across the webview's teardowns (in host.js's state): the element at the
// top of the view and how far below the header it sat, the scroll offset as a fallback, the field
// that had the focus. The first model drawn puts the page back there.
// @ts-check
import { header } from './header.js';
import { keep, state } from './host.js';

/** Back where the page was before VS Code tore it down: the same element at the top, the same field focused. */
export function restore(/** @type {HTMLElement} */ root) {
  const anchor = state.anchor && document.querySelector(state.anchor.selector);
  if (anchor && state.anchor) window.scrollTo(0, window.scrollY + anchor.getBoundingClientRect().top - state.anchor.top);
  else window.scrollTo(0, state.scroll);
  const focus = state.focus ? /** @type {HTMLElement | null} */ (root.querySelector(`[data-path="${CSS.escape(state.focus)}"]`)) : null;
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

/** Keeps where the page is scrolled (once a frame) and which field of `root` has the focus. */
export function keepPlace(/** @type {HTMLElement} */ root) {
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
}
