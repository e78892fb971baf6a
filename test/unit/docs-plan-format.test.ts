// The small plan in docs/plan-format.md is a plan the checker reads, and it finds in it what the page
// says it will: five empty diagnosis sections, five buying roles held by nobody, a goal without a
// control — and no error.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXED_TODAY, readRepoFile, repoPath } from '../helpers';

interface Finding {
  code: string;
  severity: string;
}

describe('docs/plan-format.md: the small plan', () => {
  it('reads without error and draws the findings the page names', () => {
    const kam = repoPath('dist', 'kam.js');
    assert.ok(fs.existsSync(kam), `${kam} is missing: build it first with \`node esbuild.mjs\` (npm test does)`);
    const block = /```yaml\n([\s\S]*?)```/.exec(readRepoFile('docs', 'plan-format.md'));
    assert.ok(block, 'docs/plan-format.md shows no plan');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-docs-'));
    try {
      const file = path.join(dir, 'small.kam.yaml');
      fs.writeFileSync(file, block[1]);
      const run = spawnSync(process.execPath, [kam, 'lint', '--format', 'json', '--today', FIXED_TODAY, file], { encoding: 'utf8' });
      assert.equal(run.status, 0, `kam lint exited ${run.status}: ${run.stderr}${run.stdout}`);
      const [{ findings }] = JSON.parse(run.stdout) as { findings: Finding[] }[];
      const count = (code: string) => findings.filter((f) => f.code === code).length;
      assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
      assert.equal(count('KAM102'), 5, 'five empty diagnosis sections');
      assert.equal(count('KAM201'), 5, 'five roles held by nobody');
      assert.equal(count('KAM601'), 1, 'a goal without a control');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
