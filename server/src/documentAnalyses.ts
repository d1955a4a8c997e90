import type { TextDocument } from 'vscode-languageserver-textdocument';
import type * as AnalysisModule from './analysis/annotate';
import type { AnalysisResult, AnnotateOptions } from './analysis/annotation';
import { AnnotationIndex } from './features/annotationIndex';
import { tokenSegments, type TokenSegment } from './features/semanticTokens';

/** Everything the features need about one version of one document, computed once. */
export interface AnalysedDocument {
  readonly version: number;
  readonly analysis: AnalysisResult;
  readonly index: AnnotationIndex;
  readonly segments: TokenSegment[];
}

/** The document changed while it was being analysed; the result would be stale. */
export class StaleDocumentError extends Error {
  constructor(uri: string) {
    super(`${uri} changed during its analysis`);
  }
}

let analysisModule: typeof AnalysisModule | undefined;

/**
 * The analysis is loaded on first use (the bundle ships it as dist/analysis.js), so that the server
 * answers `initialize` without paying for the lexicon and the NLP library.
 */
export function analysisApi(): typeof AnalysisModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  analysisModule ??= require('./analysis/annotate') as typeof AnalysisModule;
  return analysisModule;
}

/** Whether the analysis is loaded: until then a first screen can be painted from its dates and quotes alone. */
export function isAnalysisLoaded(): boolean {
  return analysisModule !== undefined;
}

/** How long the analysis may hold the event loop before it lets other requests in. */
const SLICE_MS = 8;

/**
 * The analysis of each open document, by version. An analysis is computed when first asked for,
 * in slices so that requests for other documents are answered meanwhile, and dropped as soon as a
 * newer version of its document arrives. Unchanged paragraphs come from the analysis memo.
 */
export class DocumentAnalyses {
  private readonly done = new Map<string, { key: string; analysed: AnalysedDocument }>();
  private readonly running = new Map<string, { key: string; promise: Promise<AnalysedDocument> }>();
  private readonly ranges = new Map<string, { key: string; promise: Promise<AnalysedDocument> }>();

  /** The finished analysis of this version, if there is one. */
  peek(document: TextDocument, options: AnnotateOptions): AnalysedDocument | undefined {
    const found = this.done.get(document.uri);
    return found && found.key === keyOf(document, options) ? found.analysed : undefined;
  }

  /** The analysis of this version; rejects with StaleDocumentError when `isCurrent` turns false on the way. */
  get(document: TextDocument, options: AnnotateOptions, isCurrent: () => boolean): Promise<AnalysedDocument> {
    const key = keyOf(document, options);
    const finished = this.done.get(document.uri);
    if (finished && finished.key === key) return Promise.resolve(finished.analysed);
    const inFlight = this.running.get(document.uri);
    if (inFlight && inFlight.key === key) return inFlight.promise;
    const promise = this.analyse(document, options, isCurrent).then(
      (analysed) => {
        if (this.running.get(document.uri)?.promise === promise) this.running.delete(document.uri);
        this.done.set(document.uri, { key, analysed });
        return analysed;
      },
      (error: unknown) => {
        if (this.running.get(document.uri)?.promise === promise) this.running.delete(document.uri);
        throw error;
      },
    );
    this.running.set(document.uri, { key, promise });
    return promise;
  }

  /**
   * Only the paragraphs around [start, end): quick, for a first screen or a file too large to analyse
   * whole. Sliced too (the head of a 10 MB file is 50 KB of fresh text), and the last one is kept per
   * document, since the full and delta tokens of an oversized file ask for the same head again.
   */
  getRange(document: TextDocument, options: AnnotateOptions, start: number, end: number): Promise<AnalysedDocument> {
    const key = `${keyOf(document, options)}\u0000${start}\u0000${end}`;
    const kept = this.ranges.get(document.uri);
    if (kept && kept.key === key) return kept.promise;
    const text = document.getText();
    const promise = this.runInSlices(document, analysisApi().annotateInSteps(text, { ...options, range: { start, end } }), () => true);
    this.ranges.set(document.uri, { key, promise });
    promise.catch(() => {
      if (this.ranges.get(document.uri)?.promise === promise) this.ranges.delete(document.uri);
    });
    return promise;
  }

  delete(uri: string): void {
    this.done.delete(uri);
    this.running.delete(uri);
    this.ranges.delete(uri);
  }

  clear(): void {
    this.done.clear();
    this.running.clear();
    this.ranges.clear();
  }

  private analyse(document: TextDocument, options: AnnotateOptions, isCurrent: () => boolean): Promise<AnalysedDocument> {
    return this.runInSlices(document, analysisApi().annotateInSteps(document.getText(), options), isCurrent);
  }

  private async runInSlices(document: TextDocument, steps: Generator<void, AnalysisResult, void>, isCurrent: () => boolean): Promise<AnalysedDocument> {
    const text = document.getText();
    let sliceStart = Date.now();
    for (;;) {
      const step = steps.next();
      if (Date.now() - sliceStart >= SLICE_MS) {
        // The token segments and whoever awaits this analysis run next: they get a turn of their own.
        await nextTurn();
        if (!isCurrent()) throw new StaleDocumentError(document.uri);
        sliceStart = Date.now();
      }
      if (step.done) {
        const result = analysed(document.version, text, step.value);
        // Encoding the tokens of a wire file is a pass of its own for whoever awaits this: not in this turn.
        await nextTurn();
        return result;
      }
    }
  }
}

/** Runs the steps, letting other work in whenever a slice has taken SLICE_MS. */
export async function inSlices<T>(steps: Generator<void, T, void>): Promise<T> {
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = Date.now();
    }
  }
}

/** Lets the event loop answer what has queued up meanwhile. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

function analysed(version: number, text: string, analysis: AnalysisResult): AnalysedDocument {
  let index: AnnotationIndex | undefined;
  return {
    version,
    analysis,
    // Hovers, the outline and highlights need the index; the tokens that follow each keystroke do not.
    get index() {
      return (index ??= new AnnotationIndex(analysis));
    },
    segments: tokenSegments(text, analysis),
  };
}

function keyOf(document: TextDocument, options: AnnotateOptions): string {
  return `${document.version}\u0000${JSON.stringify([options.publicationDate ?? null, options.customAgencies ?? [], options.ignoredAgencies ?? []])}`;
}
