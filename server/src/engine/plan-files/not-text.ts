// The syntax error that stands for a file whose bytes are not UTF-8 text (KAM001 tells it).
import { YAMLParseError } from 'yaml';

export class PlanNotTextError extends YAMLParseError {
  /** @param offset where the first bad byte stands in the decoded text; @param byte its value (0: a NUL byte). */
  constructor(
    offset: number,
    readonly byte: number,
  ) {
    super([offset, offset + 1], 'UNEXPECTED_TOKEN', notTextDetail(byte));
  }

  /** The byte as messages write it: `E9`. */
  get hex(): string {
    return hex(this.byte);
  }
}

/** Why bytes are no text, in the words of the CLI's errors: `not UTF-8 text (invalid byte 0xE9)`. */
export function notTextDetail(byte: number): string {
  return byte === 0 ? 'not a text file (it contains a NUL byte)' : `not UTF-8 text (invalid byte 0x${hex(byte)})`;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
