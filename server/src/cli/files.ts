// Which files `kam lint` reads: its PATH arguments expanded, a folder standing for every plan below it
// (found as the server finds a workspace's plans: engine/plan-files).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, findPlanFilesSync } from '../engine/plan-files';
import type { PathProblem } from './formatters';

export interface Collected {
  /** Absolute paths, in argument order, each folder's plans sorted, no file twice. */
  files: string[];
  problems: PathProblem[];
  /** Folders that hold no plan: worth a word, not a failure. */
  empty: string[];
}

/** Expands the PATH arguments. Files named explicitly are linted whatever their name. */
export function collectPlanFiles(paths: readonly string[], cwd: string): Collected {
  const out: Collected = { files: [], problems: [], empty: [] };
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    out.files.push(file);
  };
  for (const arg of paths) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (e) {
      out.problems.push({ file: arg, message: describe(e) });
      continue;
    }
    if (!stat.isDirectory()) {
      add(absolute);
      continue;
    }
    const found = findPlanFilesSync(absolute, { onError: (dir, e) => out.problems.push({ file: path.relative(cwd, dir) || '.', message: describe(e) }) });
    if (found.length === 0) out.empty.push(arg);
    found.forEach(add);
  }
  return out;
}
