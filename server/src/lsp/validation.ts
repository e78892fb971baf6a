// Diagnostics as you type: at once when a document opens, after a short pause while it is edited; a
// plan gets its findings, a `.kamrc.yaml` its own checks (rc-file.ts).
// Every run takes a new generation; a run that finds a newer one started for its document (or the
// document closed) while it waited for the settings drops its result, so a stale result never
// overwrites a fresh one. A check that throws is logged and leaves the document with no diagnostics.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { checkPlan } from '../rules/check';
import type { Finding } from '../engine/rule';
import type { PlanDocuments } from './documents';
import { toDiagnostic } from './diagnostics';
import { rcDiagnostics } from './rc-file';
import { isRcFile, type Settings } from './settings';

/**
 * The pause after an edit before the document is checked: as long as its last check after an edit
 * took, within these bounds. A short plan is checked almost as you type (the pause was most of the
 * wait); a long one waits for a pause in typing. Checks on open do not count: they parse the whole
 * text, while an edit's check parses only the edited entry again (engine/reparse.ts).
 */
export const DEBOUNCE_MS = 150;
export const MIN_DEBOUNCE_MS = 20;

/** Takes over the diagnostics of a document that closed (the workspace checks its file on disk). */
export interface ClosedDocuments {
  /** True when it will publish for the URI: its current diagnostics are left until then. */
  adopt(uri: string): boolean;
}

export class Validator {
  private generation = 0;
  /** The generation of the latest run per open document. */
  private readonly latest = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** How long the last check after an edit of each open document took, in ms. */
  private readonly cost = new Map<string, number>();
  /** The findings last published per document, with the version they are for (hover shows SMART status from them). */
  private readonly published = new Map<string, { version: number; findings: Finding[] }>();

  /**
   * @param today fixes "today" for time-based rules (tests); the local date otherwise.
   * @param closed who publishes for a document once it closes; without it, its diagnostics are cleared.
   */
  constructor(
    private readonly connection: Connection,
    private readonly documents: PlanDocuments,
    private readonly settings: Settings,
    private readonly today?: string,
    private readonly closed?: ClosedDocuments,
  ) {
    // onDidChangeContent also fires on open: a document never validated is validated at once.
    documents.synced.onDidChangeContent(({ document }) =>
      this.latest.has(document.uri) ? this.schedule(document.uri) : this.validateNow(document.uri),
    );
    documents.synced.onDidClose(({ document }) => this.clear(document.uri));
  }

  validateNow(uri: string): void {
    this.cancelTimer(uri);
    void this.validate(uri);
  }

  /** Settings changed: every open document is checked again. */
  revalidateAll(): void {
    for (const document of this.documents.all()) this.validateNow(document.uri);
  }

  private schedule(uri: string): void {
    this.cancelTimer(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri, true);
      }, Math.min(DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, this.cost.get(uri) ?? MIN_DEBOUNCE_MS))),
    );
  }

  /** The findings of exactly this version, when its check has finished. */
  findingsFor(uri: string, version: number): Finding[] | undefined {
    const last = this.published.get(uri);
    return last?.version === version ? last.findings : undefined;
  }

  private clear(uri: string): void {
    this.cancelTimer(uri);
    this.published.delete(uri);
    this.latest.delete(uri);
    this.cost.delete(uri);
    this.settings.forget(uri);
    if (!this.closed?.adopt(uri)) this.publish(uri, undefined, []);
  }

  private cancelTimer(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private async validate(uri: string, afterEdit = false): Promise<void> {
    const generation = ++this.generation;
    this.latest.set(uri, generation);
    const current = () => this.latest.get(uri) === generation;
    try {
      const config = await this.settings.configFor(uri);
      if (!current()) return;
      const rcFile = isRcFile(uri) && this.documents.get(uri);
      if (rcFile) return this.publish(uri, rcFile.version, rcDiagnostics(rcFile, config.locale));
      const started = performance.now();
      const parsed = this.documents.planFor(uri);
      if (!parsed) return;
      const findings = checkPlan(parsed.plan, {
        config,
        today: this.today,
        // One broken rule must not blank the others: log it and keep their findings.
        onRuleError: (rule, e) => this.connection.console.error(`${rule.code} failed on ${uri}: ${(e as Error).stack ?? String(e)}`),
      });
      if (afterEdit) this.cost.set(uri, performance.now() - started);
      this.published.set(uri, { version: parsed.document.version, findings });
      this.publish(uri, parsed.document.version, findings.map((finding) => toDiagnostic(finding, parsed.document)));
    } catch (e) {
      this.connection.console.error(`Checking ${uri} failed: ${(e as Error).stack ?? String(e)}`);
      if (current()) this.publish(uri, this.documents.get(uri)?.version, []);
    }
  }

  private publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
