// Entry of dist/check-worker.js (bundled by esbuild.mjs), a worker thread of the server: it parses and
// checks the long plans that off-thread.ts hands it, so that a check of seconds (a 1 MB plan) never
// keeps the server from answering. It keeps each document's last plan, as the server does, so that an
// edit parses again only what changed (engine/reparse.ts).
import { parentPort } from 'node:worker_threads';
import { runRules } from '../engine/check';
import type { Plan } from '../engine/model';
import { parsePlan } from '../engine/parse';
import { RULES } from '../rules';
import type { CheckJob, CheckReply } from './off-thread';

const plans = new Map<string, Plan>();

parentPort?.on('message', (job: CheckJob) => {
  if (job.forget) {
    plans.delete(job.uri);
    return;
  }
  const errors: string[] = [];
  let reply: CheckReply;
  try {
    const plan = parsePlan(job.text, plans.get(job.uri));
    plans.set(job.uri, plan);
    const onRuleError = (rule: { code: string }, e: unknown) => errors.push(`${rule.code} failed on ${job.uri}: ${(e as Error).stack ?? String(e)}`);
    const findings = runRules(plan, RULES, { config: job.config, today: job.today, onRuleError });
    reply = { id: job.id, findings: findings.slice(0, job.keep), total: findings.length, errors };
  } catch (e) {
    plans.delete(job.uri);
    reply = { id: job.id, errors: [...errors, `Checking ${job.uri} failed: ${(e as Error).stack ?? String(e)}`] };
  }
  parentPort!.postMessage(reply);
});
