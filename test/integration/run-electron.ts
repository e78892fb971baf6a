// Runs the extension-host suite in desktop VS Code, downloaded by @vscode/test-electron (into
// .vscode-test/). For machines that can download VS Code; here run-code-server.ts runs the same suite.
// `KAM_VSCODE_VERSION` picks the version (default: stable; 1.99.x runs Node 20.18, older than
// mocha 12 supports — code-server runs the 1.99.3 workbench on the machine's Node instead).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoPath, REPO_ROOT } from '../helpers';
import { formatResults, readResults } from './results';

const RESULTS = repoPath('test-results', 'integration.json');

async function main(): Promise<number> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-workspace-'));
  fs.cpSync(repoPath('examples'), workspace, { recursive: true });
  fs.rmSync(RESULTS, { force: true });
  try {
    await runTests({
      version: process.env.KAM_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: repoPath('out', 'test', 'integration'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { KAM_INTEGRATION_RESULTS: RESULTS },
    });
  } catch (err) {
    // A failing suite makes VS Code exit non-zero; its results still say which tests failed.
    if (!fs.existsSync(RESULTS)) throw err;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  const results = readResults(RESULTS);
  for (const line of formatResults('integration', results)) console.log(line);
  return results.failed > 0 || results.passed === 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: Error) => {
    console.error(`integration: ${err.message}`);
    process.exitCode = 1;
  },
);
