// kam/configuration: which `.kamrc.yaml` applies to a document, for the language status item. The
// server is the one that looks rc files up (settings.ts), so the client asks rather than guesses.
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { KamMethods, type ConfigurationResult, type PlanParams } from './protocol';
import { filePathOf, type Settings } from './settings';

export function registerConfigurationRequest(connection: Connection, settings: () => Settings): void {
  connection.onRequest(KamMethods.configuration, async ({ uri }: PlanParams): Promise<ConfigurationResult> => {
    const { locale } = await settings().configFor(uri);
    const rcFile = settings().rcFileFor(uri);
    const file = filePathOf(uri);
    const folder = file && settings().folderOf(file);
    return { uri, rcFile: rcFile ? pathToFileURL(rcFile).href : null, workspaceFolder: folder ? pathToFileURL(folder).href : null, locale };
  });
}
