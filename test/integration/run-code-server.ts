// Runs the extension-host suite in a real VS Code on this machine: code-server (VS Code 1.99.3)
// opened in headless Chromium, with this repository as the development extension and
// out/test/integration as the tests — the same options as desktop VS Code's
// --extensionDevelopmentPath / --extensionTestsPath, passed through the workbench's `payload`.
// Builds nothing: `npm test` builds first (node esbuild.mjs && tsc -p .).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXED_TODAY, repoPath, REPO_ROOT } from '../helpers';
import { loadCodeServerScripts } from './code-server';
import { formatResults, readResults } from './results';

const TIMEOUT_MS = Number(process.env.KAM_INTEGRATION_TIMEOUT_MS) || 5 * 60_000;
const RESULTS = repoPath('test-results', 'integration.json');
const CONSOLE_LOG = repoPath('test-results', 'integration-console.log');

async function main(): Promise<number> {
  const cs = await loadCodeServerScripts();
  for (const built of ['dist/client.js', 'dist/server.js', 'out/test/integration/index.js']) {
    if (!fs.existsSync(repoPath(built))) throw new Error(`${built} is missing: build first (node esbuild.mjs && tsc -p .)`);
  }
  const workspace = cs.tempDir('workspace');
  fs.cpSync(repoPath('examples'), workspace, { recursive: true });
  fs.rmSync(RESULTS, { force: true });
  fs.mkdirSync(path.dirname(CONSOLE_LOG), { recursive: true });
  const consoleLog = fs.createWriteStream(CONSOLE_LOG);

  const started = Date.now();
  const server = await cs.startCodeServer({ folder: workspace, env: { KAM_INTEGRATION_RESULTS: RESULTS, KAM_TODAY: FIXED_TODAY, KAM_INTEGRATION_GREP: process.env.KAM_INTEGRATION_GREP ?? '' } });
  const browser = await cs.openBrowser().catch(async (err) => {
    await server.stop();
    throw err;
  });
  try {
    // The extension host's console (mocha's spec output among it) reaches the page's console.
    // Messages keep coming while the page closes: only those before the end are kept.
    const log = (line: string) => consoleLog.writableEnded || consoleLog.write(`${line}\n`);
    browser.page.on('console', (message) => log(`${message.type()}: ${message.text()}`));
    browser.page.on('pageerror', (err) => log(`pageerror: ${err.stack ?? err.message}`));
    await browser.page.goto(cs.workbenchUrl(server, { folder: workspace, development: REPO_ROOT, testsPath: repoPath('out', 'test', 'integration') }));
    while (!fs.existsSync(RESULTS)) {
      if (Date.now() - started > TIMEOUT_MS) {
        console.error(
          `integration: no results after ${TIMEOUT_MS / 1000} s (${RESULTS} was never written).\n` +
            `The browser console is in ${CONSOLE_LOG}; code-server's log ends:\n${server.logTail()}`,
        );
        return 1;
      }
      await cs.sleep(250);
    }
  } finally {
    consoleLog.end();
    await browser.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  const results = readResults(RESULTS);
  console.log(`Extension-host suite in code-server (VS Code 1.99.3), ${Math.round((Date.now() - started) / 1000)} s:`);
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
