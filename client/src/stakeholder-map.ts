// The stakeholder map, one webview panel per plan. The server draws the org chart and the
// influence-by-stance grid as SVG (kam/stakeholderMap); media/map.js shows them with pan and zoom,
// tooltips, a legend of role coverage and a context menu, whose changes come back here and are
// written into the plan by the server's edit (kam/editStakeholder). The panel follows the plan's
// edits; its view, pan and zoom survive updates (map.js keeps them) and restarts (webview state and
// the serializer). SVG is saved as the server draws it for a file; PNG is drawn by the webview.
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError } from 'vscode-languageclient/node';
import { KamMethods, type EditStakeholderResult, type StakeholderField, type StakeholderMapResult } from '../../server/src/lsp/protocol';
import { mapPage } from './map-html';
import type { FromWebview, ImageFormat, MapView, ToWebview, WebviewModel } from './map-protocol';
import { besidePlan, revealInPlan, sameUri, type PlanSource } from './plan-source';

export const MAP_VIEW_TYPE = 'kam.stakeholderMap';
/** What the webview keeps with vscode.setState (map.js writes it; the serializer reads the plan from it). */
interface WebviewState {
  uri?: string;
}

const PNG_TIMEOUT_MS = 20_000;

export class StakeholderMaps implements vscode.Disposable {
  private readonly panels = new Map<string, MapPanel>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: PlanSource,
  ) {
    this.subscriptions = [
      vscode.window.registerWebviewPanelSerializer(MAP_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: WebviewState | undefined) => {
          const uri = typeof state?.uri === 'string' ? vscode.Uri.parse(state.uri) : undefined;
          if (!uri || this.panels.has(uri.toString())) return panel.dispose();
          await this.adopt(panel, uri).update();
        },
      }),
      source.onDidChange((uri) => {
        for (const map of this.panels.values()) if (uri === undefined || sameUri(uri, map.uri)) void map.update();
      }),
    ];
  }

  /** The open maps (the integration tests read them). */
  get open(): MapPanel[] {
    return [...this.panels.values()];
  }

  /** Shows the plan's map (opening a panel beside the editor, or revealing its panel); resolves to the model posted. */
  async show(uri: vscode.Uri | undefined): Promise<StakeholderMapResult | undefined> {
    if (!uri) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a key-account plan (*.kam.yaml) first.'));
      return undefined;
    }
    let map = this.panels.get(uri.toString());
    if (map) map.panel.reveal(undefined, true);
    else {
      // With its options from the start: set afterwards, they would make VS Code load the page twice.
      const options = webviewOptions(this.extensionUri);
      const panel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, titleOf(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, options);
      map = this.adopt(panel, uri);
    }
    return map.update();
  }

  /** Saves the map in view (the active panel's, else the only one) as SVG or PNG; resolves to the file written. */
  async save(format: ImageFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const open = this.open;
    const map = open.find((m) => m.panel.active) ?? (open.length === 1 ? open[0] : undefined);
    if (!map) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Show a stakeholder map first.'));
      return undefined;
    }
    try {
      return await map.save(format, target);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The map could not be saved: {0}', (e as Error).message));
      return undefined;
    }
  }

  dispose(): void {
    for (const map of this.panels.values()) map.panel.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): MapPanel {
    const key = uri.toString();
    const map = new MapPanel(panel, uri, this.source, this.extensionUri, () => this.panels.delete(key));
    this.panels.set(key, map);
    return map;
  }
}

export class MapPanel {
  /** The model last posted to the webview. */
  model: StakeholderMapResult | undefined;
  /** What was posted of it, and when it was asked for and answered. */
  private posted: Extract<ToWebview, { type: 'model' }> | undefined;
  private postedJson: string | undefined;
  /** The request under way, if any: the webview's `ready` waits for it rather than asking again. */
  private fetching: Promise<StakeholderMapResult | undefined> | undefined;
  /** The newest update: an older one still under way resolves to its result. */
  private latest: Promise<StakeholderMapResult | undefined> | undefined;
  /** What the webview shows: the org chart or the grid (what Save writes). */
  view: MapView = 'map';
  private live = false;
  private waiting: (() => void)[] = [];
  private generation = 0;
  private pngId = 0;
  private readonly pngs = new Map<number, { resolve(data: string): void; reject(e: Error): void }>();

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly source: PlanSource,
    extensionUri: vscode.Uri,
    onDispose: () => void,
  ) {
    panel.webview.options = webviewOptions(extensionUri); // a restored panel's; a new one has them already
    const load = () => (panel.webview.html = page(panel.webview, mediaOf(extensionUri), uri));
    load();
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      // The page takes the editor's font size when it loads: a new size loads it again (it says `ready`
      // again and keeps its view; Fit then uses the new size).
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('editor.fontSize', uri)) return;
        this.live = false;
        load();
      }),
      // A hidden webview is torn down; it says `ready` again when shown.
      panel.onDidChangeViewState(() => panel.visible || (this.live = false)),
    ];
    panel.onDidDispose(() => {
      onDispose();
      vscode.Disposable.from(...subscriptions).dispose();
      for (const png of this.pngs.values()) png.reject(new Error(vscode.l10n.t('The map was closed.')));
    });
  }

  /**
   * Asks the server for the plan's map and posts it; resolves to the model shown. A new panel asks
   * at once, while its page loads, and posts the answer as soon as the page is ready for it.
   */
  update(): Promise<StakeholderMapResult | undefined> {
    this.latest = this.refresh(++this.generation);
    return this.latest;
  }

  /** One update; overtaken by a newer one, it resolves to what the newer one shows. */
  private async refresh(generation: number): Promise<StakeholderMapResult | undefined> {
    const requested = Date.now();
    const fetching = (this.fetching = this.fetch());
    const model = await fetching;
    if (this.fetching === fetching) this.fetching = undefined;
    if (generation !== this.generation) return this.latest;
    if (!model) return this.model;
    this.model = model;
    // The same picture again (the plan's diagnostics changed, not the plan) is not drawn again.
    const shown = forWebview(model);
    const json = JSON.stringify(shown);
    if (json !== this.postedJson) {
      this.posted = { type: 'model', model: shown, timing: { requested, answered: Date.now() } };
      this.postedJson = json;
      this.post(this.posted);
    }
    return this.model;
  }

  /** Changes a stakeholder's stance, influence or a role through the server's edit; resolves to whether the plan changed. */
  async edit(node: string, field: StakeholderField, value: string): Promise<boolean> {
    const { client } = this.source;
    try {
      const params = { uri: this.source.protocolUri(this.uri), id: node, field, value, version: this.model?.version };
      const edit = await client.sendRequest<EditStakeholderResult>(KamMethods.editStakeholder, params);
      if (!edit) return false;
      const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
      if (!applied) void vscode.window.showWarningMessage(vscode.l10n.t('The plan changed before the change could be written; look again and retry.'));
      return applied;
    } catch (e) {
      if (e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified) void this.update();
      void vscode.window.showWarningMessage((e as Error).message);
      return false;
    }
  }

  /** Writes the view as a file (asking where, unless told); resolves to the file written. */
  async save(format: ImageFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const view = this.view;
    const files = await this.source.ask<StakeholderMapResult>(KamMethods.stakeholderMap, this.uri, { standalone: true });
    if (!files) throw new Error(vscode.l10n.t('the KAM Plan language server did not answer'));
    target ??= await vscode.window.showSaveDialog({
      defaultUri: besidePlan(this.uri, `${view === 'grid' ? 'influence-grid' : 'stakeholder-map'}.${format}`),
      filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
      title: format === 'svg' ? vscode.l10n.t('Save the map as SVG') : vscode.l10n.t('Save the map as PNG'),
    });
    if (!target) return undefined;
    const svg = files.svg[view];
    const bytes = format === 'svg' ? new TextEncoder().encode(svg) : await this.rasterize(svg);
    await vscode.workspace.fs.writeFile(target, bytes);
    return target;
  }

  private async fetch(): Promise<StakeholderMapResult | undefined> {
    try {
      // The server maps the documents it has: opening the plan (again, if VS Code let it go) hands it over.
      await vscode.workspace.openTextDocument(this.uri);
    } catch (e) {
      this.source.client.outputChannel.appendLine(`Cannot open ${this.uri.toString(true)}: ${(e as Error).message}`);
      return undefined;
    }
    return this.source.ask<StakeholderMapResult>(KamMethods.stakeholderMap, this.uri);
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.live = true;
        this.view = message.view;
        for (const resolve of this.waiting.splice(0)) resolve();
        if (this.posted) this.post(this.posted);
        else if (!this.fetching) void this.update();
        break;
      case 'view':
        this.view = message.view;
        break;
      case 'reveal': {
        const at = this.model?.ranges[message.node];
        if (at) void revealInPlan(this.uri, this.source.range(at.selection), this.source.range(at.range));
        break;
      }
      case 'edit':
        void this.edit(message.node, message.field, message.value);
        break;
      case 'save':
        void vscode.commands.executeCommand(message.format === 'svg' ? 'kam.saveStakeholderMapSvg' : 'kam.saveStakeholderMapPng');
        break;
      case 'png':
      case 'pngError': {
        const png = this.pngs.get(message.id);
        this.pngs.delete(message.id);
        if (message.type === 'png') png?.resolve(message.data);
        else png?.reject(new Error(message.message));
        break;
      }
    }
  }

  private post(message: ToWebview): void {
    if (this.live) void this.panel.webview.postMessage(message);
  }

  /** The webview draws the SVG on a canvas (it has the fonts and the canvas) and sends back the PNG. */
  private async rasterize(svg: string): Promise<Uint8Array> {
    if (!this.live) {
      this.panel.reveal(undefined, true);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const id = ++this.pngId;
    const data = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pngs.delete(id);
        reject(new Error(vscode.l10n.t('the map did not draw the picture in time')));
      }, PNG_TIMEOUT_MS);
      const done = <T>(settle: (value: T) => void) => (value: T) => (clearTimeout(timer), settle(value));
      this.pngs.set(id, { resolve: done(resolve), reject: done(reject) });
      this.post({ type: 'renderPng', id, svg });
    });
    return Buffer.from(data, 'base64');
  }
}

function forWebview({ locale, svg, css, choices, map }: StakeholderMapResult): WebviewModel {
  const nodes = map.nodes.map(({ id, name, stance, influence, roles, stale, unmanaged }) => ({ id, name, stance, influence, roles, stale, unmanaged }));
  return { locale, svg, css, choices, map: { coverage: map.coverage, nodes } };
}

function mediaOf(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

/** The page runs map.js and loads files from media/ only. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [mediaOf(extensionUri)] };
}

function titleOf(uri: vscode.Uri): string {
  return vscode.l10n.t('Stakeholder map: {0}', uri.path.split('/').pop() ?? '');
}

/** The page (map-html.ts) with this webview's resources and the words in the display language. */
function page(webview: vscode.Webview, media: vscode.Uri, uri: vscode.Uri): string {
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(media, file)).toString();
  const words = {
    uri: uri.toString(),
    fit: vscode.l10n.t('Fit'),
    zoomIn: vscode.l10n.t('Zoom in'),
    zoomOut: vscode.l10n.t('Zoom out'),
    map: vscode.l10n.t('Org chart'),
    grid: vscode.l10n.t('Influence grid'),
    saveSvg: vscode.l10n.t('Save as SVG'),
    savePng: vscode.l10n.t('Save as PNG'),
    reveal: vscode.l10n.t('Show in the plan'),
    stance: vscode.l10n.t('Stance'),
    influence: vscode.l10n.t('Influence'),
    roles: vscode.l10n.t('Roles'),
    coverage: vscode.l10n.t('Role coverage'),
    unassigned: vscode.l10n.t('unassigned'),
    loading: vscode.l10n.t('Drawing the map…'),
    hint: vscode.l10n.t('Drag or scroll to move, Ctrl+scroll to zoom; click a person to show them in the plan, right-click to change them.'),
  };
  const editorFontSize = vscode.workspace.getConfiguration('editor', uri).get<number>('fontSize');
  return mapPage({ cspSource: webview.cspSource, css: asset('map.css'), script: asset('map.js'), language: vscode.env.language, words, editorFontSize });
}
