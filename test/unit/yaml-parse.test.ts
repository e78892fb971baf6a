// The parse's own steps (engine/yaml-parse.ts) against the `yaml` package's: the keys written twice.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { parseYaml } from '../../server/src/engine/yaml-parse';

/** How many keys written again the parser's own check (`uniqueKeys`) or ours finds (ours points at the key, the parser before it). */
const repeats = (errors: readonly { code: string }[]) => errors.filter((e) => e.code === 'DUPLICATE_KEY').length;

describe('engine: the YAML parse', () => {
  // Maps of a few keys are compared key with key, larger ones through a set: both sides of that line.
  const key = fc.constantFrom('a', 'b', 'c', '1', '01', '0x1', '.nan', '.NaN', '~', 'null', '"a"', "'b'", 'true', 'True', '""');
  const map = (indent: string) => fc.array(fc.tuple(key, fc.constantFrom('', ' 1', ' [x, y]', ' {a: 1, a: 2}')), { minLength: 1, maxLength: 40 }).map((pairs) => pairs.map(([k, v]) => `${indent}${k}:${v}`).join('\n'));

  it('finds the keys written twice where the parser’s own check does, in maps of any size', () => {
    const text = fc.oneof(map(''), map('    ').map((m) => `list:\n  - x: 1\n  - ${m.slice(4)}`), map('  ').map((m) => `outer:\n${m}`));
    fc.assert(
      fc.property(text, (t) => assert.equal(repeats(parseYaml(t).errors), repeats(parseDocument(t, { uniqueKeys: true }).errors), t)),
      { numRuns: 500 },
    );
  });
});
