// The workspace check's exclusions: `files.exclude` globs as VS Code matches them, plus node_modules and .git.
import * as assert from 'node:assert/strict';
import { exclusionFor, globToRegExp } from '../../server/src/engine/plan-files';

describe('workspace exclusions', () => {
  it('reads VS Code globs', () => {
    const cases: [string, string[], string[]][] = [
      ['**/archive', ['archive', 'a/archive', 'a/b/archive'], ['archives', 'a/archive2', 'xarchive']],
      ['**/*.bak.kam.yaml', ['x.bak.kam.yaml', 'a/b/x.bak.kam.yaml'], ['x.kam.yaml', 'x.bak.kam.yaml/y']],
      ['drafts/*', ['drafts/a.kam.yaml'], ['drafts', 'x/drafts/a.kam.yaml', 'drafts/a/b.kam.yaml']],
      ['drafts/**', ['drafts/a', 'drafts/a/b'], ['draftsx/a']],
      ['**/{old,tmp}', ['old', 'a/tmp'], ['older', 'a/temp']],
      ['plan-?.kam.yaml', ['plan-1.kam.yaml'], ['plan-10.kam.yaml', 'planX1.kam.yaml']],
      ['[!a]*.kam.yaml', ['b.kam.yaml'], ['a.kam.yaml']],
      ['build/', ['build'], ['a/build']],
      ['./build', ['build'], ['a/build']],
      ['**/x+(y)', ['x+(y)', 'a/x+(y)'], ['xy', 'xxy']],
    ];
    for (const [glob, matches, misses] of cases) {
      const re = globToRegExp(glob);
      for (const path of matches) assert.ok(re.test(path), `${glob} matches ${path}`);
      for (const path of misses) assert.ok(!re.test(path), `${glob} does not match ${path}`);
    }
  });

  it('takes an unclosed brace or bracket literally instead of failing', () => {
    assert.ok(globToRegExp('{a').test('{a'));
    assert.ok(globToRegExp('[a').test('[a'));
  });

  it('excludes a path when it or a folder above it is excluded; node_modules and .git always', () => {
    const excluded = exclusionFor({ '**/archive': true, 'plans/keep': false, '**/*.tmp.kam.yaml': { when: '$(basename).ts' } });
    assert.ok(excluded('archive/2019/a.kam.yaml'));
    assert.ok(excluded('plans/archive'));
    assert.ok(excluded('node_modules/pkg/a.kam.yaml'));
    assert.ok(excluded('plans/.git/a.kam.yaml'));
    assert.ok(!excluded('plans/keep/a.kam.yaml'), '`false` entries exclude nothing');
    assert.ok(!excluded('plans/x.tmp.kam.yaml'), '`when` entries are not supported');
    assert.ok(!excluded('plans/a.kam.yaml'));
  });

  it('excludes only the fixed folders when files.exclude is missing or malformed', () => {
    for (const value of [undefined, null, 'x', ['**/archive'], 42]) {
      const excluded = exclusionFor(value);
      assert.ok(!excluded('archive/a.kam.yaml'));
      assert.ok(excluded('node_modules/a.kam.yaml'));
    }
  });
});
