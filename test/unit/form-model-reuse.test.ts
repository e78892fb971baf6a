// The form of a document's next version built with the items of its last one (FormItems): only the
// items an edit touched are built again, and the form is the one a cold build gives, findings and
// SMART letters included, whatever the edit.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePlan } from '../../server/src/engine/parse';
import type { Plan } from '../../server/src/engine/model';
import { checkPlan } from '../../server/src/rules/check';
import { FormEditError, formEdits } from '../../server/src/services/form/form-edit';
import { FormItems } from '../../server/src/services/form/form-items';
import { buildFormModel, type FormListNode, type FormModel } from '../../server/src/services/form/form-model';
import type { FormIntent } from '../../server/src/services/form/intents';
import { applyOffsetEdits } from '../../server/src/services/fixes/text-edits';
import { FIXED_TODAY, readRepoFile } from '../helpers';

const HUADONG = readRepoFile('examples', 'huadong-peoples-hospital.kam.yaml');
const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');
const RUNS = Number(process.env.KAM_PROPERTY_RUNS ?? 100);

function form(plan: Plan, reuse?: FormItems, locale: 'en' | 'zh-cn' = 'en'): FormModel {
  const findings = checkPlan(plan, { today: FIXED_TODAY });
  return buildFormModel(plan, findings, { locale, fixTitles: (f) => [`fix ${f.code}`], reuse });
}

const people = (model: FormModel) => ((model.sections.find((s) => s.path[0] === 'diagnosis') as any).children.find((c: any) => c.path[1] === 'stakeholders') as FormListNode).items;

describe('form model: items reused from the last form', () => {
  it('builds again only the item an edit touched, and gives the cold build’s form', () => {
    const reuse = new FormItems();
    const before = form(parsePlan(HUADONG), reuse);
    const text = applyOffsetEdits(HUADONG, formEdits(HUADONG, { op: 'set', path: ['diagnosis', 'stakeholders', 1, 'title'], value: '药剂科副主任' }));
    const plan = parsePlan(text);
    const after = form(plan, reuse);
    assert.deepEqual(after, form(parsePlan(text)));
    const [a, b] = [people(before), people(after)];
    assert.equal(b[0], a[0], 'an item the edit did not touch is taken as it was');
    assert.notEqual(b[1], a[1], 'the item edited is built again');
    assert.equal(b[1].title, a[1].title);
  });

  it('places findings anew on reused items, and words per locale', () => {
    const reuse = new FormItems();
    form(parsePlan(RIVERSIDE), reuse);
    form(parsePlan(RIVERSIDE), reuse, 'zh-cn');
    // A goal without a target: its item (reused or not) shows KAM302, the others do not.
    const text = RIVERSIDE.replace('    target: 28%\n', '');
    assert.deepEqual(form(parsePlan(text), reuse), form(parsePlan(text)));
    assert.deepEqual(form(parsePlan(RIVERSIDE), reuse, 'zh-cn'), form(parsePlan(RIVERSIDE), undefined, 'zh-cn'));
    assert.deepEqual(form(parsePlan(RIVERSIDE), reuse), form(parsePlan(RIVERSIDE)));
  });

  it('property: after random intents, the form built with the last one’s items is the cold build’s', function () {
    this.timeout(240_000);
    const index = fc.nat({ max: 4 });
    const intent = fc.oneof(
      index.chain((i) => fc.record({ op: fc.constant('set' as const), path: fc.constantFrom(['goals', i, 'target'], ['goals', i, 'deadline'], ['diagnosis', 'stakeholders', i, 'unit'], ['diagnosis', 'stakeholders', i, 'reports_to'], ['actions', i, 'with']), value: fc.constantFrom('', 'sun', 'x', '2027-01-01', '12%') })),
      fc.record({ op: fc.constant('add' as const), path: fc.constantFrom(['goals'], ['diagnosis', 'stakeholders'], ['actions']) }),
      index.chain((i) => fc.record({ op: fc.constant('remove' as const), path: fc.constantFrom(['goals', i], ['actions', i], ['diagnosis', 'stakeholders', i]) })),
      fc.tuple(index, index).map(([i, to]) => ({ op: 'move' as const, path: ['diagnosis', 'stakeholders', i], to })),
    ) as fc.Arbitrary<Exclude<FormIntent, { op: 'fix' }>>;
    fc.assert(
      fc.property(fc.constantFrom(HUADONG, RIVERSIDE), fc.array(intent, { minLength: 1, maxLength: 5 }), (start, intents) => {
        const reuse = new FormItems();
        let plan = parsePlan(start);
        form(plan, reuse);
        for (const i of intents) {
          let edits;
          try {
            edits = formEdits(plan.text, i, { today: FIXED_TODAY, plan });
          } catch (e) {
            if (e instanceof FormEditError) continue;
            throw e;
          }
          const text = applyOffsetEdits(plan.text, edits);
          plan = parsePlan(text, plan); // as the server: the edited entries parsed again
          assert.deepEqual(form(plan, reuse), form(parsePlan(text)), JSON.stringify(i));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

