// The VS Code side of KAM Plan: starts the language server (dist/server.js) and keeps it running.
// Everything about plans lives in the server, so the CLI and the editor check the same way.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { KeepRestarting } from './restart';

/** What `activate` returns: the integration tests reach the client through it. */
export interface KamApi {
  client: LanguageClient;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<KamApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const rcWatcher = vscode.workspace.createFileSystemWatcher('**/.kamrc.{yaml,yml}');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'kam-yaml', scheme: 'file' },
      { language: 'kam-yaml', scheme: 'untitled' },
    ],
    synchronize: {
      // The server pulls settings per document; the pushed section only tells it when they change.
      configurationSection: 'kam',
      fileEvents: rcWatcher,
    },
    initializationOptions: { locale: vscode.env.language },
    errorHandler: new KeepRestarting(),
  };
  const kam = new LanguageClient('kam', 'KAM Plan', serverOptions, clientOptions);
  client = kam;
  context.subscriptions.push(
    rcWatcher,
    vscode.commands.registerCommand('kam.restartServer', () => kam.restart()),
  );
  await kam.start();
  return { client: kam };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
