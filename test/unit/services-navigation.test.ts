import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentHighlightKind, type Location } from 'vscode-languageserver-types';
import { parsePlan } from '../../server/src/engine/parse';
import { idAt, idIndex, occurrenceAt } from '../../server/src/services/id-index';
import { repoPath } from '../helpers';
import { definition, documentHighlights, prepareRename, references, rename, RenameError } from '../../server/src/services/navigation';
import { applyWorkspaceEdit } from './apply-edits';
import { cursor, example, lineAt, linesMatching, planDocument, textAt, URI } from './services-helpers';

const riverside = example('riverside-general');

const lines = (locations: Location[]) => locations.map((l) => l.range.start.line).sort((a, b) => a - b);

describe('services: id index', () => {
  it('indexes every definition and reference of riverside-general, by kind', () => {
    const { plan } = planDocument(riverside);
    const index = idIndex(plan);
    const count = (kind: string, isDefinition: boolean) => index.occurrences.filter((o) => o.kind === kind && o.isDefinition === isDefinition).length;
    // Stakeholders: 3 reports_to, 4 in `with`, 1 feedback `from`; units: 4 `unit`, 3 `parent`; goals: 2 actions, 2 controls.
    assert.deepEqual(
      ['stakeholder', 'unit', 'goal', 'action'].map((k) => [k, count(k, true), count(k, false)]),
      [['stakeholder', 4, 8], ['unit', 4, 7], ['goal', 2, 4], ['action', 2, 0]],
    );
    for (const o of index.occurrences) assert.equal(riverside.slice(o.span.start, o.span.end), o.id);
    assert.equal(idIndex(plan), index, 'built once per plan');
  });

  it('finds the id under every offset without the index as with it (idAt, for hover)', () => {
    const dirs = [['examples'], ['test', 'fixtures', 'rules']];
    const files = dirs.flatMap((dir) => fs.readdirSync(repoPath(...dir)).filter((f) => f.endsWith('.kam.yaml')).map((f) => repoPath(...dir, f)));
    let found = 0;
    for (const file of [...files, repoPath('test', 'fixtures', 'hostile.kam.yaml')]) {
      const plan = parsePlan(fs.readFileSync(file, 'utf8'));
      const index = idIndex(plan);
      for (let offset = 0; offset <= plan.text.length; offset++) {
        const expected = occurrenceAt(index, offset);
        assert.deepEqual(idAt(plan, offset), expected, `${path.basename(file)} at ${offset}`);
        if (expected) found++;
      }
    }
    assert.ok(found > 1000, `only ${found} offsets on an id`);
  });

  it('finds the occurrence under an offset, also just after the id', () => {
    const { plan } = planDocument(riverside);
    const index = idIndex(plan);
    const start = riverside.indexOf('reports_to: zhao') + 'reports_to: '.length;
    assert.equal(occurrenceAt(index, start)?.id, 'zhao');
    assert.equal(occurrenceAt(index, start + 4)?.id, 'zhao');
    assert.equal(occurrenceAt(index, start - 2), undefined);
  });
});

describe('services: definition, references, highlights', () => {
  const doc = planDocument(riverside);

  it('goes from `with: [zhao` to the `id: zhao` line', () => {
    const [loc, ...more] = definition(doc, cursor(doc, 'with: [zhao', 'zhao'));
    assert.equal(more.length, 0);
    assert.equal(loc.uri, URI);
    assert.equal(textAt(doc, loc.range), 'zhao');
    assert.equal(lineAt(doc, loc.range), '    - id: zhao');
  });

  it('goes to the definition from a definition, a unit, a goal, a feedback author', () => {
    const target = (context: string, word: string) => definition(doc, cursor(doc, context, word)).map((l) => lineAt(doc, l.range));
    assert.deepEqual(target('- id: zhao', 'zhao'), ['    - id: zhao']);
    assert.deepEqual(target('unit: cardiology', 'cardiology'), ['    - id: cardiology']);
    assert.deepEqual(target('parent: presidency', 'presidency'), ['    - id: presidency']);
    assert.deepEqual(target('goal: g-listing', 'g-listing'), ['  - id: g-listing']);
    assert.deepEqual(target('from: zhao', 'zhao'), ['    - id: zhao']);
  });

  it('has no definition off an id, or for an id that names nothing', () => {
    assert.deepEqual(definition(doc, cursor(doc, 'name: Wang Jun', 'Wang')), []);
    assert.deepEqual(definition(doc, cursor(doc, 'stage: negotiation', 'stage')), []);
    const dangling = planDocument('actions:\n  - id: a1\n    with: [ghost]\n');
    assert.deepEqual(definition(dangling, cursor(dangling, 'ghost')), []);
  });

  it('lists the definition and every reference of a stakeholder', () => {
    const expected = linesMatching(riverside, /(id|reports_to|from): zhao$|with: \[.*\bzhao\b/);
    assert.equal(expected.length, 6);
    const all = references(doc, cursor(doc, 'reports_to: zhao', 'zhao'), { includeDeclaration: true });
    assert.deepEqual(lines(all), expected);
    for (const l of all) assert.equal(textAt(doc, l.range), 'zhao');
    const refsOnly = references(doc, cursor(doc, 'id: zhao', 'zhao'), { includeDeclaration: false });
    assert.deepEqual(lines(refsOnly), linesMatching(riverside, /(reports_to|from): zhao$|with: \[.*\bzhao\b/));
  });

  it('keeps kinds apart: the unit `presidency` and the goal `g-share`', () => {
    const units = references(doc, cursor(doc, 'id: presidency', 'presidency'), { includeDeclaration: true });
    assert.deepEqual(lines(units), linesMatching(riverside, /(id|unit|parent): presidency$/));
    const goals = references(doc, cursor(doc, 'goal: g-share', 'g-share'), { includeDeclaration: true });
    assert.deepEqual(lines(goals), linesMatching(riverside, /(id|goal): g-share$/));
  });

  it('highlights the definition as written and the references as read', () => {
    const highlights = documentHighlights(doc, cursor(doc, 'with: [zhao, liu]', 'liu'));
    assert.deepEqual(
      highlights.map((h) => [lineAt(doc, h.range).trim(), h.kind]),
      [
        ['- id: liu', DocumentHighlightKind.Write],
        ['with: [zhao, liu]', DocumentHighlightKind.Read],
      ],
    );
    assert.deepEqual(documentHighlights(doc, cursor(doc, 'owner: Li Wei', 'Li')), []);
  });

  it('returns every definition of a duplicated id', () => {
    const dup = planDocument('diagnosis:\n  stakeholders:\n    - id: a\n    - id: a\n    - id: b\n      reports_to: a\n');
    assert.equal(definition(dup, cursor(dup, 'reports_to: a', 'a')).length, 2);
  });
});

describe('services: rename', () => {
  const renamed = (text: string, context: string, word: string, newName: string) => {
    const doc = planDocument(text);
    return applyWorkspaceEdit(text, rename(doc, cursor(doc, context, word), newName), URI);
  };

  it('prepares on an id only', () => {
    const doc = planDocument(riverside);
    const range = prepareRename(doc, cursor(doc, 'reports_to: zhao', 'zhao'));
    assert.ok(range);
    assert.equal(textAt(doc, range), 'zhao');
    assert.equal(prepareRename(doc, cursor(doc, 'name: Liu Yan', 'Liu')), null);
    assert.equal(prepareRename(doc, cursor(doc, 'reports_to: zhao', 'reports_to')), null);
  });

  it('renames a stakeholder everywhere and changes nothing else', () => {
    const expected = riverside
      .replace(/^(\s*(?:- id|reports_to|from): )zhao$/gm, '$1zhao-min')
      .replace('with: [zhao, liu]', 'with: [zhao-min, liu]');
    assert.notEqual(expected, riverside);
    assert.equal(renamed(riverside, 'with: [zhao', 'zhao', 'zhao-min'), expected);
    // The same from the definition, with the name (`Dr. Zhao Min`) left alone.
    assert.equal(renamed(riverside, '- id: zhao', 'zhao', 'zhao-min'), expected);
  });

  it('renames a unit, a goal and an action id', () => {
    assert.equal(renamed(riverside, 'unit: pharmacy', 'pharmacy', 'yaoji'), riverside.replace(/(id|unit): pharmacy$/gm, '$1: yaoji'));
    assert.equal(renamed(riverside, 'goal: g-share', 'g-share', 'g_share'), riverside.replace(/(id|goal): g-share$/gm, '$1: g_share'));
    assert.equal(renamed(riverside, 'id: a-committee', 'a-committee', 'a-dossier'), riverside.replace('id: a-committee', 'id: a-dossier'));
  });

  it('keeps quotes, comments and spacing as written', () => {
    const text = [
      '# who is who',
      'diagnosis:',
      '  stakeholders:',
      '    - id: "zhao"   # the president (zhao)',
      '      name: Zhao',
      '    - id: wang',
      "      reports_to: 'zhao'",
      'actions:',
      '  - id: a1',
      '    with: [ "zhao" ,wang]  # zhao and wang',
      'feedback:',
      '  - from:   zhao',
      '',
    ].join('\n');
    const expected = text
      .replace('"zhao"   #', '"chief"   #')
      .replace("'zhao'", "'chief'")
      .replace('[ "zhao" ,wang]', '[ "chief" ,wang]')
      .replace('from:   zhao', 'from:   chief');
    assert.equal(renamed(text, "reports_to: 'zhao'", 'zhao', 'chief'), expected);
  });

  it('keeps CRLF line breaks', () => {
    const crlf = riverside.replace(/\r?\n/g, '\r\n');
    const result = renamed(crlf, 'reports_to: zhao', 'zhao', 'president');
    assert.equal(result, crlf.replace(/(- id|reports_to|from): zhao\r$/gm, '$1: president\r').replace('[zhao, liu]', '[president, liu]'));
    assert.ok(!/[^\r]\n/.test(result), 'no bare LF');
  });

  it('renames through an anchor once, leaving the alias as written', () => {
    const text = 'diagnosis:\n  stakeholders:\n    - id: &boss zhao\n    - id: wang\n      reports_to: *boss\n';
    const doc = planDocument(text);
    assert.equal(prepareRename(doc, cursor(doc, 'reports_to: *boss', 'boss')), null, 'an alias is not an id');
    assert.equal(renamed(text, '&boss zhao', 'zhao', 'chief'), text.replace('&boss zhao', '&boss chief'));
  });

  it('renames within one kind: an action may share a goal id', () => {
    const text = 'goals:\n  - id: x\nactions:\n  - id: x\n    goal: x\ncontrols:\n  - goal: x\n';
    assert.equal(renamed(text, 'goal: x', 'x', 'y'), 'goals:\n  - id: y\nactions:\n  - id: x\n    goal: y\ncontrols:\n  - goal: y\n');
    // A stakeholder may take the name of a unit.
    assert.equal(renamed(riverside, 'id: wang', 'wang', 'pharmacy'), riverside.replace(/(id|reports_to): wang$/gm, '$1: pharmacy').replace('[wang, chen]', '[pharmacy, chen]'));
  });

  it('refuses a name that is not an identifier', () => {
    const doc = planDocument(riverside);
    const at = cursor(doc, 'id: zhao', 'zhao');
    for (const bad of ['bad id', '', '1st', '-x', 'zhao:', '赵']) {
      assert.throws(() => rename(doc, at, bad), (e: unknown) => e instanceof RenameError && e.message.includes(`\`${bad}\``), bad);
    }
    assert.throws(() => rename(doc, at, 'bad id', 'zh-cn'), /不是有效的 id/);
  });

  it('refuses a name another id of the same kind already has, in both languages', () => {
    const doc = planDocument(riverside);
    const at = cursor(doc, 'id: zhao', 'zhao');
    assert.throws(() => rename(doc, at, 'wang'), { name: 'RenameError', message: 'There is already a stakeholder with the id `wang`.' });
    assert.throws(() => rename(doc, at, 'wang', 'zh-cn'), { message: '已有 id 为 `wang` 的关键人物。' });
    assert.throws(() => rename(doc, cursor(doc, 'goal: g-share', 'g-share'), 'g-listing'), /goal with the id `g-listing`/);
  });

  it('makes no edit when the name stays', () => {
    const doc = planDocument(riverside);
    assert.deepEqual(rename(doc, cursor(doc, 'id: zhao', 'zhao'), 'zhao'), { changes: { [URI]: [] } });
  });

  it('refuses off an id', () => {
    const doc = planDocument(riverside);
    assert.throws(() => rename(doc, cursor(doc, 'name: Wang Jun', 'Wang'), 'x'), RenameError);
  });

  it('renames in the Chinese example too', () => {
    const huadong = example('huadong-peoples-hospital');
    const result = renamed(huadong, 'reports_to: sun', 'sun', 'yuanzhang');
    assert.equal(result.length, huadong.length + ('yuanzhang'.length - 'sun'.length) * (linesMatching(huadong, /\bsun\b/).length));
    assert.ok(!/\bsun\b/.test(result));
    assert.equal(result.replace(/\byuanzhang\b/g, 'sun'), huadong);
  });
});

describe('services: navigation on broken documents', () => {
  const broken = [
    '',
    'just a scalar',
    '- a\n- b\n',
    'diagnosis:\n  stakeholders:\n    - id: zhao\n      reports_to: [zhao\n  - id: \n',
    'actions:\n  - id: a1\n    with: [zhao, "liu\n',
    '{ diagnosis: ',
    '\t- x: : y',
  ];
  for (const text of broken) {
    it(`copes with ${JSON.stringify(text)}`, () => {
      const doc = planDocument(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const at = doc.document.positionAt(offset);
        definition(doc, at);
        references(doc, at, { includeDeclaration: true });
        documentHighlights(doc, at);
        if (prepareRename(doc, at) === null) assert.throws(() => rename(doc, at, 'x'), RenameError);
        else rename(doc, at, 'renamed');
      }
    });
  }
});
