/**
 * The workspace index: a summary of every matching article in the workspace folders, kept current as
 * files are created, changed, deleted and renamed, and as folders come and go. Files are analysed in the
 * background one per macrotask (setImmediate), so that requests on open documents are answered between
 * two articles; an article longer than one slice is itself analysed in slices. Open documents come first
 * and override what is on disk; a closed document falls back to its file. Only summaries are kept, never
 * the text.
 */
import { Emitter, type Disposable } from 'vscode-languageserver';
import type { AnalysisResult, AnnotateOptions } from '../analysis/annotation';
import type { IndexStatus } from '../protocol/newsRequests';
import { summariseArticleInSteps, type ArticleSummaries, type ArticleSummary } from './articleSummary';
import { readArticleText } from './articleFile';
import { SummaryCompactor } from './compactSummary';
import { globMatcher, type PathMatcher } from './glob';
import { relativePath, uriKey, type Workspace } from './workspace';

/** The settings the index needs for the files of one workspace folder. */
export interface IndexSettings {
  enabled: boolean;
  include: readonly string[];
  /** In characters, as for open documents. */
  maxFileSize: number;
  /** The same options open documents are analysed with (custom agencies, ignore list, publication date). */
  options: AnnotateOptions;
}

export interface IndexHost {
  settingsFor(folder: string): Promise<IndexSettings>;
  /** The analysis, one paragraph per step (annotateInSteps). */
  analyseInSteps(text: string, options: AnnotateOptions): Generator<void, AnalysisResult, void>;
  /** The summary of an open document's current version, through the server's own analysis of it; undefined when it is not open (any more). */
  openSummary(uri: string): Promise<ArticleSummary | undefined>;
  /** Called with each summary read from disk as it is stored: the features build their per-article caches then, not at the first request. */
  prepare?(summary: ArticleSummary): void;
}

/** How long one article's analysis may hold the event loop before it lets requests in. */
const SLICE_MS = 8;

interface FolderState {
  uri: string;
  settings: IndexSettings;
  include: PathMatcher;
  /** What an article's summary depends on besides its text. */
  key: string;
}

export class WorkspaceIndex implements ArticleSummaries, Disposable {
  private readonly disk = new Map<string, ArticleSummary>();
  private readonly open = new Map<string, ArticleSummary>();
  /** Open documents whose summary is older than their text. */
  private readonly staleOpen = new Map<string, string>();
  private readonly skippedFiles = new Map<string, { uri: string; reason: string }>();
  /** Files to read again because the editor said they changed: before the bulk of the first indexing. */
  private readonly urgent = new Map<string, string>();
  private readonly queue = new Map<string, string>();
  /** Every matching file on disk that the index knows of, indexed or not. */
  private readonly known = new Map<string, string>();
  private folders = new Map<string, FolderState>();
  /** Bumped by every event about a file: an analysis that started before is out of date when it ends. */
  private readonly fileEpochs = new Map<string, number>();
  private generation = 0;
  private listing = 0;
  private pumping = false;
  private disposed = false;
  private readonly subscriptions: Disposable[] = [];
  private readonly compactor = new SummaryCompactor();
  private readonly changedEmitter = new Emitter<void>();
  private readonly statusEmitter = new Emitter<IndexStatus>();
  /** The summaries changed (an article added, updated or removed). */
  readonly onDidChange = this.changedEmitter.event;
  /** After each article, and when indexing starts or ends. */
  readonly onDidChangeStatus = this.statusEmitter.event;

  constructor(
    private readonly workspace: Workspace,
    private readonly host: IndexHost,
  ) {
    this.subscriptions.push(
      workspace.onDidCreateFile((uri) => this.fileChanged(uri)),
      workspace.onDidChangeFile((uri) => this.fileChanged(uri)),
      workspace.onDidDeleteFile((uri) => this.fileDeleted(uri)),
      workspace.onDidChangeFolders(() => void this.refresh()),
    );
  }

  // ── ArticleSummaries ──

  *all(): Iterable<ArticleSummary> {
    yield* this.open.values();
    for (const [key, summary] of this.disk) if (!this.open.has(key)) yield summary;
  }

  get(uri: string): ArticleSummary | undefined {
    const key = uriKey(uri);
    return this.open.get(key) ?? this.disk.get(key);
  }

  /** The summary of an open document at its current version (analysed now if need be), else what the index holds. */
  async current(uri: string): Promise<ArticleSummary | undefined> {
    const key = uriKey(uri);
    if (this.staleOpen.has(key) || !this.open.has(key)) await this.refreshOpen(uri);
    return this.get(uri);
  }

  status(): IndexStatus {
    const enabled = this.folders.size === 0 || [...this.folders.values()].some((folder) => folder.settings.enabled);
    const skipped = [...this.skippedFiles.values()];
    if (!enabled) return { state: 'disabled', indexed: 0, total: 0, skipped };
    // A file waits in one of the two queues, never both.
    const waiting = this.queue.size + this.urgent.size;
    const total = this.known.size;
    const busy = this.listing > 0 || waiting > 0 || this.staleOpen.size > 0;
    return { state: busy ? 'indexing' : 'ready', indexed: Math.max(0, total - waiting), total, skipped };
  }

  // ── What the server tells the index ──

  /** Reads the folders' settings and lists their files again; what is indexed stays until it is replaced. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.listing++;
    try {
      const folders = new Map<string, FolderState>();
      for (const uri of this.workspace.folders) {
        const settings = await this.host.settingsFor(uri);
        folders.set(uri, { uri, settings, include: globMatcher(settings.include), key: JSON.stringify([settings.maxFileSize, settings.options]) });
      }
      const listed = new Map<string, string>();
      for (const folder of folders.values()) {
        if (!folder.settings.enabled) continue;
        for (const uri of await this.workspace.listFiles(folder.uri, folder.include)) listed.set(uriKey(uri), uri);
      }
      if (generation !== this.generation || this.disposed) return;
      const previous = this.folders;
      this.folders = folders;
      let removed = false;
      for (const key of [...this.disk.keys()]) if (!listed.has(key)) removed = this.disk.delete(key) || removed;
      for (const key of [...this.skippedFiles.keys()]) if (!listed.has(key)) this.skippedFiles.delete(key);
      this.known.clear();
      this.queue.clear();
      for (const [key, uri] of listed) {
        this.known.set(key, uri);
        // With other options (a new agency) every file is read again; with the same ones, only those not read yet.
        const folder = this.folderOf(uri);
        const sameOptions = !!folder && previous.get(folder.uri)?.key === folder.key;
        if (this.urgent.has(key) || (sameOptions && (this.disk.has(key) || this.skippedFiles.has(key)))) continue;
        this.queue.set(key, uri);
      }
      for (const key of [...this.urgent.keys()]) if (!listed.has(key)) this.urgent.delete(key);
      if (removed) this.changedEmitter.fire();
    } finally {
      this.listing--;
    }
    this.statusChanged();
    this.pump();
  }

  /** An open document changed: its summary is refreshed before any file on disk. */
  openDocumentChanged(uri: string): void {
    this.staleOpen.set(uriKey(uri), uri);
    this.pump();
  }

  /** Closed: what the index says about it comes from its file again, which may differ from the last text the editor had. */
  openDocumentClosed(uri: string): void {
    const key = uriKey(uri);
    this.staleOpen.delete(key);
    if (this.open.delete(key)) this.changedEmitter.fire();
    if (this.known.has(key)) {
      this.urgent.set(key, this.known.get(key)!);
      this.pump();
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changedEmitter.dispose();
    this.statusEmitter.dispose();
  }

  // ── Events from the workspace ──

  private fileChanged(uri: string): void {
    const key = uriKey(uri);
    this.fileEpochs.set(key, (this.fileEpochs.get(key) ?? 0) + 1);
    const folder = this.folderOf(uri);
    if (!folder || !folder.settings.enabled) return;
    const relative = relativePath(folder.uri, uri);
    if (relative === undefined || relative.split('/').some((segment) => segment === 'node_modules' || segment === '.git') || !folder.include(relative)) return;
    this.known.set(key, uri);
    this.queue.delete(key);
    this.urgent.set(key, uri);
    this.statusChanged();
    this.pump();
  }

  private fileDeleted(uri: string): void {
    const key = uriKey(uri);
    // A deleted folder takes everything under it.
    const under = key.endsWith('/') ? key : `${key}/`;
    const gone = (candidate: string): boolean => candidate === key || candidate.startsWith(under);
    let removed = false;
    for (const map of [this.known, this.queue, this.urgent, this.skippedFiles]) {
      for (const candidate of [...map.keys()]) if (gone(candidate)) map.delete(candidate);
    }
    for (const candidate of [...this.disk.keys()]) {
      if (!gone(candidate)) continue;
      this.disk.delete(candidate);
      this.fileEpochs.set(candidate, (this.fileEpochs.get(candidate) ?? 0) + 1);
      removed = true;
    }
    this.fileEpochs.set(key, (this.fileEpochs.get(key) ?? 0) + 1);
    if (removed) this.changedEmitter.fire();
    this.statusChanged();
  }

  private folderOf(uri: string): FolderState | undefined {
    let best: FolderState | undefined;
    for (const folder of this.folders.values()) {
      if (relativePath(folder.uri, uri) !== undefined && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }

  // ── The background work ──

  private pump(): void {
    if (this.pumping || this.disposed) return;
    this.pumping = true;
    setImmediate(() => void this.step());
  }

  /** One article, then the next in a later macrotask. */
  private async step(): Promise<void> {
    try {
      if (this.disposed) return;
      const [openKey, openUri] = first(this.staleOpen);
      if (openKey !== undefined) {
        await this.refreshOpen(openUri!);
      } else {
        const source = this.urgent.size > 0 ? this.urgent : this.queue;
        const [nextKey, nextUri] = first(source);
        if (nextKey === undefined) {
          this.pumping = false;
          this.statusChanged();
          return;
        }
        source.delete(nextKey);
        // An open document's current text is what counts; its file is read when it closes.
        if (!this.open.has(nextKey)) await this.indexFile(nextKey, nextUri!);
      }
    } catch {
      // One unreadable file must not stop the others; it simply stays out of the index.
    }
    this.statusChanged();
    setImmediate(() => void this.step());
  }

  private async refreshOpen(uri: string): Promise<void> {
    const key = uriKey(uri);
    this.staleOpen.delete(key);
    let summary: ArticleSummary | undefined;
    try {
      summary = await this.host.openSummary(uri);
    } catch {
      // Changed while analysed: the change that made it stale marks it again.
      return;
    }
    if (this.staleOpen.has(key)) return;
    if (summary) {
      if (this.open.get(key) === summary) return;
      this.open.set(key, summary);
    } else if (!this.open.delete(key)) {
      return;
    }
    this.changedEmitter.fire();
  }

  private async indexFile(key: string, uri: string): Promise<void> {
    const folder = this.folderOf(uri);
    if (!folder) return;
    const epoch = this.fileEpochs.get(key) ?? 0;
    const upToDate = (): boolean => !this.disposed && (this.fileEpochs.get(key) ?? 0) === epoch && this.known.has(key);
    const { maxFileSize, options } = folder.settings;
    const read = await readArticleText(this.workspace, uri, maxFileSize);
    if (!upToDate()) return;
    if ('reason' in read) {
      if (read.gone) this.fileDeleted(uri);
      else this.skip(key, uri, read.reason);
      return;
    }
    const { text } = read;
    const host = this.host;
    const steps = (function* () {
      return yield* summariseArticleInSteps(uri, text, yield* host.analyseInSteps(text, options));
    })();
    let sliceStart = Date.now();
    let summary: ArticleSummary;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        summary = step.value;
        break;
      }
      if (Date.now() - sliceStart >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!upToDate()) return;
        sliceStart = Date.now();
      }
    }
    if (!upToDate()) return;
    this.skippedFiles.delete(key);
    const compacted = this.compactor.compact(summary);
    this.disk.set(key, compacted);
    this.host.prepare?.(compacted);
    this.changedEmitter.fire();
  }

  private skip(key: string, uri: string, reason: string): void {
    const hadSummary = this.disk.delete(key);
    this.skippedFiles.set(key, { uri, reason });
    if (hadSummary) this.changedEmitter.fire();
  }

  private statusChanged(): void {
    if (!this.disposed) this.statusEmitter.fire(this.status());
  }
}

function first(map: Map<string, string>): [string?, string?] {
  for (const entry of map) return entry;
  return [];
}
