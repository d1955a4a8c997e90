import type { TextDocument } from 'vscode-languageserver-textdocument';
import { annotate, type AnalysisResult, type AnnotateOptions } from './analysis/annotate';
import { AnnotationIndex } from './features/annotationIndex';
import { tokenSegments, type TokenSegment } from './features/semanticTokens';

/** Everything the features need about one version of one document, computed once. */
export interface AnalysedDocument {
  readonly version: number;
  readonly analysis: AnalysisResult;
  readonly index: AnnotationIndex;
  readonly segments: TokenSegment[];
  /** Only the paragraphs around a range were analysed: the file is over newsAnnotator.maxFileSize. */
  readonly partial: boolean;
}

/**
 * The analysis of each open document, by version. An analysis is computed when first asked for
 * and kept until the document changes; unchanged paragraphs come from the analysis memo.
 */
export class DocumentAnalyses {
  private readonly byUri = new Map<string, { key: string; analysed: AnalysedDocument }>();

  get(document: TextDocument, options: AnnotateOptions): AnalysedDocument {
    const key = `${document.version}\u0000${optionsKey(options)}`;
    const cached = this.byUri.get(document.uri);
    if (cached && cached.key === key) return cached.analysed;
    const text = document.getText();
    const analysis = annotate(text, options);
    const analysed = { version: document.version, analysis, index: new AnnotationIndex(analysis), segments: tokenSegments(text, analysis), partial: false };
    this.byUri.set(document.uri, { key, analysed });
    return analysed;
  }

  /** For a file too large to analyse whole: only the paragraphs that overlap [start, end). Not cached. */
  getRange(document: TextDocument, options: AnnotateOptions, start: number, end: number): AnalysedDocument {
    const text = document.getText();
    const analysis = annotate(text, { ...options, range: { start, end } });
    return { version: document.version, analysis, index: new AnnotationIndex(analysis), segments: tokenSegments(text, analysis), partial: true };
  }

  peek(uri: string): AnalysedDocument | undefined {
    return this.byUri.get(uri)?.analysed;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }
}

function optionsKey(options: AnnotateOptions): string {
  return JSON.stringify([options.publicationDate ?? null, options.customAgencies ?? []]);
}
