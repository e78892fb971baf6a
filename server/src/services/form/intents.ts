// What the plan editor (the form) asks of the plan: a value set, a list item added, removed or moved,
// a quick fix applied. Paths are YAML paths from the top (`['goals', 0, 'deadline']`). Plain data, so
// the webview, the client and the server share them.

export type FormPath = (string | number)[];

/** A value the form sets: text as typed, a yes/no, the items of a list; null clears the field. */
export type FormValue = string | number | boolean | string[] | null;

/** A new list item: text, or the keys of a map item with their values as typed. */
export type FormItem = string | Record<string, string>;

export type FormIntent =
  | { op: 'set'; path: FormPath; value: FormValue }
  | { op: 'add'; path: FormPath; item?: FormItem }
  | { op: 'remove'; path: FormPath }
  | { op: 'move'; path: FormPath; to: number }
  /** The quick fix number `fix` of the finding with this code at this offset (as the form model lists them). */
  | { op: 'fix'; code: string; at: number; fix: number };

export function describeIntent(intent: FormIntent): string {
  const path = 'path' in intent ? intent.path.join('.') : `${intent.code}@${intent.at}`;
  return `${intent.op} ${path}`;
}
