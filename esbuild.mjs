// Bundles the client, the server and the CLI: the VSIX ships only these bundles.
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  metafile: true,
  // jsonc-parser's UMD entry hides its requires from the bundler; its ES module build does not.
  mainFields: ['module', 'main'],
};

/** The server loads the analysis lazily from its own bundle, so that it starts fast. */
const analysisAsSeparateBundle = {
  name: 'analysis-as-separate-bundle',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/analysis\/annotate$/ }, (args) =>
      args.importer.endsWith('documentAnalyses.ts') ? { path: './analysis.js', external: true } : undefined,
    );
  },
};

/**
 * The server bundle holds the first-screen analysis (dates and quotes), which reads compromise's lexicon from
 * the snapshot written below, never compromise itself: leaving compromise out saves ~7 ms of every start.
 */
const compromiseOnlyInTheAnalysis = {
  name: 'compromise-only-in-the-analysis',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^compromise$/ }, () => ({ path: 'compromise', namespace: 'left-out' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({
      contents: "throw new Error('compromise is not in the server bundle, which reads compromiseLexicon.json next to it: run npm run build');",
      loader: 'js',
    }));
  },
};

const results = await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [analysisAsSeparateBundle, compromiseOnlyInTheAnalysis] }),
  build({ ...common, entryPoints: ['server/src/analysis/annotate.ts'], outfile: 'dist/analysis.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // `news-annotate --jsonl --jobs N` starts its worker threads from this bundle, next to dist/cli.js.
  build({ ...common, entryPoints: ['server/src/cli/annotateWorker.ts'], outfile: 'dist/cliWorker.js' }),
  // The timeline chart's page: a script for the webview (a browser, not Node) and its stylesheet, in the one
  // folder the webview may load from. Plain SVG through DOM calls: no charting library.
  build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['client/webview/timelineChart.ts', 'client/webview/timelineChart.css'],
    outdir: 'dist/media',
  }),
]);

// compromise's lexicon and irregular past forms, as the analysis reads them, next to the bundles that read them:
// parsing this JSON costs a fraction of starting compromise, which the server would otherwise pay before its
// first highlight and each CLI worker before its first article. Taken from the compromise the bundles hold.
const { createRequire } = await import('node:module');
const compromise = createRequire(import.meta.url)('compromise');
const model = (compromise.default ?? compromise).model();
writeFileSync(
  'dist/compromiseLexicon.json',
  JSON.stringify({ lexicon: model.one.lexicon, fromPast: model.two?.models?.fromPast?.ex ?? {} }),
);
// The past-tense words alone, for the first screen's dates (analysis/nlp.ts pastTenseSnapshotOf, here by hand
// because this script runs before TypeScript's output exists on a clean checkout).
const pastTense = Object.keys(model.one.lexicon).filter((word) => [model.one.lexicon[word]].flat().includes('PastTense'));
writeFileSync('dist/compromisePastTense.json', JSON.stringify({ pastTense, fromPast: model.two?.models?.fromPast?.ex ?? {} }));

// What each shipped bundle was built from: a test checks that package.json's `dependencies` are exactly
// the packages these sources import, so that nothing only the bench or the tests use ships as runtime.
mkdirSync('out', { recursive: true });
writeFileSync('out/bundle-inputs.json', `${JSON.stringify(results.map(({ metafile }) => metafile.inputs))}\n`);
