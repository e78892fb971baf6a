// The plan editor: a plan shown and edited as a form (a custom text editor, viewType kam.planEditor).
// The text document stays the one source of truth: the server draws the form from it (kam/form) and
// turns each intent of the form into an edit of the version it was made on (kam/formEdit), which is
// applied here as a WorkspaceEdit, so VS Code's own undo, redo, dirty state, save, hot exit and
// revert work unchanged. Any change of the text (typing, git, another editor) redraws the form.
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError } from 'vscode-languageclient/node';
import { KamMethods, type FormEditResult, type FormIntent, type FormResult } from '../../server/src/lsp/protocol';
import { formPage } from './form-html';
import { activePlanUri, sameUri, type PlanSource } from './plan-source';

export const PLAN_EDITOR_VIEW_TYPE = 'kam.planEditor';
const PLAN_GLOBS = ['*.kam.yaml', '*.kam.yml'];

/** What the webview (media/form/) sends. */
type FromWebview =
  | { type: 'ready' }
  | { type: 'intent'; intent: FormIntent; version: number }
  | { type: 'openText' }
  | { type: 'alwaysForm' }
  | { type: 'openDoc'; href: string };

/** What the webview (media/form/) is sent. */
type ToWebview = { type: 'model'; result: FormResult } | { type: 'rejected'; path?: unknown; stale: boolean };

export class PlanEditors implements vscode.CustomTextEditorProvider, vscode.Disposable {
  private readonly editors = new Set<FormEditor>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: PlanSource,
  ) {
    this.subscriptions = [
      vscode.window.registerCustomEditorProvider(PLAN_EDITOR_VIEW_TYPE, this, { supportsMultipleEditorsPerDocument: true }),
      source.onDidChange((uri) => {
        for (const editor of this.editors) if (uri === undefined || sameUri(uri, editor.document.uri)) void editor.update();
      }),
    ];
  }

  /** The open forms (the integration tests read them). */
  get open(): FormEditor[] {
    return [...this.editors];
  }

  /** The form of a plan, if one is open. */
  formOf(uri: vscode.Uri): FormEditor | undefined {
    return this.open.find((e) => sameUri(e.document.uri, uri));
  }

  /** VS Code calls this for each form opened, and again to restore one after a reload. */
  async resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): Promise<void> {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    // The script is media/form/ bundled with lit and @vscode-elements (esbuild.mjs).
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media, dist] };
    const asset = (folder: vscode.Uri, file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(folder, file)).toString();
    panel.webview.html = formPage({ cspSource: panel.webview.cspSource, css: asset(media, 'form.css'), script: asset(dist, 'form.js'), loading: vscode.l10n.t('Reading the plan…') });
    const editor = new FormEditor(document, panel, this.source);
    this.editors.add(editor);
    panel.onDidDispose(() => {
      this.editors.delete(editor);
      editor.dispose();
    });
    await editor.update();
  }

  /** Opens the plan (the argument, else the plan in view) in the form; resolves to its editor once it shows a model. */
  async openForm(arg?: unknown): Promise<FormEditor | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : activePlanUri();
    if (!uri) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a key-account plan (*.kam.yaml) first.'));
      return undefined;
    }
    await vscode.commands.executeCommand('vscode.openWith', uri, PLAN_EDITOR_VIEW_TYPE);
    const editor = this.formOf(uri);
    await editor?.update();
    return editor;
  }

  /** Opens the plan (the argument, else the active form's) in the text editor. */
  async openText(arg?: unknown): Promise<vscode.TextEditor | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : (this.open.find((e) => e.panel.active)?.document.uri ?? activePlanUri());
    if (!uri) return undefined;
    await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
    return vscode.window.activeTextEditor;
  }

  /** Makes the form the default editor of plans, in the user's `workbench.editorAssociations`. */
  async alwaysOpenInForm(): Promise<void> {
    const config = vscode.workspace.getConfiguration('workbench');
    const current = { ...(config.get<Record<string, string>>('editorAssociations') ?? {}) };
    for (const glob of PLAN_GLOBS) current[glob] = PLAN_EDITOR_VIEW_TYPE;
    await config.update('editorAssociations', current, vscode.ConfigurationTarget.Global);
    void vscode.window.showInformationMessage(vscode.l10n.t('Plans now open in the KAM Plan Editor. "Open as Text" still shows the YAML.'));
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

export class FormEditor implements vscode.Disposable {
  /** The model last posted to the webview. */
  model: FormResult | undefined;
  private live = false;
  private generation = 0;
  private applying: Promise<unknown> = Promise.resolve();
  private latest: Promise<FormResult | undefined> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly source: PlanSource,
  ) {
    this.subscriptions = [
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      // A hidden webview is torn down; it says `ready` again when shown.
      panel.onDidChangeViewState(() => panel.visible || (this.live = false)),
    ];
  }

  /** Asks the server for the form of the document's current version and posts it; resolves to the model shown. */
  update(): Promise<FormResult | undefined> {
    this.latest = this.refresh(++this.generation);
    return this.latest;
  }

  private async refresh(generation: number): Promise<FormResult | undefined> {
    let result = await this.source.ask<FormResult>(KamMethods.form, this.document.uri);
    // The server may not have the newest text yet: ask again until it answers for it.
    for (let tries = 0; result && result.version < this.document.version && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      result = await this.source.ask<FormResult>(KamMethods.form, this.document.uri);
    }
    if (generation !== this.generation) return this.latest;
    if (!result) return this.model;
    this.model = result;
    this.post({ type: 'model', result });
    return result;
  }

  /**
   * Sends an intent to the server and applies the edit it answers; resolves to whether the plan
   * changed. A stale version or a refused intent redraws the form and says why.
   */
  apply(intent: FormIntent, version = this.document.version): Promise<boolean> {
    // One at a time: an intent answered for a version is applied before the next is asked about.
    const done = this.applying.then(() => this.applyNow(intent, version));
    this.applying = done.catch(() => undefined);
    return done;
  }

  private async applyNow(intent: FormIntent, version: number): Promise<boolean> {
    const { client } = this.source;
    try {
      const edit = await client.sendRequest<FormEditResult>(KamMethods.formEdit, { uri: this.source.protocolUri(this.document.uri), version, intent });
      if (!edit) return false;
      // VS Code's WorkspaceEdit carries no version: an edit made for an older text is never applied.
      const current = this.document.version === version;
      const applied = current && (await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit)));
      if (!applied) this.post({ type: 'rejected', path: 'path' in intent ? intent.path : undefined, stale: true });
      void this.update();
      return applied;
    } catch (e) {
      const stale = e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified;
      this.post({ type: 'rejected', path: 'path' in intent ? intent.path : undefined, stale });
      if (!stale) void vscode.window.showWarningMessage((e as Error).message);
      void this.update();
      return false;
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.live = true;
        if (this.model) this.post({ type: 'model', result: this.model });
        void this.update();
        break;
      case 'intent':
        void this.apply(message.intent, message.version);
        break;
      case 'openText':
        void vscode.commands.executeCommand('kam.openAsText', this.document.uri);
        break;
      case 'alwaysForm':
        void vscode.commands.executeCommand('kam.alwaysOpenInForm');
        break;
      case 'openDoc': {
        // The link the model gave a finding (the Problems panel's code link): only a rule's page is opened.
        const page = ruleDocPage(message.href);
        if (page) void vscode.commands.executeCommand('vscode.open', page);
        break;
      }
    }
  }

  private post(message: ToWebview): void {
    if (this.live) void this.panel.webview.postMessage(message);
  }
}

/** A rule's page (`…/docs/rules/KAM123.md`, a file), or undefined for anything else a webview may send. */
export function ruleDocPage(href: unknown): vscode.Uri | undefined {
  if (typeof href !== 'string') return undefined;
  try {
    const uri = vscode.Uri.parse(href, true);
    return uri.scheme === 'file' && /\/docs\/rules\/KAM\d{3}\.md$/.test(uri.path) ? uri : undefined;
  } catch {
    return undefined;
  }
}
