// Compiler-style lines, one per finding, that editors and CI logs turn into links:
//   plans/acme.kam.yaml:12:5: warning KAM201 No stakeholder holds the guide role.
// then one summary line. Severity words stay English so problem matchers and grep work in any locale.
import type { Locale, Severity } from '../../engine/types';
import type { Formatter, LintRun } from './types';

const COLORS: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

function paint(color: boolean, code: string, text: string): string {
  return color ? `\x1b[${code}m${text}\x1b[0m` : text;
}

export const formatText: Formatter = (run, { color }) => {
  const lines: string[] = [];
  for (const { file, findings } of run.results)
    for (const f of findings)
      lines.push(`${file}:${f.line}:${f.column}: ${paint(color, COLORS[f.severity], f.severity)} ${paint(color, '2', f.code)} ${f.message}`);
  if (run.results.length > 0) lines.push(summary(run, color));
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};

function summary(run: LintRun, color: boolean): string {
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const { findings } of run.results) for (const f of findings) count[f.severity]++;
  const total = count.error + count.warning + count.info;
  const text = total === 0 ? noProblems(run.locale, run.results.length) : problems(run.locale, total, count);
  const tone = count.error > 0 ? COLORS.error : count.warning > 0 ? COLORS.warning : '32';
  return paint(color, `1;${tone}`, text);
}

function noProblems(locale: Locale, files: number): string {
  if (locale === 'zh-cn') return `未发现问题（已检查 ${files} 个文件）`;
  return `No problems (${plural(files, 'file')} checked)`;
}

function problems(locale: Locale, total: number, count: Record<Severity, number>): string {
  if (locale === 'zh-cn') {
    const parts = [`${count.error} 个错误`, `${count.warning} 个警告`];
    if (count.info > 0) parts.push(`${count.info} 个提示`);
    return `${total} 个问题（${parts.join('，')}）`;
  }
  const parts = [plural(count.error, 'error'), plural(count.warning, 'warning')];
  if (count.info > 0) parts.push(`${count.info} info`);
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
