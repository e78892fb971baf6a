// How a form field's value is written, from the format's schema: a number field keeps `1,200,000`
// and `12%` as written, a text field keeps `123` as text (quoted), a yes/no field takes true/false.
import { schemaAt, valueKind } from '../../engine/schema';
import type { FormPath, FormValue } from './intents';

export function isNumberField(path: FormPath): boolean {
  const schema = schemaAt(path);
  return schema !== undefined && valueKind(schema) === 'number';
}

/** Text fields keep what is typed as text: `123` in a name is written `"123"`. */
export function isTextField(path: FormPath): boolean {
  const schema = schemaAt(path);
  if (!schema) return true;
  const kind = valueKind(schema);
  return kind === 'text' || kind === 'textOrList' || kind === 'identifier' || kind === 'reference' || kind === 'list';
}

/**
 * The value as the plan will hold it: text trimmed (a number field's `1,200,000` and `12%` stay
 * text, as the format reads them), empty text as a cleared field, a yes/no as itself.
 */
export function normalized(path: FormPath, value: FormValue): string | boolean | string[] | null {
  if (value === null || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  const text = String(value).trim();
  if (text === '') return null;
  const schema = schemaAt(path);
  if (schema && valueKind(schema) === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
