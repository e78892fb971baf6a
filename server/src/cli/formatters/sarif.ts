// SARIF 2.1.0, the format code-scanning services read. `ruleId` is the code; every registered rule is
// listed so `ruleIndex` is stable; paths are relative to %SRCROOT% (the working directory) when they
// lie below it. Columns are UTF-16 code units, as in the engine and in LSP.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDocUrl } from '../../engine/docs';
import type { Severity } from '../../engine/types';
import { RULES } from '../../rules';
import { packageInfo } from '../package-info';
import type { Formatter } from './types';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const LEVELS: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

export const formatSarif: Formatter = (run) => {
  const { version, homepage } = packageInfo();
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.code, i]));
  const artifact = (absolute: string) => artifactLocation(run.cwd, absolute);
  const log: Sarif.Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kam',
            ...(homepage ? { informationUri: homepage } : {}),
            version,
            rules: RULES.map((rule): Sarif.ReportingDescriptor => {
              const helpUri = ruleDocUrl(rule.code);
              return {
                id: rule.code,
                name: rule.name,
                shortDescription: { text: rule.description.en },
                ...(helpUri ? { helpUri } : {}),
                defaultConfiguration: { level: LEVELS[rule.severity] },
                properties: { tags: [rule.stage] },
              };
            }),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(run.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: run.problems.length === 0,
            toolExecutionNotifications: run.problems.map((p) => ({
              level: 'error' as const,
              message: { text: p.message },
              locations: [{ physicalLocation: { artifactLocation: artifact(path.resolve(run.cwd, p.file)) } }],
            })),
          },
        ],
        results: run.results.flatMap(({ absolute, findings }) =>
          findings.map(
            (f): Sarif.Result => ({
              ruleId: f.code,
              ruleIndex: ruleIndex.get(f.code),
              level: LEVELS[f.severity],
              message: { text: f.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: artifact(absolute),
                    region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                  },
                },
              ],
            }),
          ),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** Below the working directory: a relative URI against %SRCROOT%; elsewhere: an absolute file URI. */
function artifactLocation(cwd: string, absolute: string): Sarif.ArtifactLocation {
  const relative = path.relative(cwd, absolute);
  const outside = relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (outside) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
