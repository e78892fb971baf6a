// The plan's colours come from the extension's TextMate grammar: "Developer: Inspect Editor Tokens
// and Scopes" shows, under the cursor, a role name as `support.constant.role.kam` and a section key
// as `entity.name.section.kam`. (VS Code's `_workbench.captureSyntaxTokens`, which its own
// colorization tests use, is not part of the 1.99.3 build code-server ships; this reads the same
// scopes from the editor's own inspector.)
import * as assert from 'node:assert/strict';
import { readRepoFile } from '../helpers';
import { workbench } from './session';
import type { Workbench } from './workbench';

const PLAN = 'riverside-general.kam.yaml';

describe('Syntax highlighting', () => {
  let wb: Workbench;

  before(async () => {
    wb = await workbench();
    await wb.quickOpen(PLAN);
  });

  /** The inspector's text for the token at a line and column of the plan (1-based). */
  async function scopesAt(line: number, column: number, shot: string): Promise<string> {
    await wb.goTo(line, column);
    await wb.runCommand('Developer: Inspect Editor Tokens and Scopes');
    const widget = wb.page.locator('.token-inspect-widget');
    await widget.filter({ hasText: 'textmate scopes' }).waitFor();
    await wb.screenshot(shot);
    const text = await widget.innerText();
    await wb.page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
    return text;
  }

  it('marks a role name as a KAM role', async () => {
    // The line `      roles: [decision-maker, influencer]`, the cursor inside `influencer`.
    const line = readRepoFile('examples', PLAN).split('\n').findIndex((l) => l.includes('roles: [decision-maker, influencer]')) + 1;
    assert.ok(line > 0, `${PLAN} has a line with roles: [decision-maker, influencer]`);
    const text = await scopesAt(line, 34, 'highlighting-role');
    assert.match(text, /influencer/);
    assert.match(text, /support\.constant\.role\.kam/, `the inspector shows: ${text}`);
  });

  it('marks a section key as a KAM section', async () => {
    // Line 14: `diagnosis:`.
    const text = await scopesAt(14, 3, 'highlighting-section');
    assert.match(text, /entity\.name\.section\.kam/, `the inspector shows: ${text}`);
  });
});
