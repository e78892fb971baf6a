import { isCollection, isScalar, visit, type Document, type ErrorCode, type Node, type YAMLError } from 'yaml';
import { MAX_PLAN_BYTES, megabytes, PlanTooLargeError } from '../engine/limits';
import { PlanNotTextError } from '../engine/plan-files/not-text';
import type { Plan } from '../engine/model';
import type { Rule } from '../engine/rule';
import type { Span } from '../engine/types';
import { spanOf, unresolvedAliases } from '../engine/yaml-nodes';

/**
 * Which explanation fits a parser error: by its code, narrowed by the parser's text where one code
 * covers several mistakes. Errors matching none keep the parser's own words (`default`).
 */
const EXPLAINED: readonly { code: ErrorCode; text?: RegExp; id: string; token?: true }[] = [
  { code: 'TAB_AS_INDENT', id: 'tabIndent' },
  { code: 'DUPLICATE_KEY', id: 'duplicateKey', token: true },
  { code: 'BAD_INDENT', text: /^Flow (sequence|map)/, id: 'unclosedFlow' },
  { code: 'BAD_INDENT', id: 'badIndent' },
  { code: 'MISSING_CHAR', text: /quote/, id: 'unclosedQuote' },
  { code: 'MISSING_CHAR', text: /^Missing ,/, id: 'missingComma' },
  { code: 'MISSING_CHAR', text: /^Missing space after :/, id: 'missingSpace' },
  { code: 'MISSING_CHAR', text: /^Comments must be separated/, id: 'commentSpace' },
  { code: 'MISSING_CHAR', text: /^Implicit map keys need to be followed/, id: 'keyWithoutValue' },
  { code: 'BLOCK_AS_IMPLICIT_KEY', id: 'nestedOnOneLine' },
  { code: 'MULTILINE_IMPLICIT_KEY', id: 'multilineKey' },
  { code: 'UNEXPECTED_TOKEN', id: 'unexpected', token: true },
  { code: 'BAD_SCALAR_START', id: 'reservedStart', token: true },
  { code: 'MULTIPLE_DOCS', id: 'multipleDocs' },
  { code: 'BAD_DQ_ESCAPE', id: 'badEscape' },
  { code: 'BLOCK_IN_FLOW', id: 'blockInFlow' },
  { code: 'MULTIPLE_ANCHORS', id: 'multipleProps' },
  { code: 'MULTIPLE_TAGS', id: 'multipleProps' },
  { code: 'KEY_OVER_1024_CHARS', id: 'longKey' },
  { code: 'RESOURCE_EXHAUSTION', text: /call stack|levels deep/, id: 'tooDeep' },
];

/** Characters YAML does not allow in a file: C0 and C1 controls but tab and line ends, DEL, U+FFFE, U+FFFF, lone surrogates. */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What a decoder puts where bytes were not UTF-8: the file was most likely saved in another encoding. */
const REPLACEMENT = '\uFFFD';

/** A line end of classic Mac OS: editors break the line there, the parser reads on. */
const LONE_CR = /\r(?!\n)/;

/**
 * The YAML does not parse. Each common parser error gets a plain explanation in both languages;
 * the rest keep the parser's own words. What YAML forbids but the parser lets through is reported
 * here too: an alias naming no anchor, control characters, lone CR line ends; and so are a U+FFFD
 * left by a wrong encoding, and a file too large to parse (engine/limits.ts).
 */
export const kam001: Rule = {
  code: 'KAM001',
  name: 'yaml-syntax',
  severity: 'error',
  stage: 'document',
  description: { en: 'The file must be valid YAML.', 'zh-cn': '文件必须是合法的 YAML。' },
  messages: {
    default: { en: 'YAML syntax error: {detail}', 'zh-cn': 'YAML 语法错误：{detail}' },
    tabIndent: {
      en: 'YAML cannot be indented with tabs: indent with spaces.',
      'zh-cn': 'YAML 不能用制表符（Tab）缩进：请改用空格。',
    },
    duplicateKey: {
      en: 'The key {token} appears twice in the same map: keep one, or merge the two.',
      'zh-cn': '同一映射中键 {token} 出现了两次：请只保留一个，或将两处合并。',
    },
    unclosedFlow: {
      en: 'A `[…]` list or `{…}` map is not closed, or its next line is not indented enough: add the closing bracket.',
      'zh-cn': '`[…]` 列表或 `{…}` 映射没有闭合，或其续行缩进不够：请补上右括号。',
    },
    badIndent: {
      en: 'Wrong indentation: the keys of one map, and the items of one list, must start in the same column.',
      'zh-cn': '缩进错误：同一映射的各个键、同一列表的各项必须从同一列开始。',
    },
    unclosedQuote: {
      en: 'A quoted text is not closed: add the closing quote.',
      'zh-cn': '带引号的文本没有闭合：请补上结尾的引号。',
    },
    missingComma: {
      en: 'A `,` is missing between the items of a `[…]` list or `{…}` map.',
      'zh-cn': '`[…]` 列表或 `{…}` 映射的各项之间缺少 `,`（逗号）。',
    },
    missingSpace: {
      en: 'Put a space after the `:` inside `{…}`.',
      'zh-cn': '`{…}` 中的 `:` 后面需要一个空格。',
    },
    commentSpace: {
      en: 'A comment needs a space before its `#`; without one, quote the text that contains `#`.',
      'zh-cn': '注释的 `#` 前需要一个空格；如果 `#` 是文本的一部分，请给该文本加引号。',
    },
    keyWithoutValue: {
      en: 'A key must be followed by `:` and its value.',
      'zh-cn': '键后面必须跟 `:` 和它的值。',
    },
    nestedOnOneLine: {
      en: 'A value cannot hold another `key: value` on the same line: quote text that contains `: `, or move the nested keys to their own indented lines.',
      'zh-cn': '同一行的值中不能再嵌套 `键: 值`：含有 `: ` 的文本请加引号，或把嵌套的键移到下一行并缩进。',
    },
    multilineKey: {
      en: 'A key must fit on one line and be followed by `: ` (a colon and a space): check this line and the one above for a missing `: `.',
      'zh-cn': '键必须写在一行内，并紧跟 `: `（冒号加空格）：请检查本行和上一行是否缺少 `: `。',
    },
    unexpected: {
      en: 'Unexpected {token} here: check its indentation and the brackets around it.',
      'zh-cn': '此处不应出现 {token}：请检查它的缩进和周围的括号。',
    },
    reservedStart: {
      en: 'Text cannot start with {token} unless it is quoted: put the value in quotes.',
      'zh-cn': '未加引号的文本不能以 {token} 开头：请给这个值加上引号。',
    },
    multipleDocs: {
      en: 'A plan is a single YAML document: remove this `---` and what follows, or move it to its own file.',
      'zh-cn': '一个计划只能是一个 YAML 文档：请删除这个 `---` 及其后的内容，或把它移到单独的文件中。',
    },
    badEscape: {
      en: 'Invalid escape in double-quoted text: write a backslash as `\\\\`, or use single quotes.',
      'zh-cn': '双引号文本中的转义无效：反斜杠请写成 `\\\\`，或改用单引号。',
    },
    blockInFlow: {
      en: 'A `- ` list or a `key: value` block cannot stand inside `[…]` or `{…}`.',
      'zh-cn': '`[…]` 或 `{…}` 中不能使用 `- ` 列表或换行的 `键: 值` 块。',
    },
    multipleProps: {
      en: 'A value can have only one anchor (`&name`) and one tag (`!tag`).',
      'zh-cn': '一个值只能有一个锚点（`&name`）和一个标签（`!tag`）。',
    },
    longKey: {
      en: 'A key may be at most 1024 characters long.',
      'zh-cn': '键的长度不能超过 1024 个字符。',
    },
    tooDeep: {
      en: 'The lists and maps are nested too deeply to check: a plan needs a few levels, not hundreds.',
      'zh-cn': '列表和映射嵌套过深，无法检查：计划只需要几层嵌套，而不是几百层。',
    },
    nulByte: {
      en: 'YAML syntax error: not a text file (it contains a NUL byte)',
      'zh-cn': 'YAML 语法错误：不是文本文件（含有 NUL 字节）',
    },
    invalidByte: {
      en: 'YAML syntax error: not UTF-8 text (invalid byte 0x{byte})',
      'zh-cn': 'YAML 语法错误：不是 UTF-8 文本（无效字节 0x{byte}）',
    },
    tooLarge: {
      en: 'The file is too large to check ({size} MB; a plan may have {limit} MB): keep one account per plan, and long material in other files.',
      'zh-cn': '文件过大，无法检查（{size} MB；计划最多 {limit} MB）：每个计划只写一个客户，篇幅长的资料请放在其他文件中。',
    },
    controlChar: {
      en: 'The file holds the character {char}, which YAML does not allow: delete it. Is this a binary or damaged file?',
      'zh-cn': '文件中含有 YAML 不允许的字符 {char}：请删除它。这是二进制文件或已损坏的文件吗？',
    },
    loneCr: {
      en: 'A line ends with a lone carriage return (CR), which the YAML parser does not take as a line end: save the file with LF or CRLF line ends.',
      'zh-cn': '有一行以单独的回车符（CR）结尾，YAML 解析器不把它当作换行：请以 LF 或 CRLF 换行符保存文件。',
    },
    notUtf8: {
      en: 'The file holds `\uFFFD` (U+FFFD), the mark left where bytes were not UTF-8: was it saved in another encoding, such as GBK? Reopen it in that encoding and save it as UTF-8.',
      'zh-cn': '文件中含有 `\uFFFD`（U+FFFD），这是非 UTF-8 字节留下的标记：文件是否以 GBK 等其他编码保存？请用该编码重新打开，再另存为 UTF-8。',
    },
    unknownAlias: {
      en: 'The alias `*{name}` names no anchor `&{name}` set before it.',
      'zh-cn': '别名 `*{name}` 之前没有定义对应的锚点 `&{name}`。',
    },
  },
  check({ plan, report }) {
    for (const error of plan.syntaxErrors) report({ ...explain(plan, error), data: { yamlCode: error.code } });
    // The text was not read: nothing more to tell.
    if (plan.syntaxErrors[0] instanceof PlanTooLargeError || plan.syntaxErrors[0] instanceof PlanNotTextError) return;
    // What the parser lets through. Only the first of each kind is told: a binary file holds thousands.
    const control = FORBIDDEN.exec(plan.text);
    if (control) {
      const char = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      report({ span: { start: control.index, end: control.index + 1 }, messageId: 'controlChar', args: { char }, data: { char } });
    }
    const replaced = plan.text.indexOf(REPLACEMENT);
    if (replaced !== -1) report({ span: { start: replaced, end: replaced + 1 }, messageId: 'notUtf8', data: { char: 'U+FFFD' } });
    const cr = LONE_CR.exec(plan.text);
    if (cr) report({ span: { start: cr.index, end: cr.index + 1 }, messageId: 'loneCr' });
    for (const alias of unresolvedAliases(plan.doc)) {
      report({ span: spanOf(alias), messageId: 'unknownAlias', args: { name: alias.source }, data: { yamlCode: 'BAD_ALIAS' } });
    }
  },
};

/** The message for a parser error, and where it stands: the parser's range, or the node it is about. */
function explain(plan: Plan, error: YAMLError): { span: Span; messageId?: string; args: Record<string, string> } {
  if (error instanceof PlanTooLargeError) {
    return { span: { start: 0, end: 0 }, messageId: 'tooLarge', args: { size: megabytes(error.bytes), limit: megabytes(MAX_PLAN_BYTES) } };
  }
  const [start, end] = error.pos;
  if (error instanceof PlanNotTextError) {
    return error.byte === 0 ? { span: { start, end }, messageId: 'nulByte', args: {} } : { span: { start, end }, messageId: 'invalidByte', args: { byte: error.hex } };
  }
  const detail = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const match = EXPLAINED.find((x) => x.code === error.code && (!x.text || x.text.test(detail)));
  // The parser may point one past the end of the text (at the missing `}` of `{`): keep inside it.
  const inside = (offset: number) => Math.min(offset, plan.text.length);
  let span: Span = { start: inside(start), end: inside(Math.max(end, start)) };
  if (match?.id === 'duplicateKey') {
    // The parser marks the key's first character; show the whole key.
    span = spanOf(nodeWhere(plan.doc, (n) => isScalar(n) && n.range?.[0] === start), span);
  } else if (match?.id === 'unclosedQuote' || match?.id === 'unclosedFlow') {
    // The parser stops where the closing mark should have been, often lines later; show the opening one.
    const opened = nodeWhere(plan.doc, (n) => n.range?.[1] === start && (isCollection(n) ? !!n.flow : isScalar(n) && n.type !== 'PLAIN'));
    if (opened?.range) span = { start: opened.range[0], end: opened.range[0] + 1 };
  }
  // The text at fault, when it is short enough to quote in a message.
  const token = plan.text.slice(span.start, span.end).split(/\r?\n/)[0].trim();
  if (!match || (match.token && (token === '' || token.length > 40))) return { span, args: { detail } };
  return { span, messageId: match.id, args: match.token ? { token: inlineCode(token), detail } : { detail } };
}

/** Text as Markdown inline code, even when it is or holds a backtick. */
function inlineCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function nodeWhere(doc: Document, test: (node: Node) => boolean): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Node(_, node) {
      if (!test(node)) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}
