// A file as committed at a git revision, read with `git show REV:path` from the file's own repository.
// Every way this can fail (no git, no repository, an unknown revision, a file the revision lacks)
// comes back as a sentence for the user, never as an exception.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_PLAN_BYTES } from '../engine/limits';
import { contentsOf, type ReadContents } from '../engine/plan-files';

export type Committed = { contents: ReadContents } | { error: string };

export function readCommitted(file: string, rev: string, shownAs: string): Committed {
  const dir = path.dirname(file);
  const git = (cwd: string, args: string[]) => spawnSync('git', args, { cwd, encoding: 'buffer', maxBuffer: 4 * MAX_PLAN_BYTES });
  const top = git(fs.existsSync(dir) ? dir : process.cwd(), ['rev-parse', '--show-toplevel']);
  if (top.error) return { error: `cannot run git: ${(top.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is not installed or not on PATH' : top.error.message}` };
  if (top.status !== 0) return { error: `${shownAs} is not in a git repository` };
  const root = top.stdout.toString('utf8').trim();
  // A revision that starts with `-` would be read as an option.
  const known = !rev.startsWith('-') && git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).status === 0;
  if (!known) return { error: `unknown revision ${rev}` };
  const relative = path.relative(fs.realpathSync(root), realOrSelf(file)).split(path.sep).join('/');
  const shown = git(root, ['show', `${rev}:${relative}`]);
  if (shown.status !== 0) return { error: `${shownAs} is not in revision ${rev}` };
  const bytes = shown.stdout;
  return { contents: bytes.length > MAX_PLAN_BYTES ? { kind: 'tooLarge', bytes: bytes.length } : contentsOf(bytes) };
}

/** The file's real path; for a file that is gone, its folder's real path and its name. */
function realOrSelf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}
