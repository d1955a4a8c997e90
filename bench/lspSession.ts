/**
 * The real `news-annotator-server` in its own process over stdio, driven the way an editor drives
 * it, so that server timings include the protocol, the settings round trip and the JSON payloads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The checkout that holds bin/news-annotator-server: the bench runs from out/bench or from a scratch bundle. */
export function findRepoRoot(): string {
  for (const from of [process.cwd(), __dirname]) {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'bin', 'news-annotator-server'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error('cannot find bin/news-annotator-server above the working directory');
}

const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, semanticTokens: { refreshSupport: true } },
  textDocument: {
    synchronization: { didSave: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    semanticTokens: {
      requests: { range: true, full: { delta: true } },
      tokenTypes: ['agency', 'date', 'quote', 'speaker'],
      tokenModifiers: ['relative', 'partial', 'post'],
      formats: ['relative'],
    },
  },
};

export class BenchServer {
  private readonly connection: ProtocolConnection;
  private readonly documents = new Map<string, TextDocument>();
  private exited = false;
  private refreshes = 0;
  private readonly refreshWaiters: Array<() => void> = [];
  /** The semantic token types, in the order of the server's legend. */
  tokenTypes: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly spawnedAt: number,
  ) {
    child.stderr!.resume();
    child.once('exit', () => (this.exited = true));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    // The server pulls `newsAnnotator` settings; an editor with nothing configured answers with empty sections.
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    for (const method of ['client/registerCapability', 'window/showMessageRequest']) {
      this.connection.onRequest(method, () => null);
    }
    this.connection.onRequest('workspace/semanticTokens/refresh', () => {
      this.refreshes++;
      for (const waiter of this.refreshWaiters.splice(0)) waiter();
      return null;
    });
    this.connection.listen();
  }

  /** `nodeOptions` go to node itself, e.g. --cpu-prof; `environment` is added to this process's own. */
  static spawn(repoRoot: string, nodeOptions: readonly string[] = [], environment: Record<string, string> = {}): BenchServer {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, [...nodeOptions, path.join(repoRoot, 'bin', 'news-annotator-server'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...environment },
    });
    return new BenchServer(child, spawnedAt);
  }

  /** Sends initialize/initialized; returns the time from spawn to the initialize response. */
  async initialize(): Promise<number> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: CLIENT_CAPABILITIES });
    const elapsed = performance.now() - this.spawnedAt;
    const provider = result.capabilities.semanticTokensProvider;
    this.tokenTypes = provider?.legend.tokenTypes ?? [];
    this.connection.sendNotification('initialized', {});
    return elapsed;
  }

  /** Resolves once the server has asked the editor to re-request semantic tokens `count` times in all. */
  semanticTokensRefreshed(count = 1): Promise<void> {
    if (this.refreshes >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => (this.refreshes >= count ? resolve() : void this.refreshWaiters.push(check));
      this.refreshWaiters.push(check);
    });
  }

  /** Milliseconds since this process was spawned. */
  sinceSpawn(): number {
    return performance.now() - this.spawnedAt;
  }

  open(uri: string, text: string): TextDocument {
    const document = TextDocument.create(uri, 'news', 1, text);
    this.documents.set(uri, document);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text } });
    return document;
  }

  /** Inserts `insertion` at `offset`, as one incremental change. */
  insert(uri: string, offset: number, insertion: string): TextDocument {
    const previous = this.document(uri);
    const at = previous.positionAt(offset);
    const change = { range: { start: at, end: at }, text: insertion };
    const document = TextDocument.update(previous, [change], previous.version + 1);
    this.documents.set(uri, document);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [change] });
    return document;
  }

  close(uri: string): void {
    this.documents.delete(uri);
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  /** Any notification, e.g. one the server ignores, to time the transport of its payload alone. */
  notify(method: string, params: unknown): void {
    this.connection.sendNotification(method, params);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** Peak resident set size so far, in bytes (Linux: VmHWM). */
  peakRss(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const match = /^VmHWM:\s*(\d+)\s*kB/m.exec(status);
    if (!match) throw new Error('no VmHWM in /proc status');
    return Number(match[1]) * 1024;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), exited]);
      this.connection.sendNotification('exit');
    } catch {
      // Already gone; the timer kills it otherwise.
    }
    await exited;
    clearTimeout(killer);
    this.connection.dispose();
  }
}

/** Milliseconds taken by `work`. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export interface TokenPosition {
  line: number;
  character: number;
  length: number;
  typeIndex: number;
}

/** LSP's relative semantic-token encoding back to absolute positions. */
export function decodeTokenPositions(data: readonly number[]): TokenPosition[] {
  const tokens: TokenPosition[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    tokens.push({ line, character, length: data[i + 2], typeIndex: data[i + 3] });
  }
  return tokens;
}
