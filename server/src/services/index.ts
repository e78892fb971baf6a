// Language features as plain functions over a parsed document: the server wires each to its request.
export { rangeOf, type PlanDocument } from './document';
export { idIndex, occurrenceAt, occurrencesOf, type IdIndex, type IdKind, type IdOccurrence } from './id-index';
export { definition, documentHighlights, prepareRename, references, rename, RenameError, ID_PATTERN } from './navigation';
export { documentSymbols, OutlineMemo } from './symbols';
export { foldingRanges } from './folding';
