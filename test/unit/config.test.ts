import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ruleByCode, RULES } from '../../server/src/rules';
import { defaultConfig, findRcFile, mergeConfig, readRcFile, settingFor } from '../../server/src/engine';

const rule = (code: string) => ruleByCode(code)!;

describe('configuration table', () => {
  it('sets rules by code (any case) or by name', () => {
    const { config, problems } = mergeConfig(defaultConfig(), { rules: { kam103: 'off', 'goal-not-specific': 'error' } }, RULES);
    assert.deepEqual(problems, []);
    assert.equal(settingFor(config, rule('KAM103')), 'off');
    assert.equal(settingFor(config, rule('KAM301')), 'error');
    assert.equal(settingFor(config, rule('KAM201')), 'warning', 'untouched rules keep their default');
  });

  it('lets a later layer win whether it names the rule by code or by name', () => {
    const first = mergeConfig(defaultConfig(), { rules: { KAM201: 'off' } }, RULES).config;
    const second = mergeConfig(first, { rules: { 'role-unassigned': 'error' } }, RULES).config;
    assert.equal(settingFor(second, rule('KAM201')), 'error');
  });

  it('reports unknown rules, bad settings and a bad limit, and keeps the rest', () => {
    const { config, problems } = mergeConfig(
      defaultConfig(),
      { rules: { KAM999: 'off', KAM103: 'loud', KAM602: 'off' }, goals: { maxAnnualChange: 'much' } },
      RULES,
    );
    assert.equal(problems.length, 3);
    assert.match(problems.join('\n'), /KAM999/);
    assert.match(problems.join('\n'), /loud/);
    assert.match(problems.join('\n'), /maxAnnualChange/);
    assert.equal(settingFor(config, rule('KAM602')), 'off');
    assert.equal(config.maxAnnualChange, 1);
  });

  it('reads the limit and locale', () => {
    const { config } = mergeConfig(defaultConfig(), { goals: { maxAnnualChange: 0.5 }, locale: 'zh-CN' }, RULES);
    assert.equal(config.maxAnnualChange, 0.5);
    assert.equal(config.locale, 'zh-cn');
  });

  it('finds the nearest .kamrc.yaml above a plan and reads it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kamrc-'));
    fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(root, '.kamrc.yaml'), 'rules:\n  KAM103: off\n');
    const plan = path.join(root, 'a', 'b', 'x.kam.yaml');
    assert.equal(findRcFile(plan), path.join(root, '.kamrc.yaml'));
    assert.deepEqual(readRcFile(path.join(root, '.kamrc.yaml')).raw, { rules: { KAM103: 'off' } });
    fs.writeFileSync(path.join(root, 'a', '.kamrc.yml'), 'rules: [unclosed\n');
    assert.equal(findRcFile(plan), path.join(root, 'a', '.kamrc.yml'));
    assert.equal(readRcFile(path.join(root, 'a', '.kamrc.yml')).problems.length, 1);
  });
});
