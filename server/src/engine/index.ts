// The rule engine's public surface: a plain library with no LSP or VS Code import.
export { runRules, SYNTAX_RULE, type CheckOptions } from './check';
export * from './types';
export * from './model';
export * from './rule';
export * from './config';
export { parsePlan, oversizedPlan } from './parse';
export { MAX_PLAN_BYTES, megabytes } from './limits';
export * from './roles';
export * from './values';
export { ruleDocUrl, ruleDocsDir } from './docs';
export { PLAN_SCHEMA, schemaAt, keysAt, resolveSchema, valueKind, type SchemaNode, type ValueKind } from './schema';
export * from './spans';
export * from './plan-index';
export * from './engagement';
export * from './smart';
