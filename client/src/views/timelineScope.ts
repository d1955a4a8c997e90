/**
 * Whether the Timeline (view and chart) shows *this article* or the *workspace*, and which article "this" is:
 * the active editor's, or the last article that was active (so a click into the output panel or the chart
 * does not empty the view). Kept per workspace, and in a context key for the view's toggle buttons.
 */
import * as vscode from 'vscode';
import type { Scope } from '../../../server/src/protocol/newsRequests';

export type ScopeKind = Scope['scope'];

const STATE_KEY = 'newsAnnotator.timelineScope';
const CONTEXT_KEY = 'newsAnnotator.timelineScope';

export class TimelineScope implements vscode.Disposable {
  private kind: ScopeKind;
  private article: vscode.TextDocument | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** The scope, or the article in document scope, changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly memento: vscode.Memento,
    private readonly isArticle: (document: vscode.TextDocument) => boolean,
  ) {
    this.kind = memento.get<ScopeKind>(STATE_KEY) === 'document' ? 'document' : 'workspace';
    this.article = this.activeArticle();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, this.kind);
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => {
        const article = this.activeArticle();
        if (!article || article === this.article) return;
        this.article = article;
        if (this.kind === 'document') this.changed.fire();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document !== this.article) return;
        this.article = this.activeArticle();
        if (this.kind === 'document') this.changed.fire();
      }),
    );
  }

  get scope(): ScopeKind {
    return this.kind;
  }

  set(kind: ScopeKind): void {
    if (kind === this.kind) return;
    this.kind = kind;
    void this.memento.update(STATE_KEY, kind);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, kind);
    this.changed.fire();
  }

  /** The article "this article" means, if any. */
  get currentArticle(): vscode.TextDocument | undefined {
    return this.article;
  }

  /** The request's scope; undefined in document scope with no article open. */
  params(toServerUri: (uri: vscode.Uri) => string): Scope | undefined {
    if (this.kind === 'workspace') return { scope: 'workspace' };
    return this.article ? { scope: 'document', uri: toServerUri(this.article.uri) } : undefined;
  }

  /** "Workspace" or the article's file name, for the view's description and the chart's title. */
  describe(): string {
    if (this.kind === 'workspace') return 'Workspace';
    return this.article ? `This article: ${baseName(this.article.uri)}` : 'This article';
  }

  private activeArticle(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && this.isArticle(document) ? document : undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
