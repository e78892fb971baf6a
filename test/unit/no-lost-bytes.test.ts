// No lost bytes: every edit the extension makes to a plan (each quick fix, fix-all, rename, and the
// stakeholder map's stance, influence and role changes) touches only what it means to change. Each is
// run over every fixture written in many ways (CRLF, a BOM, tabs in comments, trailing spaces, no final
// newline, quoted values, comments at line ends and between items, blank lines, 4-space indentation,
// Chinese text), and must keep everything outside its ranges byte for byte, every line's ending, the
// order of keys and every comment; the inverse edits ("undo") must give back the original exactly.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { FIXABLE_CODES } from '../../server/src/services/fixes/fixers';
import { checkText } from '../../server/src/rules/check';
import { parsePlan } from '../../server/src/engine/parse';
import { ROLES } from '../../server/src/engine/roles';
import { codeActions, fixAll } from '../../server/src/services/code-actions';
import { idIndex } from '../../server/src/services/id-index';
import { rename } from '../../server/src/services/navigation';
import { editStakeholder, StakeholderEditError } from '../../server/src/services/stakeholder-edit';
import { INFLUENCES, STANCES } from '../../server/src/engine/format';
import { FIXED_TODAY, readRepoFile, repoPath } from '../helpers';
import { applyEdits, editsFor } from './apply-edits';
import { planDocument, URI } from './services-helpers';

const OPTIONS = { today: FIXED_TODAY };

// ---- the plans ---------------------------------------------------------------------------------

function plans(): { name: string; text: string }[] {
  const dir = (...parts: string[]) => fs.readdirSync(repoPath(...parts)).filter((f) => f.endsWith('.kam.yaml'));
  return [
    ...dir('test', 'fixtures', 'rules')
      .filter((f) => f.includes('.fires.'))
      .map((f) => ({ name: f, text: readRepoFile('test', 'fixtures', 'rules', f) })),
    ...dir('test', 'fixtures', 'fixes').map((f) => ({ name: f, text: readRepoFile('test', 'fixtures', 'fixes', f) })),
    ...dir('examples').map((f) => ({ name: f, text: readRepoFile('examples', f) })),
  ];
}

/** Maps each line that is not inside a block scalar (`|`, `>`), keeping its line ending. */
function mapLines(text: string, f: (line: string, i: number) => string): string {
  const parts = text.split(/(?<=\n)/);
  let blockIndent: number | undefined;
  return parts
    .map((part, i) => {
      const ending = /\r?\n$/.exec(part)?.[0] ?? '';
      const line = part.slice(0, part.length - ending.length);
      const indent = /^ */.exec(line)![0].length;
      if (blockIndent !== undefined) {
        if (line.trim() === '' || indent > blockIndent) return part;
        blockIndent = undefined;
      }
      if (/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(line)) blockIndent = indent;
      return f(line, i) + ending;
    })
    .join('');
}

const QUOTABLE = /^(\s*(?:- )?(?:name|owner|title|note|what|who|metric): )([A-Za-z\u4e00-\u9fff][^#"'\\:{}[\]]*?)$/;

/** The ways a plan may be written: each keeps its meaning (a variant that does not parse is skipped). */
const VARIANTS: Record<string, (text: string) => string> = {
  'as written': (t) => t,
  CRLF: (t) => t.replace(/\r?\n/g, '\r\n'),
  BOM: (t) => `\uFEFF${t}`,
  'tabs inside comments': (t) => mapLines(t, (l) => l.replace(/(\S) +#( ?)/, '$1\t#\t').replace(/^(\s*)# /, '$1#\t')),
  'trailing spaces': (t) => mapLines(t, (l) => (l.trim() === '' ? l : `${l}  `)),
  'no final newline': (t) => t.replace(/(\r?\n)+$/, ''),
  'quoted values': (t) => {
    let n = 0;
    return mapLines(t, (l) => l.replace(QUOTABLE, (_, key: string, value: string) => (n++ % 2 ? `${key}'${value}'` : `${key}"${value}"`)));
  },
  'comments at line ends': (t) => mapLines(t, (l) => (l.trim() === '' || l.includes('#') ? l : `${l}  # note`)),
  'comments between items': (t) => mapLines(t, (l) => (/^\s*- /.test(l) ? `${/^\s*/.exec(l)![0]}# next item\n${l}` : l)),
  'blank lines': (t) => mapLines(t, (l) => (/^\s*- |^[a-z]/.test(l) ? `\n${l}` : l)),
    // Each level twice as deep: the spaces before a key and after each `- ` doubled.
  '4-space indentation': (t) => mapLines(t, (l) => l.replace(/^( *)((?:- +)*)/, (_, s: string, dashes: string) => s + s + dashes.replace(/- +/g, (d) => `-${' '.repeat(2 * d.length - 1)}`))),
  'Chinese text': (t) =>
    `# 客户计划：华东人民医院（草稿）\n${mapLines(t, (l) => (l.trim() === '' || l.includes('#') ? l : `${l}  # 备注：已确认`)).replace(/^( {2}name: )(.*)$/m, '$1华东 $2')}`,
  'everything at once': (t) => `\uFEFF${VARIANTS['4-space indentation'](VARIANTS['comments at line ends'](VARIANTS['quoted values'](t))).replace(/\r?\n/g, '\r\n')}`,
};

// ---- the edits ---------------------------------------------------------------------------------

interface NamedEdit {
  label: string;
  edits: TextEdit[];
  /** Stakeholder edits that remove a role's whole line take its comment with it. */
  mayDropComments?: boolean;
}

function allEdits(text: string): NamedEdit[] {
  const parsed = planDocument(text);
  const out: NamedEdit[] = [];
  const add = (label: string, edit: WorkspaceEdit | null | undefined, mayDropComments = false) => {
    const edits = edit ? editsFor(edit, URI) : [];
    if (edits.length > 0) out.push({ label, edits, mayDropComments });
  };
  // Each quick fix (and the fix-all offered beside them), for each finding.
  const seen = new Set<string>();
  for (const action of codeActions(parsed, checkText(text, OPTIONS), undefined, 'en', OPTIONS)) {
    const key = JSON.stringify(action.edit);
    if (seen.has(key)) continue;
    seen.add(key);
    add(`${action.diagnostics?.[0]?.code ?? 'fix'} "${action.title}"`, action.edit);
  }
  add('fix all', fixAll(parsed, 'en', OPTIONS));
  // Rename of the first id of each kind, from its definition (every reference goes with it).
  const renamed = new Set<string>();
  for (const o of idIndex(parsed.plan).occurrences) {
    if (!o.isDefinition || renamed.has(o.kind)) continue;
    renamed.add(o.kind);
    try {
      add(`rename ${o.kind} ${o.id}`, rename(parsed, parsed.document.positionAt(o.span.start), `${o.kind}_renamed_${renamed.size}`));
    } catch {
      // An id the format does not allow cannot be renamed: nothing to keep.
    }
  }
  // The map's changes to each stakeholder: another stance, another influence, each role toggled.
  // (The first two of each plan: the examples' many people are written alike.)
  parsed.plan.stakeholders.slice(0, 2).forEach((s, i) => {
    const changes = [
      { field: 'stance' as const, value: STANCES.find((v) => v !== s.stance)! },
      { field: 'influence' as const, value: INFLUENCES.find((v) => v !== s.influence)! },
      // A role held (taken away) and roles likely not held (given).
      ...ROLES.filter((r) => s.roles.some((h) => h.role === r)).slice(0, 1).map((value) => ({ field: 'role' as const, value })),
      ...['guide', 'decision-maker'].map((value) => ({ field: 'role' as const, value })),
    ];
    for (const change of changes) {
      try {
        add(`stakeholder ${i} ${change.field} ${change.value}`, editStakeholder(parsed, i, change, 'en'), change.field === 'role');
      } catch (e) {
        if (!(e instanceof StakeholderEditError)) throw e;
      }
    }
  });
  return out;
}

// ---- what every edit must keep ------------------------------------------------------------------

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function offsets(text: string, edits: readonly TextEdit[]): OffsetEdit[] {
  const doc = TextDocument.create(URI, 'kam-yaml', 1, text);
  return edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
}

/** The edits that take the edited text back to the original (each range moved by the edits before it). */
function inverse(text: string, edited: string, edits: readonly OffsetEdit[]): TextEdit[] {
  const doc = TextDocument.create(URI, 'kam-yaml', 2, edited);
  let delta = 0;
  return edits.map((e) => {
    const start = e.start + delta;
    delta += e.newText.length - (e.end - e.start);
    return { range: { start: doc.positionAt(start), end: doc.positionAt(start + e.newText.length) }, newText: text.slice(e.start, e.end) };
  });
}

/** Where an offset of the original is in the edited text (an edit at or before it moves it). */
function moved(edits: readonly OffsetEdit[], offset: number): number {
  let at = offset;
  for (const e of edits) if (e.end <= offset) at += e.newText.length - (e.end - e.start);
  return at;
}

/** Lines with their endings. */
function lines(text: string): { start: number; text: string }[] {
  let start = 0;
  return text.split(/(?<=\n)/).map((line) => {
    const l = { start, text: line };
    start += line.length;
    return l;
  });
}

/** Every line ending as written: `\r\n` or `\n`. */
const endings = (text: string) => [...text.matchAll(/\r?\n/g)].map((m) => m[0]);

/** The comments' text, each with the content of its line before it stripped. */
function comments(text: string): string[] {
  return text.split(/\r?\n/).flatMap((l) => /(?:^|\s)(#.*)$/.exec(l)?.[1] ?? []);
}

/** Every mapping's keys in order, by the path to it. */
function keyOrders(text: string): Map<string, string[]> {
  const orders = new Map<string, string[]>();
  const walk = (node: unknown, path: string) => {
    if (isMap(node)) {
      const keys = node.items.filter(isPair).map((p) => (isScalar(p.key) ? String(p.key.value) : '?'));
      orders.set(path, keys);
      for (const p of node.items) walk(p.value, `${path}.${isScalar(p.key) ? String(p.key.value) : '?'}`);
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item as Node, `${path}[${i}]`));
  };
  walk(parseDocument(text).contents, '');
  return orders;
}

/** Keys of the original keep their relative order (an edit may add a key or rename a misspelt one). */
function assertKeyOrder(before: string, after: string, label: string): void {
  const a = keyOrders(before);
  const b = keyOrders(after);
  for (const [path, keys] of a) {
    const later = b.get(path);
    if (!later) continue;
    const kept = keys.filter((k) => later.includes(k));
    assert.deepEqual(later.filter((k) => kept.includes(k)), kept, `${label}: key order changed under ${path || 'the top'}`);
  }
}

function assertKeepsTheRest(text: string, { label, edits: textEdits, mayDropComments }: NamedEdit): void {
  const edits = offsets(text, textEdits);
  const edited = applyEdits(text, textEdits);
  assert.deepEqual(parsePlan(edited).syntaxErrors, [], `${label}: the result does not parse:\n${edited}`);

  // Outside the ranges, byte for byte: before the first, after the last, and between each two.
  assert.equal(edited.slice(0, edits[0].start), text.slice(0, edits[0].start), `${label}: the text before the first edit changed`);
  const tail = text.slice(edits.at(-1)!.end);
  assert.equal(edited.slice(edited.length - tail.length), tail, `${label}: the text after the last edit changed`);
  for (const [i, e] of edits.entries()) {
    const next = edits[i + 1];
    if (!next) break;
    const gap = text.slice(e.end, next.start);
    assert.equal(edited.slice(moved(edits, e.end), moved(edits, e.end) + gap.length), gap, `${label}: text between edits changed`);
  }
  // Every line no edit touches is still there, as written, with its line ending.
  for (const line of lines(text)) {
    const end = line.start + line.text.length;
    if (edits.some((e) => e.start < end && (e.end > line.start || (e.start === e.end && e.start > line.start)))) continue;
    const at = moved(edits, line.start);
    assert.equal(edited.slice(at, at + line.text.length), line.text, `${label}: untouched line changed: ${JSON.stringify(line.text)}`);
  }

  // Line endings: a CRLF file stays CRLF, an LF file gets no CR; the BOM stays.
  const crlf = endings(text).every((e) => e === '\r\n') && endings(text).length > 0;
  const lf = endings(text).every((e) => e === '\n');
  if (crlf) assert.ok(endings(edited).every((e) => e === '\r\n'), `${label}: a bare LF in a CRLF file:\n${JSON.stringify(edited)}`);
  if (lf) assert.ok(!edited.includes('\r'), `${label}: a CR in an LF file`);
  for (const e of edits) {
    if (crlf) assert.doesNotMatch(e.newText, /(^|[^\r])\n/, `${label}: the new text brings a bare LF`);
    if (lf) assert.doesNotMatch(e.newText, /\r/, `${label}: the new text brings a CR`);
  }
  assert.equal(edited.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `${label}: the BOM`);

  // Comments: none lost (a role's own line, taken out whole, may take its comment) and none added.
  const before = comments(text);
  const after = comments(edited);
  if (mayDropComments) {
    for (const c of after) assert.ok(before.includes(c), `${label}: a comment appeared: ${c}`);
    const removed = edits.map((e) => comments(text.slice(e.start, e.end)).length).reduce((x, y) => x + y, 0);
    assert.ok(before.length - after.length <= removed, `${label}: comments lost outside the removed lines`);
  } else {
    assert.deepEqual(after.filter((c) => before.includes(c)), before, `${label}: a comment was lost or moved`);
  }

  assertKeyOrder(text, edited, label);

  // Undo restores the original exactly.
  assert.equal(applyEdits(edited, inverse(text, edited, edits)), text, `${label}: undo does not restore the original`);
}

// ---- the table ----------------------------------------------------------------------------------

describe('no lost bytes: every edit keeps what it does not mean to change', function () {
  this.timeout(120_000);
  const counts = { plans: 0, skipped: 0, edits: 0, kinds: new Set<string>() };

  for (const [variant, write] of Object.entries(VARIANTS)) {
    it(`${variant}`, () => {
      let checked = 0;
      for (const { name, text: original } of plans()) {
        const text = write(original);
        if (parsePlan(text).syntaxErrors.length > 0) {
          counts.skipped++;
          continue;
        }
        counts.plans++;
        for (const edit of allEdits(text)) {
          assertKeepsTheRest(text, { ...edit, label: `${name}, ${variant}: ${edit.label}` });
          counts.kinds.add(edit.label.split(' ')[0]);
          checked++;
        }
      }
      counts.edits += checked;
      assert.ok(checked > 50, `${variant}: only ${checked} edits checked`);
    });
  }

  it('covered every kind of edit on every variant', () => {
    // Every code with a quick fix, fix-all, rename and the three stakeholder changes.
    for (const kind of [...FIXABLE_CODES, 'fix', 'rename', 'stakeholder']) {
      assert.ok(counts.kinds.has(kind), `no ${kind} edit was checked`);
    }
    assert.ok(counts.skipped <= counts.plans / 10, `${counts.skipped} plan variants did not parse`);
    console.log(`      ${counts.edits} edits over ${counts.plans} plan variants (${counts.skipped} skipped as unparsable)`);
  });
});
