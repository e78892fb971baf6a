// The VS Code side of KAM Plan: starts the language server (dist/server.js) and keeps it running.
// Everything about plans lives in the server, so the CLI and the editor check the same way.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { KeepRestarting } from './restart';
import { registerViews, type KamViews } from './views';
import { setWalkthroughContext, showWalkthrough, showWalkthroughOnce } from './walkthrough';

/** What `activate` returns: the integration tests reach the client through it. */
export interface KamApi {
  client: LanguageClient;
  /** The outline, the health item and the stakeholder maps, as they show now. */
  views: KamViews;
  /** Whether this activation opened the walkthrough (the profile's first); resolves once it shows. */
  walkthroughShown: Promise<boolean>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<KamApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const rcWatcher = vscode.workspace.createFileSystemWatcher('**/.kamrc.{yaml,yml}');
  // The server checks closed plans too, and follows them as they are created, changed and deleted.
  const planWatcher = vscode.workspace.createFileSystemWatcher('**/*.kam.{yaml,yml}');
  // A new folder's plans: the watcher may not report files written right after their folder is made.
  const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'kam-yaml', scheme: 'file' },
      { language: 'kam-yaml', scheme: 'untitled' },
      // A .kamrc.yaml keeps its language (YAML, highlighted and maybe schema-checked by a YAML
      // extension); the server adds its own checks of the configuration.
      { scheme: 'file', pattern: '**/.kamrc.{yaml,yml}' },
    ],
    synchronize: {
      // The server pulls settings per document; the pushed sections only tell it when they change.
      configurationSection: ['kam', 'files.exclude'],
      fileEvents: [rcWatcher, planWatcher, folderWatcher],
    },
    // KAM_TODAY fixes "today" for the time-based rules; only the real-VS-Code test launchers set it.
    initializationOptions: { locale: vscode.env.language, today: process.env.KAM_TODAY },
    errorHandler: new KeepRestarting(),
  };
  const kam = new LanguageClient('kam', 'KAM Plan', serverOptions, clientOptions);
  client = kam;
  context.subscriptions.push(
    rcWatcher,
    planWatcher,
    folderWatcher,
    vscode.commands.registerCommand('kam.restartServer', () => kam.restart()),
    vscode.commands.registerCommand('kam.showOutput', () => kam.outputChannel.show(true)),
    vscode.commands.registerCommand('kam.showWalkthrough', () => showWalkthrough(context)),
  );
  setWalkthroughContext(context);
  await kam.start();
  const views = registerViews(context, kam, rcWatcher);
  return { client: kam, views, walkthroughShown: showWalkthroughOnce(context) };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
