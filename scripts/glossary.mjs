// Writes docs/glossary.md from the vocabulary (run after `tsc -p .`, as `npm run glossary` does).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { glossaryMarkdown } = require('../out/server/src/engine/vocabulary/glossary.js');
writeFileSync(new URL('../docs/glossary.md', import.meta.url), glossaryMarkdown());
console.log('docs/glossary.md written');
