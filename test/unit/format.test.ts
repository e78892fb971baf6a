// The format layer (server/src/engine/format) against the schema it restates: every enum and every
// fixed key list must be the schema's, in its order, and every reference key must be a reference.
import * as assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/engine';
import * as format from '../../server/src/engine/format';
import { PLAN_SCHEMA, resolveSchema, schemaAt, valueKind, type SchemaNode } from '../../server/src/engine/schema';
import { readRepoFile } from '../helpers';

/** Where each enum of the format stands in the schema (one place is enough: shared definitions are one node). */
const ENUMS: [string, readonly string[], (string | number)[]][] = [
  ['CONTRACT_STAGES', format.CONTRACT_STAGES, ['account', 'stage']],
  ['DRIVER_KINDS', format.DRIVER_KINDS, ['diagnosis', 'drivers', 0, 'kind']],
  ['STANCES', format.STANCES, ['diagnosis', 'stakeholders', 0, 'stance']],
  ['INFLUENCES', format.INFLUENCES, ['diagnosis', 'stakeholders', 0, 'influence']],
  ['DIRECTIONS', format.DIRECTIONS, ['goals', 0, 'direction']],
  ['METRICS', format.METRICS, ['goals', 0, 'metric']],
  ['ACTION_STATUSES', format.ACTION_STATUSES, ['actions', 0, 'status']],
];

/** The maps whose keys the format lists. */
const KEY_LISTS: [string, readonly string[], (string | number)[]][] = [
  ['SECTIONS', format.SECTIONS, []],
  ['DIAGNOSIS_KEYS', format.DIAGNOSIS_KEYS, ['diagnosis']],
  ['PURCHASING_FACTOR_KEYS', format.PURCHASING_FACTOR_KEYS, ['diagnosis', 'purchasing_factors']],
  ['MACRO_KEYS', format.MACRO_KEYS, ['diagnosis', 'macro']],
  ['MICRO_KEYS', format.MICRO_KEYS, ['diagnosis', 'micro']],
  ['FINANCIAL_KEYS', format.FINANCIAL_KEYS, ['diagnosis', 'financials']],
  ['FORECAST_KEYS', format.FORECAST_KEYS, ['forecast']],
  ['STRATEGY_KEYS', format.STRATEGY_KEYS, ['strategy']],
  ['VALUE_KINDS', format.VALUE_KINDS, ['strategy', 'values']],
  ['SWOT_ENTRIES', format.SWOT_ENTRIES, ['strategy', 'swot']],
  ['SWOT_QUADRANTS', format.SWOT_QUADRANTS, ['strategy', 'swot', 'own_product']],
  ['RESCUE_SIDES', format.RESCUE_SIDES, ['rescue_network', 'proposal']],
  ['CONTRACT_STAGES', format.CONTRACT_STAGES, ['rescue_network']],
];

/** Every enum in the schema file, with where it stands. */
function* schemaEnums(node: SchemaNode, where: string): Generator<[string, unknown[]]> {
  if (node.enum) yield [where, node.enum];
  for (const [key, child] of Object.entries(node.properties ?? {})) yield* schemaEnums(child, `${where}/${key}`);
  if (node.items) yield* schemaEnums(node.items, `${where}/items`);
}

describe('format layer', () => {
  for (const [name, values, path] of ENUMS) {
    it(`${name} is the schema's enum at ${path.join('.')}`, () => {
      assert.deepEqual([...values], schemaAt(path)?.enum);
    });
  }

  it('names every enum of the schema', () => {
    const named = ENUMS.map(([, values]) => JSON.stringify(values));
    const all = [...schemaEnums(PLAN_SCHEMA, '#'), ...Object.entries(PLAN_SCHEMA.definitions).flatMap(([n, d]) => [...schemaEnums(d, `#/definitions/${n}`)])];
    assert.ok(all.length >= ENUMS.length);
    for (const [where, values] of all) assert.ok(named.includes(JSON.stringify(values)), `no constant in engine/format for the enum at ${where}`);
  });

  for (const [name, keys, path] of KEY_LISTS) {
    it(`${name} are the keys at ${path.join('.') || 'the top'}, in order`, () => {
      assert.deepEqual([...keys], format.keyOrder(path));
    });
  }

  it('each list path is a list of maps in the schema', () => {
    for (const name of format.LIST_NAMES) {
      const node = schemaAt(format.listPath(name));
      assert.ok(node?.items, `${name}: no list at ${format.listLabel(name)}`);
      assert.equal(valueKind(resolveSchema(node.items)), 'map', name);
    }
  });

  it('each id list defines ids and each reference key is a reference in the schema', () => {
    for (const kind of format.ID_KINDS) assert.equal(valueKind(schemaAt([...format.itemPath(format.ID_LISTS[kind]), 'id'])!), 'identifier', kind);
    for (const r of format.ID_REFERENCES) {
      const at = schemaAt([...format.itemPath(r.list), r.key]);
      assert.ok(at, `${r.list}.${r.key} is not in the schema`);
      assert.equal(valueKind(r.many ? schemaAt([...format.itemPath(r.list), r.key, 0])! : at), 'reference', `${r.list}.${r.key}`);
      assert.equal(valueKind(at), r.many ? 'list' : 'reference');
    }
  });

  it('finds the list and the reference kind a path runs through', () => {
    assert.equal(format.listAt(['diagnosis', 'stakeholders', 3, 'roles']), 'stakeholders');
    assert.equal(format.listAt(['diagnosis', 'macro']), undefined);
    assert.equal(format.referenceKindAt(['actions', 2, 'with', 0]), 'stakeholder');
    assert.equal(format.referenceKindAt(['controls', 0, 'goal']), 'goal');
    assert.equal(format.referenceKindAt(['goals', 0, 'goal']), undefined);
    assert.equal(format.listLabel('units'), 'diagnosis.organization');
    assert.deepEqual(format.itemPath('stakeholders', 2), ['diagnosis', 'stakeholders', 2]);
  });

  it('reads the entries and references of a plan through the tables', () => {
    const plan = parsePlan(readRepoFile('examples', 'riverside-general.kam.yaml'));
    assert.equal(format.entriesOf(plan, 'stakeholders'), plan.stakeholders);
    const withRef = format.ID_REFERENCES.find((r) => r.key === 'with')!;
    const action = plan.actions.find((a) => a.with.length > 0)!;
    assert.deepEqual(format.referencedIds(plan, action, withRef), action.with);
    const reportsTo = format.ID_REFERENCES.find((r) => r.key === 'reports_to')!;
    const report = plan.stakeholders.find((s) => s.reports_to)!;
    assert.deepEqual(format.referencedIds(plan, report, reportsTo).map((r) => r.value), [report.reports_to]);
  });
});
