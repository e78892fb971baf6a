// Plans opened in VS Code get the KAM language and the language server's findings, placed and
// coded as the rule fixtures expect.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateKam, closeAllEditors, codeOf, copyToWorkspace, findings, fixtureFindings, LANGUAGE_ID, openPlan } from './support';

describe('Diagnostics in VS Code', () => {
  before(activateKam);
  after(closeAllEditors);

  it('gives the complete example plan the kam-yaml language and no finding', async () => {
    const uri = copyToWorkspace('examples/riverside-general.kam.yaml');
    const { document, diagnostics } = await openPlan(uri);
    assert.equal(document.languageId, LANGUAGE_ID);
    assert.deepEqual(findings(diagnostics), []);
  });

  // A model rule (one finding at the top), and a rule with findings all through the plan.
  for (const code of ['KAM101', 'KAM204']) {
    it(`reports ${code} on the lines its fixture marks`, async () => {
      const expected = fixtureFindings(code);
      assert.ok(expected.length > 0, `the ${code} fixture marks no finding`);
      const uri = copyToWorkspace(`test/fixtures/rules/${code}.fires.kam.yaml`, `fixtures/${code}.kam.yaml`);
      const { document, diagnostics } = await openPlan(uri, (ds) => findings(ds, code).length >= expected.length);
      assert.equal(document.languageId, LANGUAGE_ID);
      assert.deepEqual(findings(diagnostics, code), expected);
      for (const d of diagnostics) {
        assert.equal(d.source, 'kam');
        assert.ok(d.message.length > 0, `${codeOf(d)} has no message`);
        // The code links to the rule's page, shipped with the extension.
        assert.ok(typeof d.code === 'object' && d.code.target instanceof vscode.Uri, `${codeOf(d)} has no documentation link`);
        assert.ok(d.code.target.path.endsWith(`/docs/rules/${codeOf(d)}.md`), `${codeOf(d)} links to ${d.code.target}`);
      }
    });
  }
});
