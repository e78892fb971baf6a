// The plan format as a JSON Schema (schemas/kam-plan.schema.json, shipped for other editors too).
// KAM002 validates plans against it; hover and completion read the keys and their documentation from it.
import type { ErrorObject, ValidateFunction } from 'ajv';
import schemaJson from '../../../schemas/kam-plan.schema.json';
import { isValidDate } from './values';

/** The part of JSON Schema the plan schema uses. */
export interface SchemaNode {
  description?: string;
  $comment?: string;
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

export const PLAN_SCHEMA = schemaJson as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

/** A node with its `$ref` followed; the referring node's own keywords (its description) win. */
export function resolveSchema(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const { $ref: _, ...own } = node;
  return { ...resolveSchema(PLAN_SCHEMA.definitions[name] ?? {}), ...own };
}

/**
 * The schema of the value at a YAML path (map keys and list indexes, as for `yaml`'s `getIn`),
 * `$ref` followed; undefined where the format says nothing (an unknown key, a path into text).
 * `schemaAt(['goals', 0, 'deadline']).description` is the hover text of a goal's `deadline`.
 */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = PLAN_SCHEMA;
  for (const step of path) {
    const here: SchemaNode = resolveSchema(node);
    // A list takes indexes (a number, or its digits as a JSON pointer has them); a map takes keys.
    if (here.items) node = typeof step === 'number' || /^\d+$/.test(step) ? here.items : undefined;
    else node = here.properties?.[step] ?? (typeof here.additionalProperties === 'object' ? here.additionalProperties : undefined);
    if (!node) return undefined;
  }
  return resolveSchema(node);
}

/** The keys the format names for the map at a path (completion, "did you mean"); empty where it is no map. */
export function keysAt(path: readonly (string | number)[]): string[] {
  return Object.keys(schemaAt(path)?.properties ?? {});
}

/** What a value must be, in the words a message or hover uses; derived from the schema node. */
export type ValueKind =
  | 'date'
  | 'identifier'
  | 'number'
  | 'reference'
  | 'enum'
  | 'const'
  | 'text'
  | 'textOrList'
  | 'list'
  | 'map'
  | 'boolean'
  | 'integer';

export function valueKind(node: SchemaNode): ValueKind {
  const defs = PLAN_SCHEMA.definitions;
  const types = ([] as string[]).concat(node.type ?? []);
  if (node.const !== undefined) return 'const';
  if (node.enum) return 'enum';
  if (node.format === 'date') return 'date';
  if (node.pattern === defs.identifier.pattern) return 'identifier';
  if (node.pattern === defs.quantity.pattern) return 'number';
  if (node.pattern === defs.reference.pattern) return 'reference';
  if (types.includes('array')) return types.includes('string') ? 'textOrList' : 'list';
  if (types.includes('object')) return 'map';
  if (types.includes('boolean')) return 'boolean';
  if (types.includes('integer')) return 'integer';
  if (types.length === 1 && types[0] === 'number') return 'number';
  return 'text';
}

let validator: ValidateFunction | undefined;

/**
 * The compiled schema, built on first use so that starting the server or the CLI stays cheap.
 * Strict mode (a schema mistake throws here, in the tests); every error, with its schema and data.
 */
export function planValidator(): ValidateFunction {
  if (validator) return validator;
  // Loaded here, not at the top: ajv and the compile are only paid for when a plan is first checked.
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true, verbose: true });
  ajv.addFormat('date', { type: 'string', validate: (text: string) => isValidDate(text) });
  validator = ajv.compile(PLAN_SCHEMA);
  return validator;
}

/** The schema errors of a plan's data (its YAML as plain JS); none when it conforms. */
export function validatePlanData(data: unknown): ErrorObject[] {
  const validate = planValidator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
