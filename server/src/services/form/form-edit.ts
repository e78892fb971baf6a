// The plan editor's intents (set a value, add, remove or move a list item) turned into the smallest
// text edit that does it, with the machinery of the fixes (fixes/map-edits.ts): keys land in the
// format's order, new lines in the file's layout, block stays block and flow stays flow, and nothing
// outside the place changed is touched, so comments, blank lines and line endings stay. An intent is
// done in steps over the text (edit-steps.ts; a list set = items removed, then added), and the answer
// is the one edit between the text before and after, so it is one undo step. The result must parse
// and read back as what the intent said (verify.ts), or the intent is refused with a message
// (FormEditError).
import { isSeq, type Node } from 'yaml';
import type { Plan } from '../../engine/model';
import { parsePlan } from '../../engine/parse';
import { schemaAt } from '../../engine/schema';
import type { Locale, Text } from '../../engine/types';
import { say, text } from '../../engine/vocabulary';
import { localToday } from '../../engine/values';
import { uniqueId, type FixContext } from '../fixes/fix';
import { detectLayout } from '../fixes/layout';
import { applyOffsetEdits, mergeEdits, type Edit } from '../fixes/text-edits';
import { difference } from './difference';
import { addTo, moveItem, removeAt, setAt, setFlowList } from './edit-steps';
import { normalized } from './field-kinds';
import type { FormIntent, FormItem, FormPath } from './intents';
import { asList, type Expectation } from './meaning';
import { dataAt } from './node-data';
import { locate } from './places';
import { verifyResult, type Verified } from './verify';

/** An intent the plan cannot take as it is written; the message, in the plan's locale, says why. */
export class FormEditError extends Error {}

const WORDS = {
  syntax: text('The plan has a YAML syntax error: fix it in the text first.', '计划有 YAML 语法错误：请先在文本中修正。'),
  cannot: text('`{path}` cannot be changed safely from the form; edit it in the text.', '无法从表单安全地修改 `{path}`，请在文本中编辑。'),
  badPath: text('The plan has no `{path}`.', '计划中没有 `{path}`。'),
};

interface Options {
  locale?: Locale;
  today?: string;
  /** The text's plan when the caller has it parsed already (the server does): it is only read. */
  plan?: Plan;
  /** Told how the result was verified (tests). */
  verified?: (by: Verified) => void;
}

type EditIntent = Exclude<FormIntent, { op: 'fix' }>;

/** The edit (at most one) that does the intent to the text; none when the plan already says so. */
export function formEdits(text: string, intent: EditIntent, options: Options = {}): Edit[] {
  const { before, after, expectation } = intentResult(text, intent, options);
  if (after === text) return [];
  const { ok, by } = verifyResult(before, after, expectation);
  options.verified?.(by);
  return ok ? [difference(text, after)] : failure(intent, options, WORDS.cannot);
}

function failure(intent: EditIntent, options: Options, words: Text): never {
  throw new FormEditError(say(words, options.locale ?? 'en', { path: intent.path.join('.') }));
}

/** The intent done to the text, not verified yet: the plan before, the text after and what it should mean. */
export function intentResult(text: string, intent: EditIntent, options: Options = {}): { before: Plan; after: string; expectation: Expectation } {
  const locale = options.locale ?? 'en';
  const fail = (words: Text): never => failure(intent, options, words);
  const before = options.plan?.text === text ? options.plan : parsePlan(text);
  if (before.syntaxErrors.length > 0) return fail(WORDS.syntax);
  if (!validPath(intent.path)) return fail(WORDS.badPath);
  const today = options.today ?? localToday();
  // Each step reads the text the step before made (parsed whole: the plan before is not to be changed).
  const step = (from: string, make: (ctx: FixContext) => Edit[] | undefined): string => {
    const plan = from === text ? before : parsePlan(from);
    if (plan.syntaxErrors.length > 0) return fail(WORDS.cannot);
    const ctx: FixContext = { plan, text: from, layout: detectLayout(plan), locale, today };
    const edits = make(ctx);
    const merged = edits && mergeEdits(edits);
    return merged ? applyOffsetEdits(from, merged) : fail(WORDS.cannot);
  };
  // The plan's data, read only where the intent needs it (a whole plan's takes long to build).
  const dataHere = (path: FormPath): unknown => dataAt(before.doc, text, path);

  let after = text;
  let expectation: Expectation;
  switch (intent.op) {
    case 'set': {
      const value = normalized(intent.path, intent.value);
      if (Array.isArray(value)) {
        const current = asList(dataHere(intent.path));
        // Items still wanted stay where they are (one for one); the others go, from the last so that
        // indexes hold; then the new ones are added at the end.
        const added = [...value];
        const keep = current.map((item) => {
          const at = added.indexOf(String(item));
          if (at >= 0) added.splice(at, 1);
          return at >= 0;
        });
        const list = [...current.filter((_, i) => keep[i]).map(String), ...added];
        const written = locate(before.doc.contents as Node, intent.path)?.value;
        if (isSeq(written) && written.flow) {
          // A flow list is written anew in one step, its items kept as they were written: `[zhao, liu]`.
          after = step(after, (ctx) => setFlowList(ctx, intent.path, list));
        } else {
          for (let i = current.length - 1; i >= 0; i--) if (!keep[i]) after = step(after, (ctx) => removeAt(ctx, [...intent.path, i]));
          for (const item of added) after = step(after, (ctx) => addTo(ctx, intent.path, item));
        }
        expectation = { path: intent.path, value: () => list };
      } else if (value === null) {
        if (locate(before.doc.contents as Node, intent.path)) after = step(after, (ctx) => removeAt(ctx, intent.path, true));
        expectation = { path: intent.path, value: () => undefined };
      } else {
        after = step(after, (ctx) => setAt(ctx, intent.path, value));
        expectation = { path: intent.path, value: () => value };
      }
      break;
    }
    case 'add': {
      const item = intent.item ?? newItem(asList(dataHere(intent.path)), intent.path);
      after = step(after, (ctx) => addTo(ctx, intent.path, item));
      expectation = { path: intent.path, value: (current) => [...asList(current), item] };
      break;
    }
    case 'remove':
      after = step(after, (ctx) => removeAt(ctx, intent.path));
      expectation = { path: intent.path, value: () => undefined };
      break;
    case 'move': {
      after = step(after, (ctx) => moveItem(ctx, intent.path, intent.to));
      const from = Number(intent.path[intent.path.length - 1]);
      expectation = {
        path: intent.path.slice(0, -1),
        value: (current) => {
          const list = [...asList(current)];
          const [item] = list.splice(from, 1);
          list.splice(intent.to, 0, item);
          return list;
        },
      };
      break;
    }
  }
  return { before, after, expectation };
}

function validPath(path: unknown): path is FormPath {
  return Array.isArray(path) && path.length > 0 && path.every((s) => (typeof s === 'string' && s !== '') || (Number.isInteger(s) && (s as number) >= 0));
}

/** A new map item: an id not yet taken for lists whose items have one, else its first key, empty. */
function newItem(current: unknown[], path: FormPath): FormItem {
  const schema = schemaAt([...path, 0]);
  const keys = Object.keys(schema?.properties ?? {});
  if (keys.length === 0) return '';
  if (!keys.includes('id')) return { [keys[0]]: '' };
  const taken = new Set(current.map((item) => String((item as Record<string, unknown>)?.id ?? '')));
  const base = String(path[path.length - 1]).replace(/s$/, '').replace(/_/g, '-');
  return { id: uniqueId(`${base}-${taken.size + 1}`, taken) };
}
