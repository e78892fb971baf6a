// The plan editor's requests: the plan as a form (kam/form) and an intent from the form turned into
// an edit of the version it was made on (kam/formEdit). The form and the edits are the services'
// (services/form/); this module only reads the document, checks the version and answers.
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { text } from '../engine/vocabulary';
import { findingFixes, quickFixEdit } from '../services/code-actions';
import { rangeOf } from '../services/document';
import { FormEditError, formEdits } from '../services/form/form-edit';
import { FormItems } from '../services/form/form-items';
import { buildFormModel } from '../services/form/form-model';
import type { PlanDocuments } from './documents';
import type { FeatureEnvironment } from './features';
import { KamMethods, type FormEditParams, type FormEditResult, type FormParams, type FormResult } from './protocol';
import { checkedPlan, healthAnswer } from './view-requests';

const WORDS = {
  changed: text('The plan changed meanwhile; the form shows it now.', '计划已在此期间更改，表单现已更新。'),
  gone: text('That finding is no longer in the plan.', '该问题已不在计划中。'),
  noFix: text('That fix no longer applies.', '该修复已不再适用。'),
};

const OPS = ['set', 'add', 'remove', 'move', 'fix'];

export function registerFormRequests(connection: Connection, documents: PlanDocuments, env: () => FeatureEnvironment): void {
  const checked = (uri: string) => checkedPlan(connection, documents, env, uri);

  /** The form of each version by locale: asked again for the same version (its diagnostics came), it answers at once. */
  const answers = new WeakMap<object, Map<string, FormResult>>();
  /** Per document, the items of its last form: after an edit only the items it touched are built again. */
  const items = new Map<string, FormItems>();
  documents.synced.onDidClose(({ document }) => items.delete(document.uri));

  connection.onRequest(KamMethods.form, async ({ uri }: FormParams): Promise<FormResult | null> => {
    const c = await checked(uri);
    if (!c) return null;
    const { parsed, findings, locale } = c;
    const kept = answers.get(parsed)?.get(locale);
    if (kept) return kept;
    const all = findingFixes(parsed, findings, locale, { config: c.config, today: c.today });
    const fixes = new Map(findings.map((f, i) => [f, all[i].map((fix) => fix.title)]));
    const reuse = items.get(uri) ?? items.set(uri, new FormItems()).get(uri);
    const form = buildFormModel(parsed.plan, findings, { locale, fixTitles: (f) => fixes.get(f) ?? [], reuse });
    const health = healthAnswer(findings, parsed.plan.syntaxErrors.length === 0, locale);
    const answer = { uri, version: parsed.document.version, locale, ...health, form };
    answers.set(parsed, (answers.get(parsed) ?? new Map()).set(locale, answer));
    return answer;
  });

  connection.onRequest(KamMethods.formEdit, async ({ uri, version, intent }: FormEditParams): Promise<FormEditResult> => {
    if (!intent || !OPS.includes(intent.op)) throw new ResponseError(ErrorCodes.InvalidParams, `not a form intent: ${JSON.stringify(intent)}`);
    const c = await checked(uri);
    if (!c) return null;
    const { parsed, locale } = c;
    const { document } = parsed;
    if (version !== document.version) throw new ResponseError(LSPErrorCodes.ContentModified, WORDS.changed[locale]);
    if (intent.op === 'fix') {
      const finding = c.findings.find((f) => f.code === intent.code && f.span.start === intent.at);
      if (!finding) throw new ResponseError(LSPErrorCodes.ContentModified, WORDS.gone[locale]);
      const edit = quickFixEdit(parsed, finding, intent.fix, locale, { config: c.config, today: c.today });
      if (!edit) throw new ResponseError(LSPErrorCodes.RequestFailed, WORDS.noFix[locale]);
      return edit;
    }
    try {
      const edits = formEdits(parsed.plan.text, intent, { locale, today: c.today, plan: parsed.plan });
      if (edits.length === 0) return null;
      return {
        documentChanges: [{ textDocument: { uri, version: document.version }, edits: edits.map((e) => ({ range: rangeOf(document, e), newText: e.newText })) }],
      };
    } catch (e) {
      // An intent the plan cannot take is the user's to see; anything else is a real failure.
      if (e instanceof FormEditError) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
      throw e;
    }
  });
}
