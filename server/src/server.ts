/**
 * Wires the connection, the documents, the settings and the analysis cache. Each handler looks
 * up the document's analysis and delegates to a feature in ./features.
 */
import {
  CodeActionKind,
  CodeActionTriggerKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageRequest,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeResult,
  type Range,
  type SemanticTokens,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AGENCY_CATEGORIES, type AgencyCategory, type AnnotateOptions, type CustomAgency } from './analysis/annotation';
import { AGENCY_FILE } from './customAgencyFile';
import { CustomAgencyFiles } from './customAgencyFiles';
import { analysisApi, DocumentAnalyses, isAnalysisLoaded, inSlices, nextTurn, StaleDocumentError, type AnalysedDocument } from './documentAnalyses';
import { agencyCorrections } from './features/agencyCorrections';
import { quickFixes } from './features/codeActions';
import { ADD_AGENCY_COMMAND, AGENCY_FILE_EDITED_COMMAND, correctionActions, EXPLAIN_REFUSAL_COMMAND, type CorrectionCapabilities } from './features/correctionActions';
import type { Finding } from './features/checks/check';
import { runChecksInSteps, toDiagnostics } from './features/diagnostics';
import { documentHighlights } from './features/documentHighlights';
import { documentSymbolsInSteps } from './features/documentSymbols';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND, segmentsInRange, semanticTokensDelta, tokenSegments } from './features/semanticTokens';
import { documentHead } from './features/newsDocument';
import { FIRST_SCREEN_WARM_UP, firstScreenAnnotations } from './analysis/firstScreen';
import { statusOf, STATUS_NOTIFICATION, type DocumentStatus } from './features/status';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import { registerWorkspaceFeatures } from './workspace/workspaceFeatures';
import { startEventLoopMonitor } from './eventLoopMonitor';
import { versionedDocuments } from './versionedDocuments';

/** Documents larger than this are served from the paragraphs in view until their whole analysis is ready. */
const QUICK_PATH_LENGTH = 100_000;
/**
 * With nothing asked of it this long after `initialized`, the server loads the analysis on its own. An editor
 * opening a file asks for its first screen well within this; a server left idle is ready for the next file.
 */
const IDLE_WARM_UP_MS = 300;
/** A burst of keystrokes produces one status update. */
const STATUS_DEBOUNCE_MS = 150;

export function startServer(connection: Connection): void {
  startEventLoopMonitor(connection);
  const documents = new TextDocuments(versionedDocuments);
  const analyses = new DocumentAnalyses();
  const agencyFiles = new CustomAgencyFiles();
  const settingsByUri = new Map<string, Promise<ServerSettings>>();
  const sentTokens = new Map<string, { resultId: string; data: number[] }>();
  const statusTimers = new Map<string, NodeJS.Timeout>();
  const reportedProblems = new Set<string>();
  let nextResultId = 1;
  let canPullConfiguration = false;
  let canRefreshTokens = false;
  let canFollowFolders = false;
  /** Pull diagnostics (`textDocument/diagnostic`) where the client asks for them; pushed after each analysis otherwise. */
  let canPullDiagnostics = false;
  let canRefreshDiagnostics = false;
  let canRefreshInlayHints = false;
  const correctionCapabilities: CorrectionCapabilities = { createFiles: false, disabledActions: false, categoryPick: false };
  const pushedDiagnostics = new Set<string>();
  /** The client watches files for the server when asked (VS Code's client also watches the agency file on its own). */
  let canWatchFiles = false;
  /**
   * Until the editor's first screen is painted, only what the user asked for (a hover, the outline) loads
   * the analysis; the status, the diagnostics and the inlay hints wait, so that the first tokens do not queue
   * behind the ~100 ms of loading it. Open from the start for a client that cannot be asked for tokens again.
   */
  let openFirstPaintGate: () => void = () => undefined;
  const firstPaint = new Promise<void>((resolve) => (openFirstPaintGate = resolve));
  let firstScreenPainted = false;
  const workspaceFeatures = registerWorkspaceFeatures(connection, documents, {
    settingsFor,
    optionsOf,
    async openAnalysis(uri) {
      await firstPaint;
      const found = await lookUp(uri);
      if (!found || found.tooLarge) return undefined;
      return { text: found.document.getText(), analysis: (await whole(found)).analysis };
    },
    logFailure,
    backgroundMayStart: firstPaint,
  });

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canRefreshTokens = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
    if (canRefreshTokens) afterTheAnswerLeaves(() => oneStepATurn(FIRST_SCREEN_WARM_UP));
    else openFirstPaintGate();
    canFollowFolders = !!params.capabilities.workspace?.workspaceFolders;
    canPullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    canRefreshDiagnostics = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    correctionCapabilities.createFiles = !!workspaceEdit?.documentChanges && !!workspaceEdit.resourceOperations?.includes('create');
    correctionCapabilities.disabledActions = !!params.capabilities.textDocument?.codeAction?.disabledSupport;
    correctionCapabilities.categoryPick = (params.initializationOptions as { agencyCategoryPick?: unknown } | undefined)?.agencyCategoryPick === true;
    canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    agencyFiles.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'News Annotator' },
        documentHighlightProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [AGENCY_FILE_EDITED_COMMAND, EXPLAIN_REFUSAL_COMMAND, ADD_AGENCY_COMMAND] },
        ...(canPullDiagnostics ? { diagnosticProvider: { identifier: 'news', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        ...workspaceFeatures.initialize(params),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'news-annotator-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    reloadAgencyFiles();
    workspaceFeatures.initialized();
    if (canWatchFiles) {
      // Editors other than VS Code (Neovim) watch only what the server asks for: a saved agency file must reach the server too.
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${AGENCY_FILE}` }] }).catch(logFailure);
    }
    if (canFollowFolders) {
      // A folder added later may bring its own agency file.
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
        agencyFiles.setFolders(folders.map((folder) => folder.uri));
        reloadAgencyFiles();
        refreshEverything();
      });
    }
    // Load the analysis before the first request waits for it, but not before the editor's first screen.
    setTimeout(afterFirstPaint, IDLE_WARM_UP_MS).unref();
  });

  function afterFirstPaint(): void {
    firstScreenPainted = true;
    warmUpAnalysis();
    openFirstPaintGate();
  }

  /**
   * Runs `work` two turns from now: the JSON-RPC writer sends the answer being returned from an immediate of its
   * own, queued after the first of these, so the answer is on its way before `work` holds the event loop.
   */
  function afterTheAnswerLeaves(work: () => void): void {
    setImmediate(() => setImmediate(work));
  }

  /** Each step in a turn of its own, unless the analysis has been loaded meanwhile and made them pointless. */
  function oneStepATurn(steps: ReadonlyArray<() => void>): void {
    const [step, ...rest] = steps;
    if (!step || isAnalysisLoaded()) return;
    step();
    setImmediate(() => oneStepATurn(rest));
  }

  let warmedUp = false;
  /**
   * Loads the analysis bundle in this turn, then runs it once on a made-up paragraph a step a turn (with the
   * lexicons it loads), so that the first document pays for the analysis alone and no turn holds the server for
   * the whole of it.
   */
  function warmUpAnalysis(): void {
    if (warmedUp) return;
    warmedUp = true;
    const failed = (error: unknown): void =>
      connection.console.error(`News Annotator: loading the analysis failed: ${error instanceof Error ? error.stack : String(error)}`);
    let steps: Generator<void, void, void>;
    try {
      steps = analysisApi().warmUpInSteps();
    } catch (error) {
      return failed(error);
    }
    const next = (): void => {
      try {
        if (!steps.next().done) setImmediate(next);
      } catch (error) {
        failed(error);
      }
    };
    setImmediate(next);
  }

  /**
   * The editor's first request for tokens, before the analysis is loaded: the dates and quotes of [start, end)
   * now (analysis/firstScreen.ts), then the analysis loaded in a turn of its own and the editor asked for
   * the tokens again.
   */
  function firstScreenTokens(found: Found, range: Range): SemanticTokens | undefined {
    if (firstScreenPainted || isAnalysisLoaded() || !canRefreshTokens) return undefined;
    firstScreenPainted = true;
    const head = documentHead(found.document, range.end.line);
    const start = head.offsetAt(range.start);
    const end = head.offsetAt(range.end);
    const text = found.document.getText();
    const annotations = firstScreenAnnotations(text, start, end, found.settings.publicationDate ?? undefined);
    afterTheAnswerLeaves(() => {
      afterFirstPaint();
      connection.languages.semanticTokens.refresh().catch(logFailure);
    });
    return encodeSemanticTokens(head, segmentsInRange(tokenSegments(text, { annotations }), start, end));
  }

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) agencyFiles.changedOnDisk(change.uri);
    workspaceFeatures.filesChanged(params.changes);
    // Two watchers may report one save; a notification that changes nothing re-analyses nothing.
    if (reloadAgencyFiles()) refreshEverything();
  });

  connection.onExecuteCommand(async (params) => {
    const [first, second, third] = params.arguments ?? [];
    if (params.command === ADD_AGENCY_COMMAND && typeof first === 'string' && typeof second === 'string' && typeof third === 'string') {
      await addAgency(first, second, third);
      return null;
    }
    if (params.command === AGENCY_FILE_EDITED_COMMAND && typeof first === 'string' && typeof second === 'string') {
      // The edit is in the editor's buffer now; the article follows it at once rather than at the next save.
      if (agencyFiles.written(first, second) && reloadAgencyFiles()) refreshEverything();
    } else if (params.command === EXPLAIN_REFUSAL_COMMAND && typeof first === 'string') {
      connection.window.showWarningMessage(`News Annotator: ${first}`);
    }
    return null;
  });

  /** "Add as an agency…" after the client asked for the category: the same edit a code action would carry, applied here. */
  async function addAgency(articleUri: string, name: string, category: string): Promise<void> {
    const file = agencyFiles.fileFor(articleUri);
    if (!file || !(AGENCY_CATEGORIES as readonly string[]).includes(category)) return;
    const [action] = correctionActions([{ title: name, correction: { kind: 'add', name, category: category as AgencyCategory } }], file, { ...correctionCapabilities, categoryPick: false });
    if (!action) return;
    if (action.disabled || !action.edit) {
      connection.window.showWarningMessage(`News Annotator: ${action.disabled?.reason ?? String(action.command?.arguments?.[0] ?? 'the agency file cannot be changed')}`);
      return;
    }
    const applied = await connection.workspace.applyEdit({ label: `Add '${name}' as an agency`, edit: action.edit }).catch((error: unknown) => {
      logFailure(error);
      return { applied: false };
    });
    const [fileUri, after] = action.command?.arguments ?? [];
    if (applied.applied && typeof fileUri === 'string' && typeof after === 'string' && agencyFiles.written(fileUri, after) && reloadAgencyFiles()) refreshEverything();
  }

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    refreshEverything();
  });

  /** A client may not implement a request the server sends it; that must never become an unhandled rejection. */
  function logFailure(error: unknown): void {
    connection.console.log(`News Annotator: the client did not take a message: ${error instanceof Error ? error.message : String(error)}`);
  }

  function refreshEverything(): void {
    analyses.clear();
    sentTokens.clear();
    if (canRefreshTokens) connection.languages.semanticTokens.refresh().catch(logFailure);
    if (canPullDiagnostics && canRefreshDiagnostics) connection.languages.diagnostics.refresh().catch(logFailure);
    if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch(logFailure);
    for (const document of documents.all()) scheduleStatus(document, 0);
    workspaceFeatures.refresh();
  }

  let agencyFilesWithDiagnostics = new Set<string>();
  /** True when the files say something new. */
  function reloadAgencyFiles(): boolean {
    const { files, changed } = agencyFiles.reload();
    // A file that is gone, or fixed, must not keep its old warnings.
    for (const uri of agencyFilesWithDiagnostics) {
      if (!files.some((file) => file.uri === uri)) connection.sendDiagnostics({ uri, diagnostics: [] }).catch(logFailure);
    }
    agencyFilesWithDiagnostics = new Set(files.map((file) => file.uri));
    for (const file of files) {
      connection.sendDiagnostics({
        uri: file.uri,
        diagnostics: file.problems.map((problem) => ({
          range: { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: problem.character + 1 } },
          severity: DiagnosticSeverity.Warning,
          source: 'News Annotator',
          message: problem.message,
        })),
      }).catch(logFailure);
      reportProblems(file.problems.map((problem) => `${file.path} line ${problem.line + 1}: ${problem.message}`));
    }
    return changed;
  }

  function settingsFor(uri: string): Promise<ServerSettings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = canPullConfiguration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'newsAnnotator' }).then(
            (raw: unknown) => {
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

  /** Each problem is said once: in the log, and in a warning the user sees. */
  function reportProblems(problems: readonly string[]): void {
    for (const problem of problems) {
      if (reportedProblems.has(problem)) continue;
      reportedProblems.add(problem);
      connection.console.warn(problem);
      connection.sendRequest(ShowMessageRequest.type, { type: MessageType.Warning, message: `News Annotator: ${problem}` }).catch(logFailure);
    }
  }

  function optionsOf(settings: ServerSettings): AnnotateOptions {
    const customAgencies: CustomAgency[] = [...agencyFiles.agencies(), ...settings.agencies];
    return { publicationDate: settings.publicationDate ?? undefined, customAgencies, ignoredAgencies: agencyFiles.ignoredNames() };
  }

  interface Found {
    document: TextDocument;
    settings: ServerSettings;
    options: AnnotateOptions;
    tooLarge: boolean;
  }

  async function lookUp(uri: string): Promise<Found | undefined> {
    // Each version is its own object (versionedDocuments): a request keeps the version it arrived for.
    const arrived = documents.get(uri);
    if (!arrived) return undefined;
    const settings = await settingsFor(uri);
    if (documents.get(uri)?.version !== arrived.version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; ask again.');
    return { document: arrived, settings, options: optionsOf(settings), tooLarge: arrived.getText().length > settings.maxFileSize };
  }

  /** The whole analysis of the document's current version; a ContentModified error if it changes meanwhile. */
  async function whole(found: Found): Promise<AnalysedDocument> {
    const { document } = found;
    // Shared by every request for this version: one cancelled request must not stop it for the others.
    const isCurrent = (): boolean => documents.get(document.uri)?.version === document.version;
    try {
      return await analyses.get(document, found.options, isCurrent);
    } catch (error) {
      if (error instanceof StaleDocumentError) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; ask again.');
      throw error;
    }
  }

  /** The whole analysis when it is ready or cheap; otherwise the paragraphs around [start, end) now, and the whole one later. */
  async function around(found: Found, start: number, end: number): Promise<AnalysedDocument> {
    const ready = analyses.peek(found.document, found.options);
    if (ready) return ready;
    if (!found.tooLarge && found.document.getText().length <= QUICK_PATH_LENGTH) return whole(found);
    if (!found.tooLarge) void whole(found).catch(() => undefined);
    return analyses.getRange(found.document, found.options, start, end);
  }

  function scheduleStatus(document: TextDocument, delay = STATUS_DEBOUNCE_MS): void {
    clearTimeout(statusTimers.get(document.uri));
    statusTimers.set(document.uri, setTimeout(() => void publishStatus(document.uri), delay));
  }

  async function publishStatus(uri: string): Promise<void> {
    statusTimers.delete(uri);
    let status: DocumentStatus;
    try {
      await firstPaint;
      const found = await lookUp(uri);
      if (!found) return;
      if (found.tooLarge) {
        status = { uri, tooLarge: true, maxFileSize: found.settings.maxFileSize, agencies: 0, dates: 0, quotes: 0, publicationDate: null };
        if (!canPullDiagnostics) pushDiagnostics(found.document, []);
      } else {
        const analysed = await whole(found);
        // The checks are passes of their own over the whole analysis: not in the turn that finished it.
        await nextTurn();
        status = statusOf(uri, analysed.analysis);
        if (!canPullDiagnostics) pushDiagnostics(found.document, await diagnosticsOf(found, analysed));
      }
    } catch {
      return; // A newer version is on its way and will report.
    }
    connection.sendNotification(STATUS_NOTIFICATION, status).catch(logFailure);
  }

  // The checks depend on the analysis only; the severities the user chose apply on the way out.
  const findingsByAnalysis = new WeakMap<AnalysedDocument, Promise<Finding[]>>();
  async function diagnosticsOf(found: Found, analysed: AnalysedDocument): Promise<Diagnostic[]> {
    let findings = findingsByAnalysis.get(analysed);
    if (!findings) {
      findings = inSlices(runChecksInSteps(found.document.getText(), analysed.analysis, { publicationDateFromSetting: found.settings.publicationDate !== null }));
      findingsByAnalysis.set(analysed, findings);
    }
    return toDiagnostics(found.document, await findings, found.settings.checks);
  }

  function pushDiagnostics(document: TextDocument, diagnostics: Diagnostic[]): void {
    if (diagnostics.length === 0 && !pushedDiagnostics.has(document.uri)) return;
    if (diagnostics.length) pushedDiagnostics.add(document.uri);
    else pushedDiagnostics.delete(document.uri);
    connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics }).catch(logFailure);
  }

  // TextDocuments reports an opened document as changed too: a new document is reported at once, edits after a pause.
  const reported = new Set<string>();
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (!reported.has(uri)) void settingsFor(uri); // asked now, the settings round trip overlaps the first request's arrival
    scheduleStatus(event.document, reported.has(uri) ? STATUS_DEBOUNCE_MS : 0);
    reported.add(uri);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    analyses.delete(uri);
    reported.delete(uri);
    settingsByUri.delete(uri);
    sentTokens.delete(uri);
    clearTimeout(statusTimers.get(uri));
    statusTimers.delete(uri);
    // A closed file's problems leave the Problems view with it.
    if (pushedDiagnostics.delete(uri)) connection.sendDiagnostics({ uri, diagnostics: [] }).catch(logFailure);
  });

  function remember(uri: string, tokens: SemanticTokens): SemanticTokens {
    const resultId = String(nextResultId++);
    sentTokens.set(uri, { resultId, data: tokens.data });
    return { resultId, data: tokens.data };
  }

  /** What a full request answers before the analysis is loaded: the lines an editor shows first. */
  const FIRST_SCREEN_LINES = 100;
  /** For a file over maxFileSize: the tokens of its beginning. */
  const OVERSIZE_HEAD = 50_000;

  connection.languages.semanticTokens.on(async (params) => {
    const found = await lookUp(params.textDocument.uri);
    if (!found) return { data: [] };
    const firstScreen = firstScreenTokens(found, { start: { line: 0, character: 0 }, end: { line: FIRST_SCREEN_LINES, character: 0 } });
    if (firstScreen) return firstScreen;
    if (found.tooLarge) return encodeSemanticTokens(found.document, (await analyses.getRange(found.document, found.options, 0, OVERSIZE_HEAD)).segments);
    const analysed = await whole(found);
    return remember(found.document.uri, encodeSemanticTokens(found.document, analysed.segments));
  });

  connection.languages.semanticTokens.onDelta(async (params) => {
    const found = await lookUp(params.textDocument.uri);
    if (!found) return { data: [] };
    if (found.tooLarge) return encodeSemanticTokens(found.document, (await analyses.getRange(found.document, found.options, 0, OVERSIZE_HEAD)).segments);
    const analysed = await whole(found);
    const current = encodeSemanticTokens(found.document, analysed.segments);
    const previous = sentTokens.get(found.document.uri);
    if (!previous || previous.resultId !== params.previousResultId) return remember(found.document.uri, current);
    const resultId = String(nextResultId++);
    sentTokens.set(found.document.uri, { resultId, data: current.data });
    return semanticTokensDelta(previous.data, current.data, resultId);
  });

  connection.languages.semanticTokens.onRange(async (params) => {
    const found = await lookUp(params.textDocument.uri);
    if (!found) return { data: [] };
    const firstScreen = firstScreenTokens(found, params.range);
    if (firstScreen) return firstScreen;
    const start = found.document.offsetAt(params.range.start);
    const end = found.document.offsetAt(params.range.end);
    const source = await around(found, start, end);
    return encodeSemanticTokens(found.document, segmentsInRange(source.segments, start, end));
  });

  connection.onHover(async (params) => {
    const found = await lookUp(params.textDocument.uri);
    if (!found) return null;
    const offset = found.document.offsetAt(params.position);
    return hover(found.document, (await around(found, offset, offset)).index, params.position);
  });

  // The outline, breadcrumbs and sticky scroll all ask for symbols: computed once per analysed version.
  const symbolsByAnalysis = new WeakMap<AnalysedDocument, Promise<DocumentSymbol[]>>();
  connection.onDocumentSymbol(async (params) => {
    const found = await lookUp(params.textDocument.uri);
    if (!found || found.tooLarge) return [];
    const analysed = await whole(found);
    let symbols = symbolsByAnalysis.get(analysed);
    if (!symbols) {
      symbols = inSlices(documentSymbolsInSteps(found.document, analysed.index));
      symbolsByAnalysis.set(analysed, symbols);
    }
    return symbols;
  });

  connection.onDocumentHighlight(async (params) => {
    const found = await lookUp(params.textDocument.uri);
    if (!found || found.tooLarge) return [];
    return documentHighlights(found.document, (await whole(found)).index, params.position);
  });

  connection.languages.diagnostics.on(async (params) => {
    try {
      await firstPaint;
      const found = await lookUp(params.textDocument.uri);
      if (!found || found.tooLarge) return { kind: 'full', items: [] };
      return { kind: 'full', items: await diagnosticsOf(found, await whole(found)) };
    } catch (error) {
      // The client keeps the problems it has and pulls again for the new version (ContentModified would clear them).
      if (error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; a newer version follows.', { retriggerRequest: false });
      }
      throw error;
    }
  });

  connection.languages.inlayHint.on(async (params) => {
    await firstPaint;
    const found = await lookUp(params.textDocument.uri);
    if (!found) return [];
    const { dates, speakers } = found.settings.inlayHints;
    if (!dates && !speakers) return [];
    const start = found.document.offsetAt(params.range.start);
    const end = found.document.offsetAt(params.range.end);
    const source = found.tooLarge ? await analyses.getRange(found.document, found.options, start, end) : await around(found, start, end);
    return inlayHints(found.document, source.analysis, start, end, found.settings.inlayHints);
  });

  connection.onCodeAction(async (params) => {
    const found = await lookUp(params.textDocument.uri);
    if (!found) return [];
    if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const actions = quickFixes(found.document, params.context.diagnostics, new Date().toISOString().slice(0, 10));
    // Corrections fit every agency and every name: offered when the user asks (Ctrl+.), not as a light bulb on each one.
    if (params.context.triggerKind === CodeActionTriggerKind.Automatic) return actions;
    const file = agencyFiles.fileFor(found.document.uri);
    if (!file) return actions; // Outside the workspace there is no agency file to correct.
    const start = found.document.offsetAt(params.range.start);
    const end = found.document.offsetAt(params.range.end);
    const source = found.tooLarge ? await analyses.getRange(found.document, found.options, start, end) : await around(found, start, end);
    const offers = agencyCorrections(found.document.getText(), source.analysis.annotations, start, end);
    return [...actions, ...correctionActions(offers, file, correctionCapabilities, found.document.uri)];
  });

  documents.listen(connection);
  connection.listen();
}
