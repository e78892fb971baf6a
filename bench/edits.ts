// The edits a person makes while writing a plan, for the bench's `edits` part: each kind is a cycle of
// changes that starts and ends at the same text (something typed, then taken back), placed near the
// middle of the plan. Every step is one `didChange` as an editor sends it after a pause in typing.

/** One change of the text: [start, end) of the current text replaced by `text`. */
export interface Change {
  start: number;
  end: number;
  text: string;
}

export interface EditKind {
  name: string;
  /** The changes, each applied to the text the one before left; after the last the text is as it was. */
  steps: Change[];
}

export const EDIT_KINDS = [
  'inside a value',
  'inside a key',
  'inside a comment line',
  'inside a trailing comment',
  'Enter, then Backspace',
  'list item typed line by line',
  'line deleted and put back',
  '20 lines pasted and undone',
] as const;

/**
 * The plan as the edits start from it: the generated plan, with a trailing comment on a value line near
 * the middle when it has none (the smallest plan), so that every kind has its place.
 */
export function editableText(text: string): string {
  if (/\S #/.test(text)) return text;
  const line = lineNear(text, /^ {4}where: \S/);
  const end = text.indexOf('\n', line);
  return `${text.slice(0, end)} # to confirm${text.slice(end)}`;
}

/** The kinds of edit, in the order of EDIT_KINDS, placed in the text (as editableText gave it). */
export function editKinds(text: string): EditKind[] {
  const lineEnd = (start: number) => {
    const end = text.indexOf('\n', start);
    return end < 0 ? text.length : end;
  };
  const typeAndDelete = (at: number, piece = 'x'): Change[] => [
    { start: at, end: at, text: piece },
    { start: at, end: at + piece.length, text: '' },
  ];

  const value = lineEnd(lineNear(text, /^ {4}what: \S/));
  const key = lineNear(text, /^ {4}where: /) + 6; // between `wh` and `ere`
  const commentLine = lineEnd(lineNear(text, /^ +# /));
  const trailing = lineEnd(lineNear(text, /\S #/));
  const enter = lineEnd(lineNear(text, /^ {4}when: \S/));

  // A new action typed after an action's last line, one line at a time, then removed in one step.
  const itemEnd = lineNear(text, /^ {2}- id: a/, 1) - 1; // the line break before the next action
  const typed = ['\n  - id: a-new', '\n    what: Visit the pharmacy', '\n    who: Li Wei', '\n    when: 2027-03-01'];
  const item: Change[] = [];
  let at = itemEnd;
  for (const line of typed) {
    item.push({ start: at, end: at, text: line });
    at += line.length;
  }
  item.push({ start: itemEnd, end: at, text: '' });

  const deleted = lineNear(text, /^ {4}where: /);
  const deletedLine = text.slice(deleted, lineEnd(deleted) + 1);

  // Twenty lines from the start of one action, pasted before the next action's line.
  const copied = lineNear(text, /^ {2}- id: a/);
  let copyEnd = copied;
  for (let i = 0; i < 20; i++) copyEnd = lineEnd(copyEnd) + 1;
  const block = text.slice(copied, copyEnd);
  const pasteAt = lineNear(text, /^ {2}- id: a/, 3);

  return [
    { name: EDIT_KINDS[0], steps: typeAndDelete(value) },
    { name: EDIT_KINDS[1], steps: typeAndDelete(key) },
    { name: EDIT_KINDS[2], steps: typeAndDelete(commentLine) },
    { name: EDIT_KINDS[3], steps: typeAndDelete(trailing) },
    { name: EDIT_KINDS[4], steps: typeAndDelete(enter, '\n    ') },
    { name: EDIT_KINDS[5], steps: item },
    {
      name: EDIT_KINDS[6],
      steps: [
        { start: deleted, end: deleted + deletedLine.length, text: '' },
        { start: deleted, end: deleted, text: deletedLine },
      ],
    },
    { name: EDIT_KINDS[7], steps: typeAndDelete(pasteAt, block) },
  ];
}

/** Applies a change to a text. */
export function applyChange(text: string, change: Change): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/**
 * The offset of the start of a line matching the pattern, the first from the middle of the text on
 * (wrapping round to the start); `skip` further matches are passed over.
 */
function lineNear(text: string, pattern: RegExp, skip = 0): number {
  const middle = text.lastIndexOf('\n', Math.floor(text.length / 2)) + 1;
  for (const [from, to] of [
    [middle, text.length],
    [0, middle],
  ]) {
    for (let start = from; start < to; ) {
      const end = text.indexOf('\n', start);
      const stop = end < 0 ? text.length : end;
      if (pattern.test(text.slice(start, stop)) && skip-- === 0) return start;
      start = stop + 1;
    }
  }
  throw new Error(`no line matching ${pattern} in the plan`);
}
