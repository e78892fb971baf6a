// What a rule is: a plain object with its code, name, default severity, bilingual messages and a
// pure check over the parsed plan (markdownlint's shape). One rule per file in ../rules/.
import type { Plan } from './model';
import type { Args, Locale, Severity, Span, Stage, Text } from './types';

/** A message's arguments: a plain value, or a term (`Text`) shown in the message's locale. */
export type MessageArgs = Args;

/** What a finding carries for its quick fix. A fixable rule declares its shape: `Rule<Kam203Data>`. */
export type FindingData = Record<string, unknown>;

export interface Report<Data extends FindingData = FindingData> {
  span: Span;
  /** Which of the rule's messages; `default` when omitted. */
  messageId?: string;
  args?: MessageArgs;
  /** Facts a quick fix needs (the suggested name, the missing keys, …), in the rule's declared shape. */
  data?: Data;
}

export interface RuleContext<Data extends FindingData = FindingData> {
  readonly plan: Plan;
  /** Today, `YYYY-MM-DD`, fixed by `--today` in the CLI and tests. */
  readonly today: string;
  /** KAM303's limit: the largest relative change per year a goal may ask for (1 = doubling). */
  readonly maxAnnualChange: number;
  /** KAM207's limit: days since the last contact after which a key relationship is stale. */
  readonly staleAfterDays: number;
  report(report: Report<Data>): void;
}

/** `Data`: the shape of what the rule reports for its fix (services/fixes/fixers.ts reads it by the rule's code). */
export interface Rule<Data extends FindingData = FindingData> {
  code: string;
  name: string;
  severity: Severity;
  stage: Stage;
  /**
   * The top-level keys whose values the rule reads (`diagnosis` holds the drivers, units and
   * stakeholders). After an edit inside the others, the rule's findings are the previous version's,
   * moved (check.ts). Without it the rule reads the whole text and runs after every edit. Any rule may
   * read which top-level keys there are and what precedes the first: edits that tell which key they
   * changed change neither (engine/reparse.ts).
   */
  reads?: readonly string[];
  /** One line: what the rule checks. */
  description: Text;
  /** Message templates with `{placeholders}`; `default` is required. */
  messages: { default: Text } & Record<string, Text>;
  check(context: RuleContext<Data>): void;
}

export interface Finding {
  code: string;
  name: string;
  severity: Severity;
  stage: Stage;
  span: Span;
  message: string;
  messageId: string;
  args: MessageArgs;
  data?: Record<string, unknown>;
}

export type { Locale };
