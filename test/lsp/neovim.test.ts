// `kam lsp --stdio` from another editor, set up as the README says: its Neovim snippet, taken from the
// README itself, runs in Debian's Neovim (headless) on a plan with findings, and Neovim shows the
// findings the plan expects. The Chinese README must carry the same snippet.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { byCodeAndLine, fixtureExpectations, readRepoFile, repoPath } from '../helpers';

const FIXTURE = 'KAM204';

/** The first fenced block of `language` in a Markdown text. */
function fencedBlock(markdown: string, language: string): string {
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(markdown);
  assert.ok(block, `no \`\`\`${language} block`);
  return block[1];
}

// Waits for the server's findings on the open plan, writes them as JSON, quits.
const REPORT = `
local arrived = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(found, { code = code, line = d.lnum + 1 })
end
local out = io.open(os.getenv('KAM_NVIM_OUT'), 'w')
out:write(vim.fn.json_encode({ arrived = arrived, found = found }))
out:close()
vim.cmd('qa!')
`;

describe('kam lsp --stdio in Neovim, set up as the README says', () => {
  const snippet = fencedBlock(readRepoFile('README.md'), 'lua');

  it('is the same snippet in the Chinese README', () => {
    assert.equal(fencedBlock(readRepoFile('README.zh-CN.md'), 'lua'), snippet);
  });

  it('shows the plan’s findings in Neovim', function () {
    this.timeout(60_000);
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.ok(nvim.status === 0, 'Neovim is missing: `npm test` installs it, or run apt-get install -y neovim');
    const kam = repoPath('dist', 'kam.js');
    assert.ok(fs.existsSync(kam), `${kam} is missing: build it first with \`node esbuild.mjs\` (npm test does)`);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-nvim-'));
    try {
      // `kam` on the PATH, as `npm install --global` would put it.
      fs.mkdirSync(path.join(dir, 'bin'));
      fs.writeFileSync(path.join(dir, 'bin', 'kam'), `#!/bin/sh\nexec "${process.execPath}" "${kam}" "$@"\n`, { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'init.lua'), snippet);
      fs.writeFileSync(path.join(dir, 'report.lua'), REPORT);
      const plan = readRepoFile('test', 'fixtures', 'rules', `${FIXTURE}.fires.kam.yaml`);
      fs.writeFileSync(path.join(dir, 'plan.kam.yaml'), plan);
      const out = path.join(dir, 'found.json');

      const run = spawnSync('nvim', ['--headless', '-u', 'init.lua', '-i', 'NONE', 'plan.kam.yaml', '-c', 'luafile report.lua'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 45_000,
        env: { ...process.env, PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}`, KAM_NVIM_OUT: out, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir },
      });
      assert.ok(fs.existsSync(out), `Neovim wrote no findings (exit ${run.status}): ${run.stderr}${run.stdout}`);
      const { arrived, found } = JSON.parse(fs.readFileSync(out, 'utf8')) as { arrived: boolean; found: { code: string; line: number }[] };
      assert.ok(arrived, 'no finding reached Neovim within 20 s');
      const expected = fixtureExpectations(plan).expected.filter((e) => e.code === FIXTURE).sort(byCodeAndLine);
      assert.deepEqual(found.filter((f) => f.code === FIXTURE).sort(byCodeAndLine), expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
