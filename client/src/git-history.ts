// A plan's git history for KAM: Compare with Earlier Version…, from one of two sources behind one
// interface: the built-in Git extension's API when it is enabled and has a repository for the file
// (it knows the repositories the user opened, and needs no git process of ours), else the git
// command line. Both list the commits that touched the file, newest first, and read the file at one.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface PlanCommit {
  hash: string;
  subject: string;
  /** YYYY-MM-DD, or '' when the source does not say. */
  date: string;
  author: string;
}

export interface PlanHistory {
  readonly source: 'git extension' | 'git command line';
  /** The commits that changed the file, newest first. */
  commits(maxEntries: number): Promise<PlanCommit[]>;
  /** The file's text at a revision (a hash, HEAD, a branch…); rejects when the file is not in it. */
  show(revision: string): Promise<string>;
}

/** The history of a file saved on disk, or undefined when it is in no git repository. */
export async function planHistory(file: vscode.Uri): Promise<PlanHistory | undefined> {
  return (await fromGitExtension(file)) ?? (await fromGitCommandLine(file.fsPath));
}

// The subset of the Git extension's API (version 1) used here.
interface GitCommit {
  hash: string;
  message: string;
  authorDate?: Date;
  authorName?: string;
}
interface GitRepository {
  log(options: { path: string; maxEntries: number }): Promise<GitCommit[]>;
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  state: 'uninitialized' | 'initialized';
  onDidChangeState: vscode.Event<string>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  enabled: boolean;
  getAPI(version: 1): GitApi;
}

async function fromGitExtension(file: vscode.Uri): Promise<PlanHistory | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  let api: GitApi;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports?.enabled) return undefined; // git.enabled is false
    api = exports.getAPI(1);
  } catch {
    return undefined;
  }
  if (api.state !== 'initialized') await initialized(api, 5_000);
  const repository = api.getRepository(file);
  if (!repository) return undefined;
  return {
    source: 'git extension',
    commits: async (maxEntries) =>
      (await repository.log({ path: file.fsPath, maxEntries })).map((c) => ({
        hash: c.hash,
        subject: c.message.split('\n')[0],
        date: c.authorDate ? isoDate(c.authorDate) : '',
        author: c.authorName ?? '',
      })),
    show: (revision) => repository.show(revision, file.fsPath),
  };
}

/** Until the Git extension has found its repositories, or the time is up (it may then know none). */
function initialized(api: GitApi, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const listener = api.onDidChangeState((state) => state === 'initialized' && done());
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

async function fromGitCommandLine(file: string): Promise<PlanHistory | undefined> {
  const dir = path.dirname(file);
  let root: string;
  try {
    root = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    return undefined;
  }
  // git show wants the path from the repository's root, with forward slashes.
  const relative = path.relative(await realpath(root), await realpath(file)).split(path.sep).join('/');
  return {
    source: 'git command line',
    commits: async (maxEntries) =>
      (await git(root, ['log', '-n', String(maxEntries), '--date=short', '--format=%H%x1f%ad%x1f%an%x1f%s', '--', relative]))
        .split('\n')
        .filter((line) => line.includes('\x1f'))
        .map((line) => {
          const [hash, date, author, subject] = line.split('\x1f');
          return { hash, date, author, subject };
        }),
    show: (revision) => git(root, ['show', `${revision}:${relative}`]),
  };
}

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('git', args, { cwd, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
}

async function realpath(file: string): Promise<string> {
  return fs.realpath(file).catch(() => file);
}

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
