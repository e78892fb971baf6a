// A change in words, as a review memo says it: "Li Wei (li-wei): stance skeptic → supporter",
// "Goal g-share added". A change inside an item of an id list is told about that item; any other
// change by its path.
import { listAt } from '../../engine/format';
import { interpolate, type Locale } from '../../engine/types';
import { fitText } from '../../views/text-fit';
import { pathOf, plainText, type Change, type Plain, type Step } from './plan-diff';
import { DIFF_WORDS as W, ITEM_KINDS } from './words';

/** The longest a value is shown in a memo line, in Latin-letter widths. */
const VALUE_WIDTH = 80;

export function changeLine(change: Change, locale: Locale): string {
  const at = lastItemStep(change.steps);
  const value = (v: Plain) => (v === null ? W.empty[locale] : fitText(plainText(v), VALUE_WIDTH));
  const args = { before: value(change.before), after: value(change.after) };
  if (at === undefined) {
    const field = change.path;
    const template = change.kind === 'added' ? W.topAdded : change.kind === 'removed' ? W.topRemoved : W.topChanged;
    return interpolate(template[locale], { ...args, field });
  }
  const step = change.steps[at] as Extract<Step, { id: string }>;
  const list = listAt(step.list.split('.'));
  const kind = (list && ITEM_KINDS[list]?.[locale]) ?? step.list;
  const item = step.name ? `${step.name} (${step.id})` : step.id;
  const rest = change.steps.slice(at + 1);
  if (rest.length === 0) {
    if (change.kind === 'added') return interpolate(W.itemAdded[locale], { kind, item });
    if (change.kind === 'removed') return interpolate(W.itemRemoved[locale], { kind, item });
  }
  // Items are matched as maps, so a change at the item itself is always an addition or a removal.
  const subject = step.name ? item : `${kind} ${step.id}`;
  const template = change.kind === 'added' ? W.added : change.kind === 'removed' ? W.removed : W.changed;
  return interpolate(template[locale], { ...args, subject, field: pathOf(rest) });
}

/** The last step naming an item of an id list. */
function lastItemStep(steps: readonly Step[]): number | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if ('id' in steps[i]) return i;
  return undefined;
}
