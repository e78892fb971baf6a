// The format layer: every fact about the shape of a plan, written once. Import from
// 'engine/format' (never re-spell a path, an enum or a reference key elsewhere).
//
//   enums.ts  the closed value sets, typed: CONTRACT_STAGES, DRIVER_KINDS, STANCES, INFLUENCES,
//             DIRECTIONS, METRICS, ACTION_STATUSES, ROLES; the fixed keys of each map: SECTIONS,
//             DIAGNOSIS_SECTIONS, MACRO_KEYS, MICRO_KEYS, FINANCIAL_KEYS, FORECAST_KEYS,
//             STRATEGY_KEYS, VALUE_KINDS, SWOT_ENTRIES, SWOT_QUADRANTS, RESCUE_SIDES; isOneOf().
//             A unit test ties each to schemas/kam-plan.schema.json.
//   lists.ts  the lists of maps by model name (drivers, units, stakeholders, goals, actions, controls,
//             feedback): LISTS[name].path / .entries(plan); listPath(), listLabel() ('diagnosis.stakeholders'),
//             itemPath('goals') (['goals', 0]), entriesOf(plan, name), listAt(path), keyInList(path).
//   ids.ts    ID_LISTS (kind → defining list), ID_KINDS, ID_REFERENCES ({ list, key, kind, many }),
//             idDefinitions(plan, kind), idListLabel(kind), referenceKindAt(path), referencedIds(plan, entry, ref).
//   keyOrder(path) the keys of the map at a path, in the format's order (from the schema); schemaAt,
//             valueKind and the schema itself come from ../schema and are re-exported here.
export * from './enums';
export * from './lists';
export * from './ids';
export { PLAN_SCHEMA, schemaAt, keysAt as keyOrder, valueKind, type SchemaNode, type ValueKind } from '../schema';
