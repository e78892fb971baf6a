// The plan editor's two figures on the 5,000-line plan, through our server over stdio:
// - open → form: the plan opened, then kam/form answered: what the form needs before it can draw its
//   first screen (the webview draws the first items of each list only, so its own share stays small);
// - field edit → form findings: a set intent sent (kam/formEdit), its edit applied as the client
//   applies it (didChange), and kam/form answered for the new version with its findings.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { KamMethods, type FormResult } from '../server/src/lsp/protocol';
import type { ServerSpec } from './lsp';
import { TimingClient } from './lsp';

export const FORM_SIZE = 5_000;
const OPEN_RUNS = 6;
const EDIT_RUNS = 20;

export interface FormFigures {
  open: number[];
  edit: number[];
  /** The form model's size as posted to the webview, in bytes. */
  bytes: number;
}

export async function measureForm(spec: ServerSpec, file: string, timeoutMs: number): Promise<FormFigures> {
  const text = fs.readFileSync(file, 'utf8');
  const people = (parse(text) as { diagnosis?: { stakeholders?: unknown[] } }).diagnosis?.stakeholders?.length ?? 0;
  if (people === 0) throw new Error(`${file} has no stakeholders to edit`);
  const client = await TimingClient.start(spec);
  try {
    const open: number[] = [];
    let bytes = 0;
    for (let run = 0; run < OPEN_RUNS; run++) {
      const uri = `${pathToFileURL(file).href}?form-open-${run}`;
      const start = performance.now();
      client.open(uri, text);
      const form = await client.connection.sendRequest<FormResult>(KamMethods.form, { uri });
      open.push(performance.now() - start);
      bytes = Buffer.byteLength(JSON.stringify(form));
      client.close(uri);
    }

    const uri = pathToFileURL(file).href;
    await client.timeToDiagnostics(uri, () => client.open(uri, text), timeoutMs);
    let version = 1;
    const edit: number[] = [];
    for (let run = 0; run < EDIT_RUNS; run++) {
      // A person in the middle of the list gets a new title, as typed in the form.
      const path = ['diagnosis', 'stakeholders', Math.floor(people / 2), 'title'];
      const start = performance.now();
      const answer = await client.connection.sendRequest<WorkspaceEdit | null>(KamMethods.formEdit, { uri, version, intent: { op: 'set', path, value: `Title ${run}` } });
      const change = answer?.documentChanges?.[0];
      if (!change || !('edits' in change)) throw new Error(`no edit for ${path.join('.')}`);
      version++;
      applyAsClient(client, uri, version, change.edits as TextEdit[]);
      const form = await client.connection.sendRequest<FormResult>(KamMethods.form, { uri });
      if (form.version !== version) throw new Error(`the form answered for version ${form.version}, not ${version}`);
      edit.push(performance.now() - start);
    }
    return { open, edit, bytes };
  } finally {
    await client.stop();
  }
}

/** The edits as the client sends them after applying: one didChange with ranges. */
function applyAsClient(client: TimingClient, uri: string, version: number, edits: TextEdit[]): void {
  void client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [...edits].reverse().map((e) => ({ range: e.range, text: e.newText })),
  });
}
