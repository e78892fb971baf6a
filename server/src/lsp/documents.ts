// The open documents and their parsed plans. Each document version is parsed once and the plan is
// shared by every feature (diagnostics now; hover, completion and symbols read the same cache).
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Plan } from '../engine/model';
import { parsePlan } from '../engine/parse';
import type { PlanDocument } from '../services/document';
import { isRcFile } from './settings';

export class PlanDocuments {
  /** The documents as the client has them (incremental sync), with their open/change/close events. */
  readonly synced = new TextDocuments(TextDocument);
  private readonly parsed = new Map<string, PlanDocument>();
  /** Per document, the newest plan that parsed without a syntax error: completion reads ids from it mid-edit. */
  private readonly good = new Map<string, Plan>();

  constructor() {
    this.synced.onDidClose(({ document }) => {
      this.parsed.delete(document.uri);
      this.good.delete(document.uri);
    });
  }

  listen(connection: Connection): void {
    this.synced.listen(connection);
  }

  get(uri: string): TextDocument | undefined {
    return this.synced.get(uri);
  }

  all(): TextDocument[] {
    return this.synced.all();
  }

  /**
   * The plan of the document's current version, parsed on first use; undefined when the document is
   * not open or is a `.kamrc.yaml`. Its `document` is a snapshot of that version: the live one changes in place as edits arrive.
   */
  planFor(uri: string): PlanDocument | undefined {
    const document = this.synced.get(uri);
    // A .kamrc.yaml is open for its own checks (rc-file.ts), never read as a plan.
    if (!document || isRcFile(uri)) return undefined;
    const cached = this.parsed.get(uri);
    if (cached && cached.document.version === document.version) return cached;
    const text = document.getText();
    const snapshot = TextDocument.create(uri, document.languageId, document.version, text);
    // The previous version's plan lends its document to the new one (only the edited entry is parsed
    // again); nothing reads it afterwards: features take the plan after their awaits.
    const fresh = { document: snapshot, plan: parsePlan(text, cached?.plan) };
    this.parsed.set(uri, fresh);
    if (fresh.plan.syntaxErrors.length === 0) this.good.set(uri, fresh.plan);
    return fresh;
  }

  /** True once a version of the document has been parsed on this thread (its check, or a feature, asked for it). */
  hasPlan(uri: string): boolean {
    return this.parsed.has(uri);
  }

  /** The newest plan of the document that had no syntax error, if any. */
  lastGoodPlan(uri: string): Plan | undefined {
    return this.good.get(uri);
  }
}
