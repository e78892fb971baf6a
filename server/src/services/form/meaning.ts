// What a plan means, as the form compares it: the data the YAML reads as (`toJS`), with every scalar
// read as its text and an empty value as no value (as KAM002 does), and what an intent makes of it.
import type { FormPath } from './intents';

/** What an intent makes of the plan's data: the value at `path` becomes `value(current)`; undefined takes it out. */
export interface Expectation {
  path: FormPath;
  value: (current: unknown) => unknown;
}

/** The data with the expectation done. */
export function expected(data: unknown, expectation: Expectation): unknown {
  return setIn(data, expectation.path, expectation.value(getIn(data, expectation.path)));
}

export function getIn(data: unknown, path: FormPath): unknown {
  let here = data;
  for (const step of path) here = here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[step as string] : undefined;
  return here;
}

/** A value read as a list: a lone value as a list of one, nothing as none. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** A copy of the data with the value at the path replaced (undefined: the key or item taken out). */
export function setIn(data: unknown, path: FormPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path;
  if (Array.isArray(data) && typeof step === 'number') {
    const copy = [...data];
    if (rest.length === 0 && value === undefined) copy.splice(step, 1);
    else copy[step] = setIn(copy[step], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = data !== null && typeof data === 'object' && !Array.isArray(data) ? { ...(data as object) } : {};
  if (rest.length === 0 && value === undefined) delete copy[step];
  else copy[step] = setIn(copy[step], rest, value);
  return copy;
}

/**
 * Equal data, reading every scalar as its text and an empty value as no value. A parent's reading
 * depends only on its children's, so data that differ only inside one subtree compare the same there
 * as in whole.
 */
export function sameMeaning(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.length > 0 ? value.map((v) => canonical(v) ?? null) : undefined;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return Object.keys(out).length > 0 ? out : undefined; // an empty map says no more than none
  }
  return String(value);
}
