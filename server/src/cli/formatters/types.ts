// What the formatters print: each linted file with its findings already placed at 1-based lines and
// columns (columns count UTF-16 code units, as the engine's spans do), and the paths that could not be linted.
import type { Locale, Severity } from '../../engine/types';

export interface LocatedFinding {
  code: string;
  name: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** Exclusive: the position just after the range. */
  endLine: number;
  endColumn: number;
}

export interface FileResult {
  /** As the user reads it: relative to the working directory. */
  file: string;
  absolute: string;
  findings: LocatedFinding[];
}

/** A path named on the command line (or found in a folder) that was not linted. */
export interface PathProblem {
  file: string;
  message: string;
}

export interface LintRun {
  results: FileResult[];
  problems: PathProblem[];
  /** The locale of the run's own words (the summary); each file's messages follow its configuration. */
  locale: Locale;
  cwd: string;
}

export interface FormatOptions {
  color: boolean;
}

export type Formatter = (run: LintRun, options: FormatOptions) => string;
