/**
 * Wires the workspace index into the server: the files on disk, the index fed by the editor's file and
 * folder notifications, its progress, and the requests that read it (`workspace/symbol`,
 * `textDocument/references`, `textDocument/definition`, and the custom `newsAnnotator/*` requests).
 * Requests answer from what is indexed so far: they never wait for the index to finish.
 */
import {
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type Connection,
  type Disposable,
  type FileEvent,
  type InitializeParams,
  type Position,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult, AnnotateOptions } from '../analysis/annotation';
import { analysisApi, inSlices } from '../documentAnalyses';
import { agencyIndex } from '../features/workspace/agencyIndex';
import { definition } from '../features/workspace/definition';
import { quotesBySpeaker } from '../features/workspace/quotesBySpeaker';
import { references } from '../features/workspace/references';
import { timeline } from '../features/workspace/timeline';
import { prepareWorkspaceSymbols, workspaceSymbols } from '../features/workspace/workspaceSymbols';
import {
  AGENCIES_REQUEST,
  EXPORT_REQUEST,
  INDEX_CHANGED_NOTIFICATION,
  QUOTES_BY_SPEAKER_REQUEST,
  TIMELINE_REQUEST,
  type ExportFormat,
  type Scope,
} from '../protocol/newsRequests';
import type { ServerSettings } from '../settings';
import { summariseArticleInSteps, type ArticleSummary } from './articleSummary';
import { readArticleText } from './articleFile';
import { DiskWorkspace } from './diskWorkspace';
import { exportRequest } from './exportRequest';
import { IndexProgress } from './indexProgress';
import { relativePath } from './workspace';
import { WorkspaceIndex, type IndexSettings } from './workspaceIndex';

/** What the workspace features borrow from the server: its settings, and its analysis of open documents. */
export interface WorkspaceFeatureHost {
  settingsFor(uri: string): Promise<ServerSettings>;
  optionsOf(settings: ServerSettings): AnnotateOptions;
  /** The current version of an open document and its analysis (the one the document features use); undefined when not open or over maxFileSize. */
  openAnalysis(uri: string): Promise<{ text: string; analysis: AnalysisResult } | undefined>;
  logFailure(error: unknown): void;
  /** Settles when background work may load the analysis: after the editor's first screen (see server.ts). */
  readonly backgroundMayStart: Promise<void>;
}

export interface WorkspaceFeatures {
  /** The capabilities to add to the server's. */
  initialize(params: InitializeParams): ServerCapabilities;
  initialized(): void;
  /** From `workspace/didChangeWatchedFiles` (the server has one handler for it). */
  filesChanged(changes: readonly FileEvent[]): void;
  /** Settings or the agency files changed: the index reads its settings again and re-analyses what they affect. */
  refresh(): void;
}

/** Edits come in bursts: the open document's summary follows after a pause. */
const OPEN_DOCUMENT_DEBOUNCE_MS = 300;
/** Views refresh after changes settle, and during a long indexing at least this often. */
const CHANGED_DEBOUNCE_MS = 300;
const CHANGED_MAX_WAIT_MS = 2000;
const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'brat'];

export function registerWorkspaceFeatures(connection: Connection, documents: TextDocuments<TextDocument>, host: WorkspaceFeatureHost): WorkspaceFeatures {
  let workspace = new DiskWorkspace();
  let index: WorkspaceIndex | undefined;
  let capabilities: ClientCapabilities = {};
  let watcher: Promise<Disposable | undefined> | undefined;
  let watchedGlobs = '';

  const summariesByAnalysis = new WeakMap<AnalysisResult, Promise<ArticleSummary>>();
  async function openSummary(uri: string): Promise<ArticleSummary | undefined> {
    const open = await host.openAnalysis(uri);
    if (!open) return undefined;
    let summary = summariesByAnalysis.get(open.analysis);
    if (!summary) summariesByAnalysis.set(open.analysis, (summary = inSlices(summariseArticleInSteps(uri, open.text, open.analysis))));
    return summary;
  }

  async function settingsFor(folder: string): Promise<IndexSettings> {
    const settings = await host.settingsFor(folder);
    return { enabled: settings.index.enabled, include: settings.index.include, maxFileSize: settings.maxFileSize, options: host.optionsOf(settings) };
  }

  /** The editor watches the include globs for the server, where it can be asked to. */
  async function watchIncludedFiles(): Promise<void> {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const globs = new Set<string>();
    for (const folder of workspace.folders) {
      const settings = await settingsFor(folder);
      if (settings.enabled) for (const glob of settings.include) globs.add(glob);
    }
    const key = [...globs].sort().join('\n');
    if (key === watchedGlobs) return;
    watchedGlobs = key;
    const previous = watcher;
    watcher = globs.size
      ? connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...globs].map((globPattern) => ({ globPattern })) }).catch((error: unknown) => {
          host.logFailure(error);
          return undefined;
        })
      : undefined;
    void previous?.then((registration) => registration?.dispose());
  }

  function indexChangedNotifier(): () => void {
    let timer: NodeJS.Timeout | undefined;
    let firstChange = 0;
    const send = (): void => {
      timer = undefined;
      firstChange = 0;
      connection.sendNotification(INDEX_CHANGED_NOTIFICATION).catch(host.logFailure);
    };
    return () => {
      clearTimeout(timer);
      firstChange ||= Date.now();
      timer = setTimeout(send, Math.max(0, Math.min(CHANGED_DEBOUNCE_MS, firstChange + CHANGED_MAX_WAIT_MS - Date.now())));
    };
  }

  function start(folders: readonly string[]): void {
    workspace = new DiskWorkspace(folders);
    index = new WorkspaceIndex(workspace, { settingsFor, analyseInSteps: (text, options) => analysisApi().annotateInSteps(text, { ...options, memoise: false }), openSummary, prepare: prepareWorkspaceSymbols });
    const progress = new IndexProgress(connection, !!capabilities.window?.workDoneProgress, host.logFailure);
    index.onDidChangeStatus((status) => progress.update(status));
    index.onDidChange(indexChangedNotifier());
    // Open documents first: they are analysed for the editor anyway, and their summaries override the disk.
    for (const document of documents.all()) index.openDocumentChanged(document.uri);
  }

  const openTimers = new Map<string, NodeJS.Timeout>();
  documents.onDidOpen((event) => index?.openDocumentChanged(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    clearTimeout(openTimers.get(uri));
    openTimers.set(
      uri,
      setTimeout(() => {
        openTimers.delete(uri);
        index?.openDocumentChanged(uri);
      }, OPEN_DOCUMENT_DEBOUNCE_MS),
    );
  });
  documents.onDidClose((event) => {
    clearTimeout(openTimers.get(event.document.uri));
    openTimers.delete(event.document.uri);
    index?.openDocumentClosed(event.document.uri);
  });

  function requireIndex(): WorkspaceIndex {
    if (!index) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The workspace index starts after `initialized`.');
    return index;
  }

  /** The offset of a position in the summary's text, from its line starts. */
  function offsetIn(summary: ArticleSummary, position: Position): number {
    const line = Math.min(Math.max(position.line, 0), summary.lineStarts.length - 1);
    return summary.lineStarts[line] + Math.max(position.character, 0);
  }

  /** Just that article for `{scope: 'document'}`, every article for `{scope: 'workspace'}`. */
  async function articlesIn(scope: Scope): Promise<Iterable<ArticleSummary>> {
    if (scope.scope === 'workspace') return requireIndex().all();
    const summary = await requireIndex().current(scope.uri);
    return summary ? [summary] : [];
  }

  async function articlesFor(uri: string | undefined): Promise<Iterable<ArticleSummary>> {
    return articlesIn(uri === undefined ? { scope: 'workspace' } : { scope: 'document', uri });
  }

  connection.onWorkspaceSymbol((params) => workspaceSymbols(requireIndex(), typeof params.query === 'string' ? params.query : ''));

  connection.onReferences(async (params) => {
    const summary = await requireIndex().current(params.textDocument.uri);
    if (!summary) return [];
    return references(requireIndex(), params.textDocument.uri, offsetIn(summary, params.position), !!params.context?.includeDeclaration);
  });

  connection.onDefinition(async (params) => {
    const summary = await requireIndex().current(params.textDocument.uri);
    if (!summary) return null;
    return definition(summary, offsetIn(summary, params.position));
  });

  connection.onRequest(TIMELINE_REQUEST, async (params: unknown) => timeline(await articlesIn(scopeOf(params))));

  connection.onRequest(QUOTES_BY_SPEAKER_REQUEST, async (params: unknown) => {
    const { filter, uri } = filterAndUri(params, QUOTES_BY_SPEAKER_REQUEST);
    return quotesBySpeaker(await articlesFor(uri), filter);
  });

  connection.onRequest(AGENCIES_REQUEST, async (params: unknown) => {
    const { filter, uri } = filterAndUri(params, AGENCIES_REQUEST);
    return agencyIndex(await articlesFor(uri), filter);
  });

  connection.onRequest(EXPORT_REQUEST, async (params: unknown) => {
    const scope = scopeOf(params);
    const format = (params as { format?: unknown }).format;
    if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${EXPORT_REQUEST}: "format" must be one of ${EXPORT_FORMATS.join(', ')}.`);
    }
    const current = requireIndex();
    const uris = scope.scope === 'document' ? [scope.uri] : [...current.all()].map((summary) => summary.uri);
    const skipped = scope.scope === 'workspace' ? current.status().skipped : [];
    return exportRequest(uris, format as ExportFormat, {
      openArticle: (uri) => host.openAnalysis(uri),
      async fileArticle(uri) {
        const folder = workspace.folders.find((candidate) => relativePath(candidate, uri) !== undefined);
        const settings = await settingsFor(folder ?? uri);
        const read = await readArticleText(workspace, uri, settings.maxFileSize);
        if ('reason' in read) return { reason: read.reason };
        return { text: read.text, analysis: analysisApi().annotate(read.text, { ...settings.options, memoise: false }) };
      },
    }, skipped);
  });

  return {
    initialize(params) {
      capabilities = params.capabilities;
      workspace = new DiskWorkspace(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
      return { workspaceSymbolProvider: true, referencesProvider: true, definitionProvider: true };
    },
    initialized() {
      start(workspace.folders);
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          workspace.foldersChanged(event);
          void watchIncludedFiles().catch(host.logFailure);
        });
      }
      void host.backgroundMayStart.then(() => requireIndex().refresh()).catch(host.logFailure);
      void watchIncludedFiles().catch(host.logFailure);
    },
    filesChanged(changes) {
      workspace.filesChanged(changes);
    },
    refresh() {
      if (!index) return;
      void index.refresh().catch(host.logFailure);
      void watchIncludedFiles().catch(host.logFailure);
      for (const document of documents.all()) index.openDocumentChanged(document.uri);
    },
  };
}

function scopeOf(params: unknown): Scope {
  const value = params as { scope?: unknown; uri?: unknown } | null;
  if (value?.scope === 'workspace') return { scope: 'workspace' };
  if (value?.scope === 'document' && typeof value.uri === 'string' && value.uri) return { scope: 'document', uri: value.uri };
  throw new ResponseError(ErrorCodes.InvalidParams, 'Expected {"scope": "workspace"} or {"scope": "document", "uri": "…"}.');
}

function filterAndUri(params: unknown, method: string): { filter?: string; uri?: string } {
  const value = (params ?? {}) as { filter?: unknown; uri?: unknown };
  if (typeof value !== 'object' || Array.isArray(value)) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: params must be an object {"filter"?: string, "uri"?: string}.`);
  if (value.filter !== undefined && value.filter !== null && typeof value.filter !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method}: "filter" must be a string.`);
  if (value.uri !== undefined && value.uri !== null && typeof value.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method}: "uri" must be a string.`);
  return { filter: (value.filter as string | null) ?? undefined, uri: (value.uri as string | null) ?? undefined };
}
