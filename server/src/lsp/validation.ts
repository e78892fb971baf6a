// Diagnostics as you type: at once when a document opens, after a short pause while it is edited; a
// plan gets its findings, a `.kamrc.yaml` its own checks (rc-file.ts).
// Every run takes a new generation; a run that finds a newer one started for its document (or the
// document closed) while it waited for the settings or between rules drops its result, so a stale
// result never overwrites a fresh one. A check that throws is logged and leaves the document with no
// diagnostics.
//
// Work is saved where the answer is already known: after an edit only the rules that read what it
// changed run again, the others' findings are moved (engine/check.ts; none runs after an edit of
// comments or blank lines); a plan the workspace scan checked on disk opens with those findings when
// its text is the same. A long check steps back between rules so that requests
// (hover, completion, other documents) are answered meanwhile.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { allFindings, carriedFindings, runRules, type FindingsByRule } from '../engine/check';
import type { KamConfig } from '../engine/config';
import type { Plan } from '../engine/model';
import type { Finding } from '../engine/rule';
import { localToday } from '../engine/values';
import { RULES } from '../rules';
import type { PlanDocuments } from './documents';
import { MAX_DIAGNOSTICS, toDiagnostics } from './diagnostics';
import { OFF_THREAD_CHARS, offThread } from './off-thread';
import { rcDiagnostics } from './rc-file';
import { isRcFile, type Settings } from './settings';

/**
 * The pause after an edit before the document is checked: half as long as its last check after an
 * edit took, within these bounds. A short plan is checked almost as you type (the pause was most of
 * the wait); a long one waits for a short pause in typing. A check that starts too early costs little:
 * it steps back every SLICE_MS and stops once a newer version has come. Checks on open do not count:
 * they parse the whole text, while an edit's check parses only the edited entries again
 * (engine/reparse.ts), or nothing at all after an edit of comments or blank lines.
 */
export const DEBOUNCE_MS = 150;
export const MIN_DEBOUNCE_MS = 10;

/** A check may run this long before it steps back to let requests in. */
export const SLICE_MS = 30;

/** Takes over the diagnostics of a document that closed (the workspace checks its file on disk). */
export interface ClosedDocuments {
  /** True when it will publish for the URI: its current diagnostics are left until then. */
  adopt(uri: string): boolean;
  /** The findings of the file as last checked on disk, when its text, settings and day were these. */
  checkedAs?(uri: string, text: string, config: KamConfig, today: string): Finding[] | undefined;
}

/** A check's result with what it depended on: the plan it read, the settings and the day. */
interface Checked {
  plan: Plan;
  config: KamConfig;
  today: string;
  byRule: FindingsByRule;
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
  /** The last check per document: after an edit, the findings of rules that read nothing it changed are moved from it. */
  private readonly checked = new Map<string, Checked>();
  /** Checks under way per document, and who waits for them to settle (checkedVersion). */
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

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
      }, Math.min(DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, (this.cost.get(uri) ?? 0) / 2))),
    );
  }

  /** The findings of exactly this version, when its check has finished. */
  findingsFor(uri: string, version: number): Finding[] | undefined {
    const last = this.published.get(uri);
    return last?.version === version ? last.findings : undefined;
  }

  /**
   * The findings of this version once its check has run: a check waiting for a pause in typing runs
   * at once, one under way is waited for, so that a request after an edit shares the check the
   * diagnostics need instead of checking the plan a second time. Undefined when it ends without them
   * (a newer version came, the document closed, the check failed).
   */
  async checkedVersion(uri: string, version: number): Promise<Finding[] | undefined> {
    const known = this.findingsFor(uri, version);
    if (known || this.documents.get(uri)?.version !== version) return known;
    const settled = new Promise<void>((resolve) => this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), resolve]));
    if (this.timers.has(uri)) {
      this.cancelTimer(uri);
      void this.validate(uri, true);
    } else if (!this.running.get(uri)) this.validateNow(uri);
    await settled;
    return this.findingsFor(uri, version);
  }

  private wake(uri: string): void {
    const waiting = this.waiting.get(uri) ?? [];
    this.waiting.delete(uri);
    for (const resolve of waiting) resolve();
  }

  private clear(uri: string): void {
    this.wake(uri);
    this.cancelTimer(uri);
    this.published.delete(uri);
    this.checked.delete(uri);
    this.latest.delete(uri);
    this.cost.delete(uri);
    this.settings.forget(uri);
    offThread.forget(uri);
    if (!this.closed?.adopt(uri)) this.publish(uri, undefined, []);
  }

  private cancelTimer(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private async validate(uri: string, afterEdit = false): Promise<void> {
    this.running.set(uri, (this.running.get(uri) ?? 0) + 1);
    try {
      await this.validateOnce(uri, afterEdit);
    } finally {
      const left = (this.running.get(uri) ?? 1) - 1;
      if (left > 0) this.running.set(uri, left);
      else this.running.delete(uri);
      // Those waiting for a version hear once its findings are out, or once no check is left to give them.
      if (left === 0 || this.findingsFor(uri, this.documents.get(uri)?.version ?? -1)) this.wake(uri);
    }
  }

  private async validateOnce(uri: string, afterEdit: boolean): Promise<void> {
    const generation = ++this.generation;
    this.latest.set(uri, generation);
    const current = () => this.latest.get(uri) === generation;
    try {
      const config = await this.settings.configFor(uri);
      if (!current()) return;
      const rcFile = isRcFile(uri) && this.documents.get(uri);
      if (rcFile) return this.publish(uri, rcFile.version, rcDiagnostics(rcFile, config.locale));
      const today = this.today ?? localToday();
      if (!afterEdit && !this.published.has(uri) && this.publishKnown(uri, config, today)) return;
      if (await this.checkedOffThread(uri, config, today, afterEdit, current)) return;
      const started = performance.now();
      const parsed = this.documents.planFor(uri);
      if (!parsed) return;
      const { plan } = parsed;
      const last = this.checked.get(uri);
      const previous = plan.edit && last?.plan === plan.edit.previous && last.config === config && last.today === today ? last.byRule : undefined;
      // While the check steps back a newer version may be parsed from this one (its document is then
      // reused): the check stops there, and the newer version's own check follows.
      const unchanged = () => current() && this.documents.get(uri)?.version === parsed.document.version;
      const byRule = await this.check(uri, plan, config, today, unchanged, started, previous);
      if (!byRule) return; // overtaken by a newer version while it stepped back
      if (afterEdit) this.cost.set(uri, performance.now() - started);
      const findings = allFindings(byRule);
      this.checked.set(uri, { plan, config, today, byRule });
      this.published.set(uri, { version: parsed.document.version, findings });
      this.publish(uri, parsed.document.version, toDiagnostics(findings, plan.lines, config.locale));
    } catch (e) {
      this.connection.console.error(`Checking ${uri} failed: ${(e as Error).stack ?? String(e)}`);
      if (current()) this.publish(uri, this.documents.get(uri)?.version, []);
    }
  }

  /**
   * A document just opened whose file the workspace scan checked with the same text, settings and
   * day: those findings are published at once, without a parse (features parse it when asked).
   */
  private publishKnown(uri: string, config: KamConfig, today: string): boolean {
    const document = this.documents.get(uri);
    const findings = document && this.closed?.checkedAs?.(uri, document.getText(), config, today);
    if (!document || !findings) return false;
    this.published.set(uri, { version: document.version, findings });
    this.publish(uri, document.version, toDiagnostics(findings, document, config.locale));
    return true;
  }

  /**
   * A long plan this thread has not parsed (just opened, or edited since with no feature asking for it)
   * is parsed and checked in the worker, and its findings published without a parse here. False when
   * the plan is for this thread, or the worker failed.
   */
  private async checkedOffThread(uri: string, config: KamConfig, today: string, afterEdit: boolean, current: () => boolean): Promise<boolean> {
    const document = this.documents.get(uri);
    if (!offThread.enabled || !document || this.documents.hasPlan(uri) || document.getText().length < OFF_THREAD_CHARS) {
      offThread.forget(uri);
      return false;
    }
    const started = performance.now();
    const { version } = document;
    const reply = await offThread.check(uri, document.getText(), config, today, MAX_DIAGNOSTICS);
    for (const error of reply.errors) this.connection.console.error(error);
    if (!reply.findings) return false;
    // Overtaken by a newer version (whose check follows) or by a parse on this thread: nothing to say.
    if (!current() || document.version !== version) return true;
    if (afterEdit) this.cost.set(uri, performance.now() - started);
    // Hover reads the findings published: past MAX_DIAGNOSTICS only the first came back.
    this.published.set(uri, { version, findings: reply.findings });
    this.publish(uri, version, toDiagnostics(reply.findings, document, config.locale, reply.total));
    return true;
  }

  /**
   * Every rule over the plan, as checkPlan runs them, one rule at a time (after an edit only those
   * that read what it changed: engine/check.ts's runRulesAfterEdit): once the check (with the parse,
   * from `started`) has run for SLICE_MS it steps back so that requests waiting are answered;
   * undefined when it is no longer `wanted` (a newer version overtook it) after a step back.
   */
  private async check(uri: string, plan: Plan, config: KamConfig, today: string, wanted: () => boolean, started: number, previous?: FindingsByRule): Promise<FindingsByRule | undefined> {
    // One broken rule must not blank the others: log it and keep their findings.
    const onRuleError = (rule: { code: string }, e: unknown) => this.connection.console.error(`${rule.code} failed on ${uri}: ${(e as Error).stack ?? String(e)}`);
    const byRule = new Map<string, Finding[]>();
    let slice = started; // the parse before it counts
    for (const rule of RULES) {
      const carried = previous && carriedFindings(plan, rule, previous);
      if (carried) {
        byRule.set(rule.code, carried);
        continue;
      }
      if (performance.now() - slice > SLICE_MS) {
        await letRequestsFirst();
        if (!wanted()) return undefined;
        slice = performance.now();
      }
      byRule.set(rule.code, runRules(plan, [rule], { config, today, onRuleError }));
    }
    return byRule;
  }

  private publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}

/**
 * Lets a request that arrived meanwhile be handled before the check goes on. The connection handles a
 * message it has read in an immediate queued behind ours, so ours steps back twice.
 */
export async function letRequestsFirst(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}
