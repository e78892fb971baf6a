// Entry point of the extension-host suite (VS Code's `extensionTestsPath` is this folder).
// VS Code calls run() in its extension host with the development extension loaded and the real
// `vscode` API; every *.test.js beside this file runs. The results go to the console and to a JSON
// file the launcher waits for: `$KAM_INTEGRATION_RESULTS`, else test-results/integration.json.
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers';
import { createMocha, formatResults, loadFailure, runMocha, testFiles, writeResults, type Results } from './results';

export function resultsFile(): string {
  return process.env.KAM_INTEGRATION_RESULTS || path.join(REPO_ROOT, 'test-results', 'integration.json');
}

export async function run(): Promise<void> {
  let results: Results;
  try {
    // KAM_INTEGRATION_GREP runs only the tests whose titles match (while working on one feature).
    const grep = process.env.KAM_INTEGRATION_GREP || undefined;
    const mocha = await createMocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', grep });
    for (const file of testFiles(__dirname, '.test.js')) mocha.addFile(file);
    results = await runMocha(mocha);
  } catch (err) {
    results = loadFailure('loading the integration suite', err);
  }
  writeResults(resultsFile(), results);
  for (const line of formatResults('integration', results)) console.log(line);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}
