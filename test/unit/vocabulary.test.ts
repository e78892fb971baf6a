import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/rules/check';
import { defaultConfig } from '../../server/src/engine/config';
import { GLOSSARY, interpolate, LABELS, lowered, ROLE_LABELS, say, text } from '../../server/src/engine/vocabulary';
import { glossaryMarkdown } from '../../server/src/engine/vocabulary/glossary';
import { repoPath } from '../helpers';

/** The same word in English with two meanings, each with its own Chinese term; the reason is the test's documentation. */
const HOMONYMS: Record<string, string> = {
  other: 'another goal metric (其他) or another outside influence among the macro factors (其他外在影响, the course’s)',
  'our company': 'the rescue network’s helpers inside our company (公司内部, the course’s) or our company as a SWOT subject (我们的公司)',
  organisation: 'the diagnosis section on the org chart (组织的架构) or the customer’s organisation as a micro factor (组织); both are the course’s',
  economic: 'an economic factor of the macro environment (经济因素) or an economic value of the customer (经济的); both are the course’s',
  stage: 'a stage of the planning cycle (阶段) or the contract stage an action serves (合约阶段)',
  name: 'the name of a thing (名称) or of a person (姓名)',
};

/** English as a concept: case, a warning sign and a plural `s` do not make another concept. */
function concept(en: string): string {
  return en.replace(/^⚠\s*/, '').trim().toLowerCase().replace(/s$/, '');
}

describe('vocabulary', () => {
  it('docs/glossary.md is the page the vocabulary writes (run `npm run glossary` after changing a term)', () => {
    const page = fs.readFileSync(repoPath('docs', 'glossary.md'), 'utf8');
    assert.equal(page, glossaryMarkdown(), 'docs/glossary.md is out of step with server/src/engine/vocabulary: run `npm run glossary`');
  });

  it('gives each English concept exactly one Chinese term', () => {
    const seen = new Map<string, Map<string, string[]>>();
    for (const group of GLOSSARY) {
      for (const [key, term] of Object.entries(group.terms)) {
        assert.ok(term.en.trim() !== '' && term['zh-cn'].trim() !== '', `${group.title}: ${key} has both words`);
        const byChinese = seen.get(concept(term.en)) ?? new Map<string, string[]>();
        byChinese.set(term['zh-cn'], [...(byChinese.get(term['zh-cn']) ?? []), `${group.title}.${key}`]);
        seen.set(concept(term.en), byChinese);
      }
    }
    const drift = [...seen].filter(([en, byChinese]) => byChinese.size > 1 && !Object.hasOwn(HOMONYMS, en));
    assert.deepEqual(
      drift.map(([en, byChinese]) => `${en}: ${[...byChinese].map(([zh, where]) => `${zh} (${where.join(', ')})`).join(' / ')}`),
      [],
    );
  });

  it('uses the chosen term for the concepts that had drifted', () => {
    const all = GLOSSARY.flatMap((g) => Object.values(g.terms).map((t) => t['zh-cn']));
    for (const old of ['下次检讨', '下次复盘', '组织单元']) assert.ok(!all.some((zh) => zh.includes(old)), old);
    assert.equal(LABELS.nextReview['zh-cn'], '下次回顾');
    assert.equal(LABELS.direction['zh-cn'], '质量的目标');
    assert.equal(LABELS.unit['zh-cn'], '部门');
  });

  it('fills a bilingual argument in the message’s own locale', () => {
    const template = text('No stakeholder holds the {role} role.', '没有关键人物担任{role}角色。');
    assert.equal(say(template, 'en', { role: ROLE_LABELS.guide }), 'No stakeholder holds the guide role.');
    assert.equal(say(template, 'zh-cn', { role: ROLE_LABELS.guide }), '没有关键人物担任指导者角色。');
    assert.equal(interpolate('{n} of {what}', { n: 2, what: lowered(LABELS.stance) }, 'en'), '2 of stance');
    assert.equal(interpolate('{missing} stays', {}), '{missing} stays');
  });

  it('puts no English role label into a Chinese KAM201 finding (the YAML name in brackets aside)', () => {
    const plan = 'kam: 1\naccount:\n  name: X\ndiagnosis:\n  stakeholders:\n    - id: a\n      name: A\n      roles: [guide]\n';
    const zh = checkText(plan, { config: defaultConfig('zh-cn'), today: '2026-11-26' }).filter((f) => f.code === 'KAM201');
    assert.ok(zh.length > 0, 'KAM201 reports the unheld roles');
    for (const f of zh) assert.doesNotMatch(f.message.replace(/（[a-z-]+，/, ''), /\b(decision maker|proposer|implementer|constrainer|influencer)\b/, f.message);
  });

  it('keeps the Chinese locale spelled in the vocabulary and the rules’ message tables only (at most two elsewhere)', () => {
    const over: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) {
          const relative = path.relative(repoPath(), file).split(path.sep).join('/');
          if (relative.startsWith('server/src/engine/vocabulary/') || relative.startsWith('server/src/rules/')) continue;
          const count = (fs.readFileSync(file, 'utf8').match(/'zh-cn'/g) ?? []).length;
          if (count > 2) over.push(`${relative}: ${count}`);
        }
      }
    };
    walk(repoPath('server', 'src'));
    walk(repoPath('client', 'src'));
    assert.deepEqual(over, []);
  });
});

describe('vocabulary and the client’s bundles', () => {
  it('translates a term the client repeats as the vocabulary does (l10n bundle, package.nls)', () => {
    const chinese = new Map<string, Set<string>>();
    for (const group of GLOSSARY) {
      for (const term of Object.values(group.terms)) chinese.set(term.en.toLowerCase(), (chinese.get(term.en.toLowerCase()) ?? new Set()).add(term['zh-cn']));
    }
    const bundle = JSON.parse(fs.readFileSync(repoPath('l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const en = JSON.parse(fs.readFileSync(repoPath('package.nls.json'), 'utf8')) as Record<string, string>;
    const zh = JSON.parse(fs.readFileSync(repoPath('package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    const pairs = [...Object.entries(bundle), ...Object.keys(en).filter((k) => Object.hasOwn(zh, k)).map((k) => [en[k], zh[k]])];
    const drift = pairs.filter(([english, translated]) => {
      const terms = chinese.get(english.toLowerCase());
      return terms !== undefined && !terms.has(translated);
    });
    assert.ok(pairs.some(([english]) => chinese.has(english.toLowerCase())), 'the bundles repeat some terms (Stance, Roles, …)');
    assert.deepEqual(drift, []);
  });
});
