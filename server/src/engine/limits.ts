// How much text the checker takes on. The `yaml` parser reads 0.2 to 1 MB a second (the denser the
// tokens, the slower), so a larger file, such as a data dump opened by mistake, is reported as too
// large instead of parsed, and the server is never busy for long. Real plans weigh a few tens of KB.
import { YAMLParseError } from 'yaml';

/** The largest plan checked, in UTF-8 bytes as saved; the CLI and the server share it. */
export const MAX_PLAN_BYTES = 1024 * 1024;

/**
 * How deep lists and maps may nest. A plan needs a handful of levels; the parser recurses once per
 * level, and where it runs out of stack Node may abort the process instead of throwing.
 */
export const MAX_NESTING = 600;

/** Megabytes with one decimal, as messages show sizes. */
export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** The size of a text over the limit, else undefined; no count for a usual plan (a UTF-16 unit is 1 to 3 bytes). */
export function oversize(text: string): number | undefined {
  if (text.length * 3 <= MAX_PLAN_BYTES) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8'); // counted without encoding; this runs on every version of a long plan
  return bytes > MAX_PLAN_BYTES ? bytes : undefined;
}

/** Stands in the plan's syntax errors for a file not parsed because of its size (KAM001 explains it). */
export class PlanTooLargeError extends YAMLParseError {
  constructor(readonly bytes: number) {
    super([0, 0], 'RESOURCE_EXHAUSTION', `The file is too large to check (${megabytes(bytes)} MB > ${megabytes(MAX_PLAN_BYTES)} MB)`);
  }
}
