// `npm start`: builds the extension and opens examples/ in VS Code with it loaded from source.
// With desktop VS Code (`code` on PATH) that is `code --extensionDevelopmentPath=REPO examples/`;
// otherwise code-server (installed on first use, see code-server.mjs) serves VS Code on
// 127.0.0.1 until Ctrl+C, with the extension loaded in development mode.
//   npm start -- --watch     also rebuilds on change (then "Developer: Reload Window")
//   KAM_PORT=8080 npm start  a fixed port instead of a free one
//   KAM_CODE_SERVER=1 npm start  code-server even where desktop VS Code is installed
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, startCodeServer, workbenchUrl } from './code-server.mjs';

const examples = path.join(REPO_ROOT, 'examples');
const watch = process.argv.includes('--watch');
const onPath = (command) => (process.env.PATH || '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, command)));

execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
const watcher = watch ? spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: REPO_ROOT, stdio: 'inherit' }) : undefined;

if (onPath('code') && !process.env.KAM_CODE_SERVER) {
  execFileSync('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, examples], { stdio: 'inherit' });
  if (!watcher) process.exit(0);
  console.log('Rebuilding on change; Ctrl+C stops.');
} else {
  // Ctrl+C ends this process, and with it code-server (see startCodeServer) and the watcher.
  process.on('exit', () => watcher?.kill());
  const server = await startCodeServer({ folder: examples, port: Number(process.env.KAM_PORT) || undefined });
  console.log(
    `\nKAM Plan is running in VS Code (code-server) with the extension from ${REPO_ROOT}.\n` +
      `Open this address in a browser on this machine (Ctrl+C stops):\n\n  ${workbenchUrl(server, { folder: examples, development: REPO_ROOT })}\n`,
  );
}
