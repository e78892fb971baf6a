// The validator without a client: what it publishes when a plan opens with the workspace scan's
// findings at hand, and after edits that the rules read only in part. A stand-in connection hands it
// the editor's notifications and records its diagnostics.
import * as assert from 'node:assert/strict';
import type { Connection, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { defaultConfig, type Finding, type KamConfig } from '../../server/src/engine';
import { PlanDocuments } from '../../server/src/lsp/documents';
import { Settings } from '../../server/src/lsp/settings';
import { Validator, type ClosedDocuments } from '../../server/src/lsp/validation';
import { checkText } from '../../server/src/rules/check';
import { FIXED_TODAY, readRepoFile } from '../helpers';

type Handler = (event: never) => void;

/** The part of a connection the documents, the settings and the validator use. */
function standIn() {
  const handlers = new Map<string, Handler>();
  const published: PublishDiagnosticsParams[] = [];
  const errors: string[] = [];
  const on = (name: string) => (handler: Handler) => {
    handlers.set(name, handler);
    return { dispose: () => handlers.delete(name) };
  };
  const connection = {
    onDidOpenTextDocument: on('open'),
    onDidChangeTextDocument: on('change'),
    onDidCloseTextDocument: on('close'),
    onWillSaveTextDocument: on('willSave'),
    onWillSaveTextDocumentWaitUntil: on('willSaveWaitUntil'),
    onDidSaveTextDocument: on('save'),
    sendDiagnostics: async (params: PublishDiagnosticsParams) => void published.push(params),
    console: { error: (message: string) => void errors.push(message), warn: () => undefined, log: () => undefined },
    window: { showWarningMessage: () => undefined },
  } as unknown as Connection;
  const fire = (name: string, event: unknown) => (handlers.get(name) as (e: unknown) => void)(event);
  return { connection, published, errors, fire };
}

const URI = 'file:///plans/harbour.kam.yaml';

function start(closed?: ClosedDocuments) {
  const { connection, published, errors, fire } = standIn();
  const documents = new PlanDocuments();
  documents.listen(connection);
  let parses = 0;
  const planFor = documents.planFor.bind(documents);
  documents.planFor = (uri: string) => {
    parses++;
    return planFor(uri);
  };
  new Validator(connection, documents, new Settings(connection, 'en', false), FIXED_TODAY, closed);
  let version = 1;
  return {
    published,
    errors,
    parses: () => parses,
    open: (text: string) => fire('open', { textDocument: { uri: URI, languageId: 'kam-yaml', version, text } }),
    change: (changes: TextDocumentContentChangeEvent[]) => fire('change', { textDocument: { uri: URI, version: ++version }, contentChanges: changes }),
    /** The diagnostics published for a version, once they are. */
    async diagnosticsOf(v: number): Promise<PublishDiagnosticsParams> {
      for (let waited = 0; waited < 5000; waited += 5) {
        const found = published.find((p) => p.version === v);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(`no diagnostics for version ${v}; published: ${published.map((p) => p.version).join(', ')}`);
    },
  };
}

const PLAN = readRepoFile('examples', 'riverside-general.kam.yaml');
const codesAndLines = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`);
const expected = (text: string) => {
  const lines = text.split(/\r\n|\r|\n/);
  const lineOf = (offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length - 1;
  assert.ok(lines.length > 1);
  return checkText(text, { today: FIXED_TODAY }).map((f) => `${f.code}@${lineOf(f.span.start)}`);
};

describe('Validator', () => {
  it('opens a plan with the findings the workspace scan had for that very text, without parsing it', async () => {
    // Findings a check of the text would never give: only the scan's answer can bring them.
    const scanned: Finding[] = [{ code: 'KAM999', name: 'scanned', severity: 'info', stage: 'document', span: { start: 0, end: 3 }, message: 'from the scan', messageId: 'default', args: {} }];
    const asked: { text: string; config: KamConfig; today: string }[] = [];
    const validator = start({
      adopt: () => false,
      checkedAs: (uri, text, config, today) => {
        asked.push({ text, config, today });
        return uri === URI && text === PLAN ? scanned : undefined;
      },
    });
    validator.open(PLAN);
    const opened = await validator.diagnosticsOf(1);
    assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.message]), [['KAM999', 'from the scan']]);
    assert.equal(validator.parses(), 0, 'the plan was parsed on open although its findings were known');
    assert.deepEqual(asked, [{ text: PLAN, config: defaultConfig('en'), today: FIXED_TODAY }]);
    // The first edit is checked as any: the scan's answer is for the text on disk only.
    validator.change([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
    const edited = await validator.diagnosticsOf(2);
    assert.deepEqual(codesAndLines(edited), expected(`# edited\n${PLAN}`));
  });

  it('checks a plan on open when the scan has no findings for its text', async () => {
    const validator = start({ adopt: () => false, checkedAs: () => undefined });
    validator.open(PLAN);
    assert.deepEqual(codesAndLines(await validator.diagnosticsOf(1)), expected(PLAN));
    assert.equal(validator.parses(), 1);
  });

  it('after edits inside one section, publishes what a full check finds', async () => {
    const validator = start();
    validator.open(PLAN);
    await validator.diagnosticsOf(1);
    let text = PLAN;
    // A goal's deadline made invalid and back, an action's goal misspelt, a stakeholder's role removed.
    const edits: [string, string][] = [
      ['deadline: 2027-', 'deadline: 2O27-'],
      ['deadline: 2O27-', 'deadline: 2027-'],
      ['    goal: g-share', '    goal: g-sharp'],
      ['roles: [', 'roles: [champion, '],
    ];
    let version = 1;
    for (const [from, to] of edits) {
      const at = text.indexOf(from);
      assert.ok(at >= 0, `${from} is in the plan`);
      const start = positionOf(text, at);
      const end = positionOf(text, at + from.length);
      validator.change([{ range: { start, end }, text: to }]);
      const before = expected(text);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      // Each version checked before the next edit: each is reparsed from the one before.
      assert.deepEqual(codesAndLines(await validator.diagnosticsOf(++version)), expected(text), `after ${to}`);
      assert.notDeepEqual(expected(text), before, `${to} changes the findings`);
    }
    assert.equal(validator.parses(), 1 + edits.length);
    assert.deepEqual(validator.errors, []);
  });
});

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
