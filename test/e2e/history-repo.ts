// A plan kept in git, for the compare step: a repository `history/` in the e2e workspace with two
// commits — the first draft (another review date), then the plan as it stands now. Made before VS Code
// starts, so quick open and the Git extension find it from the first moment.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoPath } from '../helpers';

export const HISTORY_PLAN = 'riverside-history.kam.yaml';

/** The example plan the history ends with. */
export function historyPlanText(): string {
  const plan = fs.readFileSync(repoPath('examples/riverside-general.kam.yaml'), 'utf8');
  assert.ok(plan.includes('next_review: 2027-01-15') && plan.includes('stance: skeptic'), 'the example plan changed: update the compare step');
  // Its own account name, so the portfolio tells it from the example it was copied from.
  return plan.replace('name: Riverside General Hospital', 'name: Riverside Hospital (kept in git)');
}

export function makeHistoryRepo(workspace: string): void {
  const repo = path.join(workspace, 'history');
  fs.mkdirSync(repo, { recursive: true });
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=KAM Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
    if (r.error) throw new Error(`the compare step needs git on PATH (apt-get install git): ${r.error.message}`);
    assert.equal(r.status, 0, r.stderr);
  };
  const plan = historyPlanText();
  git('init', '-q');
  fs.writeFileSync(path.join(repo, HISTORY_PLAN), plan.replace('next_review: 2027-01-15', 'next_review: 2026-12-15'));
  git('add', '.');
  git('commit', '-q', '-m', 'First draft');
  fs.writeFileSync(path.join(repo, HISTORY_PLAN), plan);
  git('commit', '-q', '-am', 'Review moved to January');
}
