// A plan from what was read of a file, for the commands that need a plan whatever the bytes: a file
// over the size limit is the engine's oversized plan, bytes that are not UTF-8 are decoded as the editor
// shows them (U+FFFD), and KAM001 says why either way, as the language server does.
import { oversizedPlan, parsePlan } from '../engine/parse';
import type { Plan } from '../engine/model';
import type { Contents } from './files';

/** @param bytes the file's bytes, asked for only when they are not text. */
export function planOfContents(contents: Exclude<Contents, { kind: 'unreadable' }>, bytes: () => Uint8Array): Plan {
  switch (contents.kind) {
    case 'text':
      return parsePlan(contents.text);
    case 'tooLarge':
      return oversizedPlan('', contents.bytes);
    case 'binary':
      return parsePlan(new TextDecoder().decode(bytes()));
  }
}
