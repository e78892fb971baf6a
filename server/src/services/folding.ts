// Folding: every key or list entry whose value runs over several lines, and every run of two or
// more comment lines. Ranges come from the parsed nodes, so they follow the YAML, not the indentation.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { isCollection, isNode, visit, type Node } from 'yaml';
import { trimEnd, type PlanDocument } from './document';

export function foldingRanges({ document, plan }: PlanDocument): FoldingRange[] {
  const text = plan.text;
  const lineAt = (offset: number) => document.positionAt(offset).line;
  /** The last line with text of a node that starts at or after start. */
  const lastLine = (node: Node, start: number) => lineAt(Math.max(trimEnd(text, { start, end: node.range?.[1] ?? start }).end - 1, start));

  const byStart = new Map<number, FoldingRange>();
  const fold = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine <= startLine) return;
    const known = byStart.get(startLine);
    if (!known || known.endLine < endLine) byStart.set(startLine, kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  // A multi-line scalar's lines are text, even those that start with `#`.
  const textLines = new Set<number>();
  visit(plan.doc, {
    Pair(_, pair) {
      // From the key's line, so the key stays in view when its value is folded.
      const key = isNode(pair.key) ? pair.key.range : undefined;
      if (key && isNode(pair.value) && pair.value.range) fold(lineAt(key[0]), lastLine(pair.value, key[0]));
    },
    Seq(_, seq) {
      for (const item of seq.items) if (isCollection(item) && item.range) fold(lineAt(item.range[0]), lastLine(item, item.range[0]));
    },
    Scalar(_, scalar) {
      if (!scalar.range) return;
      for (let line = lineAt(scalar.range[0]) + 1, last = lastLine(scalar, scalar.range[0]); line <= last; line++) textLines.add(line);
    },
  });

  let runStart = -1;
  const lines = text.split(/\r?\n|\r/);
  lines.forEach((line, i) => {
    const comment = line.trimStart().startsWith('#') && !textLines.has(i);
    if (comment && runStart < 0) runStart = i;
    if (!comment && runStart >= 0) {
      fold(runStart, i - 1, FoldingRangeKind.Comment);
      runStart = -1;
    }
  });
  if (runStart >= 0) fold(runStart, lines.length - 1, FoldingRangeKind.Comment);

  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
