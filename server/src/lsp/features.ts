// The language features over the shared parse: each request reads the plan of the document's
// current version from PlanDocuments and hands it to one function of ../services.
import { CodeActionKind, ResponseError, type Connection, type DocumentSymbol, type ServerCapabilities } from 'vscode-languageserver/node';
import { localToday } from '../engine/values';
import { codeActions, FIX_ALL_KIND } from '../services/code-actions';
import { completions } from '../services/completion';
import { hover } from '../services/hover';
import {
  definition,
  documentHighlights,
  documentSymbols,
  foldingRanges,
  OutlineMemo,
  prepareRename,
  references,
  rename,
  RenameError,
} from '../services';
import type { PlanDocument } from '../services/document';
import type { PlanDocuments } from './documents';
import type { Settings } from './settings';
import type { Validator } from './validation';

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: 'KAM Plan' },
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  completionProvider: { triggerCharacters: [' ', ':', '[', ','] },
  hoverProvider: true,
};

/** What the features need beyond the documents; it exists once the client has initialized. */
export interface FeatureEnvironment {
  settings: Settings;
  validator: Validator;
  /** Test-only fixed "today"; the local date otherwise. */
  today?: string;
}

export function registerFeatures(connection: Connection, documents: PlanDocuments, env: () => FeatureEnvironment): void {
  // A handler takes the plan after its awaits: a version parsed meanwhile reuses the older one's document.
  const plan = (uri: string) => documents.planFor(uri);
  // The outline of each parsed version, built once: the editor asks for it again and again on the same
  // version (outline, breadcrumbs, sticky scroll). Keyed by the parse, so it goes with it.
  // Per document, the entries' symbols of its last outline: the next version rebuilds only those edited.
  const outlines = new WeakMap<PlanDocument, DocumentSymbol[]>();
  const memos = new Map<string, OutlineMemo>();
  documents.synced.onDidClose(({ document }) => memos.delete(document.uri));
  const outline = (parsed: PlanDocument) => {
    let symbols = outlines.get(parsed);
    if (!symbols) {
      const uri = parsed.document.uri;
      const memo = memos.get(uri) ?? new OutlineMemo();
      memos.set(uri, memo);
      outlines.set(parsed, (symbols = documentSymbols(parsed, memo)));
    }
    return symbols;
  };

  connection.onDefinition(({ textDocument, position }) => {
    const parsed = plan(textDocument.uri);
    return parsed ? definition(parsed, position) : null;
  });
  connection.onReferences(({ textDocument, position, context }) => {
    const parsed = plan(textDocument.uri);
    return parsed ? references(parsed, position, context) : null;
  });
  connection.onDocumentHighlight(({ textDocument, position }) => {
    const parsed = plan(textDocument.uri);
    return parsed ? documentHighlights(parsed, position) : null;
  });
  connection.onPrepareRename(({ textDocument, position }) => {
    const parsed = plan(textDocument.uri);
    return parsed ? prepareRename(parsed, position) : null;
  });
  connection.onRenameRequest(async ({ textDocument, position, newName }) => {
    if (!documents.get(textDocument.uri)) return null;
    const { locale } = await env().settings.configFor(textDocument.uri);
    const parsed = plan(textDocument.uri);
    if (!parsed) return null;
    try {
      return rename(parsed, position, newName, locale);
    } catch (e) {
      // A refused name is the user's answer, shown by the editor; anything else is a real failure.
      if (e instanceof RenameError) throw new ResponseError(-32803 /* RequestFailed */, e.message);
      throw e;
    }
  });
  connection.onCodeAction(async ({ textDocument, context }) => {
    if (!documents.get(textDocument.uri)) return null;
    const config = await env().settings.configFor(textDocument.uri);
    const parsed = plan(textDocument.uri);
    if (!parsed) return null;
    return codeActions(parsed, context.diagnostics, context.only, config.locale, { config, today: env().today });
  });
  connection.onCompletion(async ({ textDocument, position }) => {
    if (!documents.get(textDocument.uri)) return null;
    const { locale } = await env().settings.configFor(textDocument.uri);
    const parsed = plan(textDocument.uri);
    if (!parsed) return null;
    const today = env().today ?? localToday();
    return completions(parsed, position, { locale, today, lastGoodPlan: documents.lastGoodPlan(textDocument.uri) });
  });
  connection.onHover(async ({ textDocument, position }) => {
    if (!documents.get(textDocument.uri)) return null;
    const { locale, staleAfterDays } = await env().settings.configFor(textDocument.uri);
    const parsed = plan(textDocument.uri);
    if (!parsed) return null;
    const findings = env().validator.findingsFor(textDocument.uri, parsed.document.version);
    return hover(parsed, position, { locale, findings, today: env().today ?? localToday(), staleAfterDays });
  });
  connection.onDocumentSymbol(({ textDocument }) => {
    const parsed = plan(textDocument.uri);
    return parsed ? outline(parsed) : null;
  });
  connection.onFoldingRanges(({ textDocument }) => {
    const parsed = plan(textDocument.uri);
    return parsed ? foldingRanges(parsed) : null;
  });
}
