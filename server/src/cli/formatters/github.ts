// GitHub Actions workflow commands, one a finding, which the runner turns into annotations on the
// pull request's diff:
//   ::warning file=plans/acme.kam.yaml,line=12,col=5,endLine=12,endColumn=16,title=KAM201 role-unassigned::No stakeholder…
// info findings become notices. A path that could not be linted is an error annotation on that path.
import type { Severity } from '../../engine/types';
import type { Formatter, LocatedFinding } from './types';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message after `::`: a newline would end the command, and `%` starts an escape. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also no `:` (ends the properties) and no `,` (separates them). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

/**
 * The finding's place. GitHub reads columns only on a one-line range, and its end column is the last
 * character's (ours is the one just after), so a one-line range ends one column earlier.
 */
function place(f: LocatedFinding): [string, number][] {
  const oneLine = f.endLine === f.line;
  return [
    ['line', f.line],
    ['col', f.column],
    ['endLine', f.endLine],
    ...(oneLine ? [['endColumn', Math.max(f.column, f.endColumn - 1)] as [string, number]] : []),
  ];
}

export const formatGithub: Formatter = (run) => {
  const lines: string[] = [];
  for (const { file, findings } of run.results) {
    const path = file.split('\\').join('/');
    for (const f of findings) lines.push(command(COMMANDS[f.severity], [['file', path], ...place(f), ['title', `${f.code} ${f.name}`]], f.message));
  }
  for (const p of run.problems) lines.push(command('error', [['file', p.file.split('\\').join('/')], ['title', 'kam']], p.message));
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};
