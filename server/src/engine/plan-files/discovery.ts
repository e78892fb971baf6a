// Which files are plans, and finding them below a folder. The CLI (a folder argument) and the
// server (the workspace folders) walk with the same rules: node_modules and .git are skipped, and so
// is whatever the exclusion names; linked folders are not followed (no loops); a link to a plan file
// counts when it leads to a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Exclusion } from './excludes';

export const PLAN_FILE = /\.kam\.ya?ml$/;

/** Folders no walk enters, whatever the settings. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export function isPlanFile(file: string): boolean {
  return PLAN_FILE.test(file);
}

export interface WalkOptions {
  /** Paths below the root (`/`-separated) left out with everything below them; SKIPPED_FOLDERS always are. */
  excluded?: Exclusion;
  /** Folders not entered (a workspace folder inside another is walked on its own). */
  skipFolder?: (folder: string) => boolean;
  /** A folder that could not be read; the walk goes on. */
  onError?: (folder: string, error: unknown) => void;
}

/** The plan files below root, sorted byte-wise (the same order on every machine and locale). */
export function findPlanFilesSync(root: string, options: WalkOptions = {}): string[] {
  const found: string[] = [];
  const folders = [root];
  for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      options.onError?.(dir, e);
      continue;
    }
    sortEntries(root, dir, entries, options, found, folders);
  }
  return found.sort(comparePaths);
}

/** As findPlanFilesSync, a folder per turn of the event loop; stops (with what it found) once `stale` says so. */
export async function findPlanFiles(root: string, options: WalkOptions & { stale?: () => boolean } = {}): Promise<string[]> {
  const found: string[] = [];
  const folders = [root];
  for (let dir = folders.pop(); dir !== undefined && !options.stale?.(); dir = folders.pop()) {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      options.onError?.(dir, e);
      continue;
    }
    sortEntries(root, dir, entries, options, found, folders);
  }
  return found.sort(comparePaths);
}

/** One folder's entries: plan files into `found`, folders to walk into `folders`. */
function sortEntries(root: string, dir: string, entries: fs.Dirent[], options: WalkOptions, found: string[], folders: string[]): void {
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (SKIPPED_FOLDERS.has(entry.name) || options.excluded?.(relativeTo(root, full))) continue;
    if (entry.isDirectory()) {
      if (!options.skipFolder?.(full)) folders.push(full);
    } else if (isPlanFile(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && fs.statSync(full, { throwIfNoEntry: false })?.isFile()))) {
      found.push(full);
    }
  }
}

/** Byte-wise, so the order is the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The path below the folder, `/`-separated as globs are written. */
export function relativeTo(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join('/');
}
