/**
 * `npm run fuzz -- --runs N [--seed S] [--only NAME]`: the property suite with as many cases as asked,
 * spread over the in-process properties by weight. Prints the seed so that a failure can be replayed.
 */
import fc from 'fast-check';
import { annotationRanges, annotationRangesWithCustomAgencies, caseCount, featureRanges, documentHeadMatchesTheDocument, featuresOverAnyAnalysis, firstScreenMatchesTheAnalysis, incrementalEqualsFresh } from './properties';

// The properties differ in their generated values; the runner only needs to run them.
const PROPERTIES: Array<{ name: string; weight: number; property: () => fc.IProperty<any> }> = [
  { name: 'annotation-ranges', weight: 3, property: annotationRanges },
  { name: 'annotation-ranges-custom-agencies', weight: 0.3, property: annotationRangesWithCustomAgencies },
  { name: 'feature-ranges', weight: 3, property: featureRanges },
  { name: 'features-any-analysis', weight: 2, property: featuresOverAnyAnalysis },
  { name: 'incremental-equals-fresh', weight: 2, property: incrementalEqualsFresh },
  { name: 'first-screen-matches-analysis', weight: 1, property: firstScreenMatchesTheAnalysis },
  { name: 'document-head-matches-document', weight: 0.5, property: documentHeadMatchesTheDocument },
];

function parseArguments(argv: string[]): { runs: number; seed: number; only?: string } {
  let runs = 10_000;
  let seed = Date.now() ^ (Math.random() * 0x7fffffff);
  let only: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return next;
    };
    if (argv[i] === '--runs') runs = Number(value());
    else if (argv[i] === '--seed') seed = Number(value());
    else if (argv[i] === '--only') only = value();
    else throw new Error(`unknown argument ${argv[i]}; usage: fuzz --runs N [--seed S] [--only ${PROPERTIES.map((p) => p.name).join('|')}]`);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive whole number');
  if (!Number.isInteger(seed)) throw new Error('--seed needs a whole number');
  if (only && !PROPERTIES.some((p) => p.name === only)) throw new Error(`no property named ${only}`);
  return { runs, seed, only };
}

function main(): number {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`fuzz: ${(error as Error).message}\n`);
    return 2;
  }
  const chosen = PROPERTIES.filter((p) => !options.only || p.name === options.only);
  const totalWeight = chosen.reduce((sum, p) => sum + p.weight, 0);
  process.stdout.write(`fuzz: ${options.runs} cases, seed ${options.seed}\n`);
  const started = Date.now();
  let failed = false;
  let assigned = 0;
  chosen.forEach((entry, i) => {
    const numRuns = i === chosen.length - 1 ? options.runs - assigned : Math.round((options.runs * entry.weight) / totalWeight);
    assigned += numRuns;
    if (numRuns <= 0) return;
    const before = caseCount();
    const propertyStarted = Date.now();
    const details = fc.check(entry.property(), { numRuns, seed: options.seed, includeErrorInReport: true });
    const took = ((Date.now() - propertyStarted) / 1000).toFixed(1);
    if (details.failed) {
      failed = true;
      process.stdout.write(`✗ ${entry.name}: failed after ${details.numRuns} cases (${took} s)\n${fc.defaultReportMessage(details)}\n`);
    } else {
      process.stdout.write(`✓ ${entry.name}: ${caseCount() - before} cases (${took} s)\n`);
    }
  });
  process.stdout.write(`fuzz: ${caseCount()} cases in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${options.seed}${failed ? ' — FAILED' : ''}\n`);
  return failed ? 1 : 0;
}

process.exitCode = main();
