// Shared by the test suites: where the repository is, and the fixture-expectation reader.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Tests run from out/test/…; the repository root is found by its package.json. */
export const REPO_ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

export const FIXED_TODAY = '2026-11-26';

export function repoPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts);
}

export function readRepoFile(...parts: string[]): string {
  return fs.readFileSync(repoPath(...parts), 'utf8');
}

export interface Expectation {
  code: string;
  line: number;
}

/**
 * A fixture carries its own expectations (markdownlint's way): a comment `# expect: KAM201, KAM201`
 * on line N means those findings start on line N (1-based). `# today: YYYY-MM-DD` and
 * `# config: {json}` lines set the check's options.
 */
export function fixtureExpectations(text: string): { expected: Expectation[]; today: string; config?: unknown } {
  const expected: Expectation[] = [];
  let today = FIXED_TODAY;
  let config: unknown;
  text.split(/\r?\n/).forEach((line, i) => {
    const expect = /#\s*expect:\s*([A-Z0-9,\s]+)$/.exec(line);
    if (expect) for (const code of expect[1].split(',').map((c) => c.trim()).filter(Boolean)) expected.push({ code, line: i + 1 });
    const t = /#\s*today:\s*(\d{4}-\d{2}-\d{2})/.exec(line);
    if (t) today = t[1];
    const c = /#\s*config:\s*(\{.*\})\s*$/.exec(line);
    if (c) config = JSON.parse(c[1]);
  });
  return { expected, today, config };
}

export function byCodeAndLine(a: Expectation, b: Expectation): number {
  return a.line - b.line || a.code.localeCompare(b.code);
}
