// One entry per linted file, findings included even when there are none, so consumers see what was checked.
import type { Formatter } from './types';

export const formatJson: Formatter = (run) =>
  JSON.stringify(
    run.results.map(({ file, findings }) => ({
      file,
      findings: findings.map(({ code, name, severity, message, line, column, endLine, endColumn }) => ({
        code,
        name,
        severity,
        message,
        line,
        column,
        endLine,
        endColumn,
      })),
    })),
    null,
    2,
  ) + '\n';
