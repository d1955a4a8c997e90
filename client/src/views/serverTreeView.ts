/**
 * What the News view's three trees share: a root list fetched from the server, children taken from that same
 * answer, a refresh when the index changes (coalesced, and deferred while the view is hidden), and a message
 * in the view while the server starts, while the index builds, when the list is empty or the request failed.
 */
import * as vscode from 'vscode';
import { indexIsBuilding, indexProgressText } from '../indexStatusText';
import { ServerNotRunning, type NewsServer } from '../newsServer';

/** Index changes arrive in bursts while a folder is indexed: refetch at most this often. */
const REFRESH_COALESCE_MS = 400;

export abstract class ServerTreeView<Node> implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  protected readonly view: vscode.TreeView<Node>;
  private readonly changed = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private stale = false;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private rootCount: number | undefined;
  private failure: string | undefined;

  constructor(viewId: string, protected readonly server: NewsServer) {
    this.view = vscode.window.createTreeView(viewId, { treeDataProvider: this, showCollapseAll: this.collapsible });
    this.subscriptions.push(
      this.view,
      this.changed,
      server.onDidChangeIndex(() => this.refreshSoon()),
      server.onDidChangeIndexStatus(() => this.showMessage()),
      server.onDidChangeRunning(() => this.refresh()),
      this.view.onDidChangeVisibility(({ visible }) => {
        if (visible && this.stale) this.refresh();
      }),
    );
  }

  /** Whether the roots have children (then the view gets a "Collapse All" button). */
  protected get collapsible(): boolean {
    return false;
  }

  /** The root nodes, from the server. */
  protected abstract fetchRoots(token: vscode.CancellationToken): Promise<Node[]>;
  protected abstract childrenOf(node: Node): Node[];
  abstract getTreeItem(node: Node): vscode.TreeItem;
  /** What the view says when the server answered with nothing. */
  protected abstract emptyMessage(): string;

  /** Refetches now (the refresh command, a new scope or filter). A hidden view refetches when it is shown. */
  refresh(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    if (!this.view.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    this.changed.fire();
  }

  private refreshSoon(): void {
    this.pending ??= setTimeout(() => this.refresh(), REFRESH_COALESCE_MS);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return this.childrenOf(node);
    const source = new vscode.CancellationTokenSource();
    try {
      const roots = this.server.running ? await this.fetchRoots(source.token) : [];
      this.rootCount = this.server.running ? roots.length : undefined;
      this.failure = undefined;
      return roots;
    } catch (error) {
      this.rootCount = undefined;
      this.failure = error instanceof ServerNotRunning ? undefined : `The server could not answer: ${error instanceof Error ? error.message : String(error)}`;
      return [];
    } finally {
      source.dispose();
      this.showMessage();
    }
  }

  getParent(): undefined {
    return undefined;
  }

  protected showMessage(): void {
    this.view.message = this.message();
  }

  private message(): string | undefined {
    if (this.failure) return this.failure;
    if (!this.server.running) return 'Starting the News Annotator server…';
    const status = this.server.indexStatus;
    // While a folder is being indexed, say so; a file re-read after a save does not make the view flash.
    if (status?.state === 'indexing' && (indexIsBuilding(status) || this.rootCount === 0)) {
      return `${indexProgressText(status)}: the list grows as they are read.`;
    }
    if (this.rootCount === 0) {
      const off = status?.state === 'disabled' ? ' The workspace index is off (newsAnnotator.index.enabled): only open articles count.' : '';
      return `${this.emptyMessage()}${off}`;
    }
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
