// What every fix family reads and returns.
import type { Plan } from '../../engine/model';
import { interpolate, type Args, type Locale, type Text } from '../../engine/types';
import type { Layout } from './layout';
import type { Edit } from './text-edits';

/** What a placeholder says: the account manager searches for it and writes the real thing. */
export const TODO = 'TODO';

export interface FixContext {
  plan: Plan;
  /** The plan's text: every offset refers to it. */
  text: string;
  layout: Layout;
  locale: Locale;
  /** `YYYY-MM-DD`: placeholder dates count from it. */
  today: string;
}

/** One way to fix a finding: a title in the user's language and the edits, over the same text. */
export interface Fix {
  title: string;
  edits: Edit[];
  /** The one obvious fix: VS Code applies it on "auto fix", and fix-all applies only these. */
  isPreferred: boolean;
}

export function say(ctx: FixContext, text: Text, args: Args = {}): string {
  return interpolate(text[ctx.locale], args, ctx.locale);
}

/** `base`, or `base-2`, `base-3`, … : the first one not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The date `months` after a `YYYY-MM-DD` date; the 31st becomes the month's last day where it has none. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
