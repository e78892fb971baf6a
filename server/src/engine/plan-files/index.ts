// Plan files on disk, one module for `kam lint` and the server, so a file gets the same answer from
// both: discovery.ts (PLAN_FILE, isPlanFile, SKIPPED_FOLDERS, findPlanFiles/findPlanFilesSync with an
// exclusion, linked folders not followed), excludes.ts (`files.exclude` as an Exclusion), read.ts
// (readPlanFile: size limit, UTF-8 decoding, unreadable; planOfContents: the Plan to check, with the
// not-text finding), not-text.ts (the syntax error KAM001 reports for a file that is no text).
export * from './discovery';
export * from './excludes';
export * from './read';
export * from './not-text';
