/**
 * `npm run eval -- [FILE.jsonl…] [--type date|agency|quote] [--split dev|train|all] [--corpus C] [--limit N]
 *                 [--errors N] [--json] [--baseline F]`  (--help explains each)
 * `npm run eval -- --checks [--samples N]`: the noise of the article checks instead (./checks.ts)
 *
 * Runs the analysis over gold-annotated news (format: ../shared/eval/README.md) and prints, per type and corpus,
 * strict and relaxed precision/recall/F1, date value accuracy and quote speaker accuracy, the analysis speed and,
 * with --errors, the most frequent misses and false alarms. The scoring itself lives in ./metrics.ts, the error
 * listings in ./errors.ts. Always exits 0 after a run (2 on bad arguments or unreadable gold), so scripts can chain it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { annotate, clearAnalysisCache } from '../server/src/analysis/annotate';
import type { Annotation, DateAnnotation, QuoteAnnotation } from '../server/src/analysis/annotation';
import {
  addCounts,
  correctValues,
  dropNeutral,
  emptyCounts,
  overlaps,
  prf,
  scoreSpans,
  share,
  resolutionOutcome,
  speakerOutcomes,
  type ResolutionOutcome,
  type MatchCounts,
  type SpeakerOutcome,
} from './metrics';
import { ErrorLog, type ErrorReport } from './errors';
import { runChecksEval } from './checks';

export type EvalType = 'date' | 'agency' | 'quote';
const ALL_TYPES: readonly EvalType[] = ['date', 'agency', 'quote'];

interface GoldSpan {
  start: number;
  end: number;
  type: string;
  text: string;
  value?: string;
  speaker?: string;
  speakerStart?: number;
  speakerEnd?: number;
  quoteKind?: string;
  /** Who the speaker is, as the fullest name the article gives (PolNeAR dev only). */
  speakerEntity?: string | null;
  speakerKind?: string;
}

interface GoldDoc {
  id: string;
  source?: string;
  split?: string;
  text: string;
  dct?: string | null;
  spans: GoldSpan[];
}

/** A document with the corpus it belongs to and the types that corpus annotates (and so is scored on). */
interface LoadedDoc {
  doc: GoldDoc;
  corpus: string;
  types: EvalType[];
  /** Types the corpus annotates only in part: scored for recall and values, not precision (no false alarms). */
  partial: EvalType[];
  /** The headline corpus of a type is the one printed first and summarised in the JSON `headline`. */
  headline: boolean;
}

interface Options {
  files: string[];
  types: EvalType[];
  split: 'dev' | 'train' | 'all';
  /** Only corpora whose name contains this (aquaint, timebank, conll, gum, polnear…). */
  corpus: string | null;
  limit: number;
  errors: number;
  json: boolean;
  /** A previous `--json` output to compare against. */
  baseline: string | null;
}

const USAGE = `usage: npm run eval -- [FILE.jsonl…] [--type date|agency|quote] [--split dev|train|all] [--corpus C]
                   [--limit N] [--errors N] [--json] [--baseline F]
  With no files, reads every *.jsonl in $NEWS_ANNOTATOR_EVAL_DIR or <repo>/../shared/eval.
  --type T     score only type T (and analyse only the corpora that annotate it)
  --split S    PolNeAR split to score (default: all, dev is the headline row)
  --corpus C   only corpora whose name contains C (aquaint, timebank, conll, gum, polnear)
  --limit N    at most N documents from each corpus (each PolNeAR split counts as one)
  --errors N   list the N most frequent errors of each kind, with context
  --json       print the figures as JSON instead of tables (save it to compare later)
  --baseline F compare with F, an earlier --json output: adds Δ columns (percentage points)
  --checks     count the article checks (diagnostics) per code and corpus instead of scoring (split dev
               by default; --samples N prints N findings of each code with their context)`;

function parseArgs(argv: string[]): Options {
  const options: Options = { files: [], types: [...ALL_TYPES], split: 'all', corpus: null, limit: Infinity, errors: 0, json: false, baseline: null };
  const number = (flag: string, raw: string | undefined): number => {
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < 0) fail(`${flag} needs a whole number`, true);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const next = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--type': {
        const raw = next();
        const types = (raw ?? '').split(',').map((t) => (t === 'org' || t === 'agencies' ? 'agency' : t === 'dates' ? 'date' : t === 'quotes' ? 'quote' : t));
        if (!types.every((t): t is EvalType => (ALL_TYPES as readonly string[]).includes(t))) fail('--type must be date, agency or quote', true);
        options.types = types as EvalType[];
        break;
      }
      case '--split': {
        const raw = next();
        if (raw !== 'dev' && raw !== 'train' && raw !== 'all') fail('--split must be dev, train or all', true);
        options.split = raw;
        break;
      }
      case '--corpus':
        options.corpus = (next() ?? fail('--corpus needs a name', true)).toLowerCase();
        break;
      case '--limit':
        options.limit = number(flag, next());
        break;
      case '--errors':
        options.errors = number(flag, next());
        break;
      case '--baseline':
        options.baseline = next() ?? fail('--baseline needs a file written by --json', true);
        break;
      case '--json':
        options.json = true;
        break;
      case '-h':
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        if (arg.startsWith('-')) fail(`unknown option ${arg}`, true);
        options.files.push(arg);
    }
  }
  return options;
}

function fail(message: string, showUsage = false): never {
  console.error(showUsage ? `eval: ${message}\n${USAGE}` : `eval: ${message}`);
  process.exit(2);
}

/** `<repo>/../shared/eval`, the repo found above this script (run from <repo>/out/eval) or else the working directory. */
function defaultEvalDir(): string {
  if (process.env.NEWS_ANNOTATOR_EVAL_DIR) return process.env.NEWS_ANNOTATOR_EVAL_DIR;
  const repo = repoRootAbove(__dirname) ?? repoRootAbove(process.cwd()) ?? process.cwd();
  return path.resolve(repo, '..', 'shared', 'eval');
}

function repoRootAbove(start: string): string | null {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return null;
  }
}

function defaultFiles(): string[] {
  const dir = defaultEvalDir();
  if (!fs.existsSync(dir)) fail(`no gold directory ${dir} (set NEWS_ANNOTATOR_EVAL_DIR or pass files)`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  if (files.length === 0) fail(`no *.jsonl files in ${dir}`);
  return files.map((f) => path.join(dir, f));
}

/**
 * Which corpus a document comes from, and so which types it is scored on: a type is scored only where the
 * corpus annotates it. GUM's dates are not exhaustive, so there they give recall and value accuracy only
 * (a row apart from the AQUAINT headline).
 * Decided by the `source` field, else by the file name; an unknown corpus is scored on the types it contains.
 */
function classify(doc: GoldDoc, file: string): Omit<LoadedDoc, 'doc'> {
  const hint = `${doc.source ?? ''} ${path.basename(file)}`.toLowerCase();
  // TimeBank and AQUAINT are both TimeML (TempEval-3) but different texts: TimeBank has WSJ 1989 and broadcast
  // transcripts, so each gets its own headline row rather than one blended figure.
  if (/timebank/.test(hint)) return { corpus: 'timebank', types: ['date'], partial: [], headline: true };
  if (/aquaint|timeml|tempeval/.test(hint)) return { corpus: 'aquaint', types: ['date'], partial: [], headline: true };
  if (/conll/.test(hint)) return { corpus: 'conll2003-testa', types: ['agency'], partial: [], headline: true };
  if (/gum/.test(hint)) return { corpus: 'gum-news', types: ['agency', 'date'], partial: ['date'], headline: false };
  if (/polnear/.test(hint)) {
    const split = doc.split ?? 'all';
    return { corpus: `polnear-${split}`, types: ['quote'], partial: [], headline: split === 'dev' };
  }
  const types = new Set<EvalType>();
  for (const span of doc.spans) {
    const type = evalTypeOfGold(span.type);
    if (type) types.add(type);
  }
  return { corpus: doc.source ?? path.basename(file, '.jsonl'), types: [...types], partial: [], headline: false };
}

/** Gold `date`/`time` ↔ our `date`, `org` ↔ `agency`, `quote` ↔ `quote`; `duration`/`set` are neutral (see neutralGold). */
function evalTypeOfGold(goldType: string): EvalType | null {
  switch (goldType) {
    case 'date':
    case 'time':
      return 'date';
    case 'org':
      return 'agency';
    case 'quote':
      return 'quote';
    default:
      return null;
  }
}

function neutralGold(type: EvalType, spans: readonly GoldSpan[]): GoldSpan[] {
  return type === 'date' ? spans.filter((s) => s.type === 'duration' || s.type === 'set') : [];
}

function loadDocs(options: Options, files: readonly string[]): LoadedDoc[] {
  const loaded: LoadedDoc[] = [];
  // Per corpus, not per file, so that a limited run still covers the PolNeAR dev split at the end of its file.
  const takenPerCorpus = new Map<string, number>();
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (const [index, line] of lines.entries()) {
      if (!line.trim()) continue;
      let doc: GoldDoc;
      try {
        doc = JSON.parse(line) as GoldDoc;
      } catch (error) {
        fail(`${file}:${index + 1}: ${(error as Error).message}`);
      }
      const info = classify(doc, file);
      if (options.split !== 'all' && doc.split && doc.split !== options.split) continue;
      if (options.corpus && !info.corpus.includes(options.corpus)) continue;
      const types = info.types.filter((t) => options.types.includes(t));
      if (types.length === 0) continue;
      const taken = takenPerCorpus.get(info.corpus) ?? 0;
      if (taken >= options.limit) continue;
      takenPerCorpus.set(info.corpus, taken + 1);
      loaded.push({ doc, ...info, types });
    }
  }
  return loaded;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

interface CorpusScore {
  type: EvalType;
  corpus: string;
  headline: boolean;
  /** False where the corpus annotates the type only in part: no precision then. */
  goldIsExhaustive: boolean;
  docs: number;
  counts: MatchCounts;
  /** Dates: gold date/time spans found with exactly the gold value. */
  values?: { correct: number; total: number };
  /** Quotes: gold quotes with a speaker, by outcome. */
  speakers?: Record<SpeakerOutcome, number>;
  /** Quotes: relaxed recall by gold quote kind (direct, mixed), since the two need different detectors. */
  kinds?: Record<string, { gold: number; found: number }>;
  /** Quotes: gold quotes whose speaker entity is known, by how our `resolved` compares with it. */
  resolutions?: Record<ResolutionOutcome, number>;
}

function scoreKey(type: EvalType, corpus: string): string {
  return `${type}\u0000${corpus}`;
}

interface Run {
  scores: Map<string, CorpusScore>;
  errors: ErrorLog;
  analysisMs: number;
  /** CPU time (user + system) of this process during the analysis: unlike wall time, not inflated by other load. */
  analysisCpuMs: number;
  warmUpMs: number;
  chars: number;
  docs: number;
  slowest: { docId: string; ms: number; chars: number } | null;
}

/**
 * A short article of our own that exercises every tagger (headline in capitals, dateline, names, acronyms,
 * relative and explicit dates, direct and partial quotes), so lazy loading is not billed to the first gold document.
 */
const WARM_UP_TEXT = [
  'SPACE AGENCIES AGREE ON LUNAR PLAN',
  'BERLIN, March 3, 2022 (Reuters) - The German Aerospace Center (DLR) said on Thursday that it would keep working with NASA and the European Space Agency.',
  '"We will continue to cooperate," Anna Weber, a spokeswoman for the Federal Ministry of Economics, said last week. The plan, she added, was "the best we have."',
  'Officials from Roscosmos met in Moscow two days ago, and talks resume next month, the agency said in a statement on 4 March 2022.',
].join('\n\n');

function run(docs: readonly LoadedDoc[], options: Options): Run {
  const warmStart = performance.now();
  annotate(WARM_UP_TEXT, { publicationDate: '2022-03-03' });
  clearAnalysisCache();
  const warmUpMs = performance.now() - warmStart;

  const scores = new Map<string, CorpusScore>();
  const errors = new ErrorLog(options.errors);
  let analysisMs = 0;
  let analysisCpuMs = 0;
  let slowest: Run['slowest'] = null;
  let chars = 0;
  for (const { doc, corpus, types, partial, headline } of docs) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = annotate(doc.text, doc.dct ? { publicationDate: doc.dct } : {});
    const cpu = process.cpuUsage(cpuBefore);
    analysisMs += performance.now() - started;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    analysisCpuMs += cpuMs;
    if (!slowest || cpuMs > slowest.ms) slowest = { docId: doc.id, ms: cpuMs, chars: doc.text.length };
    chars += doc.text.length;
    for (const type of types) {
      const key = scoreKey(type, corpus);
      let score = scores.get(key);
      if (!score) {
        score = { type, corpus, headline, goldIsExhaustive: !partial.includes(type), docs: 0, counts: emptyCounts() };
        scores.set(key, score);
      }
      score.docs++;
      scoreDocument(type, doc, corpus, result.annotations, score, errors);
    }
  }
  return { scores, errors, analysisMs, analysisCpuMs, warmUpMs, chars, docs: docs.length, slowest };
}

function scoreDocument(
  type: EvalType,
  doc: GoldDoc,
  corpus: string,
  annotations: readonly Annotation[],
  score: CorpusScore,
  errors: ErrorLog,
): void {
  const gold = doc.spans.filter((s) => evalTypeOfGold(s.type) === type);
  let system = dropNeutral(
    annotations.filter((a) => a.type === type),
    gold,
    neutralGold(type, doc.spans),
  );
  // Against partial gold, a system span touching no gold span may well be right: leave it out.
  if (!score.goldIsExhaustive) system = system.filter((s) => gold.some((g) => overlaps(g, s)));
  const { counts, matching } = scoreSpans(gold, system);
  addCounts(score.counts, counts);
  const where = { text: doc.text, docId: doc.id, corpus, dct: doc.dct ?? null };
  errors.recordSpans(type, where, gold, system, matching, score.goldIsExhaustive);

  if (type === 'date') {
    const dates = system as DateAnnotation[];
    const goldValued = gold.map((g) => ({ start: g.start, end: g.end, value: g.value ?? '' }));
    const proofs = correctValues(goldValued, dates);
    score.values ??= { correct: 0, total: 0 };
    score.values.total += gold.length;
    score.values.correct += proofs.filter((si) => si !== -1).length;
    gold.forEach((g, gi) => {
      if (proofs[gi] !== -1) return;
      const found = matching.goldToSystem[gi];
      if (found !== -1) errors.recordWrongValue(where, g, dates[found]);
    });
  }

  if (type === 'quote') {
    const quotes = system as QuoteAnnotation[];
    const goldQuotes = gold.map((g) => ({
      start: g.start,
      end: g.end,
      speaker:
        g.speakerStart !== undefined && g.speakerEnd !== undefined
          ? { start: g.speakerStart, end: g.speakerEnd, text: g.speaker ?? doc.text.slice(g.speakerStart, g.speakerEnd) }
          : null,
    }));
    score.kinds ??= {};
    gold.forEach((g, gi) => {
      const kind = (score.kinds![g.quoteKind ?? 'unknown'] ??= { gold: 0, found: 0 });
      kind.gold++;
      if (matching.goldToSystem[gi] !== -1) kind.found++;
    });
    gold.forEach((g) => {
      if (!g.speakerEntity) return;
      score.resolutions ??= { right: 0, 'surname-only': 0, 'other-entity': 0, none: 0, 'quote-missed': 0 };
      const found = quotes.filter((q) => overlaps(q, g));
      const outcomes = found.map((q) => resolutionOutcome(q.resolved, g.speakerEntity!, g.speakerKind));
      const outcome: ResolutionOutcome = found.length === 0 ? 'quote-missed' : RESOLUTION_ORDER.find((o) => outcomes.includes(o))!;
      score.resolutions[outcome]++;
      if (outcome !== 'right' && outcome !== 'quote-missed') errors.recordResolutionMiss(where, outcome, g, found[0]);
    });
    score.speakers ??= { correct: 0, 'quote-missed': 0, 'no-speaker': 0, 'wrong-speaker': 0 };
    speakerOutcomes(goldQuotes, quotes).forEach((result, gi) => {
      if (!result) return;
      score.speakers![result.outcome]++;
      if (result.outcome === 'no-speaker' || result.outcome === 'wrong-speaker') {
        errors.recordSpeakerMiss(where, goldQuotes[gi].speaker!, quotes[result.systemIndex]);
      }
    });
  }
}

/** When several of our quotes overlap a gold one, the best outcome among them counts. */
const RESOLUTION_ORDER = ['right', 'surname-only', 'other-entity', 'none'] as const;

// ---------------------------------------------------------------------------------------------------------------
// Reporting

/** Precision and F1 are null where the gold is not exhaustive. */
type ReportedPrf = { precision: number | null; recall: number; f1: number | null; matched: number };

interface ScoreReport {
  type: EvalType;
  corpus: string;
  headline: boolean;
  goldIsExhaustive: boolean;
  docs: number;
  gold: number;
  /** System spans scored (those on neutral gold, and off partial gold, left out). */
  system: number;
  strict: ReportedPrf;
  relaxed: ReportedPrf;
  valueAccuracy?: { correct: number; total: number; accuracy: number };
  speakerAccuracy?: {
    correct: number;
    total: number;
    accuracy: number;
    /** Among gold quotes with a speaker whose quote was found: how often the speaker is right. */
    accuracyWhenQuoteFound: number;
    quoteMissed: number;
    noSpeaker: number;
    wrongSpeaker: number;
  };
  /** Quotes whose speaker entity the gold gives: resolved to the same name, and leniently (surname, name inside name). */
  resolvedAccuracy?: { total: number; right: number; accuracy: number; lenient: number; outcomes: Record<ResolutionOutcome, number> };
  /** Quotes: relaxed recall per gold quote kind. */
  recallByKind?: Record<string, { gold: number; found: number; recall: number }>;
}

function report(score: CorpusScore): ScoreReport {
  const { counts } = score;
  const out: ScoreReport = {
    type: score.type,
    corpus: score.corpus,
    headline: score.headline,
    goldIsExhaustive: score.goldIsExhaustive,
    docs: score.docs,
    gold: counts.gold,
    system: counts.system,
    strict: reportedPrf(counts.strict, counts, score.goldIsExhaustive),
    relaxed: reportedPrf(counts.relaxed, counts, score.goldIsExhaustive),
  };
  if (score.values) out.valueAccuracy = { ...score.values, accuracy: share(score.values.correct, score.values.total) };
  if (score.speakers) {
    const s = score.speakers;
    const total = s.correct + s['quote-missed'] + s['no-speaker'] + s['wrong-speaker'];
    out.speakerAccuracy = {
      correct: s.correct,
      total,
      accuracy: share(s.correct, total),
      accuracyWhenQuoteFound: share(s.correct, total - s['quote-missed']),
      quoteMissed: s['quote-missed'],
      noSpeaker: s['no-speaker'],
      wrongSpeaker: s['wrong-speaker'],
    };
  }
  if (score.resolutions) {
    const r = score.resolutions;
    const total = Object.values(r).reduce((a, b) => a + b, 0);
    out.resolvedAccuracy = { total, right: r.right, accuracy: share(r.right, total), lenient: share(r.right + r['surname-only'], total), outcomes: { ...r } };
  }
  if (score.kinds) {
    out.recallByKind = Object.fromEntries(
      Object.entries(score.kinds).map(([kind, k]) => [kind, { ...k, recall: share(k.found, k.gold) }]),
    );
  }
  return out;
}

function reportedPrf(matched: number, counts: MatchCounts, goldIsExhaustive: boolean): ReportedPrf {
  const { precision, recall, f1 } = prf(matched, counts.gold, counts.system);
  return goldIsExhaustive ? { precision, recall, f1, matched } : { precision: null, recall, f1: null, matched };
}

/** Types in a fixed order; within a type the headline corpus first, then by name (so dev before train). */
function orderedReports(scores: Map<string, CorpusScore>): ScoreReport[] {
  return [...scores.values()]
    .sort(
      (a, b) =>
        ALL_TYPES.indexOf(a.type) - ALL_TYPES.indexOf(b.type) ||
        Number(b.headline) - Number(a.headline) ||
        a.corpus.localeCompare(b.corpus),
    )
    .map(report);
}

const percent = (x: number | null): string => (x === null ? '–' : (100 * x).toFixed(1));

function table(rows: string[][], rightAligned: (column: number) => boolean): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (rightAligned(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function extraColumn(r: ScoreReport): string {
  if (r.valueAccuracy) {
    const v = r.valueAccuracy;
    return `value acc ${percent(v.accuracy)}% (${v.correct}/${v.total})`;
  }
  if (r.speakerAccuracy) {
    const s = r.speakerAccuracy;
    return (
      `speaker acc ${percent(s.accuracy)}% (${s.correct}/${s.total}; ${percent(s.accuracyWhenQuoteFound)}% of found quotes;` +
      ` quote missed ${s.quoteMissed}, no speaker ${s.noSpeaker}, wrong ${s.wrongSpeaker})` +
      (r.resolvedAccuracy
        ? `; resolved ${percent(r.resolvedAccuracy.accuracy)}% (lenient ${percent(r.resolvedAccuracy.lenient)}%; of ${r.resolvedAccuracy.total}:` +
          ` surname only ${r.resolvedAccuracy.outcomes['surname-only']}, other entity ${r.resolvedAccuracy.outcomes['other-entity']}, none ${r.resolvedAccuracy.outcomes.none})`
        : '') +
      (r.recallByKind
        ? '; relaxed recall ' +
          Object.entries(r.recallByKind)
            .map(([kind, k]) => `${kind} ${percent(k.recall)}%`)
            .join(', ')
        : '')
    );
  }
  return '';
}

interface Speed {
  docs: number;
  chars: number;
  /** Wall-clock time of the annotate() calls. */
  analysisMs: number;
  /** CPU time of the annotate() calls; the rates below use it, being steadier on a shared machine. */
  analysisCpuMs: number;
  warmUpMs: number;
  docsPerSecond: number;
  charsPerSecond: number;
  msPerMB: number;
  /** The document that took the most CPU time, to find what makes a tagger slow. */
  slowest: { docId: string; ms: number; chars: number } | null;
}

function speedOf(r: Run): Speed {
  const seconds = r.analysisCpuMs / 1000;
  return {
    docs: r.docs,
    chars: r.chars,
    analysisMs: Math.round(r.analysisMs),
    analysisCpuMs: Math.round(r.analysisCpuMs),
    warmUpMs: Math.round(r.warmUpMs),
    docsPerSecond: seconds ? Math.round(r.docs / seconds) : 0,
    charsPerSecond: seconds ? Math.round(r.chars / seconds) : 0,
    msPerMB: r.chars ? Math.round((r.analysisCpuMs / r.chars) * 1e6) : 0,
    slowest: r.slowest && { ...r.slowest, ms: Math.round(r.slowest.ms * 10) / 10 },
  };
}

/** Changes against an earlier run, in percentage points. */
interface Delta {
  strictF1: number | null;
  relaxedF1: number | null;
  relaxedRecall: number;
  accuracy: number | null;
}

function loadBaseline(file: string): Map<string, ScoreReport> {
  let parsed: { results?: ScoreReport[] };
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { results?: ScoreReport[] };
  } catch (error) {
    fail(`cannot read baseline ${file}: ${(error as Error).message}`);
  }
  return new Map((parsed.results ?? []).map((r) => [scoreKey(r.type, r.corpus), r]));
}

function accuracyOf(r: ScoreReport): number | null {
  return r.valueAccuracy?.accuracy ?? r.speakerAccuracy?.accuracy ?? null;
}

function deltaOf(now: ScoreReport, before: ScoreReport | undefined): Delta | null {
  if (!before) return null;
  const points = (a: number | null | undefined, b: number | null | undefined): number | null =>
    a === null || a === undefined || b === null || b === undefined ? null : Math.round(1000 * (a - b)) / 10;
  return {
    strictF1: points(now.strict.f1, before.strict.f1),
    relaxedF1: points(now.relaxed.f1, before.relaxed.f1),
    relaxedRecall: points(now.relaxed.recall, before.relaxed.recall) ?? 0,
    accuracy: points(accuracyOf(now), accuracyOf(before)),
  };
}

const signed = (x: number | null): string => (x === null ? '–' : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);

function printText(
  files: readonly string[],
  reports: ScoreReport[],
  speed: Speed,
  errors: ErrorReport[],
  deltas: ReadonlyMap<ScoreReport, Delta | null> | null,
): void {
  const dirs = [...new Set(files.map((f) => path.dirname(path.resolve(f))))];
  console.log(`gold: ${files.map((f) => path.basename(f)).join(', ')} in ${dirs.join(', ')}\n`);
  const deltaHeader = deltas ? ['ΔF1 strict', 'ΔR relaxed', 'ΔF1 relaxed', 'Δacc'] : [];
  const header = ['type', 'corpus', 'docs', 'gold', 'sys', 'strict P', 'R', 'F1', 'relaxed P', 'R', 'F1', ...deltaHeader, ''];
  const deltaCells = (r: ScoreReport): string[] => {
    if (!deltas) return [];
    const d = deltas.get(r);
    return d ? [signed(d.strictF1), signed(d.relaxedRecall), signed(d.relaxedF1), signed(d.accuracy)] : ['new', '', '', ''];
  };
  const rows = reports.map((r) => [
    r.type,
    r.headline ? `${r.corpus} *` : r.goldIsExhaustive ? r.corpus : `${r.corpus} (partial)`,
    String(r.docs),
    String(r.gold),
    String(r.system),
    percent(r.strict.precision),
    percent(r.strict.recall),
    percent(r.strict.f1),
    percent(r.relaxed.precision),
    percent(r.relaxed.recall),
    percent(r.relaxed.f1),
    ...deltaCells(r),
    extraColumn(r),
  ]);
  console.log(table([header, ...rows], (c) => c >= 2 && c < header.length - 1));
  console.log('* headline corpus of the type. Strict: exact span; relaxed: overlapping span, one-to-one. Figures in %.');
  if (reports.some((r) => !r.goldIsExhaustive)) {
    console.log('(partial): the corpus does not annotate every mention of the type: recall and values only; sys = system spans on gold.');
  }
  console.log(
    `\nanalysis: ${speed.docs} docs, ${(speed.chars / 1e6).toFixed(2)} M chars in ${(speed.analysisCpuMs / 1000).toFixed(2)} s CPU` +
      ` = ${speed.docsPerSecond} docs/s, ${speed.charsPerSecond.toLocaleString('en-US')} chars/s, ${speed.msPerMB} ms/MB` +
      ` (wall ${(speed.analysisMs / 1000).toFixed(2)} s; warm-up ${speed.warmUpMs} ms not counted)` +
      (speed.slowest ? `\nslowest doc: ${speed.slowest.docId}, ${speed.slowest.ms} ms CPU for ${speed.slowest.chars} chars` : ''),
  );
  for (const section of errors) {
    console.log(`\n== ${section.type}: ${section.title} (${section.total} in all, ${section.groups} distinct)`);
    if (section.entries.length === 0) console.log('   (none)');
    for (const entry of section.entries) {
      console.log(`${String(entry.count).padStart(5)}  ${entry.key}  (${entry.docs} doc${entry.docs === 1 ? '' : 's'})`);
      if (entry.detail) console.log(`       ${entry.detail}`);
      console.log(`       ${entry.example}  [${entry.docId}]`);
    }
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--checks')) {
    const files = argv.filter((arg, i) => !arg.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--') && argv[i - 1] !== '--checks'));
    runChecksEval(argv, files.length ? files : defaultFiles());
    return;
  }
  const options = parseArgs(argv);
  const files = options.files.length ? options.files : defaultFiles();
  const docs = loadDocs(options, files);
  if (docs.length === 0) fail('no documents to score (check the files, --type and --split)');
  const result = run(docs, options);
  const reports = orderedReports(result.scores);
  const speed = speedOf(result);
  const scoredTypes = ALL_TYPES.filter((t) => reports.some((r) => r.type === t));
  const errors = options.errors > 0 ? result.errors.report(scoredTypes) : [];
  const baseline = options.baseline ? loadBaseline(options.baseline) : null;
  const deltas = baseline && new Map(reports.map((r) => [r, deltaOf(r, baseline.get(scoreKey(r.type, r.corpus)))]));
  if (options.json) {
    const results = reports.map((r) => (deltas ? { ...r, delta: deltas.get(r) } : r));
    // One headline per type (the first in order: AQUAINT for dates, as before), and every headline row by corpus,
    // since dates have two (AQUAINT and TimeBank).
    const headlineRows = results.filter((r) => r.headline);
    const headline = Object.fromEntries(ALL_TYPES.flatMap((t) => headlineRows.filter((r) => r.type === t).slice(0, 1).map((r) => [t, r])));
    const headlines = Object.fromEntries(headlineRows.map((r) => [`${r.type}/${r.corpus}`, r]));
    console.log(JSON.stringify({ headline, headlines, results, speed, ...(options.errors > 0 ? { errors } : {}) }, null, 2));
  } else {
    printText(files, reports, speed, errors, deltas);
  }
}

main();
