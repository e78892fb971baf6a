// The Debian packages a real VS Code (code-server) and the UI tests need on this machine, and the
// set-up that gets them: `npm test` and `npm start` call it, so two commands are enough on a fresh
// machine. Missing packages are installed when this user may (root, or passwordless sudo) and
// apt-get is there; otherwise it stops at once, naming the exact command to run.
//
//   node scripts/system-packages.mjs            what code-server's install needs
//   node scripts/system-packages.mjs --browser  and Chromium (the UI and extension-host tests)
//   node scripts/system-packages.mjs --editors  and Neovim (the README's set-up for it is tested)
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What code-server's `npm install` builds or fetches, by Debian package, and why. */
export const INSTALL_PACKAGES = [
  { name: 'build-essential', why: 'a C++ compiler for code-server’s native modules', probe: ['g++', 'make'] },
  { name: 'python3', why: 'node-gyp, which builds those modules', probe: ['python3'] },
  { name: 'libkrb5-dev', why: 'the Kerberos headers code-server’s `kerberos` module compiles against', probe: ['/usr/include/gssapi/gssapi.h'] },
  { name: 'ripgrep', why: 'a local `rg`, which code-server’s install would otherwise download from GitHub', probe: ['rg'] },
];

/** What the tests open VS Code's workbench in. */
export const BROWSER_PACKAGES = [
  { name: 'chromium', why: 'the browser the extension-host and UI tests drive VS Code in', probe: ['/usr/bin/chromium'] },
  { name: 'fonts-noto-cjk', why: 'Chinese characters in the UI tests’ screenshots', probe: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'] },
];

/** Another LSP client, to test `kam lsp --stdio` outside VS Code. */
export const EDITOR_PACKAGES = [
  { name: 'neovim', why: 'a second editor: the README’s Neovim set-up for `kam lsp` is tested in it', probe: ['nvim'] },
];

/**
 * What to do about `missing` packages, from facts about this machine:
 * `{ action: 'none' }`, `{ action: 'install', argv: [[cmd, ...args], ...] }` or
 * `{ action: 'stop', message }`. `sudo` is 'passwordless', 'password' or 'none'. Pure, so each case is
 * tested with made-up facts.
 */
export function decide(missing, { root, sudo, aptGet, debian }) {
  if (missing.length === 0) return { action: 'none' };
  const names = missing.map((p) => p.name);
  const reasons = missing.map((p) => `  ${p.name.padEnd(16)} ${p.why}`).join('\n');
  if (!debian || !aptGet) {
    return {
      action: 'stop',
      message:
        `This machine lacks what these Debian packages provide:\n${reasons}\n` +
        `It has no ${debian ? 'apt-get' : 'dpkg'}: install their equivalents with your system's package manager, then run the command again.`,
    };
  }
  if (root || sudo === 'passwordless') {
    const run = [...(root ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive'];
    return {
      action: 'install',
      names,
      reasons,
      argv: [
        [...run, 'apt-get', 'update', '-qq'],
        [...run, 'apt-get', 'install', '-y', '-qq', ...names],
      ],
    };
  }
  const install = `apt-get update && apt-get install -y ${names.join(' ')}`;
  const how =
    sudo === 'password'
      ? `This user is not root and sudo asks for a password. Run:\n\n  sudo sh -c '${install}'\n\n`
      : `This user is not root and there is no sudo. As root, run:\n\n  ${install}\n\n`;
  return { action: 'stop', message: `Missing Debian packages:\n${reasons}\n${how}then run the command again.` };
}

function onPath(command) {
  return (process.env.PATH || '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, command)));
}

function hasProbe(probe) {
  return probe.every((p) => (p.startsWith('/') ? fs.existsSync(p) : onPath(p)));
}

/** The packages of `wanted` that are not installed (by dpkg; by their files where there is no dpkg). */
export function missingPackages(wanted) {
  if (wanted.length === 0) return [];
  if (!onPath('dpkg-query')) return wanted.filter((p) => !hasProbe(p.probe));
  // dpkg-query exits 1 when it knows none of a name; the lines of the names it knows still come.
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...wanted.map((p) => p.name)], { encoding: 'utf8' });
  const installed = new Set(
    result.stdout
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([, status]) => status === 'installed')
      .map(([name]) => name.replace(/:.*$/, '')),
  );
  return wanted.filter((p) => !installed.has(p.name));
}

/** The facts decide() needs, about this machine and user. */
export function machineFacts() {
  const root = process.getuid?.() === 0;
  let sudo = 'none';
  if (!root && onPath('sudo')) sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'passwordless' : 'password';
  return { root, sudo, aptGet: onPath('apt-get'), debian: onPath('dpkg-query') };
}

/**
 * Makes sure the packages for code-server's install (`install`), the tests' browser (`browser`)
 * and the other editor (`editors`) are there, installing them when this user may; throws with the
 * exact command otherwise.
 */
export function ensureSystemPackages({ install = true, browser = false, editors = false, log = console.error } = {}) {
  const wanted = [...(install ? INSTALL_PACKAGES : []), ...(browser ? BROWSER_PACKAGES : []), ...(editors ? EDITOR_PACKAGES : [])];
  const decision = decide(missingPackages(wanted), machineFacts());
  if (decision.action === 'none') return;
  if (decision.action === 'stop') throw new Error(decision.message);
  log(`Installing the Debian packages this needs (a minute or two):\n${decision.reasons}`);
  const started = Date.now();
  for (const [command, ...args] of decision.argv) {
    log(`$ ${[command, ...args].join(' ')}`);
    // dpkg's progress (hundreds of lines) is left out; its errors and warnings still show.
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const still = missingPackages(wanted);
  if (still.length > 0) throw new Error(`apt-get finished but these are still missing: ${still.map((p) => p.name).join(' ')}`);
  log(`Installed ${decision.names.join(' ')} in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureSystemPackages({ browser: process.argv.includes('--browser'), editors: process.argv.includes('--editors') });
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
