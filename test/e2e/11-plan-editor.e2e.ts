// A newcomer writes a plan in the form, never touching YAML: KAM: New Plan, KAM: Open in Plan
// Editor, the account filled in, a stakeholder with two roles, a SMART goal whose letters turn green,
// an action for that goal with that person; the health score rises; Ctrl+Z takes the last step back;
// and "Open as Text" shows the YAML with its comments.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { PLAN_WITH_FINDINGS, settledWorkbench } from './session';
import type { Workbench } from './workbench';

const ACCOUNT = 'Acme Form Hospital';
const FILE = 'acme-form-hospital.kam.yaml';

describe('Plan editor (the form), as a newcomer', () => {
  let wb: Workbench;
  let form: FrameLocator;
  let startScore = 0;

  /** The version the form shows now. */
  const version = async () => Number(await form.locator('#form').getAttribute('data-version'));
  /** Waits until the form shows a version after `than` (an edit went through and came back). */
  async function newer(than: number): Promise<number> {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await wb.page.waitForTimeout(100)) {
      const now = await version();
      if (now > than) return now;
    }
    const told = await wb.page.locator('.notifications-toasts').allInnerTexts();
    throw new Error(`the form still shows version ${than}; VS Code said: ${JSON.stringify(told)}`);
  }
  const score = async () => Number(await form.locator('.score').getAttribute('data-score'));
  /** The last card of a section's list. */
  const lastItem = (section: string): Locator => form.locator(`#section-${section} article.item`).last();
  /** The last row of the stakeholder table. */
  const lastPerson = (): Locator => form.locator('section[data-term="diagnosis.stakeholders"] [role="row"][data-item]').last();
  /** A field's control, by the field's key (`goals.*.target`): its label is the vocabulary's, in the user's language. */
  const control = (scope: Locator, term: string) => scope.locator(`.field[data-term="${term}"]`).locator('input, select').first();
  /** Types into a field and leaves it: one edit, then the redrawn form. */
  async function fill(scope: Locator, term: string, text: string): Promise<void> {
    const before = await version();
    const field = control(scope, term);
    await field.fill(text);
    await field.press('Tab');
    await newer(before);
  }
  async function choose(scope: Locator, term: string, value: string): Promise<void> {
    const before = await version();
    await control(scope, term).selectOption(value);
    await newer(before);
  }
  async function click(target: Locator): Promise<void> {
    const before = await version();
    await target.click();
    await newer(before);
  }

  after(async () => {
    // The next steps start from a clean window: the plan saved, every editor closed.
    await wb?.runCommand('File: Save All Files').catch(() => undefined);
    await wb?.runCommand('View: Close All Editors').catch(() => undefined);
  });

  before(async () => {
    // On its own (KAM_E2E_GREP) this step starts VS Code: the walkthrough of the first start comes and goes first.
    wb = await settledWorkbench();
    // The newcomer's workspace already holds a plan: opening it makes sure the extension runs (on its
    // own the suite's earlier steps have done so; a quick open that does not settle changes nothing here).
    await wb.quickOpen(PLAN_WITH_FINDINGS.name).catch(() => undefined);
  });

  it('KAM: New Plan, then KAM: Open in Plan Editor shows the plan as a form', async () => {
    await wb.runCommand('KAM: New Plan');
    await wb.answerQuickInput(ACCOUNT);
    await wb.page.locator(`.tabs-container .tab.active[data-resource-name="${FILE}"]`).waitFor();
    await wb.runCommand('KAM: Open in Plan Editor');
    form = wb.webview();
    await form.locator('#section-account').waitFor();
    assert.equal(await form.locator('#section-account').getByLabel('Account name', { exact: true }).inputValue(), ACCOUNT, 'the field is labelled with the vocabulary’s term');
    startScore = await score();
    await wb.screenshot('plan-editor-new-plan');
  });

  it('fills the account', async () => {
    const account = form.locator('#section-account');
    await fill(account, 'account.owner', 'Li Wei');
    await fill(account, 'account.segment', 'Tertiary hospital');
    await click(account.getByRole('radio', { name: /negotiation/ }));
    assert.equal(await account.getByRole('radio', { name: /negotiation/ }).getAttribute('aria-checked'), 'true');
  });

  it('adds a stakeholder with two roles', async () => {
    await click(form.locator('section[data-term="diagnosis.stakeholders"] > .add'));
    await fill(lastPerson(), 'diagnosis.stakeholders.*.name', 'Dr. Zhao Min');
    await click(lastPerson().locator('button.chip[data-role="decision-maker"]'));
    await click(lastPerson().locator('button.chip[data-role="influencer"]'));
    const pressed = await lastPerson().locator('button.chip[aria-pressed="true"]').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-role')));
    assert.deepEqual(pressed, ['decision-maker', 'influencer']);
  });

  it('adds a SMART goal and watches its letters turn green', async () => {
    await click(form.locator('section[data-term="goals"] > .add'));
    const goal = () => lastItem('goals');
    assert.ok((await goal().locator('.letter.fail').count()) > 0, 'a new goal is not SMART yet');
    await fill(goal(), 'goals.*.statement', 'Raise our share of cardiology spend from 10% to 15% by mid-2027');
    await choose(goal(), 'goals.*.direction', 'build-fast');
    await choose(goal(), 'goals.*.metric', 'share');
    await fill(goal(), 'goals.*.baseline', '10%');
    await fill(goal(), 'goals.*.target', '15%');
    await fill(goal(), 'goals.*.deadline', '2027-06-30');
    await fill(goal(), 'goals.*.owner', 'Li Wei');
    const letters = await goal().locator('.letter').evaluateAll((ls) => ls.map((l) => `${l.textContent}:${l.classList.contains('pass')}`));
    // R waits for an action that serves the goal (KAM304): the next step adds it.
    assert.deepEqual(letters, ['S:true', 'M:true', 'A:true', 'R:false', 'T:true']);
    // The README's and the walkthrough's picture of the form (KAM_DOCS_IMAGES=1 renews it): the goal
    // with its letters under the header with the plan's health.
    await goal().evaluate((card) => card.scrollIntoView({ block: 'center' }));
    await wb.docsImage('plan-editor');
  });

  it('adds an action for that goal, with that person; the health score rises', async () => {
    await click(form.locator('section[data-term="actions"] > .add'));
    const action = () => lastItem('actions');
    await fill(action(), 'actions.*.what', 'Present the outcome study');
    await fill(action(), 'actions.*.who', 'Li Wei');
    await fill(action(), 'actions.*.when', '2027-02-01');
    await fill(action(), 'actions.*.budget', '5,000');
    const goalId = await control(lastItem('goals'), 'goals.*.id').inputValue();
    await choose(action(), 'actions.*.goal', goalId);
    assert.equal(await lastItem('goals').locator('.letter[data-letter="R"]').getAttribute('class'), 'letter pass', 'an action serves the goal: R turns green');
    const before = await version();
    const zhao = await action().locator('.field.kind-references option', { hasText: 'Dr. Zhao Min' }).getAttribute('value');
    await action().locator('.field.kind-references select').selectOption(zhao ?? '');
    await newer(before);
    assert.match(await action().locator('.refs .chip').first().innerText(), /Dr\. Zhao Min/);
    assert.ok((await score()) > startScore, `the health score went from ${startScore} to ${await score()}`);
    await wb.screenshot('plan-editor-action');
  });

  it('comes back where it was when its tab is shown again (VS Code tears a hidden webview down)', async () => {
    const what = control(lastItem('actions'), 'actions.*.what');
    const path = await what.getAttribute('data-path');
    await what.focus();
    await form.locator('body').evaluate(() => (globalThis as unknown as { scrollBy(x: number, y: number): void }).scrollBy(0, -300));
    const at = async () => what.evaluate((e) => Math.round(e.getBoundingClientRect().top));
    const before = await at();
    await wb.page.waitForTimeout(300); // the state is kept on the next frame
    await wb.page.locator('.tabs-container .tab', { hasText: PLAN_WITH_FINDINGS.name }).click();
    await wb.page.locator(`.tabs-container .tab.active[data-resource-name="${PLAN_WITH_FINDINGS.name}"]`).waitFor();
    await wb.page.locator(`.tabs-container .tab[data-resource-name="${FILE}"]`).last().click();
    form = wb.webview();
    await form.locator('#form[aria-busy="false"]').waitFor();
    assert.ok(Math.abs((await at()) - before) <= 2, `the action's field was ${before} px from the top, now ${await at()}`);
    const focused = await form.locator('body').evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-path'));
    assert.equal(focused, path, 'the field has the focus again');
  });

  it('Ctrl+Z takes back the last edit', async () => {
    const before = await version();
    await form.locator('#header .score').click();
    await wb.page.keyboard.press('Control+Z');
    await newer(before);
    assert.equal(await lastItem('actions').locator('.refs .chip').count(), 0, 'the person added last is gone again');
  });

  it('comes back as the form, at the same place, after the window reloads', async () => {
    await wb.runCommand('File: Save All Files');
    const what = () => control(lastItem('actions'), 'actions.*.what');
    const at = async () => what().evaluate((e) => Math.round(e.getBoundingClientRect().top));
    await what().scrollIntoViewIfNeeded();
    await form.locator('body').evaluate(() => (globalThis as unknown as { scrollBy(x: number, y: number): void }).scrollBy(0, -200));
    const before = await at();
    await wb.page.waitForTimeout(300); // the state is kept on the next frame
    const reloaded = wb.page.waitForEvent('domcontentloaded');
    await wb.runCommand('Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.explorer-folders-view').waitFor();
    // VS Code restores the editor itself: the same file, in the Plan Editor, not as text.
    await wb.page.locator(`.tabs-container .tab.active[data-resource-name="${FILE}"]`).waitFor();
    form = wb.webview();
    await form.locator('#form[aria-busy="false"]').waitFor({ timeout: 60_000 });
    assert.equal(await form.locator('#section-account').getByLabel('Account name', { exact: true }).inputValue(), ACCOUNT);
    assert.ok(Math.abs((await at()) - before) <= 2, `the action's field was ${before} px from the top, now ${await at()}`);
    await wb.screenshot('plan-editor-after-reload');
  });

  it('Open as Text shows the YAML, comments intact', async () => {
    await form.getByRole('button', { name: 'Open as Text' }).first().click();
    const editor = wb.editor();
    await editor.locator('.view-lines').waitFor();
    const text = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /# Key-account plan: Acme Form Hospital/);
    assert.match(text, /owner: Li Wei/);
    await wb.screenshot('plan-editor-as-text');
  });
});
