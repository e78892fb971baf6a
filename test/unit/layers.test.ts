// The layers import only downward: client → lsp → services / report → views → rules → engine, with
// services and report beside each other, services not drawing on views, views not on rules, and the
// CLI (which can start the server) above lsp. Every import of server/src and client/src is read
// and checked against the table below, so a new upward import fails here, named.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers';

type Layer = 'engine' | 'rules' | 'views' | 'services' | 'report' | 'lsp' | 'cli' | 'client';

/** The layers each layer may import from (besides itself). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  engine: [],
  rules: ['engine'],
  views: ['engine'],
  services: ['rules', 'engine'],
  report: ['views', 'engine'],
  lsp: ['services', 'report', 'views', 'rules', 'engine'],
  cli: ['lsp', 'services', 'report', 'views', 'rules', 'engine'],
  client: ['lsp', 'views', 'engine'],
};

/** Imports the table does not allow yet, each with the reason it stands; keep this empty. */
const KNOWN: readonly string[] = [];

function layerOf(file: string): Layer | undefined {
  const rel = path.relative(REPO_ROOT, file).split(path.sep);
  if (rel[0] === 'client' && rel[1] === 'src') return 'client';
  if (rel[0] === 'server' && rel[1] === 'src') return rel[2] as Layer;
  return undefined;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

/** The relative module specifiers a file imports, re-exports or requires. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+'(\.[^']*)'/g, /\bimport\s+'(\.[^']*)'/g, /\brequire\('(\.[^']*)'\)/g, /\bimport\('(\.[^']*)'\)/g];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]);
  return found;
}

function upwardImports(): string[] {
  const wrong: string[] = [];
  for (const root of [path.join(REPO_ROOT, 'server', 'src'), path.join(REPO_ROOT, 'client', 'src')]) {
    for (const file of sourceFiles(root)) {
      const from = layerOf(file)!;
      for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
        const to = layerOf(path.resolve(path.dirname(file), spec));
        if (!to || to === from || MAY_IMPORT[from].includes(to)) continue;
        wrong.push(`${path.relative(REPO_ROOT, file)} → ${spec} (${from} → ${to})`);
      }
    }
  }
  return wrong;
}

describe('layers', () => {
  it('every layer of server/src and client/src is in the table', () => {
    const dirs = fs.readdirSync(path.join(REPO_ROOT, 'server', 'src'));
    for (const dir of dirs) assert.ok(dir in MAY_IMPORT, `server/src/${dir} is no layer of the table`);
  });

  it('imports only downward', () => {
    const wrong = upwardImports().filter((w) => !KNOWN.some((k) => w.startsWith(k)));
    assert.deepEqual(wrong, [], `upward imports:\n${wrong.join('\n')}`);
  });

  it('finds an upward import when there is one', () => {
    // The scanner itself: a relative import out of engine into rules is one.
    assert.deepEqual(specifiers("import { RULES } from '../rules';\nconst x = require('../lsp/server');"), ['../rules', '../lsp/server']);
    assert.equal(layerOf(path.join(REPO_ROOT, 'server', 'src', 'engine', 'x.ts')), 'engine');
    assert.ok(!MAY_IMPORT.engine.includes('rules'));
  });

  it('the webview scripts type-check: media/map.js against the messages the client sends and reads (client/src/map-protocol.ts), and media/form/', function () {
    this.timeout(60_000);
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    assert.ok(fs.existsSync(tsc), 'typescript is not installed: run npm install');
    const run = spawnSync(process.execPath, [tsc, '-p', path.join(REPO_ROOT, 'media', 'tsconfig.json')], { encoding: 'utf8' });
    assert.equal(run.status, 0, `tsc -p media/tsconfig.json:\n${run.stdout}${run.stderr}`);
  });
});
