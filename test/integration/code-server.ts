// The launchers' handle on scripts/code-server.mjs (which `npm start` uses too).
import { pathToFileURL } from 'node:url';
import { repoPath } from '../helpers';

export type CodeServerScripts = typeof import('../../scripts/code-server.mjs', { with: { 'resolution-mode': 'import' } });

export function loadCodeServerScripts(): Promise<CodeServerScripts> {
  return import(pathToFileURL(repoPath('scripts', 'code-server.mjs')).href);
}
