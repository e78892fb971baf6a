// Text → YAML document: the `yaml` package's Document API (ranges and comments kept), in steps that
// bound its cost on hostile input: nesting past a limit is refused before the composer recurses, and
// duplicate keys are found in one pass instead of the parser's pairwise one.
import { Composer, CST, isCollection, isMap, isPair, isScalar, Lexer, parseDocument, Parser, YAMLParseError, type Document, type YAMLMap } from 'yaml';
import { MAX_NESTING } from './limits';
import { markAliasFree } from './yaml-nodes';

/** The text's YAML document, errors included; nesting beyond the limit is the one error of an empty document. */
export function parseYaml(text: string, maxNesting = MAX_NESTING): Document.Parsed {
  // `parseDocument` in two steps, so that nesting too deep for the composer (which recurses, and
  // past the stack can take the whole process down) is caught in the syntax tree first.
  const tree = syntaxTree(text, maxNesting);
  if ('tooDeep' in tree) {
    const at = tree.tooDeep;
    return unparsedDocument(new YAMLParseError([at, at + 1], 'RESOURCE_EXHAUSTION', `Nested more than ${maxNesting} levels deep`));
  }
  // The parser's own duplicate-key check compares each key with every earlier one: a map of a few
  // thousand keys would take minutes. The same errors are found below in one pass.
  const doc = composeFirst(tree.tokens, text.length);
  if (!text.includes('*')) markAliasFree(doc); // an alias is written `*name`
  const duplicates = duplicateKeyErrors(doc.contents);
  if (duplicates.length > 0) doc.errors = [...doc.errors, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
  return doc;
}

/** A document left unread: empty, with the one syntax error that says why. */
export function unparsedDocument(error: YAMLParseError): Document.Parsed {
  const doc = parseDocument('');
  doc.errors.push(error);
  return doc;
}

/** What `parseDocument` does with the syntax tree: the first document, and an error for any other. */
function composeFirst(tokens: CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer({ uniqueKeys: false }).compose(tokens, true, length)) {
    if (doc) {
      const [start, end] = next.range;
      doc.errors.push(new YAMLParseError([start, end], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
    doc = next;
  }
  return doc!; // compose(…, forceDoc) always yields one
}

/**
 * The syntax tree, or where lists and maps first nest deeper than MAX_NESTING. It is read lexeme by
 * lexeme so that brackets stop it as soon as they pass the limit: a text of a million `[` takes the
 * parser many seconds and hundreds of MB to read in full.
 */
function syntaxTree(text: string, maxNesting: number): { tokens: CST.Token[] } | { tooDeep: number } {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let brackets = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme === '[' || lexeme === '{') {
      if (++brackets > maxNesting) return { tooDeep: parser.offset };
    } else if (lexeme === ']' || lexeme === '}') brackets = Math.max(0, brackets - 1);
    else if (lexeme === CST.FLOW_END) brackets = 0; // the lexer's word that a flow collection was cut short
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  const deep = tooDeepAt(tokens, maxNesting);
  return deep === undefined ? { tokens } : { tooDeep: deep };
}

/** Where the lists and maps first nest deeper than maxNesting, walking the syntax tree without recursion. */
function tooDeepAt(tokens: readonly CST.Token[], maxNesting: number): number | undefined {
  // A stack of the tokens still to visit and, beside it, how deep each stands; children are pushed
  // last first, so the first token too deep in the text is the one found. Scalars nest nothing.
  const stack: CST.Token[] = [];
  const depths: number[] = [];
  const visit = (token: CST.Token | null | undefined, depth: number) => {
    if (token && (token.type === 'document' || token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection')) {
      stack.push(token);
      depths.push(depth);
    }
  };
  for (let i = tokens.length - 1; i >= 0; i--) visit(tokens[i], 0);
  while (stack.length > 0) {
    const token = stack.pop()!;
    const depth = depths.pop()!;
    if (token.type === 'document') {
      visit(token.value, depth);
      continue;
    }
    const items = (token as CST.BlockMap | CST.BlockSequence | CST.FlowCollection).items;
    if (depth + 1 > maxNesting) return token.offset;
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i] as { key?: CST.Token | null; value?: CST.Token };
      visit(item.value, depth + 1);
      visit(item.key, depth + 1);
    }
  }
  return undefined;
}

/** What the parser's `uniqueKeys` reports: a scalar key whose value an earlier key of the same map has. */
export function duplicateKeyErrors(node: unknown): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  collectDuplicateKeys(node, errors);
  return errors;
}

/** A map this small is checked key against key: no set to make for the maps of every entry. */
const FEW_KEYS = 16;

function collectDuplicateKeys(node: unknown, errors: YAMLParseError[]): void {
  if (isPair(node)) {
    collectDuplicateKeys(node.key, errors);
    collectDuplicateKeys(node.value, errors);
    return;
  }
  if (!isCollection(node)) return;
  const items = node.items as unknown[];
  if (isMap(node) && items.length > 1) {
    const keys = (node as YAMLMap).items.map(({ key }) => (isScalar(key) ? key : undefined));
    const seen = keys.length > FEW_KEYS ? new Set<unknown>() : undefined;
    keys.forEach((key, i) => {
      // The parser compares with ===, under which NaN equals nothing; a Set would match it.
      if (!key || Number.isNaN(key.value)) return;
      const repeated = seen ? seen.has(key.value) : keys.some((other, j) => j < i && other !== undefined && other.value === key.value);
      if (!repeated) return void seen?.add(key.value);
      const at = key.range?.[0] ?? 0;
      errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
    });
  }
  for (const item of items) collectDuplicateKeys(item, errors);
}
