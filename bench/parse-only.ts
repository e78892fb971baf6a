// The floor of `kam lint` over a folder: find the same plan files, read them and parse each with
// `yaml`, nothing else. `node out/bench/parse-only.js FOLDER`
import * as fs from 'node:fs';
import { parseDocument } from 'yaml';
import { collectPlanFiles } from '../server/src/cli/files';

const { files } = collectPlanFiles(process.argv.slice(2), process.cwd());
let errors = 0;
for (const file of files) errors += parseDocument(fs.readFileSync(file, 'utf8')).errors.length;
process.stdout.write(`${files.length} files, ${errors} syntax errors\n`);
