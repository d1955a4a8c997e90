/**
 * Wires the connection, the documents, the settings and the analysis cache. Each handler looks
 * up the document's analysis and delegates to a feature in ./features.
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
  type SemanticTokens,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnnotateOptions } from './analysis/annotation';
import { DocumentAnalyses, type AnalysedDocument } from './documentAnalyses';
import { documentHighlights } from './features/documentHighlights';
import { documentSymbols } from './features/documentSymbols';
import { hover } from './features/hover';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND, segmentsInRange, semanticTokensDelta } from './features/semanticTokens';
import { statusOf, STATUS_NOTIFICATION, type DocumentStatus } from './features/status';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new DocumentAnalyses();
  const settingsByUri = new Map<string, Promise<ServerSettings>>();
  const sentTokens = new Map<string, { resultId: string; data: number[] }>();
  const reportedProblems = new Set<string>();
  let nextResultId = 1;
  let canPullConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'News Annotator' },
        documentHighlightProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
      },
      serverInfo: { name: 'news-annotator-server', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    analyses.clear();
    sentTokens.clear();
    connection.languages.semanticTokens.refresh();
    for (const document of documents.all()) void publishStatus(document);
  });

  function settingsFor(uri: string): Promise<ServerSettings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = canPullConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'newsAnnotator' }).then(
            (raw) => {
              const { settings: read, problems } = readSettings(raw);
              reportProblems(problems);
              return read;
            },
            () => DEFAULT_SETTINGS,
          )
        : Promise.resolve(DEFAULT_SETTINGS);
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  function reportProblems(problems: readonly string[]): void {
    for (const problem of problems) {
      if (reportedProblems.has(problem)) continue;
      reportedProblems.add(problem);
      connection.console.warn(problem);
      void connection.window.showWarningMessage(`News Annotator: ${problem}`);
    }
  }

  function optionsOf(settings: ServerSettings): AnnotateOptions {
    return { publicationDate: settings.publicationDate ?? undefined, customAgencies: settings.agencies };
  }

  /** The whole document's analysis, or undefined when it is over maxFileSize. */
  async function analysed(uri: string): Promise<{ document: TextDocument; analysed?: AnalysedDocument; settings: ServerSettings } | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current) return undefined;
    if (current.getText().length > settings.maxFileSize) return { document: current, settings };
    return { document: current, analysed: analyses.get(current, optionsOf(settings)), settings };
  }

  async function publishStatus(document: TextDocument): Promise<void> {
    const found = await analysed(document.uri);
    if (!found || found.document.version !== document.version) return;
    const status: DocumentStatus = found.analysed
      ? statusOf(document.uri, found.analysed.analysis)
      : { uri: document.uri, tooLarge: true, maxFileSize: found.settings.maxFileSize, agencies: 0, dates: 0, quotes: 0, publicationDate: null };
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  documents.onDidOpen((event) => void publishStatus(event.document));
  documents.onDidChangeContent((event) => {
    sentTokens.delete(`${event.document.uri}#stale`);
    void publishStatus(event.document);
  });
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    settingsByUri.delete(event.document.uri);
    sentTokens.delete(event.document.uri);
  });

  function remember(uri: string, tokens: SemanticTokens): SemanticTokens {
    const resultId = String(nextResultId++);
    sentTokens.set(uri, { resultId, data: tokens.data });
    return { resultId, data: tokens.data };
  }

  connection.languages.semanticTokens.on(async (params) => {
    const found = await analysed(params.textDocument.uri);
    if (!found) return { data: [] };
    const { document } = found;
    if (!found.analysed) {
      // Too large to analyse whole: serve the start of the file, and ranges on request.
      const head = analyses.getRange(document, optionsOf(found.settings), 0, 50_000);
      return encodeSemanticTokens(document, head.segments);
    }
    return remember(document.uri, encodeSemanticTokens(document, found.analysed.segments));
  });

  connection.languages.semanticTokens.onDelta(async (params) => {
    const found = await analysed(params.textDocument.uri);
    if (!found?.analysed) return { data: [] };
    const { document } = found;
    const current = encodeSemanticTokens(document, found.analysed.segments);
    const previous = sentTokens.get(document.uri);
    if (!previous || previous.resultId !== params.previousResultId) return remember(document.uri, current);
    const resultId = String(nextResultId++);
    sentTokens.set(document.uri, { resultId, data: current.data });
    return semanticTokensDelta(previous.data, current.data, resultId);
  });

  connection.languages.semanticTokens.onRange(async (params) => {
    const found = await analysed(params.textDocument.uri);
    if (!found) return { data: [] };
    const { document } = found;
    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    const source = found.analysed ?? analyses.getRange(document, optionsOf(found.settings), start, end);
    return encodeSemanticTokens(document, segmentsInRange(source.segments, start, end));
  });

  connection.onHover(async (params) => {
    const found = await analysed(params.textDocument.uri);
    if (!found) return null;
    const { document } = found;
    const offset = document.offsetAt(params.position);
    const source = found.analysed ?? analyses.getRange(document, optionsOf(found.settings), offset, offset + 1);
    return hover(document, source.index, params.position);
  });

  connection.onDocumentSymbol(async (params) => {
    const found = await analysed(params.textDocument.uri);
    return found?.analysed ? documentSymbols(found.document, found.analysed.index) : [];
  });

  connection.onDocumentHighlight(async (params) => {
    const found = await analysed(params.textDocument.uri);
    return found?.analysed ? documentHighlights(found.document, found.analysed.index, params.position) : [];
  });

  documents.listen(connection);
  connection.listen();
}
