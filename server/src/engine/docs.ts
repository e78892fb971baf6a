// Where a rule's documentation page is: `docs/rules/KAMxxx.md`, shipped with the extension and the
// CLI, so `codeDescription.href` and SARIF `helpUri` work offline.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let docsDir: string | undefined | null = null;

/** The folder of the rule pages, found upward from this module (dist/ in the bundle, out/… in tests). */
export function ruleDocsDir(): string | undefined {
  if (docsDir !== null) return docsDir;
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return (docsDir = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return (docsDir = undefined);
    dir = parent;
  }
}

const docUrls = new Map<string, string | undefined>();

/** A `file:` URL of a rule's page, or undefined when the pages are not shipped. Kept per code: every diagnostic asks. */
export function ruleDocUrl(code: string): string | undefined {
  if (docUrls.has(code)) return docUrls.get(code);
  const dir = ruleDocsDir();
  const url = dir ? pathToFileURL(path.join(dir, `${code}.md`)).href : undefined;
  docUrls.set(code, url);
  return url;
}
