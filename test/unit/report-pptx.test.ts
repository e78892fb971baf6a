// The PowerPoint deck, read back: it is a zip of slide XML, opened here with jszip and its text
// runs collected per slide. Checks the slides' order and content in both locales, the Chinese
// font, plan text kept as text (XML-escaped), and `kam report -o FILE.pptx`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { checkPlan } from '../../server/src/rules/check';
import { parsePlan } from '../../server/src/engine/parse';
import type { Locale } from '../../server/src/engine/types';
import { renderPptx } from '../../server/src/report/pptx';
import { FIXED_TODAY, readRepoFile } from '../helpers';
import { kam } from './cli-run';

const RIVERSIDE = readRepoFile('examples', 'riverside-general.kam.yaml');
const HUADONG = readRepoFile('examples', 'huadong-peoples-hospital.kam.yaml');

interface Slide {
  xml: string;
  /** The text runs, in order, XML entities decoded. */
  runs: string[];
  text: string;
}

async function deckOf(text: string, locale: Locale): Promise<Slide[]> {
  const plan = parsePlan(text);
  return readDeck(await renderPptx(plan, checkPlan(plan, { today: FIXED_TODAY }), { locale, today: FIXED_TODAY }));
}

async function readDeck(bytes: Uint8Array): Promise<Slide[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  assert.ok(names.length > 0, 'the deck has slides');
  return Promise.all(
    names.map(async (name) => {
      const xml = await zip.file(name)!.async('string');
      const runs = [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1]));
      return { xml, runs, text: runs.join(' ').replace(/\s+/g, ' ') };
    }),
  );
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

const titleOf = (slide: Slide) => slide.runs[0];

describe('report as PowerPoint', () => {
  it('English: title and health, diagnosis, map with legend, goals with SMART letters, actions with budgets, SWOT, controls, findings', async () => {
    const slides = await deckOf(RIVERSIDE, 'en');
    assert.equal(titleOf(slides[0]), 'Key-account plan: Riverside General Hospital');
    assert.ok(slides[0].text.includes('100') && slides[0].text.includes('Account manager: Li Wei'));
    const titles = slides.map(titleOf);
    for (const expected of ['Diagnosis in brief', 'Stakeholder map', 'Goals', 'Actions', 'SWOT', 'Controls', 'Open findings · 0']) assert.ok(titles.includes(expected), `${expected} in ${titles.join(' | ')}`);
    assert.ok(titles.indexOf('Diagnosis in brief') < titles.indexOf('Stakeholder map') && titles.indexOf('Stakeholder map') < titles.indexOf('Goals'));

    const map = slides.find((s) => titleOf(s) === 'Stakeholder map')!;
    for (const name of ['Dr. Zhao Min', 'Wang Jun', 'Dr. Chen Hua', 'Liu Yan']) assert.ok(map.runs.includes(name), name);
    assert.ok(map.text.includes('DM decision maker: Dr. Zhao Min'), 'the role-coverage legend');
    assert.ok(map.text.includes('■ skeptic'), 'the stance legend');
    assert.ok((map.xml.match(/prst="roundRect"/g) ?? []).length >= 4, 'a box per stakeholder');

    const goals = slides.find((s) => titleOf(s) === 'Goals')!;
    assert.deepEqual(['S', 'M', 'A', 'R', 'T'].filter((l) => goals.runs.includes(l)), ['S', 'M', 'A', 'R', 'T']);
    assert.equal(goals.runs.filter((r) => r === '✓').length, 10, 'two goals, five letters each');
    const actions = slides.filter((s) => titleOf(s) === 'Actions').map((s) => s.text).join(' ');
    assert.ok(actions.includes('Total budget: 17,000 over 2 actions'), actions);
    assert.ok(/budget: [\d,]+/.test(actions));
    const swot = slides.find((s) => titleOf(s) === 'SWOT')!;
    assert.ok(swot.runs.includes('Strengths') && swot.runs.includes('Threats'));
    assert.ok(slides.some((s) => s.xml.includes('typeface="Calibri"')));
  });

  it('Chinese: the course terms, and a font that shows Chinese', async () => {
    const slides = await deckOf(HUADONG, 'zh-cn');
    assert.equal(titleOf(slides[0]), '重点客户计划：华东人民医院');
    const titles = slides.map(titleOf);
    for (const expected of ['诊断摘要', '关键决策者地图', '目标', '行动', 'SWOT 分析', '控制']) assert.ok(titles.includes(expected), `${expected} in ${titles.join(' | ')}`);
    assert.ok(slides.every((s) => s.xml.includes('<a:ea typeface="Microsoft YaHei"')), 'every slide sets the East Asian font');
    const map = slides.find((s) => titleOf(s) === '关键决策者地图')!;
    assert.ok(map.text.includes('决 最高阶决策者: 孙建国'), map.text);
  });

  it('findings are listed; plan text with markup stays text', async () => {
    const hostile = RIVERSIDE.replace('name: Liu Yan', 'name: "<b>Liu</b> & \'Yan\'"').replace('roles: [constrainer]', 'roles: []');
    const slides = await deckOf(hostile, 'en');
    const findings = slides.find((s) => titleOf(s).startsWith('Open findings'))!;
    assert.ok(findings.runs.includes('KAM201'), findings.text);
    const map = slides.find((s) => titleOf(s) === 'Stakeholder map')!;
    assert.ok(map.runs.includes("<b>Liu</b> & 'Yan'"));
    assert.ok(!slides.some((s) => s.xml.includes('<b>')), 'no raw markup in the XML');
    assert.ok(map.text.includes('CO constrainer: ⚠'), 'the unassigned role is marked');
  });

  it('a plan that does not parse still makes a deck, health 0, its KAM001 listed', async () => {
    const slides = await deckOf('kam: 1\naccount: {name: [\n', 'en');
    assert.ok(slides[0].text.includes('0'));
    assert.ok(!slides.map(titleOf).includes('Stakeholder map'));
    assert.ok(slides.some((s) => s.runs.includes('KAM001')));
  });

  it('kam report -o FILE.pptx writes the deck; --format pptx without -o is bad usage', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-pptx-'));
    try {
      const out = path.join(tmp, 'deck.pptx');
      const r = kam(['report', '--today', FIXED_TODAY, '-o', out, 'examples/riverside-general.kam.yaml']);
      assert.equal(r.status, 0, r.stderr);
      const slides = await readDeck(fs.readFileSync(out));
      assert.equal(titleOf(slides[0]), 'Key-account plan: Riverside General Hospital');
      const bad = kam(['report', '--format', 'pptx', 'examples/riverside-general.kam.yaml']);
      assert.equal(bad.status, 2);
      assert.ok(bad.stderr.includes('add -o FILE.pptx'));
      assert.equal(bad.stdout, '');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
