/**
 * The Timeline tree: every dated mention in the order the server sends (chronological: a month before its
 * days), for this article or the workspace. A click opens the place.
 */
import * as vscode from 'vscode';
import type { TimelineEntry } from '../../../server/src/protocol/newsRequests';
import type { NewsServer } from '../newsServer';
import { openCommand } from './openLocation';
import { ServerTreeView } from './serverTreeView';
import type { TimelineScope } from './timelineScope';

export const TIMELINE_VIEW = 'newsAnnotator.timeline';

export class TimelineView extends ServerTreeView<TimelineEntry> {
  constructor(server: NewsServer, private readonly scope: TimelineScope) {
    super(TIMELINE_VIEW, server);
    this.view.description = scope.describe();
    scope.onDidChange(() => {
      this.view.description = scope.describe();
      this.refresh();
    });
  }

  protected async fetchRoots(token: vscode.CancellationToken): Promise<TimelineEntry[]> {
    const params = this.scope.params((uri) => this.server.asServerUri(uri));
    if (!params) return [];
    return (await this.server.timeline(params, token)).entries;
  }

  protected childrenOf(): TimelineEntry[] {
    return [];
  }

  getTreeItem(entry: TimelineEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(entry.label, vscode.TreeItemCollapsibleState.None);
    item.description = entry.articleTitle;
    const quote = entry.quote ? `\n\nQuote${entry.quote.speaker ? ` by ${entry.quote.speaker}` : ''}: ${entry.quote.preview}` : '';
    item.tooltip = `${entry.context}\n\n${entry.value} · “${entry.text}” · ${entry.articleTitle}${quote}`;
    item.iconPath = new vscode.ThemeIcon(entry.quote && containsRange(entry.quote.location.range, entry.range) ? 'quote' : 'calendar');
    item.contextValue = 'timelineEntry';
    item.command = openCommand(this.server.asUri(entry.uri), entry.range, 'Open the Date');
    item.accessibilityInformation = { label: `${entry.label}, ${entry.articleTitle}: ${entry.context}` };
    return item;
  }

  protected emptyMessage(): string {
    if (this.scope.scope === 'document' && !this.scope.currentArticle) return 'Open an article to see its timeline, or show the whole workspace.';
    return this.scope.scope === 'document' ? 'This article names no dates.' : 'No dated mentions in the workspace’s articles yet.';
  }
}

function containsRange(outer: TimelineEntry['range'], inner: TimelineEntry['range']): boolean {
  const before = (a: TimelineEntry['range']['start'], b: TimelineEntry['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
