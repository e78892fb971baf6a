// Where the cursor stands (services/yaml-path.ts): the path, the keys or items around it, on tricky
// YAML; and the same answers whether the finished items of long lists are passed over or read line by line.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { slotAt, tokenAt, type Slot } from '../../server/src/services/yaml-path';
import { example } from './services-helpers';

const CURSOR = '‸';

/** The text without the cursor marker, and the marker's offset. */
function at(textWithCursor: string): { text: string; offset: number } {
  const offset = textWithCursor.indexOf(CURSOR);
  assert.ok(offset >= 0, 'no cursor marker in the text');
  return { text: textWithCursor.replace(CURSOR, ''), offset };
}

/** The slot where `‸` stands, with `present` as a sorted list (it is a set for keys). */
function slot(textWithCursor: string): Record<string, unknown> | undefined {
  const { text, offset } = at(textWithCursor);
  const found = slotAt(text, offset);
  return found && { ...found, present: [...found.present].sort() };
}

/** An answer as text (a set as its list), so that two answers compare whole. */
const plain = (s: Slot | ReturnType<typeof tokenAt>) => JSON.stringify(s, (_, v) => (v instanceof Set ? [...v] : v));

const goals = (n: number) => Array.from({ length: n }, (_, i) => `  - id: g${i}\n    statement: Goal ${i}\n`).join('');

describe('services: the cursor’s place in the YAML', () => {
  it('counts the items of a long list before the cursor, and reads the keys of its item above and below', () => {
    const text = `kam: 1\ngoals:\n${goals(40)}  - id: gx\n    ‸\n    owner: Li Wei\n  - id: gy\n    deadline: 2027-01-01\n`;
    assert.deepEqual(slot(text), {
      kind: 'key',
      container: ['goals', 40],
      present: ['id', 'owner'],
      range: { start: at(text).offset, end: at(text).offset },
      colonFollows: false,
      column: 4,
      indent: 4,
    });
  });

  it('lists the items of a long block list of values, before and after the cursor', () => {
    const roles = Array.from({ length: 6 }, (_, i) => `        - role${i} # a comment\n`).join('');
    const found = slot(`diagnosis:\n  stakeholders:\n    - id: zhao\n      roles:\n${roles}\n        # between\n        - ‸\n        - 'quoted'\n    - id: wang\n`);
    assert.deepEqual(found && { path: found.path, inList: found.inList, present: found.present }, {
      path: ['diagnosis', 'stakeholders', 0, 'roles', 6],
      inList: true,
      present: ['quoted', 'role0', 'role1', 'role2', 'role3', 'role4', 'role5'],
    });
  });

  it('reads a value of an item far down a list, and the key or value under the cursor there', () => {
    const text = `goals:\n${goals(25)}  - id: gz\n    metric: reve‸nue\n`;
    assert.deepEqual(slot(text)?.path, ['goals', 25, 'metric']);
    const { text: plainText, offset } = at(text);
    assert.deepEqual(tokenAt(plainText, offset), {
      kind: 'value',
      path: ['goals', 25, 'metric'],
      key: 'metric',
      text: 'revenue',
      span: { start: offset - 4, end: offset + 3 },
    });
    assert.deepEqual(tokenAt(plainText, plainText.indexOf('metric') + 1)?.path, ['goals', 25, 'metric']);
  });

  it('follows a list whose items stand at their key’s column, or after an anchor', () => {
    assert.deepEqual(slot(`goals:\n- id: g0\n- id: g1\n- id: g2\n  ‸\n`)?.container, ['goals', 2]);
    assert.deepEqual(slot(`goals: &all\n  - id: g0\n  - id: g1\n  - id: g2\n    ‸\n`)?.container, ['goals', 2]);
  });

  it('stops passing over items where a line leaves the list’s column, and still reads what follows', () => {
    // A line left of the dashes ends the list: the next dash opens a list in the previous key.
    assert.deepEqual(slot(`goals:\n    - id: g0\n    - id: g1\n  - id: g2\n    - id: g3\n      ‸\n`)?.container, ['goals', 2, 'id', 0]);
    // A tab counts as indentation: the tabbed item is an item of its own list.
    assert.deepEqual(slot(`goals:\n  - id: g0\n  - id: g1\n\t- id: g2\n  - id: g3\n    ‸\n`)?.container, ['goals', 2, 0]);
  });

  it('lists inside list items: `- - a`', () => {
    const found = slot(`goals:\n  - - a\n    - b\n  - - c\n    - ‸\n`);
    assert.deepEqual(found && { path: found.path, present: found.present }, { path: ['goals', 1, 1], present: ['c'] });
  });

  it('offers nothing inside a flow map, a block scalar or a comment', () => {
    assert.equal(slot(`account:\n  team: {lead: ‸}\n`), undefined);
    assert.equal(slot(`goals:\n  - {id: g1, ‸}\n`), undefined);
    assert.equal(slot(`feedback:\n  - said: |\n      stan‸ce: high\n    stance: x\n`), undefined);
    assert.equal(slot(`goals:\n  - id: g1 # go‸al\n`), undefined);
    assert.equal(slot(`goals:\n  - id: g1\n  # ‸\n`), undefined);
  });

  it('reads on after a block scalar whose text looks like list items', () => {
    const found = slot(`feedback:\n  - said: |\n      - not an item\n      - nor this\n  - said: >\n      - y\n\n  - from: zhao\n    ‸\n`);
    assert.deepEqual(found && { container: found.container, present: found.present }, { container: ['feedback', 2], present: ['from'] });
  });

  it('reads the items of a flow list, also one that goes on over lines', () => {
    const flow = slot(`actions:\n  - with: [zhao, ‸]\n`);
    assert.deepEqual(flow && { path: flow.path, present: flow.present }, { path: ['actions', 0, 'with', 1], present: ['zhao'] });
    const over = slot(`actions:\n  - with: [zhao,\n      wa‸\n`);
    assert.deepEqual(over && { path: over.path, present: over.present }, { path: ['actions', 0, 'with', 1], present: ['zhao'] });
  });

  it('reads CRLF and CR line breaks as LF', () => {
    const lf = `goals:\n${goals(5)}  - id: g1\n    ‸\n    owner: x\n`;
    for (const eol of ['\r\n', '\r']) {
      const other = lf.replace(/\n/g, eol);
      const found = slot(other);
      assert.deepEqual(found && { container: found.container, present: found.present, column: found.column }, { container: ['goals', 5], present: ['id', 'owner'], column: 4 });
      const { text, offset } = at(other.replace(`${CURSOR}${eol}    owner`, `${eol}    own${CURSOR}er`));
      assert.deepEqual(tokenAt(text, offset)?.path, ['goals', 5, 'owner']);
    }
  });

  it('answers at the very end of the text, with or without a last line break', () => {
    assert.deepEqual(slot(`goals:\n  - id: g1\n    ‸`)?.container, ['goals', 0]);
    assert.deepEqual(slot(`goals:\n  - id: g1\n    metric: re‸`)?.path, ['goals', 0, 'metric']);
    assert.deepEqual(slot(`kam: 1\n‸`)?.container, []);
    assert.equal(tokenAt('goals:\n', 7), undefined);
  });

  it('on an empty line under a list: the keys of the list’s own map', () => {
    assert.deepEqual(slot(`diagnosis:\n  stakeholders:\n    - id: a\n    ‸\n    - id: b\n`)?.container, ['diagnosis', 'stakeholders']);
    assert.deepEqual(slot(`diagnosis:\n  stakeholders:\n    - id: a\n      roles:\n        - guide\n        ‸\n`)?.container, ['diagnosis', 'stakeholders', 0, 'roles']);
  });

  it('gives the same answers passing over list items as reading every line, anywhere in a plan', () => {
    const riverside = example('riverside-general');
    // Every third offset: each line is still asked at its start, inside its key and inside its value.
    for (let offset = 0; offset <= riverside.length; offset += 3) {
      assert.equal(plain(slotAt(riverside, offset)), plain(slotAt(riverside, offset, { everyLine: true })), `slot at ${offset}`);
      assert.equal(plain(tokenAt(riverside, offset)), plain(tokenAt(riverside, offset, { everyLine: true })), `token at ${offset}`);
    }
  });

  it('gives the same answers passing over list items as reading every line, on random block YAML', () => {
    // Lists under keys, their items with lines below them, and odd lines at any indentation among them.
    const odd = fc
      .tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom('- ', '- - x', 'id: g1', 'roles:', 'with: [a,', 'said: |', '# note', '', '\t- t', 'key: &k', 'text'))
      .map(([indent, body]) => [' '.repeat(indent) + body]);
    const child = fc.constantFrom('name: x', 'roles:', '- r', '  - r', '# c', '', 'text', 'said: >', '  - not an item', ' odd: 1');
    const item = fc.tuple(fc.constantFrom('- a', '- id: g', '- - b', '- ', '-', '- said: |', '- k: [x,', "- 'q'", '- &a'), fc.array(child, { maxLength: 3 }));
    const list = fc
      .record({ key: fc.integer({ min: 0, max: 4 }), shift: fc.integer({ min: 0, max: 2 }), items: fc.array(item, { maxLength: 6 }) })
      .map(({ key, shift, items }) => [
        `${' '.repeat(key)}list:`,
        ...items.flatMap(([head, children]) => [' '.repeat(key + shift) + head, ...children.map((c) => ' '.repeat(key + shift + 2) + c)]),
      ]);
    const text = fc
      .tuple(fc.array(fc.oneof(list, list, odd), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))
      .map(([blocks, eol]) => blocks.flat().join(eol));
    fc.assert(
      fc.property(text, (t) => {
        for (let offset = 0; offset <= t.length; offset++) {
          assert.equal(plain(slotAt(t, offset)), plain(slotAt(t, offset, { everyLine: true })), `slot at ${offset}`);
          assert.equal(plain(tokenAt(t, offset)), plain(tokenAt(t, offset, { everyLine: true })), `token at ${offset}`);
        }
      }),
      { numRuns: 100, seed: 6 },
    );
  });
});
