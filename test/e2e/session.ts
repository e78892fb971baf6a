// One workbench for the whole UI run: starting code-server and Chromium takes seconds, so every
// *.e2e.js file shares it (in file order). run.ts closes it at the end.
import { Workbench } from './workbench';

/** The fixture plan with findings that the sample workspace holds besides examples/. */
export const PLAN_WITH_FINDINGS = { name: 'lakeside-duplicates.kam.yaml', fixture: 'KAM204' };

let started: Promise<Workbench> | undefined;

export function workbench(): Promise<Workbench> {
  started ??= Workbench.start({
    plans: { [PLAN_WITH_FINDINGS.name]: `test/fixtures/rules/${PLAN_WITH_FINDINGS.fixture}.fires.kam.yaml` },
  });
  return started;
}

export async function closeWorkbench(): Promise<void> {
  if (started) await (await started.catch(() => undefined))?.close();
  started = undefined;
}
