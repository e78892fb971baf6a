// The messages between the stakeholder map's panel (stakeholder-map.ts) and its webview
// (media/map.js, which imports these types in JSDoc and is checked against them: test/unit/layers.test.ts).
import type { StakeholderField, StakeholderMapResult } from '../../server/src/lsp/protocol';
import type { MapNode } from '../../server/src/views';

export type MapView = 'map' | 'grid';
export type ImageFormat = 'svg' | 'png';

/** What media/map.js sends. */
export type FromWebview =
  | { type: 'ready'; view: MapView }
  | { type: 'view'; view: MapView }
  | { type: 'reveal'; node: string }
  | { type: 'edit'; node: string; field: StakeholderField; value: string }
  | { type: 'save'; format: ImageFormat }
  | { type: 'png'; id: number; data: string }
  | { type: 'pngError'; id: number; message: string };

/** What media/map.js is sent. */
export type ToWebview = { type: 'model'; model: WebviewModel; timing: MapTiming } | { type: 'renderPng'; id: number; svg: string };

/**
 * What map.js reads of the server's model: the SVGs, and what its legend, tooltips and menu say.
 * Half the size of the whole (the layout, lines and ranges are in the SVG or stay here), and every
 * byte posted is copied several times on its way into the webview.
 */
export type WebviewModel = Pick<StakeholderMapResult, 'locale' | 'svg' | 'css' | 'choices'> & {
  map: Pick<StakeholderMapResult['map'], 'coverage'> & { nodes: Pick<MapNode, 'id' | 'name' | 'stance' | 'influence' | 'roles' | 'stale' | 'unmanaged'>[] };
};

/**
 * When (epoch ms) the model posted was asked for and answered. map.js adds when it drew it and keeps
 * all of it in the page (`#canvas[data-timing]`), where the UI test reads how long a map takes to draw.
 */
export interface MapTiming {
  requested: number;
  answered: number;
}
