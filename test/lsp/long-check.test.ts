// A long check never holds the server: a long plan the main thread has not parsed (an open document,
// or a closed file of the workspace) is parsed and checked in a worker thread (server/src/lsp/off-thread.ts), and a document gets at most
// MAX_DIAGNOSTICS diagnostics, the last saying how many were left out.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_DIAGNOSTICS, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { OFF_THREAD_CHARS } from '../../server/src/lsp/off-thread';
import { KamMethods, type PortfolioResult } from '../../server/src/lsp/protocol';
import { checkText } from '../../server/src/rules/check';
import { RULES } from '../../server/src/rules';
import { FIXED_TODAY } from '../helpers';
import { LspClient } from './lsp-client';

const SMALL = 'kam: 1\naccount:\n  name: Riverside General Hospital\n  owner: Li Wei\n';

/** The worst plan found within the size limit: a top-level map of one-line keys the format does not know, just under 1 MB. */
function unknownKeys(): string {
  const lines = ['kam: 1'];
  for (let i = 0, size = 7; size < 1_000_000; i++) {
    lines.push(`key${i}: ${i}`);
    size += lines[lines.length - 1].length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** A valid plan with `people` stakeholders, one of whom reports to nobody known (KAM203). */
function longPlan(people: number): string {
  const lines = ['kam: 1', 'account:', '  name: Big Account', '  owner: Li Wei', 'diagnosis:', '  stakeholders:'];
  for (let i = 0; i < people; i++) {
    lines.push(`    - id: p${i}`, `      name: Person ${i}`, '      roles: [guide]', '      stance: neutral', '      influence: low');
    if (i === 7) lines.push('      reports_to: nobody');
  }
  return `${lines.join('\n')}\n`;
}

/** Diagnostics as code@line, to compare with the findings of a check in this process. */
const places = (diagnostics: { code?: string | number; range: { start: { line: number } } }[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
const findingPlaces = (text: string) => {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line;
  };
  return checkText(text, { today: FIXED_TODAY }).map((f) => ({ code: f.code, line: lineOf(f.span.start) }));
};

/**
 * Hovers on `small`, one after another, until `long`'s diagnostics arrive: twice as many as there are
 * rules must be answered first. Resolves to those diagnostics.
 */
async function hoversBefore(client: LspClient, small: string, long: string, what: string) {
  let published = false;
  const diagnostics = client.waitForDiagnostics(long, undefined, 150_000).then((p) => ((published = true), p));
  const wanted = 2 * RULES.length;
  let answered = 0;
  while (!published && answered < wanted) {
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: client.positionOf(small, 'Li Wei', 1) });
    if (!published) answered++;
  }
  assert.equal(answered, wanted, `only ${answered} hovers were answered before ${what}'s findings`);
  return diagnostics;
}

describe('language server: long checks', function () {
  this.timeout(180_000);
  let client: LspClient;
  beforeEach(async () => (client = await LspClient.start()));
  afterEach(() => client?.close());

  it('answers request after request while a 1 MB hostile plan is checked, and shows its first findings', async () => {
    const small = client.open('untitled:small.kam.yaml', SMALL);
    await client.waitForDiagnostics(small, undefined, 30_000);
    const text = unknownKeys();
    assert.ok(text.length > OFF_THREAD_CHARS && Buffer.byteLength(text) < 1024 * 1024);
    const hostile = client.open('untitled:hostile.kam.yaml', text);
    // On the main thread a request gets in only where the check steps back, between two rules: so
    // twice as many answers one after another, before the findings, mean the check was elsewhere.
    const diagnostics = await hoversBefore(client, small, hostile, 'the hostile plan');
    const shown = diagnostics.diagnostics;
    assert.equal(shown.length, MAX_DIAGNOSTICS + 1);
    const expected = findingPlaces(text);
    assert.ok(expected.length > 50_000);
    assert.match(shown[0].message as string, new RegExp(`first ${MAX_DIAGNOSTICS.toLocaleString('en')} of ${expected.length.toLocaleString('en')} findings`));
    assert.deepEqual(places(shown.slice(1)), expected.slice(0, MAX_DIAGNOSTICS).map((f) => `${f.code}@${f.line}`));
  });

  it('checks a long plan in the worker as on the main thread, and on the main thread once a feature has parsed it', async () => {
    const text = longPlan(6000);
    assert.ok(text.length > OFF_THREAD_CHARS);
    const uri = client.open('untitled:long.kam.yaml', text);
    const opened = await client.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
    const expected = (t: string) => findingPlaces(t).map((f) => `${f.code}@${f.line}`);
    assert.deepEqual(places(opened.diagnostics), expected(text));
    assert.ok(opened.diagnostics.length > 0);

    // An edit before any feature asked: checked in the worker again, from the plan it kept.
    client.replace(uri, 'name: Person 10\n', 'name: Person 10\n      reports_to: nobody either\n');
    const edited = await client.waitForDiagnostics(uri, (p) => p.version === 2, 60_000);
    assert.deepEqual(places(edited.diagnostics), expected(client.document(uri).getText()));

    // A hover parses the plan on the main thread; the next edit is checked there, from that plan.
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: client.positionOf(uri, 'p1', 1) });
    client.replace(uri, 'reports_to: nobody either\n', '');
    const again = await client.waitForDiagnostics(uri, (p) => p.version === 3, 60_000);
    assert.deepEqual(places(again.diagnostics), expected(client.document(uri).getText()));
  });
});

describe('language server: a long closed plan of the workspace', function () {
  this.timeout(180_000);
  let root: string;
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('is checked in the worker: requests are answered meanwhile, and its portfolio row counts every finding', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-long-closed-'));
    const text = unknownKeys();
    const file = path.join(root, 'hostile.kam.yaml');
    fs.writeFileSync(file, text);
    client = await LspClient.start({ workspaceFolders: [root] });
    const c = client;
    const small = c.open('untitled:small.kam.yaml', SMALL);
    // The scan checks a closed plan in one go, with no step back: on the main thread hardly a hover would get in.
    const diagnostics = await hoversBefore(c, small, pathToFileURL(file).href, 'the closed plan');
    const expected = findingPlaces(text);
    assert.equal(diagnostics.diagnostics.length, MAX_DIAGNOSTICS + 1);
    const rows = await c.connection.sendRequest<PortfolioResult>(KamMethods.portfolio, {});
    assert.equal(rows.rows.length, 1);
    const counted = Object.values(rows.rows[0].findings).reduce((a, b) => a + b, 0);
    assert.equal(counted, expected.length, 'the row counts the findings the worker did not send back too');
  });
});

describe('diagnostics of a document with many findings', () => {
  const text = unknownKeys().slice(0, 60_000);
  const document = TextDocument.create('untitled:many.kam.yaml', 'kam-yaml', 1, text);
  const findings = checkText(text, { today: FIXED_TODAY });

  it('are its findings, one each, up to MAX_DIAGNOSTICS', () => {
    assert.ok(findings.length > MAX_DIAGNOSTICS);
    const few = toDiagnostics(findings.slice(0, 10), document, 'en');
    assert.deepEqual(few.map((d) => d.message), findings.slice(0, 10).map((f) => f.message));
  });

  it('say in the editor\'s language how many were left out, when only the first are given', () => {
    const shown = toDiagnostics(findings.slice(0, MAX_DIAGNOSTICS), document, 'zh-cn', 123_456);
    assert.equal(shown.length, MAX_DIAGNOSTICS + 1);
    assert.equal(shown[0].message, '此文件共有 123,456 条检查结果，仅显示前 1,000 条：修正这些后，其余的会随后显示。');
    assert.deepEqual(shown[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(shown.slice(1).map((d) => d.message), findings.slice(0, MAX_DIAGNOSTICS).map((f) => f.message));
  });
});
