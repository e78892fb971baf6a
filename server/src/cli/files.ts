// Which files `kam lint` reads, and reading them safely: a folder stands for every plan below it,
// and a file that is too large or is not UTF-8 text is reported, never a crash.
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_PLAN_BYTES } from '../engine/limits';
import type { Text } from '../engine/types';
import type { PathProblem } from './formatters';

export const PLAN_FILE = /\.kam\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

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
    const found: string[] = [];
    walk(absolute, found, (file, e) => out.problems.push({ file: path.relative(cwd, file) || '.', message: describe(e) }));
    if (found.length === 0) out.empty.push(arg);
    found.sort(comparePaths).forEach(add);
  }
  return out;
}

function walk(dir: string, found: string[], fail: (file: string, e: unknown) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    return fail(dir, e);
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, found, fail);
    } else if (PLAN_FILE.test(entry.name)) {
      // Linked folders are not followed (no loops); a link to a plan file is linted.
      if (entry.isFile() || (entry.isSymbolicLink() && fs.statSync(full, { throwIfNoEntry: false })?.isFile())) found.push(full);
    }
  }
}

/** Byte-wise, so the order is the same on every machine and locale. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Contents =
  | { kind: 'text'; text: string }
  /** Bytes that are no text: where the first bad one is (1-based line, UTF-16 column) and why. */
  | { kind: 'binary'; line: number; column: number; detail: Text }
  /** Over the engine's size limit: not read, reported as the server reports it. */
  | { kind: 'tooLarge'; bytes: number }
  | { kind: 'unreadable'; message: string };

export function readPlanFile(file: string): Contents {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_PLAN_BYTES) return { kind: 'tooLarge', bytes: size };
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { kind: 'unreadable', message: describe(e) };
  }
  return contentsOf(bytes);
}

/** Bytes read from anywhere (a file, `git show`): text, or where and why they are not. */
export function contentsOf(bytes: Buffer): Exclude<Contents, { kind: 'unreadable' | 'tooLarge' }> {
  const nul = bytes.indexOf(0);
  const invalid = isUtf8(bytes) ? -1 : firstInvalidByte(bytes);
  if (nul === -1 && invalid === -1) return { kind: 'text', text: new TextDecoder().decode(bytes) };
  const at = nul === -1 ? invalid : invalid === -1 ? nul : Math.min(nul, invalid);
  const detail: Text =
    at === nul
      ? { en: 'not a text file (it contains a NUL byte)', 'zh-cn': '不是文本文件（含有 NUL 字节）' }
      : {
          en: `not UTF-8 text (invalid byte 0x${hex(bytes[at])})`,
          'zh-cn': `不是 UTF-8 文本（无效字节 0x${hex(bytes[at])}）`,
        };
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) [line, lineStart] = [line + 1, i + 1];
  const column = bytes.subarray(lineStart, at).toString('utf8').length + 1;
  return { kind: 'binary', line, column, detail };
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence and the allowed range of its second byte (no overlongs, no surrogates, ≤ U+10FFFF).
    const [extra, low, high] =
      b < 0xc2 ? [-1, 0, 0]
      : b < 0xe0 ? [1, 0x80, 0xbf]
      : b === 0xe0 ? [2, 0xa0, 0xbf]
      : b === 0xed ? [2, 0x80, 0x9f]
      : b < 0xf0 ? [2, 0x80, 0xbf]
      : b === 0xf0 ? [3, 0x90, 0xbf]
      : b < 0xf4 ? [3, 0x80, 0xbf]
      : b === 0xf4 ? [3, 0x80, 0x8f]
      : [-1, 0, 0];
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += extra + 1;
  }
  return -1;
}

/** A file-system error in words: `no such file or directory` rather than a stack trace. */
export function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err.message ?? String(e);
  }
}
