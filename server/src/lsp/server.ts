// The KAM Plan language server: wires the connection to one module per feature.
// The transport (--stdio, --node-ipc, --socket=N) comes from the command line.
import {
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { normalizeLocale } from '../engine/types';
import { isValidDate } from '../engine/values';
import { registerConfigurationRequest } from './configuration-request';
import { PlanDocuments } from './documents';
import { FEATURE_CAPABILITIES, registerFeatures } from './features';
import { registerFormRequests } from './form-requests';
import { RC_FILE_PATTERN, Settings } from './settings';
import { Validator } from './validation';
import { registerPortfolioRequests } from './portfolio-requests';
import { registerViewRequests } from './view-requests';
import { WorkspacePlans } from './workspace';

/** What the client may send in `initializationOptions`. */
export interface InitializationOptions {
  /** The editor's UI language (`vscode.env.language`): the message locale when `kam.locale` is `auto`. */
  locale?: string;
  /** Test-only: fixes "today" (`YYYY-MM-DD`) for the time-based rules. */
  today?: string;
}

export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // Bad input must never end the server: whatever escapes a handler is logged, not fatal.
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled: ${(reason as Error)?.stack ?? String(reason)}`));
  const documents = new PlanDocuments();
  let settings: Settings;
  let validator: Validator;
  let workspacePlans: WorkspacePlans;
  let watchesFolders = false;
  let today: string | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const workspace = params.capabilities.workspace;
    watchesFolders = workspace?.workspaceFolders === true;
    settings = new Settings(connection, normalizeLocale(options.locale), workspace?.configuration === true);
    settings.setWorkspaceFolders(workspaceFolderUris(params));
    today = isValidDate(options.today) ? options.today : undefined;
    workspacePlans = new WorkspacePlans(connection, documents, settings, today);
    validator = new Validator(connection, documents, settings, today, workspacePlans);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...FEATURE_CAPABILITIES,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kam-plan' },
    };
  });

  connection.onInitialized(() => {
    workspacePlans.rescan();
    if (!watchesFolders) return;
    // Folders bound the .kamrc.yaml lookup and the workspace check.
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      settings.setWorkspaceFolders(folders.map((f) => f.uri));
      validator.revalidateAll();
      workspacePlans.rescan();
    });
  });

  // The client synchronizes the `kam` section and `files.exclude`, and watches rc files and plan files.
  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    settings.changed(pushed ?? undefined);
    validator.revalidateAll();
    workspacePlans.rescan();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    workspacePlans.filesChanged(changes);
    if (!changes.some((change) => RC_FILE_PATTERN.test(change.uri))) return;
    settings.changed();
    validator.revalidateAll();
    workspacePlans.rescan();
  });

  registerFeatures(connection, documents, () => ({ settings, validator, today }));
  registerViewRequests(connection, documents, () => ({ settings, validator, today }));
  registerFormRequests(connection, documents, () => ({ settings, validator, today }));
  registerPortfolioRequests(connection, documents, () => ({ settings, validator, today, workspacePlans }));
  registerConfigurationRequest(connection, () => settings);
  documents.listen(connection);
  connection.listen();
}

function workspaceFolderUris(params: InitializeParams): string[] {
  if (params.workspaceFolders) return params.workspaceFolders.map((f) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
}
