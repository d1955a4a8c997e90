/**
 * "Who said what": each resolved speaker (person, agency or group) with the count of their quotes, and the
 * quotes under them across the workspace's articles. A filter (speaker's name or a quote's words) narrows it.
 */
import * as vscode from 'vscode';
import type { SpeakerEntry, SpeakerQuote } from '../../../server/src/protocol/newsRequests';
import type { NewsServer } from '../newsServer';
import { openCommand } from './openLocation';
import { ServerTreeView } from './serverTreeView';

export const SPEAKERS_VIEW = 'newsAnnotator.speakers';
const FILTERED_CONTEXT_KEY = 'newsAnnotator.speakersFiltered';

export type SpeakerNode = { kind: 'speaker'; speaker: SpeakerEntry } | { kind: 'quote'; speaker: SpeakerEntry; quote: SpeakerQuote };

export class SpeakersView extends ServerTreeView<SpeakerNode> {
  private filterText = '';

  constructor(server: NewsServer) {
    super(SPEAKERS_VIEW, server);
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, false);
  }

  protected override get collapsible(): boolean {
    return true;
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(filter: string): void {
    this.filterText = filter.trim();
    this.view.description = this.filterText ? `filter: ${this.filterText}` : undefined;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, this.filterText.length > 0);
    this.refresh();
  }

  protected async fetchRoots(token: vscode.CancellationToken): Promise<SpeakerNode[]> {
    const result = await this.server.quotesBySpeaker(this.filterText ? { filter: this.filterText } : {}, token);
    return result.speakers.map((speaker) => ({ kind: 'speaker', speaker }));
  }

  protected childrenOf(node: SpeakerNode): SpeakerNode[] {
    return node.kind === 'speaker' ? node.speaker.quotes.map((quote) => ({ kind: 'quote', speaker: node.speaker, quote })) : [];
  }

  getTreeItem(node: SpeakerNode): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const { speaker } = node;
      const item = new vscode.TreeItem(speaker.name, vscode.TreeItemCollapsibleState.Collapsed);
      // A stable id keeps a speaker open across refreshes.
      item.id = `speaker/${speaker.kind}/${speaker.name}`;
      item.description = `${count(speaker.quoteCount, 'quote')} · ${count(speaker.articleCount, 'article')}`;
      item.iconPath = new vscode.ThemeIcon(speaker.kind === 'person' ? 'person' : speaker.kind === 'agency' ? 'organization' : 'people');
      item.contextValue = 'speaker';
      item.tooltip = `${speaker.name} (${speaker.kind}): ${item.description}`;
      return item;
    }
    const { quote, speaker } = node;
    const item = new vscode.TreeItem(quote.preview, vscode.TreeItemCollapsibleState.None);
    item.id = `speaker/${speaker.kind}/${speaker.name}/${quote.uri}#${quote.range.start.line}:${quote.range.start.character}`;
    item.description = quote.articleTitle;
    const said = [quote.mention, quote.cue].filter((part) => part).join(' ');
    item.tooltip = `${quote.preview}\n\n${said ? `${said} — ` : ''}${speaker.name}, in “${quote.articleTitle}”`;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = 'quote';
    item.command = openCommand(this.server.asUri(quote.uri), quote.range, 'Open the Quote');
    return item;
  }

  protected emptyMessage(): string {
    return this.filterText ? `No speaker or quote matches “${this.filterText}”.` : 'No quotes with a known speaker in the workspace’s articles yet.';
  }
}

function count(value: number, singular: string): string {
  return `${value.toLocaleString('en-US')} ${value === 1 ? singular : `${singular}s`}`;
}
