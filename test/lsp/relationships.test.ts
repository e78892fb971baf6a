// `kam.relationships.staleAfterDays` from the editor's settings, through the real server: KAM207,
// the hover on a stakeholder, the map's marks and the report all count from it.
import * as assert from 'node:assert/strict';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { KamMethods, type ReportResult, type StakeholderMapResult } from '../../server/src/lsp/protocol';
import { LspClient } from './lsp-client';

const PLAN = `kam: 1
account: {name: A}
diagnosis:
  stakeholders:
    - {id: zhao, name: Zhao Min, roles: [decision-maker], last_contact: 2026-10-01}
actions:
  - {id: a1, with: [zhao]}
`;

let counter = 0;
const untitled = () => `untitled:relationships-${++counter}.kam.yaml`;

describe('language server: relationships.staleAfterDays', function () {
  let client: LspClient;
  before(async () => (client = await LspClient.start({ today: '2026-11-26' })));
  after(() => client?.close());

  async function views(uri: string) {
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: client.positionOf(uri, '[zhao]', 2) })) as Hover;
    const map = await client.connection.sendRequest<StakeholderMapResult>(KamMethods.stakeholderMap, { uri });
    const report = await client.connection.sendRequest<ReportResult>(KamMethods.report, { uri, format: 'md' });
    return { hover: (hover.contents as MarkupContent).value, map, report: report.text };
  }

  it('is 90 days by default: 56 days since the last contact is not stale', async () => {
    client.settings = {};
    client.configurationChanged();
    const uri = client.open(untitled(), PLAN);
    const { diagnostics } = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'KAM207'), []);
    const { hover, map, report } = await views(uri);
    assert.match(hover, /2026-10-01, 56 days ago/);
    assert.doesNotMatch(hover, /Stale/);
    assert.equal(map.map.nodes[0].stale, false);
    assert.deepEqual(map.choices.marks.map((m) => m.value), ['stale', 'unmanaged']);
    assert.match(report, /\| Zhao Min \| decision maker \| — \| — \| 2026-10-01 \| 56 \| ✓ \|/);
  });

  it('follows the setting into the finding, the hover, the map and the report', async () => {
    client.settings = { relationships: { staleAfterDays: 30 } };
    client.configurationChanged();
    const uri = client.open(untitled(), PLAN);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'KAM207'));
    const [finding] = diagnostics.filter((d) => d.code === 'KAM207');
    assert.match(String(finding.message), /56 days ago, more than the 30 days/);
    const { hover, map, report } = await views(uri);
    assert.match(hover, /more than 30 days/);
    assert.equal(map.map.nodes[0].stale, true);
    assert.match(map.svg.map, /kam-stale/);
    assert.match(report, /⚠ stale: over 30 days/);
  });
});
