// The portfolio: one row per plan (row.ts) and the five ways to write it out. No LSP or VS Code import.
import { renderPortfolioHtml } from './html';
import { renderCsv, renderJson, renderMarkdown, renderText } from './render';
import type { Portfolio } from './table';

export const PORTFOLIO_RENDERERS = {
  text: renderText,
  json: renderJson,
  md: renderMarkdown,
  html: renderPortfolioHtml,
  csv: renderCsv,
} satisfies Record<string, (portfolio: Portfolio, linkBase?: string) => string>;
export type PortfolioFormat = keyof typeof PORTFOLIO_RENDERERS;
export const PORTFOLIO_FORMATS = Object.keys(PORTFOLIO_RENDERERS) as PortfolioFormat[];

export { portfolioRow, compareRows, portfolioTotals, type PortfolioRow, type PortfolioTotals, type RowOptions } from './row';
export { staleContacts, STALE_RULE } from './stale-contacts';
export type { Portfolio } from './table';
