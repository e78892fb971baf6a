// Runs a mocha instance and records each test's outcome, so a suite that runs out of sight
// (in VS Code's extension host, or driving a browser) reports the same plain lines everywhere:
// one line per test and a closing `LABEL: N passed, N failed` that CI reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Mocha from 'mocha';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

export interface Results {
  passed: number;
  failed: number;
  skipped: number;
  tests: TestResult[];
}

/** Mocha 12 is an ES module: load it with import(), which also works where require(esm) does not. */
export async function createMocha(options: Mocha.MochaOptions): Promise<Mocha> {
  const { default: MochaClass } = await import('mocha');
  return new MochaClass(options);
}

/** The compiled test files of a folder whose names end with `suffix`, sorted. */
export function testFiles(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Runs the suite; `onResult` sees each outcome as it comes (for live progress). */
export async function runMocha(mocha: Mocha, onResult: (result: TestResult) => void = () => {}): Promise<Results> {
  await mocha.loadFilesAsync();
  const tests: TestResult[] = [];
  const record = (result: TestResult) => {
    tests.push(result);
    onResult(result);
  };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => record({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('pending', (test) => record({ title: test.fullTitle(), state: 'skipped' }));
    // Also fires for a failing hook, whose title names the hook.
    runner.on('fail', (test, err: Error) => record({ title: test.fullTitle(), state: 'failed', error: err.stack ?? String(err) }));
  });
  return summarize(tests);
}

export function summarize(tests: TestResult[]): Results {
  const count = (state: TestResult['state']) => tests.filter((t) => t.state === state).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests };
}

/** A suite that could not even load counts as one failure, so the run never looks empty. */
export function loadFailure(title: string, err: unknown): Results {
  return summarize([{ title, state: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }]);
}

export function formatResult(t: TestResult): string {
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[t.state];
  const time = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
  const error = t.error ? `\n${t.error.replace(/^/gm, '      ')}` : '';
  return `  ${mark} ${t.title}${time}${error}`;
}

/** The plain closing line CI reads: `LABEL: N passed, N failed[, N skipped]`. */
export function closingLine(label: string, results: Results): string {
  const skipped = results.skipped > 0 ? `, ${results.skipped} skipped` : '';
  return `${label}: ${results.passed} passed, ${results.failed} failed${skipped}`;
}

export function formatResults(label: string, results: Results): string[] {
  return [...results.tests.map(formatResult), closingLine(label, results)];
}

export function writeResults(file: string, results: Results): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written whole then renamed, so a launcher polling for the file never reads half of it.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export function readResults(file: string): Results {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
}
