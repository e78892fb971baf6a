// The set-up's decision (scripts/system-packages.mjs): install the missing Debian packages when this
// user may, else stop with the exact command. Facts about the machine are made up here; the real
// run is `npm test` on a fresh machine.
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { repoPath } from '../helpers';

type Scripts = typeof import('../../scripts/system-packages.mjs', { with: { 'resolution-mode': 'import' } });

describe('system packages: what the set-up does', () => {
  let sp: Scripts;
  before(async () => {
    sp = await import(pathToFileURL(repoPath('scripts', 'system-packages.mjs')).href);
  });
  const facts = { root: false, sudo: 'password', aptGet: true, debian: true } as const;
  const chromium = () => sp.BROWSER_PACKAGES.filter((p) => p.name === 'chromium');

  it('does nothing when nothing is missing, whoever runs it', () => {
    assert.deepEqual(sp.decide([], facts), { action: 'none' });
  });

  it('installs as root with apt-get, without a prompt, after updating the lists', () => {
    const missing = [...sp.INSTALL_PACKAGES.filter((p) => p.name === 'ripgrep'), ...chromium()];
    const decision = sp.decide(missing, { ...facts, root: true });
    assert.equal(decision.action, 'install');
    if (decision.action !== 'install') return;
    assert.deepEqual(decision.argv, [
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', 'ripgrep', 'chromium'],
    ]);
    assert.match(decision.reasons, /ripgrep .*rg/);
    assert.match(decision.reasons, /chromium .*browser/);
  });

  it('installs through sudo -n when sudo needs no password', () => {
    const decision = sp.decide(chromium(), { ...facts, sudo: 'passwordless' });
    assert.equal(decision.action, 'install');
    if (decision.action !== 'install') return;
    assert.deepEqual(decision.argv[1], ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', 'chromium']);
  });

  it('stops with the exact sudo command for a user whose sudo asks a password', () => {
    const decision = sp.decide([...sp.INSTALL_PACKAGES.filter((p) => p.name === 'libkrb5-dev'), ...chromium()], facts);
    assert.equal(decision.action, 'stop');
    if (decision.action !== 'stop') return;
    assert.ok(decision.message.includes("\n  sudo sh -c 'apt-get update && apt-get install -y libkrb5-dev chromium'\n"), decision.message);
    assert.match(decision.message, /Kerberos/);
  });

  it('stops with the command for root where there is no sudo', () => {
    const decision = sp.decide(chromium(), { ...facts, sudo: 'none' });
    assert.equal(decision.action, 'stop');
    if (decision.action === 'stop') assert.ok(decision.message.includes('As root, run:\n\n  apt-get update && apt-get install -y chromium\n'), decision.message);
  });

  it('stops naming the packages where there is no apt-get or no dpkg', () => {
    for (const machine of [{ ...facts, root: true, aptGet: false }, { ...facts, root: true, debian: false, aptGet: false }]) {
      const decision = sp.decide(chromium(), machine);
      assert.equal(decision.action, 'stop');
      if (decision.action === 'stop') assert.match(decision.message, /chromium .*browser[\s\S]*package manager/);
    }
  });

  it('finds an installed package installed and a made-up one missing', () => {
    const made = { name: 'kam-plan-no-such-package', why: 'a test', probe: ['/no/such/file'] };
    const present = { name: sp.machineFacts().debian ? 'dpkg' : 'none', why: 'a test', probe: ['/bin/sh'] };
    assert.deepEqual(sp.missingPackages([made, present]).map((p) => p.name), [made.name]);
  });
});
