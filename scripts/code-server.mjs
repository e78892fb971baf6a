// A real VS Code on machines that can't download one: code-server (npm) ships VS Code itself.
// 4.99.4 ships VS Code 1.99.3 and is the last release that runs on Node.js 20.
//
// This module installs it once into a cache folder outside the project, starts it on a free
// 127.0.0.1 port with fresh profile folders, and opens its workbench in Debian's Chromium through
// playwright-core. Used by `npm start` and, through test/integration/code-server.ts, by the
// extension-host test launcher and the UI tests.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './system-packages.mjs';

export const CODE_SERVER_VERSION = '4.99.4';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = '/usr/bin/chromium';

// The ripgrep build that code-server 4.99.4 wants (@vscode/ripgrep in lib/vscode/npm-shrinkwrap.json).
// Its postinstall downloads it from GitHub unless the tarball is already in its cache folder.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGET = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };

/** Where code-server is installed: `$KAM_CODE_SERVER_DIR`, else `${XDG_CACHE_HOME:-~/.cache}/kam-plan/code-server-4.99.4`. */
export function codeServerDir() {
  if (process.env.KAM_CODE_SERVER_DIR) return path.resolve(process.env.KAM_CODE_SERVER_DIR);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'kam-plan', `code-server-${CODE_SERVER_VERSION}`);
}

function entryPoint(dir = codeServerDir()) {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Puts Debian's `rg` where @vscode/ripgrep's postinstall looks before downloading. */
function seedRipgrepCache() {
  const target = RIPGREP_TARGET[process.arch];
  if (process.platform !== 'linux' || !target) throw new Error(`code-server install: unsupported platform ${process.platform}-${process.arch}`);
  const cache = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const tarball = path.join(cache, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  if (fs.existsSync(tarball)) return;
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  fs.mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['czf', tarball, '-C', path.dirname(fs.realpathSync(rg)), path.basename(fs.realpathSync(rg))]);
}

/** Staging folders of installs whose process is gone (interrupted). */
function removeAbandonedInstalls(dir) {
  const parent = path.dirname(dir);
  if (!fs.existsSync(parent)) return;
  for (const name of fs.readdirSync(parent)) {
    const pid = Number(name.startsWith(`${path.basename(dir)}.partial-`) && name.split('-').pop());
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Installs code-server into codeServerDir() unless it is there already; returns its entry point.
 * The install (about 80 s on 2 cores) goes into a sibling folder first, so an interrupted one
 * never looks finished.
 */
export function ensureCodeServer({ log = console.error } = {}) {
  const dir = codeServerDir();
  if (fs.existsSync(entryPoint(dir))) return entryPoint(dir);
  ensureSystemPackages({ log });
  seedRipgrepCache();
  removeAbandonedInstalls(dir);
  const staging = `${dir}.partial-${process.pid}`;
  fs.mkdirSync(staging, { recursive: true });
  // A package.json of its own, so npm installs here and not into some parent project.
  fs.writeFileSync(path.join(staging, 'package.json'), '{ "private": true }\n');
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${dir} (about 80 s)…`);
  const started = Date.now();
  try {
    // As root npm needs --unsafe-perm for the install scripts; npm_config_yes stops node-pty's
    // `npx node-gyp` from waiting at a prompt. --prefix, because under `npm test` the environment
    // names the project as npm's local prefix.
    const args = ['install', `code-server@${CODE_SERVER_VERSION}`, '--prefix', staging, '--unsafe-perm', '--no-audit', '--no-fund', '--loglevel=error'];
    execFileSync('npm', args, {
      cwd: staging,
      env: { ...process.env, npm_config_local_prefix: staging, npm_config_yes: 'true' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`code-server install failed (${err.message}); see npm's output above`);
  }
  if (!fs.existsSync(entryPoint(staging))) throw new Error(`code-server install left no ${entryPoint(staging)}`);
  if (fs.existsSync(entryPoint(dir))) {
    fs.rmSync(staging, { recursive: true, force: true }); // another process finished first
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  }
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return entryPoint(dir);
}

const tempDirs = new Set();

/** A fresh temporary folder, e.g. for a workspace or a profile; removed when this process exits. */
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kam-${prefix}-`));
  if (tempDirs.size === 0) process.on('exit', () => tempDirs.forEach(removeDir));
  tempDirs.add(dir);
  return dir;
}

function removeDir(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  } catch {
    /* a process still writing there: leave it to the system's tmp cleaning */
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answers(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

// A quiet profile: no welcome page, tips, update checks or telemetry.
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
};

/**
 * Starts code-server on `port` or a free 127.0.0.1 port with a fresh user-data-dir (quiet settings plus
 * `settings`) and, unless given, an empty extensions-dir; resolves once it answers. `env` reaches
 * its extension hosts too. `stop()` kills its whole process group (the server, its extension
 * hosts, the language servers they started); so does this process ending, by Ctrl+C too.
 */
export async function startCodeServer({ folder, extensionsDir, settings = {}, env = {}, port, log = console.error, timeoutMs = 60_000 } = {}) {
  const entry = ensureCodeServer({ log });
  const home = tempDir('code-server');
  const userDataDir = path.join(home, 'user');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  extensionsDir ??= path.join(home, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  port ??= await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(home, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir,
    '--config', path.join(home, 'config.yaml'), // else it writes one into ~/.config/code-server
    ...(folder ? [folder] : []),
  ];
  // Its own process group, so stop() reaches every process it starts.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const removeHome = () => removeDir(home);
  // Its own process group gets no Ctrl+C from the terminal: whenever this process ends, end it too.
  const onExit = () => {
    killGroup('SIGKILL');
    removeHome();
  };
  const onSignal = (signal) => process.exit(128 + os.constants.signals[signal]);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  process.on('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);

  const stop = async () => {
    process.off('exit', onExit);
    for (const signal of signals) process.off(signal, onSignal);
    killGroup('SIGTERM');
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    killGroup('SIGKILL');
    removeHome();
  };
  const logTail = () => fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');

  const deadline = Date.now() + timeoutMs;
  while (!(await answers(`${origin}/healthz`))) {
    if (exited || Date.now() > deadline) {
      const tail = logTail();
      await stop();
      throw new Error(`code-server ${exited ? 'exited' : `did not answer within ${timeoutMs / 1000} s`}; its log:\n${tail}`);
    }
    await sleep(250);
  }
  return { port, origin, home, userDataDir, extensionsDir, logFile, logTail, stop };
}

/**
 * The workbench address for a folder. `development` loads an extension from source and, with
 * `testsPath`, runs that folder's `index.js` `run()` in the extension host — VS Code's
 * `--extensionDevelopmentPath` / `--extensionTestsPath`, passed to the web workbench as `payload`.
 */
export function workbenchUrl(server, { folder, development, testsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  const payload = [];
  if (development) payload.push(['extensionDevelopmentPath', remote(development)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${query}`;
}

/**
 * Debian's Chromium, headless, driven by playwright-core, with a fresh profile.
 * Returns `{ context, page, close() }`.
 */
export async function openBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  ensureSystemPackages({ install: false, browser: true });
  const { chromium } = await import('playwright-core');
  const userDataDir = tempDir('chromium');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', // containers often have a tiny /dev/shm
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    removeDir(userDataDir);
  };
  return { context, page, close };
}

/**
 * Packs the extension as users get it: `npm run package` (a production build and `vsce package`)
 * into `kam-plan.vsix` at the repository's top; returns its path.
 */
export function packageExtension({ log = console.error } = {}) {
  const vsix = path.join(REPO_ROOT, 'kam-plan.vsix');
  fs.rmSync(vsix, { force: true });
  log('Packaging the extension (npm run package)…');
  execFileSync('npm', ['run', '-s', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!fs.existsSync(vsix)) throw new Error(`npm run package left no ${vsix}`);
  return vsix;
}

/**
 * Installs a `.vsix` into `extensionsDir` as a user does (`code-server --install-extension`);
 * returns the installed extension's folder.
 */
export function installVsix(vsix, extensionsDir) {
  const entry = ensureCodeServer();
  const home = tempDir('install');
  execFileSync(
    process.execPath,
    [entry, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', path.join(home, 'user'), '--config', path.join(home, 'config.yaml')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const installed = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  if (!fs.existsSync(path.join(installed, 'package.json'))) throw new Error(`code-server --install-extension left no ${installed}`);
  return installed;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// `node scripts/code-server.mjs [--browser] [--editors]`: the machine's set-up before the tests or
// `npm start` need it — the Debian packages (Chromium with `--browser`, Neovim with `--editors`)
// and code-server in its cache folder.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    // One apt-get run for everything missing.
    const flags = { browser: process.argv.includes('--browser'), editors: process.argv.includes('--editors') };
    ensureSystemPackages({ install: !fs.existsSync(entryPoint()), ...flags });
    console.log(`code-server ${CODE_SERVER_VERSION}: ${ensureCodeServer()}`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
