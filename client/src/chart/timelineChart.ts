/**
 * "News Annotator: Show Timeline Chart": a webview panel that draws the Timeline (this article or the workspace,
 * as the Timeline view is set) on a time axis. The page is static HTML under a strict Content-Security-Policy
 * (a nonce for the one script, nothing remote, resources only from the bundle's media folder); the events go to
 * it as a message, and its messages are checked by parseChartMessage before anything is opened or written.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { NewsServer } from '../newsServer';
import { openLocation } from '../views/openLocation';
import type { TimelineScope } from '../views/timelineScope';
import { assignRows, chartEvents, layoutChart, type ChartEvent } from './chartLayout';
import { parseChartMessage, type FromChartMessage, type ToChartMessage } from './chartMessages';
import { chartSvgTree, svgDocument } from './chartSvg';

const VIEW_TYPE = 'newsAnnotator.timelineChart';
/** Index changes come in bursts while a folder is indexed: redraw at most this often. */
const RELOAD_COALESCE_MS = 400;
/** Where esbuild puts the chart's script and stylesheet: the only folder the webview may load from. */
const MEDIA_FOLDER = ['dist', 'media'];

export class TimelineChart implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private events: ChartEvent[] = [];
  private knownUris = new Set<string>();
  private ready = false;
  private loading: vscode.CancellationTokenSource | undefined;
  private pendingReload: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: NewsServer,
    private readonly scope: TimelineScope,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      server.onDidChangeIndex(() => {
        this.pendingReload ??= setTimeout(() => {
          this.pendingReload = undefined;
          void this.load();
        }, RELOAD_COALESCE_MS);
      }),
      scope.onDidChange(() => void this.load()),
    );
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const mediaRoot = vscode.Uri.joinPath(this.extensionUri, ...MEDIA_FOLDER);
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Timeline Chart', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [mediaRoot],
      retainContextWhenHidden: false,
    });
    this.panel = panel;
    this.ready = false;
    panel.webview.html = chartPage(panel.webview, mediaRoot);
    panel.webview.onDidReceiveMessage((raw: unknown) => void this.received(raw), undefined, this.subscriptions);
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.loading?.cancel();
    });
  }

  private async received(raw: unknown): Promise<void> {
    const message = parseChartMessage(raw, this.knownUris);
    if (!message) {
      this.log.warn(`Timeline chart: ignored a message that is not one the chart sends: ${safeJson(raw)}`);
      return;
    }
    await this.handle(message);
  }

  private async handle(message: FromChartMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A webview made visible again reloads its page: send the events again.
        this.ready = true;
        await this.load();
        return;
      case 'open':
        await openLocation(this.server.asUri(message.uri), message.range, vscode.ViewColumn.One);
        return;
      case 'exportSvg':
        await this.exportSvg(message);
        return;
    }
  }

  private async load(): Promise<void> {
    if (!this.panel || !this.ready) return;
    this.loading?.cancel();
    const loading = (this.loading = new vscode.CancellationTokenSource());
    const params = this.scope.params((uri) => this.server.asServerUri(uri));
    let events: ChartEvent[] = [];
    try {
      if (params && this.server.running) events = chartEvents((await this.server.timeline(params, loading.token)).entries);
    } catch (error) {
      if (!loading.token.isCancellationRequested) this.log.warn(`Timeline chart: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (loading.token.isCancellationRequested || !this.panel) return;
    this.events = events;
    this.knownUris = new Set(events.map((event) => event.uri));
    const title = `Timeline — ${this.scope.describe()}`;
    this.panel.title = this.scope.scope === 'workspace' ? 'Timeline Chart' : `Timeline Chart: ${this.scope.describe().replace(/^This article: /, '')}`;
    const message: ToChartMessage = { type: 'events', title, events };
    await this.panel.webview.postMessage(message);
  }

  private async exportSvg(message: Extract<FromChartMessage, { type: 'exportSvg' }>): Promise<void> {
    const rows = assignRows(this.events, message.grouping);
    const scene = layoutChart(this.events, rows, message.window, message.width);
    const svg = svgDocument(chartSvgTree(scene, this.events));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Export the Timeline Chart',
      saveLabel: 'Export SVG',
      filters: { 'SVG image': ['svg'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'timeline.svg') } : {}),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
    void vscode.window.showInformationMessage(`Timeline chart saved to ${vscode.workspace.asRelativePath(target)}.`);
  }

  dispose(): void {
    clearTimeout(this.pendingReload);
    this.loading?.cancel();
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** The page: static markup only. Everything taken from articles arrives later as data and is set as text. */
function chartPage(webview: vscode.Webview, mediaRoot: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'timelineChart.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'timelineChart.css'));
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource}`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Timeline Chart</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Timeline chart">
  <h1 id="title">Timeline</h1>
  <span class="group" role="group" aria-label="Rows">Rows
    <button type="button" data-grouping="article" aria-pressed="true">Articles</button>
    <button type="button" data-grouping="agency" aria-pressed="false">Agencies</button>
  </span>
  <span class="group" role="group" aria-label="Zoom">Zoom
    <button type="button" data-zoom="out" title="Zoom out (wheel down)">−</button>
    <button type="button" data-zoom="in" title="Zoom in (wheel up)">+</button>
    <button type="button" data-zoom="decade">Decade</button>
    <button type="button" data-zoom="year">Year</button>
    <button type="button" data-zoom="month">Month</button>
    <button type="button" data-zoom="week">Week</button>
    <button type="button" data-zoom="fit">Fit</button>
  </span>
  <button type="button" id="export">Export SVG…</button>
  <span class="legend"><span class="key date" aria-hidden="true">●</span> date <span class="key quote" aria-hidden="true">◆</span> with a quote</span>
</header>
<main>
  <p id="empty" hidden></p>
  <div id="chart" class="chart" aria-label="Dated mentions on a time axis"></div>
</main>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
