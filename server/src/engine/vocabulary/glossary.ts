// docs/glossary.md, written from the vocabulary: every term in English and Chinese, group by group,
// with where the extension shows it. `npm run glossary` writes the page; a unit test keeps it in step.
import { GLOSSARY } from './index';

/** A table cell: pipes escaped, so a term never breaks the table. */
function cell(value: string): string {
  return value.replace(/\|/g, '\\|');
}

export function glossaryMarkdown(): string {
  const lines = [
    '# Glossary · 术语表',
    '',
    'Every term KAM Plan shows, in English and in Simplified Chinese, one Chinese term per concept. The Chinese',
    'is the course’s where the course has a term (see the method notes). This page is generated from',
    '`server/src/engine/vocabulary/` by `npm run glossary`; do not edit it by hand.',
    '',
  ];
  for (const group of GLOSSARY) {
    lines.push(`## ${group.title}`, '', `Used in: ${group.where}.`, '', '| Key | English | 中文 |', '| --- | --- | --- |');
    for (const [key, term] of Object.entries(group.terms)) lines.push(`| \`${cell(key)}\` | ${cell(term.en)} | ${cell(term['zh-cn'])} |`);
    lines.push('');
  }
  return lines.join('\n');
}
