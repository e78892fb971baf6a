// The server's worker thread (dist/server.js started again as a worker, see main.ts): it parses and
// checks the long plans that off-thread.ts hands it (open documents, and closed files of the workspace), so that a check of seconds (a 1 MB plan) never
// keeps the server from answering. It keeps each document's last plan, as the server does, so that an
// edit parses again only what changed (engine/reparse.ts).
import { parentPort } from 'node:worker_threads';
import { runRules } from '../engine/check';
import type { Plan } from '../engine/model';
import { withoutNextVersion } from '../engine/node-memo';
import { parsePlan } from '../engine/parse';
import { portfolioRow } from '../report/portfolio/row';
import { RULES } from '../rules';
import type { CheckJob, CheckReply } from './off-thread';

/** Answers the main thread's check jobs, one after another, until it goes. */
export function serveChecks(): void {
  const plans = new Map<string, Plan>();
  parentPort?.on('message', (job: CheckJob) => {
    const reply = answer(plans, job);
    if (reply) parentPort!.postMessage(reply);
  });
}

function answer(plans: Map<string, Plan>, job: CheckJob): CheckReply | undefined {
  if (job.forget) {
    plans.delete(job.uri);
    return undefined;
  }
  // A closed file's plan is let go at once: nothing is kept for a next version.
  return job.file === undefined ? checked(plans, job) : withoutNextVersion(() => checked(plans, job));
}

function checked(plans: Map<string, Plan>, job: Exclude<CheckJob, { forget: true }>): CheckReply {
  const errors: string[] = [];
  try {
    const closed = job.file !== undefined;
    const plan = parsePlan(job.text, closed ? undefined : plans.get(job.uri));
    if (!closed) plans.set(job.uri, plan);
    const onRuleError = (rule: { code: string }, e: unknown) => errors.push(`${rule.code} failed on ${job.uri}: ${(e as Error).stack ?? String(e)}`);
    const findings = runRules(plan, RULES, { config: job.config, today: job.today, onRuleError });
    const row = closed ? portfolioRow(plan, findings, { file: job.file!, today: job.today, config: job.config }) : undefined;
    return { id: job.id, findings: findings.slice(0, job.keep), total: findings.length, row, errors };
  } catch (e) {
    plans.delete(job.uri);
    return { id: job.id, errors: [...errors, `Checking ${job.uri} failed: ${(e as Error).stack ?? String(e)}`] };
  }
}
