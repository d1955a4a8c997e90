/**
 * `npm run eval -- --checks [--samples N] [--split dev|train|all] [--corpus C] [FILE.jsonl…]`
 *
 * How noisy the article checks are: runs every check over the gold corpora (PolNeAR dev by default, AQUAINT,
 * TimeBank, CoNLL; GUM too) and counts the findings per code and corpus, with the warnings per article at the
 * default severities. These texts are published, edited news: nearly every finding on them is a false alarm,
 * so the counts bound the noise a user would see. `--samples N` prints N findings of each code, spread
 * evenly over the run, with their context, to judge by hand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { annotate } from '../server/src/analysis/annotate';
import { CHECK_CODES, DEFAULT_CHECK_LEVELS, type CheckCode, type Finding } from '../server/src/features/checks/check';
import { runChecks } from '../server/src/features/diagnostics';

interface Doc {
  id: string;
  source?: string;
  split?: string;
  text: string;
  dct?: string | null;
}

interface Flag {
  corpus: string;
  docId: string;
  text: string;
  finding: Finding;
}

/** The corpus a document belongs to, by its `source` (else its file name); PolNeAR by split. */
function corpusOf(doc: Doc, file: string): string {
  const hint = `${doc.source ?? ''} ${path.basename(file)}`.toLowerCase();
  if (/timebank/.test(hint)) return 'timebank';
  if (/aquaint/.test(hint)) return 'aquaint';
  if (/conll/.test(hint)) return 'conll2003-testa';
  if (/gum/.test(hint)) return 'gum-news';
  if (/polnear/.test(hint)) return `polnear-${doc.split ?? 'all'}`;
  return doc.source ?? path.basename(file, '.jsonl');
}

export function runChecksEval(argv: readonly string[], files: readonly string[]): void {
  let split = 'dev';
  let corpusFilter: string | null = null;
  let samples = 0;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--split') split = argv[++i];
    else if (argv[i] === '--corpus') corpusFilter = argv[++i].toLowerCase();
    else if (argv[i] === '--samples') samples = Number(argv[++i]);
  }
  // Compiled code, not the first calls, is what an editor runs: one untimed pass over a few articles first.
  const warmUp = 'date: 2022-03-04\n\nThe HDA said on Thursday, March 4, 2022: "We will rebuild the pier by June, come what may."\n\nThe Harbour Development Authority (HDA) agreed.';
  for (let i = 0; i < 50; i++) runChecks(warmUp + ' '.repeat(i), annotate(warmUp, {}), { publicationDateFromSetting: false });
  const counts = new Map<string, { docs: number; byCode: Map<CheckCode, number>; warnings: number }>();
  const flags: Flag[] = [];
  let checkMs = 0;
  let characters = 0;
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line) as Doc;
      if (split !== 'all' && doc.split && doc.split !== split) continue;
      const corpus = corpusOf(doc, file);
      if (corpusFilter && !corpus.includes(corpusFilter)) continue;
      const analysis = annotate(doc.text, { publicationDate: doc.dct ?? undefined });
      const started = performance.now();
      const findings = runChecks(doc.text, analysis, { publicationDateFromSetting: !!doc.dct });
      checkMs += performance.now() - started;
      characters += doc.text.length;
      let entry = counts.get(corpus);
      if (!entry) counts.set(corpus, (entry = { docs: 0, byCode: new Map(), warnings: 0 }));
      entry.docs++;
      for (const finding of findings) {
        entry.byCode.set(finding.code, (entry.byCode.get(finding.code) ?? 0) + 1);
        if (DEFAULT_CHECK_LEVELS[finding.code] === 'warning' || DEFAULT_CHECK_LEVELS[finding.code] === 'error') entry.warnings++;
        flags.push({ corpus, docId: doc.id, text: doc.text, finding });
      }
    }
  }

  const header = ['corpus', 'docs', ...CHECK_CODES, 'warnings/article'];
  const rows = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([corpus, c]) => [corpus, String(c.docs), ...CHECK_CODES.map((code) => String(c.byCode.get(code) ?? 0)), (c.warnings / c.docs).toFixed(3)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  console.log(`\nChecks (after the analysis): ${checkMs.toFixed(0)} ms for ${(characters / 1e6).toFixed(2)} M characters = ${(checkMs / (characters / 1e6)).toFixed(0)} ms/MB.`);
  console.log(`Default severities: ${CHECK_CODES.map((code) => `${code} ${DEFAULT_CHECK_LEVELS[code]}`).join(', ')}.`);

  if (samples > 0) {
    for (const code of CHECK_CODES) {
      const ofCode = flags.filter((flag) => flag.finding.code === code);
      if (!ofCode.length) continue;
      console.log(`\n== ${code}: ${Math.min(samples, ofCode.length)} of ${ofCode.length}`);
      const step = ofCode.length / Math.min(samples, ofCode.length);
      for (let k = 0; k < Math.min(samples, ofCode.length); k++) {
        const { corpus, docId, text, finding } = ofCode[Math.floor(k * step)];
        const before = text.slice(Math.max(0, finding.start - 80), finding.start).replace(/\s+/g, ' ');
        const flagged = text.slice(finding.start, Math.min(finding.end, finding.start + 200)).replace(/\s+/g, ' ');
        const after = text.slice(finding.end, finding.end + 60).replace(/\s+/g, ' ');
        console.log(`- [${corpus} ${docId}] ${finding.message}\n    …${before}⟦${flagged}⟧${after}…`);
      }
    }
  }
}
