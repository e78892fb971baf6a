// Driver ids (`diagnosis.drivers[].id`) and a goal's `drivers`: one line in the format's id tables
// gives them what every other id has — KAM203/KAM204, completion, hover, definition, references,
// rename — and the new keys are no KAM002.
import * as assert from 'node:assert/strict';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-types';
import { checkText } from '../../server/src/rules/check';
import { completions } from '../../server/src/services/completion';
import { hover } from '../../server/src/services/hover';
import { definition, references, rename } from '../../server/src/services/navigation';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { applyWorkspaceEdit } from './apply-edits';
import { cursor, lineAt, planDocument, URI } from './services-helpers';

const PLAN = `kam: 1
account: {name: A}
diagnosis:
  drivers:
    - id: d-cost
      name: DRG cost control
      kind: external
      note: The president's KPI
    - id: d-reputation
      name: Reputation in cardiology
      kind: internal
  purchasing_factors:
    environmental: DRG pilot
    organizational: [Committee meets quarterly, Provincial tenders]
    interpersonal: The president listens to pharmacy
    individual: [Careful with risk]
goals:
  - id: g1
    statement: Raise share
    drivers: [d-cost, d-reputation]
  - id: g2
    statement: Get listed
    drivers:
      - d-cost
`;

describe('driver ids', () => {
  const doc = planDocument(PLAN);

  it('the new keys are no KAM002, and the old rules see the drivers', () => {
    const codes = checkText(PLAN, { today: FIXED_TODAY }).map((f) => f.code);
    assert.ok(!codes.includes('KAM002') && !codes.includes('KAM203') && !codes.includes('KAM204') && !codes.includes('KAM801'), codes.join());
    const bad = checkText(PLAN.replace('drivers: [d-cost, d-reputation]', 'drivers: [d-cots]').replace('- id: d-reputation', '- id: d-cost'), { today: FIXED_TODAY });
    const unknown = bad.find((f) => f.code === 'KAM203')!;
    assert.equal(unknown.message, '`d-cots` is not an id in `diagnosis.drivers`: did you mean `d-cost`?');
    assert.equal(bad.find((f) => f.code === 'KAM204')!.args.list, 'diagnosis.drivers');
    const wrongType = checkText(PLAN.replace('environmental: DRG pilot', 'environmental: {a: 1}'), { today: FIXED_TODAY });
    assert.ok(wrongType.some((f) => f.code === 'KAM002'), 'a purchasing factor is text or a list of text');
    const unknownKey = checkText(PLAN.replace('individual:', 'personal:'), { today: FIXED_TODAY }).find((f) => f.code === 'KAM002');
    assert.ok(unknownKey, 'purchasing_factors has four keys');
  });

  it('completes driver ids inside a goal’s `drivers: []`, with the driver as documentation', () => {
    const text = PLAN.replace('drivers: [d-cost, d-reputation]', 'drivers: []');
    const at = text.indexOf('drivers: []') + 'drivers: ['.length;
    const items: CompletionItem[] = completions(planDocument(text), planDocument(text).document.positionAt(at), { today: FIXED_TODAY });
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['d-cost', 'DRG cost control'],
        ['d-reputation', 'Reputation in cardiology'],
      ],
    );
    assert.match((items[0].documentation as MarkupContent).value, /\*\*DRG cost control\*\* \(`d-cost`\)/);
  });

  it('hovers a driver reference with the driver, and an unknown one says so', () => {
    const shown = hover(doc, cursor(doc, '[d-cost', 'd-cost')) as Hover;
    const text = (shown.contents as MarkupContent).value;
    assert.match(text, /\*\*DRG cost control\*\* \(`d-cost`\)/);
    assert.match(text, /Outside the customer/);
    assert.match(text, /The president's KPI/);
    const ghost = planDocument(PLAN.replace('[d-cost, d-reputation]', '[d-ghost]'));
    assert.match(((hover(ghost, cursor(ghost, 'd-ghost')) as Hover).contents as MarkupContent).value, /No driver has the id `d-ghost`\./);
  });

  it('goes to the definition, finds the references and renames every one', () => {
    const [target] = definition(doc, cursor(doc, '[d-cost', 'd-cost'));
    assert.equal(lineAt(doc, target.range), '    - id: d-cost');
    const refs = references(doc, cursor(doc, '- id: d-cost', 'd-cost'), { includeDeclaration: true });
    assert.equal(refs.length, 3);
    const renamed = applyWorkspaceEdit(PLAN, rename(doc, cursor(doc, '      - d-cost', 'd-cost'), 'd-drg'), URI);
    assert.equal(renamed, PLAN.replaceAll('d-cost', 'd-drg'));
  });

  it('both example plans use them and stay clean', () => {
    for (const file of ['riverside-general.kam.yaml', 'huadong-peoples-hospital.kam.yaml']) {
      const text = readRepoFile('examples', file);
      assert.match(text, /drivers: \[d-/);
      assert.match(text, /purchasing_factors:/);
      assert.deepEqual(checkText(text, { today: FIXED_TODAY }).map((f) => `${f.code} ${f.message}`), [], file);
    }
  });
});
