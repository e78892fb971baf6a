// `npm run fuzz`: the properties of test/properties.ts on 100,000 cases or more, in process (engine
// only). Prints the count and the time of each property; on a failure, the seed and path that
// replay it, and exits 1.
//
//   npm run fuzz                                   100,000 cases: a quarter random plans, a quarter
//                                                  mutated plans, 45% YAML token soup, 5% editing
//                                                  sessions (each version reparsed from the last:
//                                                  keystrokes, lines deleted, pasted or left blank,
//                                                  comments typed into; the document, the model and
//                                                  the findings equal a fresh parse's and check's,
//                                                  and so do the findings when only the rules that
//                                                  read what the edit changed run again)
//   npm run fuzz -- --runs 1000000                 more
//   npm run fuzz -- --only tokenSoup --seed 42 --path "7:1"   replay one failure
import fc from 'fast-check';
import { ARBITRARIES, assertReparseMatches, editSession, invariantProperty } from './properties';

const PROPERTIES: Record<keyof typeof ARBITRARIES | 'reparse', fc.IProperty<[unknown]>> = {
  randomPlan: invariantProperty(ARBITRARIES.randomPlan) as fc.IProperty<[unknown]>,
  mutatedExample: invariantProperty(ARBITRARIES.mutatedExample) as fc.IProperty<[unknown]>,
  tokenSoup: invariantProperty(ARBITRARIES.tokenSoup) as fc.IProperty<[unknown]>,
  reparse: fc.property(editSession, (session) => void assertReparseMatches(session)) as fc.IProperty<[unknown]>,
};

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const total = Number(option('runs') ?? 100_000);
const only = option('only');
const seed = option('seed') === undefined ? Date.now() ^ (Math.random() * 0x1_0000_0000) : Number(option('seed'));
const replayPath = option('path');
const names = Object.keys(PROPERTIES).filter((n) => !only || n === only) as (keyof typeof PROPERTIES)[];
if (names.length === 0) {
  console.error(`fuzz: no property ${only}; one of ${Object.keys(PROPERTIES).join(', ')}`);
  process.exit(2);
}

let cases = 0;
let failed = false;
const started = performance.now();
// Token soup is cheap, whole plans are not, an editing session is a dozen plans: most cases go to the soup.
const SHARE: Record<keyof typeof PROPERTIES, number> = { randomPlan: 0.25, mutatedExample: 0.25, tokenSoup: 0.45, reparse: 0.05 };
for (const name of names) {
  const numRuns = Math.ceil(only ? total : total * SHARE[name]);
  const t0 = performance.now();
  const details = fc.check(PROPERTIES[name], { numRuns, seed, path: replayPath, endOnFailure: true });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  cases += details.numRuns;
  if (details.failed) {
    failed = true;
    console.log(`${name}: FAILED after ${details.numRuns} cases (${seconds} s)`);
    console.log(`  replay: npm run fuzz -- --only ${name} --seed ${details.seed} --path "${details.counterexamplePath}"`);
    console.log(`  case: ${JSON.stringify(details.counterexample?.[0])}`);
    console.log(`  ${details.errorInstance instanceof Error ? details.errorInstance.stack : String(details.errorInstance)}`);
  } else {
    console.log(`${name}: ${details.numRuns} cases in ${seconds} s`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`fuzz: ${cases} cases in ${seconds} s, seed ${seed}: ${failed ? 'FAILED' : 'no failure'}`);
process.exitCode = failed ? 1 : 0;
