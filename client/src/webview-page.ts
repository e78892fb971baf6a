// The head every webview page of ours starts with, as a pure function (no `vscode` import): the
// Content-Security-Policy, the language, the viewport, then the page's own stylesheet or style block.
import { randomBytes } from 'node:crypto';

export interface PageHead {
  /** The Content-Security-Policy, whole. */
  csp: string;
  /** The display language (`vscode.env.language`), when the page knows it. */
  language?: string;
  /** What follows in <head>: a stylesheet link or a style block with the nonce. */
  head: string;
}

/** A fresh nonce for a page's script and style. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/** The page from `<!DOCTYPE html>` to `</head>`. */
export function pageStart({ csp, language, head }: PageHead): string {
  const lang = language === undefined ? '' : ` lang="${language.replace(/[^\w-]/g, '')}"`;
  return `<!DOCTYPE html>
<html${lang}>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${head}
</head>`;
}
