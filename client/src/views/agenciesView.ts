/**
 * Agencies: each agency with its mention count across the workspace, and under it the articles that name it
 * with their own counts. A click on an article opens its first mention.
 */
import * as vscode from 'vscode';
import type { AgencyArticle, AgencyEntry } from '../../../server/src/protocol/newsRequests';
import type { NewsServer } from '../newsServer';
import { openCommand } from './openLocation';
import { ServerTreeView } from './serverTreeView';

export const AGENCIES_VIEW = 'newsAnnotator.agencies';

export type AgencyNode = { kind: 'agency'; agency: AgencyEntry } | { kind: 'article'; agency: AgencyEntry; article: AgencyArticle };

export class AgenciesView extends ServerTreeView<AgencyNode> {
  protected override get collapsible(): boolean {
    return true;
  }

  constructor(server: NewsServer) {
    super(AGENCIES_VIEW, server);
  }

  protected async fetchRoots(token: vscode.CancellationToken): Promise<AgencyNode[]> {
    const result = await this.server.agencies({}, token);
    return result.agencies.map((agency) => ({ kind: 'agency', agency }));
  }

  protected childrenOf(node: AgencyNode): AgencyNode[] {
    return node.kind === 'agency' ? node.agency.articles.map((article) => ({ kind: 'article', agency: node.agency, article })) : [];
  }

  getTreeItem(node: AgencyNode): vscode.TreeItem {
    if (node.kind === 'agency') {
      const { agency } = node;
      const item = new vscode.TreeItem(agency.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `agency/${agency.name}`;
      item.description = `${mentions(agency.mentionCount)} · ${agency.articles.length} ${agency.articles.length === 1 ? 'article' : 'articles'}`;
      item.tooltip = `${agency.name}${agency.category ? ` (${agency.category})` : ''}: ${item.description}`;
      item.iconPath = new vscode.ThemeIcon('organization');
      item.contextValue = 'agency';
      return item;
    }
    const { agency, article } = node;
    const item = new vscode.TreeItem(article.articleTitle || article.uri, vscode.TreeItemCollapsibleState.None);
    item.id = `agency/${agency.name}/${article.uri}`;
    item.description = mentions(article.mentionCount);
    item.tooltip = `${agency.name} in “${article.articleTitle}”: ${item.description}`;
    item.iconPath = vscode.ThemeIcon.File;
    item.resourceUri = this.server.asUri(article.uri);
    item.contextValue = 'agencyArticle';
    item.command = openCommand(this.server.asUri(article.uri), article.range, 'Open the First Mention');
    return item;
  }

  protected emptyMessage(): string {
    return 'No agencies in the workspace’s articles yet.';
  }
}

function mentions(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'mention' : 'mentions'}`;
}
