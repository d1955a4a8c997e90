/**
 * The extension's side of the server's own requests and notifications (server/src/protocol/newsRequests.ts):
 * one place that knows the current language client (it changes on every restart), sends the custom requests
 * and passes on the index notifications, so that views, the chart and the status item need not care about restarts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  AGENCIES_REQUEST,
  EXPORT_REQUEST,
  INDEX_CHANGED_NOTIFICATION,
  INDEX_STATUS_NOTIFICATION,
  QUOTES_BY_SPEAKER_REQUEST,
  TIMELINE_REQUEST,
  type AgenciesParams,
  type AgenciesResult,
  type ExportParams,
  type ExportResult,
  type IndexStatus,
  type QuotesBySpeakerParams,
  type QuotesBySpeakerResult,
  type TimelineParams,
  type TimelineResult,
} from '../../server/src/protocol/newsRequests';

export class ServerNotRunning extends Error {
  constructor() {
    super('The News Annotator server is not running.');
  }
}

export class NewsServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** The client whose notifications count: the newest, from before it has started. */
  private listening: LanguageClient | undefined;
  private status: IndexStatus | undefined;
  private readonly indexChanged = new vscode.EventEmitter<void>();
  private readonly indexStatusChanged = new vscode.EventEmitter<IndexStatus | undefined>();
  private readonly runningChanged = new vscode.EventEmitter<boolean>();
  /** The index has new content: lists built from it are out of date. */
  readonly onDidChangeIndex = this.indexChanged.event;
  readonly onDidChangeIndexStatus = this.indexStatusChanged.event;
  readonly onDidChangeRunning = this.runningChanged.event;

  /** Called before the client starts, so that no notification sent right after initialisation is lost. */
  listen(client: LanguageClient): void {
    this.listening = client;
    client.onNotification(INDEX_CHANGED_NOTIFICATION, () => {
      if (client === this.client) this.indexChanged.fire();
    });
    client.onNotification(INDEX_STATUS_NOTIFICATION, (status: IndexStatus) => {
      if (client !== this.listening) return;
      this.status = status;
      this.indexStatusChanged.fire(status);
    });
  }

  /** Called once the client has started: from now on requests go to it. */
  attach(client: LanguageClient): void {
    this.client = client;
    this.runningChanged.fire(true);
    // A new server has a new index: what the views show came from the old one.
    this.indexChanged.fire();
  }

  /** Called when the client stops (a restart, a new set of languages). */
  detach(): void {
    if (!this.client && !this.listening) return;
    this.client = undefined;
    this.listening = undefined;
    this.status = undefined;
    this.indexStatusChanged.fire(undefined);
    this.runningChanged.fire(false);
  }

  get running(): boolean {
    return this.client !== undefined;
  }

  /** The last index status the server sent, undefined before the first. */
  get indexStatus(): IndexStatus | undefined {
    return this.status;
  }

  timeline(params: TimelineParams, token?: vscode.CancellationToken): Promise<TimelineResult> {
    return this.request(TIMELINE_REQUEST, params, token);
  }

  quotesBySpeaker(params: QuotesBySpeakerParams, token?: vscode.CancellationToken): Promise<QuotesBySpeakerResult> {
    return this.request(QUOTES_BY_SPEAKER_REQUEST, params, token);
  }

  agencies(params: AgenciesParams, token?: vscode.CancellationToken): Promise<AgenciesResult> {
    return this.request(AGENCIES_REQUEST, params, token);
  }

  export(params: ExportParams, token?: vscode.CancellationToken): Promise<ExportResult> {
    return this.request(EXPORT_REQUEST, params, token);
  }

  /** A URI the server sent, as VS Code's URI (the client may map schemes, e.g. in a remote window). */
  asUri(uri: string): vscode.Uri {
    return this.client ? this.client.protocol2CodeConverter.asUri(uri) : vscode.Uri.parse(uri);
  }

  /** A document's URI as the server knows it. */
  asServerUri(uri: vscode.Uri): string {
    return this.client ? this.client.code2ProtocolConverter.asUri(uri) : uri.toString();
  }

  private async request<Result>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<Result> {
    if (!this.client) throw new ServerNotRunning();
    return this.client.sendRequest<Result>(method, params, token);
  }

  dispose(): void {
    this.indexChanged.dispose();
    this.indexStatusChanged.dispose();
    this.runningChanged.dispose();
  }
}
