// One workbench for the whole UI run: starting code-server and Chromium takes seconds, so every
// *.e2e.js file shares it, in file order (the numbers follow a newcomer's path). run.ts closes it at the end.
import { fivePeoplePlan, FIVE_PEOPLE_NAMES } from './five-people';
import { makeHistoryRepo } from './history-repo';
import { largePlan } from './large-plan';
import { WALKTHROUGH_TAB, Workbench } from './workbench';

/** The fixture plan with findings that the sample workspace holds besides examples/. */
export const PLAN_WITH_FINDINGS = { name: 'lakeside-duplicates.kam.yaml', fixture: 'KAM204' };

/** A plan of 500 people, for timing the stakeholder map. */
export const LARGE_PLAN = { name: 'large-account-500.kam.yaml', people: 500 };

/** A head and four reports, for the readable first view of the map. */
export const FIVE_PEOPLE = { name: 'five-people.kam.yaml', people: FIVE_PEOPLE_NAMES };

let started: Promise<Workbench> | undefined;

export function workbench(): Promise<Workbench> {
  started ??= Workbench.start({
    plans: { [PLAN_WITH_FINDINGS.name]: `test/fixtures/rules/${PLAN_WITH_FINDINGS.fixture}.fires.kam.yaml` },
    files: { [LARGE_PLAN.name]: largePlan(LARGE_PLAN.people), [FIVE_PEOPLE.name]: fivePeoplePlan() },
    prepare: makeHistoryRepo,
  });
  return started;
}

/**
 * The workbench once the extension's first start is over: the walkthrough it opens by itself (once
 * per profile, a moment after starting) has come and been closed, so it cannot take the keyboard
 * from a later step's command palette. For a step run on its own (KAM_E2E_GREP).
 */
export async function settledWorkbench(): Promise<Workbench> {
  const wb = await workbench();
  if (!wb.walkthroughClosed) {
    // A step before (another grep match) may have closed it already without saying so: then it never comes.
    const came = await wb.page.locator('.tabs-container .tab', { hasText: WALKTHROUGH_TAB }).waitFor({ timeout: 60_000 }).then(() => true, () => false);
    if (came) await wb.closeAllEditors();
    wb.walkthroughClosed = true;
  }
  return wb;
}

export async function closeWorkbench(): Promise<void> {
  if (started) await (await started.catch(() => undefined))?.close();
  started = undefined;
}

/** The workbench if one was started (and started well), without starting one. */
export async function runningWorkbench(): Promise<Workbench | undefined> {
  return started?.catch(() => undefined);
}
