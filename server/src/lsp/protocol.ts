// The requests beyond LSP that the extension's views send to the language server, shared by both
// sides. Only method names and plain interfaces: no runtime import, so the client can bundle it.
// Ranges are LSP ranges in the plan version `version`; offsets (`span`) in the models are into that
// version's text.
import type { Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Role } from '../engine/roles';
import type { Locale, Severity, Stage } from '../engine/types';
import type { FormModel } from '../services/form/form-model';
import type { FormIntent } from '../services/form/intents';
import type { StakeholderField } from '../services/stakeholder-edit';
import type { Mark, OutlineItem, PlanHealth, StakeholderMap } from '../views';
import type { Influence, Stance } from '../engine/format';
import type { MapMark } from '../views/map-svg';
import type { ChangeKind, Plain } from '../report/diff';
import type { PortfolioRow } from '../report/portfolio';

export const KamMethods = {
  /** {@link PlanParams} → {@link OutlineResult} | null (null: the document is not open in the server). */
  outline: 'kam/outline',
  /** {@link StakeholderMapParams} → {@link StakeholderMapResult} | null. */
  stakeholderMap: 'kam/stakeholderMap',
  /** {@link ReportParams} → {@link ReportResult} | null. */
  report: 'kam/report',
  /** {@link PlanParams} → {@link HealthResult} | null. */
  health: 'kam/health',
  /** {@link EditStakeholderParams} → WorkspaceEdit | null (null: the plan already says so). */
  editStakeholder: 'kam/editStakeholder',
  /** {@link FormParams} → {@link FormResult} | null: the plan as the plan editor's form. */
  form: 'kam/form',
  /** {@link FormEditParams} → WorkspaceEdit | null (null: the plan already says so); a stale version fails as ContentModified. */
  formEdit: 'kam/formEdit',
  /** {} → {@link PortfolioResult}: a row per plan of the workspace, from the workspace check (no scan of its own). */
  portfolio: 'kam/portfolio',
  /** {@link PortfolioExportParams} → {@link PortfolioExportResult}. */
  portfolioExport: 'kam/portfolioExport',
  /** {@link DiffParams} → {@link DiffResult} | null: an earlier text of an open plan against its current version. */
  diff: 'kam/diff',
  /** {@link PlanParams} → {@link ConfigurationResult}: where a plan's configuration comes from (the language status item). */
  configuration: 'kam/configuration',
} as const;

export interface PlanParams {
  uri: string;
}

/** What every answer about a plan says: which version it describes and in which language. */
export interface PlanResult {
  uri: string;
  version: number;
  locale: Locale;
}

/** An outline item with LSP ranges in place of offsets. */
export interface OutlineNode extends Omit<OutlineItem, 'range' | 'selection' | 'children'> {
  range: Range;
  selection: Range;
  children: OutlineNode[];
}

export interface OutlineResult extends PlanResult {
  health: PlanHealth;
  root: OutlineNode;
}

export interface StakeholderMapParams extends PlanParams {
  /** SVGs that stand alone as files (own stylesheet, light colours) instead of ones themed by the page. */
  standalone?: boolean;
}

/** A value the map's context menu offers, with its label in the plan's locale. */
export interface Choice<T extends string = string> {
  value: T;
  label: string;
}

export interface StakeholderMapResult extends PlanResult {
  map: StakeholderMap;
  /** Per map node id (`s0`, …): the stakeholder's range, and the part to select (its id). */
  ranges: Record<string, { range: Range; selection: Range }>;
  svg: { map: string; grid: string };
  /** The stylesheet of the SVGs' classes; every colour in it is a `--kam-*` variable the page sets. */
  css: string;
  choices: { stances: Choice<Stance>[]; influences: Choice<Influence>[]; roles: Choice<Role>[]; marks: Choice<MapMark>[] };
}

export type ReportFormat = 'md' | 'html' | 'pptx';

export interface ReportParams extends PlanParams {
  format: ReportFormat;
}

export interface ReportResult extends PlanResult {
  format: ReportFormat;
  /** The report; a deck (`pptx`) as base64. */
  text: string;
}

export interface StageMark {
  stage: Stage;
  /** The stage's name in the plan's locale. */
  label: string;
  mark: Mark;
  counts: Record<Severity, number>;
  /** The counts in words (`2 warnings` / `2 个警告`; `no findings`). */
  summary: string;
}

export interface HealthResult extends PlanResult {
  score: number;
  parses: boolean;
  mark: Mark;
  counts: Record<Severity, number>;
  /** Every stage, in reading order. */
  stages: StageMark[];
}

export interface EditStakeholderParams extends PlanParams {
  /** The map node id (`s<index in the stakeholder list>`): a plan's own ids may be missing or repeated. */
  id: string;
  /** `stance` and `influence` set the value; `role` gives the role to whoever lacks it, takes it from whoever holds it. */
  field: StakeholderField;
  /** A stance, an influence, or a canonical role. */
  value: string;
  /** The version the change was chosen in: when the plan has moved on since, the request fails as ContentModified. */
  version?: number;
}

export type EditStakeholderResult = WorkspaceEdit | null;

export type { StakeholderField };

export type FormParams = PlanParams;

export interface FormResult extends PlanResult, Omit<HealthResult, keyof PlanResult> {
  form: FormModel;
}

export interface FormEditParams extends PlanParams {
  /** The version the form showed when the user acted: a plan that has moved on since fails as ContentModified. */
  version: number;
  intent: FormIntent;
}

export type FormEditResult = WorkspaceEdit | null;

export type { FormIntent, FormModel };
/** A portfolio row with the plan it is about; `file` is relative to its workspace folder. */
export interface PortfolioEntry extends PortfolioRow {
  uri: string;
  /** Open in the editor: the row follows the unsaved text. */
  open: boolean;
}

export interface PortfolioResult {
  locale: Locale;
  today: string;
  /** Lowest health first, then by file. */
  rows: PortfolioEntry[];
  /** Plans waiting for their check (a scan under way, files changed on disk): the rows are not complete yet. */
  pending: number;
}

export type PortfolioExportFormat = 'md' | 'html' | 'csv';

export interface PortfolioExportParams {
  format: PortfolioExportFormat;
  /** HTML: the path from where the page is saved to the workspace folder, `/`-separated, ending in `/` (default ''). */
  linkBase?: string;
}

export interface PortfolioExportResult {
  format: PortfolioExportFormat;
  text: string;
}

export interface DiffParams extends PlanParams {
  /** The earlier text of the plan (a git revision's). */
  before: string;
  /** What the earlier version is called: a revision. */
  label: string;
}

export interface DiffChange {
  kind: ChangeKind;
  path: string;
  before: Plain;
  after: Plain;
  /** The change as a review memo says it, in the plan's locale. */
  text: string;
  /** Where it is in the current text (for a removal: the list or map it left). */
  range: Range;
}

export interface DiffResult extends PlanResult {
  before: { label: string; health: number };
  after: { label: string; health: number };
  changes: DiffChange[];
  findings: { fixed: { code: string; message: string }[]; new: { code: string; message: string }[] };
  /** Headings and empty-list words for the page, in the plan's locale. */
  words: Record<string, string>;
}

export interface ConfigurationResult {
  uri: string;
  /** The `file:` URI of the `.kamrc.yaml` that applies (the nearest, no higher than the workspace folder); null when none does. */
  rcFile: string | null;
  /** The `file:` URI of the plan's workspace folder; null outside every folder. */
  workspaceFolder: string | null;
  /** The language of the plan's messages. */
  locale: Locale;
}
