// Reading a plan file safely, the same way for `kam lint` and for the server's closed files: a file
// over the size limit is not read, bytes that are not UTF-8 text are found and told, never a crash.
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import { MAX_PLAN_BYTES } from '../limits';
import type { Plan } from '../model';
import { oversizedPlan, parsePlan, unreadPlan } from '../parse';
import { PlanNotTextError } from './not-text';

export type Contents =
  | { kind: 'text'; text: string }
  /** Bytes that are no text: the text as an editor shows it (U+FFFD for bad bytes), and where the first bad one is. */
  | { kind: 'binary'; text: string; offset: number; byte: number }
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

/** Bytes read from anywhere (a file, `git show`): text, or text with where its first bad byte is. */
export function contentsOf(bytes: Buffer): Extract<Contents, { kind: 'text' | 'binary' }> {
  const nul = bytes.indexOf(0);
  const invalid = isUtf8(bytes) ? -1 : firstInvalidByte(bytes);
  // A byte-order mark is no content (editors drop it too).
  if (nul === -1 && invalid === -1) return { kind: 'text', text: new TextDecoder().decode(bytes) };
  const at = nul === -1 ? invalid : invalid === -1 ? nul : Math.min(nul, invalid);
  // The bytes before the first bad one are text: their length in UTF-16 is where it stands.
  return { kind: 'binary', text: new TextDecoder().decode(bytes), offset: new TextDecoder().decode(bytes.subarray(0, at)).length, byte: bytes[at] };
}

/** Contents there is a plan of. */
export type ReadContents = Exclude<Contents, { kind: 'unreadable' }>;

/**
 * The plan of a file's contents, as both the CLI and the server check it. A file over the size
 * limit, or one that is no text, gets one KAM001 finding (where its first bad byte is).
 */
export function planOfContents(contents: ReadContents): Plan {
  switch (contents.kind) {
    case 'text':
      return parsePlan(contents.text);
    case 'tooLarge':
      return oversizedPlan('', contents.bytes);
    case 'binary':
      return unreadPlan(contents.text, new PlanNotTextError(contents.offset, contents.byte));
  }
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
