// The output formats of `kam lint`, by name.
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { Formatter } from './types';

export const FORMATTERS = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub } satisfies Record<string, Formatter>;
export type Format = keyof typeof FORMATTERS;
export const FORMATS = Object.keys(FORMATTERS) as Format[];
export type * from './types';
