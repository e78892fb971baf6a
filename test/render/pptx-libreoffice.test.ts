// The deck as LibreOffice Impress draws it: each plan's deck converted to PDF, one page a slide, the
// text there (Chinese too) and a CJK font embedded. Needs Debian's libreoffice-impress and
// poppler-utils (about a minute to install, five seconds to run): `npm run test:pptx-pdf`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { FIXED_TODAY, repoPath } from '../helpers';

const KAM = repoPath('out', 'server', 'src', 'cli', 'main.js');

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(command, args, { encoding: 'utf8', env, timeout: 120_000 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(`${command} is missing: apt-get install libreoffice-impress poppler-utils`);
  assert.equal(r.status, 0, `${command} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('the deck in LibreOffice', function () {
  this.timeout(240_000);
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-pptx-pdf-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const [plan, locale, expected] of [
    ['riverside-general', 'en', ['Key-account plan: Riverside General Hospital', 'Stakeholder map', 'Dr. Zhao Min', 'Total budget']],
    ['huadong-peoples-hospital', 'zh-cn', ['重点客户计划：华东人民医院', '关键决策者地图', '孙建国', '总预算']],
  ] as const) {
    it(`${plan} (${locale}): a page a slide, its text, a font for it`, async () => {
      const deck = path.join(tmp, `${plan}.pptx`);
      run(process.execPath, [KAM, 'report', '--locale', locale, '--today', FIXED_TODAY, '-o', deck, repoPath('examples', `${plan}.kam.yaml`)]);
      // A profile of its own, so a running LibreOffice or a first-start dialog cannot get in the way.
      run('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', 'pdf', '--outdir', tmp, deck], { ...process.env, HOME: tmp });
      const pdf = path.join(tmp, `${plan}.pdf`);
      const zip = await JSZip.loadAsync(fs.readFileSync(deck));
      const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
      assert.equal(pages, slides);
      const text = run('pdftotext', ['-layout', pdf, '-']).replace(/\s+/g, ' ');
      for (const words of expected) assert.ok(text.includes(words.replace(/\s+/g, ' ')) || text.replace(/ /g, '').includes(words.replace(/\s+/g, '')), `"${words}" on a page`);
      if (locale === 'zh-cn') assert.match(run('pdffonts', [pdf]), /CJK|Hei|Han|Ming|Song|WenQuanYi|Droid Sans Fallback/i, 'a font with Chinese glyphs is embedded');
    });
  }
});
