// The additions of December 2026: one meaning of "live action", "engaged" and "stale", the
// `relationships.staleAfterDays` setting, and the contract-stage roles of KAM208.
import * as assert from 'node:assert/strict';
import { defaultConfig, mergeConfig, parsePlan } from '../../server/src/engine';
import { RULES } from '../../server/src/rules';
import { checkText } from '../../server/src/rules/check';
import { daysSinceContact, engagedIds, isLive, isStale, liveActions } from '../../server/src/engine/engagement';

const plan = (body: string) => parsePlan(`kam: 1\naccount:\n  name: A\n${body}`);
const codes = (text: string, code: string, options: Parameters<typeof checkText>[1] = {}) =>
  checkText(text, { today: '2026-11-26', ...options }).filter((f) => f.code === code);

describe('engagement: live actions, engaged, stale', () => {
  it('counts planned, done and absent statuses as live, and a misspelt one as absent; cancelled is not', () => {
    const p = plan(
      'actions:\n' +
        '  - { id: a, with: [x] }\n' +
        '  - { id: b, with: [y], status: planned }\n' +
        '  - { id: c, with: [z], status: done }\n' +
        '  - { id: d, with: [w], status: cancelled }\n' +
        '  - { id: e, with: [v], status: postponed }\n',
    );
    assert.deepEqual(liveActions(p).map((a) => a.id), ['a', 'b', 'c', 'e']);
    assert.deepEqual([...engagedIds(p)].sort(), ['v', 'x', 'y', 'z']);
    assert.equal(isLive(p.actions[3]), false);
  });

  it('a key relationship is stale only past the limit, counted in whole days', () => {
    const p = plan(
      'diagnosis:\n  stakeholders:\n' +
        '    - { id: a, roles: [economic-buyer], last_contact: 2026-08-28 }\n' +
        '    - { id: b, influence: high, last_contact: 2026-08-27 }\n' +
        '    - { id: c, influence: medium, last_contact: 2020-01-01 }\n' +
        '    - { id: d, influence: high, last_contact: 2026-02-30 }\n',
    );
    const [a, b, c, d] = p.stakeholders;
    assert.equal(daysSinceContact(a, '2026-11-26'), 90);
    assert.equal(isStale(a, '2026-11-26', 90), false, 'exactly the limit is not more than it');
    assert.equal(isStale(b, '2026-11-26', 90), true);
    assert.equal(isStale(c, '2026-11-26', 90), false, 'not a key relationship');
    assert.equal(isStale(d, '2026-11-26', 90), false, 'not a date');
  });
});

describe('relationships.staleAfterDays', () => {
  it('defaults to 90 and is read from .kamrc.yaml and the editor settings alike', () => {
    assert.equal(defaultConfig().staleAfterDays, 90);
    const { config, problems } = mergeConfig(defaultConfig(), { relationships: { staleAfterDays: 30 } }, RULES);
    assert.deepEqual(problems, []);
    assert.equal(config.staleAfterDays, 30);
  });

  it('reports a value that is not a whole number of days and keeps the previous one', () => {
    for (const bad of [-1, 1.5, 'soon', null]) {
      const { config, problems } = mergeConfig(defaultConfig(), { relationships: { staleAfterDays: bad } }, RULES);
      assert.equal(problems.length, 1, String(bad));
      assert.match(problems[0], /relationships\.staleAfterDays/);
      assert.equal(config.staleAfterDays, 90);
    }
  });

  it('moves KAM207', () => {
    const text = 'kam: 1\ndiagnosis:\n  stakeholders:\n    - { id: a, influence: high, last_contact: 2026-10-01 }\n';
    assert.equal(codes(text, 'KAM207').length, 0);
    const strict = mergeConfig(defaultConfig(), { relationships: { staleAfterDays: 30 } }, RULES).config;
    const [finding] = codes(text, 'KAM207', { config: strict });
    assert.equal(text.slice(finding.span.start, finding.span.end), '2026-10-01');
    assert.deepEqual(finding.args, { who: 'a', days: 56, limit: 30 });
  });
});

describe('KAM208 per contract stage', () => {
  const people =
    'diagnosis:\n  stakeholders:\n' +
    '    - { id: g, roles: [coach] }\n    - { id: p, roles: [proposer] }\n    - { id: c, roles: [killer] }\n' +
    '    - { id: i, roles: [影响者] }\n    - { id: m, roles: [user] }\n';
  const at = (stage: string, withIds: string) =>
    codes(`kam: 1\naccount:\n  name: A\n  stage: ${stage}\n${people}actions:\n  - { id: x, with: [${withIds}] }\n`, 'KAM208').map(
      (f) => f.messageId,
    );

  it('asks for the roles of the current stage only, one finding per role, on the stage value', () => {
    assert.deepEqual(at('proposal', 'c, i, m'), ['guide', 'proposer']);
    assert.deepEqual(at('negotiation', 'g, p, m'), ['constrainer', 'influencer']);
    assert.deepEqual(at('execution', 'g, p, c, i'), ['implementer']);
    assert.deepEqual(at('execution', 'm'), []);
    assert.deepEqual(at('signed', ''), [], 'an unknown stage is KAM002’s');
    const text = `kam: 1\naccount:\n  name: A\n  stage: execution\n${people}`;
    const [finding] = codes(text, 'KAM208');
    assert.equal(text.slice(finding.span.start, finding.span.end), 'execution');
  });

  it('leaves the decision maker to KAM205 and an unheld role to KAM201', () => {
    const text = 'kam: 1\naccount:\n  name: A\n  stage: proposal\ndiagnosis:\n  stakeholders:\n    - { id: z, roles: [decision-maker] }\n';
    assert.deepEqual(codes(text, 'KAM208'), []);
  });
});

describe('ranges of the item rules', () => {
  it('KAM209, KAM503 and KAM801 cover the whole item; an aliased item is its alias', () => {
    const text =
      'kam: 1\ndiagnosis:\n  drivers:\n    - { id: d1, name: Cost }\n  stakeholders:\n' +
      '    - &q { id: q, stance: opponent, influence: high }\n' +
      'goals:\n  - id: g1\n    statement: Grow\nactions:\n  - id: a1\n    what: Visit\n';
    const slice = (code: string) => codes(text, code).map((f) => text.slice(f.span.start, f.span.end));
    assert.deepEqual(slice('KAM209'), ['{ id: q, stance: opponent, influence: high }']);
    assert.deepEqual(slice('KAM801'), ['id: g1\n    statement: Grow']);
    assert.deepEqual(slice('KAM503'), ['id: a1\n    what: Visit']);
  });
});
