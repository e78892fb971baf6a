// The UI end-to-end run: every *.e2e.js here, in one code-server + Chromium session (session.ts),
// with the built extension installed (build first: node esbuild.mjs && tsc -p .).
// Prints one line per step and closes with `e2e: N passed, N failed`; screenshots land in
// test-results/e2e/.
import { closingLine, createMocha, formatResult, loadFailure, runMocha, testFiles, type Results } from '../integration/results';
import type { Context } from 'mocha';
import { closeWorkbench, runningWorkbench } from './session';
import { SCREENSHOTS } from './workbench';

async function main(): Promise<number> {
  const started = Date.now();
  let results: Results;
  try {
    // KAM_E2E_GREP runs only the steps whose titles match (while working on one feature).
    const grep = process.env.KAM_E2E_GREP || undefined;
    const mocha = await createMocha({ ui: 'bdd', color: false, timeout: 90_000, reporter: class {} as never, rootHooks: { afterEach: screenshotOnFailure }, grep });
    for (const file of testFiles(__dirname, '.e2e.js')) mocha.addFile(file);
    console.log('UI end-to-end in code-server (VS Code 1.99.3) and Chromium:');
    results = await runMocha(mocha, (result) => console.log(formatResult(result)));
  } catch (err) {
    results = loadFailure('running the e2e suite', err);
    console.log(formatResult(results.tests[0]));
  } finally {
    await closeWorkbench();
  }
  console.log(`Screenshots in ${SCREENSHOTS} (${Math.round((Date.now() - started) / 1000)} s)`);
  console.log(closingLine('e2e', results));
  return results.failed > 0 || results.passed === 0 ? 1 : 0;
}

/** What the screen showed when a step failed: test-results/e2e/NN-FAILED-<step>.png. */
async function screenshotOnFailure(this: Context): Promise<void> {
  const test = this.currentTest;
  if (test?.state !== 'failed') return;
  const name = test.title.replace(/[^\w]+/g, '-').slice(0, 60);
  await (await runningWorkbench())?.screenshot(`FAILED-${name}`).catch(() => undefined);
}

main().then((code) => (process.exitCode = code));
