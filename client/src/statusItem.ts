import * as vscode from 'vscode';
import type { IndexStatus } from '../../server/src/protocol/newsRequests';
import { indexStatusText } from './indexStatusText';

/** What the server reports after analysing a document (see server/src/features/status.ts). */
export interface DocumentStatus {
  uri: string;
  agencies: number;
  dates: number;
  quotes: number;
  publicationDate: { value: string; source: string } | null;
  tooLarge?: boolean;
  maxFileSize?: number;
}

const SHOW_SKIPPED_COMMAND = 'newsAnnotator.showSkippedFiles';

/**
 * The language status item: counts for the active article, a warning when a file is too large, and the
 * workspace index: its progress while it indexes, and the files it skipped (the item's command lists them).
 */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, DocumentStatus>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private index: IndexStatus | undefined;
  private isStarting = false;

  constructor(selector: vscode.DocumentSelector, private readonly asUri: (uri: string) => vscode.Uri = vscode.Uri.parse) {
    this.item = vscode.languages.createLanguageStatusItem('newsAnnotator.status', selector);
    this.item.name = 'News Annotator';
    this.item.command = { command: 'newsAnnotator.showOutput', title: 'Show Output' };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.byUri.delete(document.uri.toString())),
      vscode.commands.registerCommand(SHOW_SKIPPED_COMMAND, () => this.showSkipped()),
    );
  }

  setSelector(selector: vscode.DocumentSelector): void {
    this.item.selector = selector;
  }

  starting(): void {
    this.isStarting = true;
    this.item.busy = true;
    this.item.text = 'News Annotator: starting';
  }

  ready(): void {
    this.isStarting = false;
    this.render();
  }

  failed(message: string): void {
    this.isStarting = false;
    this.item.busy = false;
    this.item.severity = vscode.LanguageStatusSeverity.Error;
    this.item.text = 'News Annotator: not running';
    this.item.detail = message;
  }

  update(status: DocumentStatus): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  /** The workspace index's status (newsAnnotator/indexStatus); undefined when the server stopped. */
  indexStatus(status: IndexStatus | undefined): void {
    this.index = status;
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    const index = indexStatusText(this.index);
    const skipped = this.index?.skipped.length ?? 0;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    this.item.busy = this.isStarting || index.busy;
    this.item.command = skipped > 0
      ? { command: SHOW_SKIPPED_COMMAND, title: `${skipped} skipped`, tooltip: 'List the files the workspace index skipped, and why' }
      : { command: 'newsAnnotator.showOutput', title: 'Show Output' };
    const document = this.documentText(status);
    // While the index builds it says so first; the article's own counts stay in the detail.
    this.item.text = index.text ?? document.text;
    this.item.detail = [index.text ? document.text : undefined, document.detail, index.detail].filter((part) => part).join(' · ') || undefined;
    if (status?.tooLarge) this.item.severity = vscode.LanguageStatusSeverity.Warning;
  }

  private documentText(status: DocumentStatus | undefined): { text: string; detail: string | undefined } {
    if (!status) return { text: 'News Annotator', detail: undefined };
    if (status.tooLarge) {
      return {
        text: 'News Annotator: file too large',
        detail: `Over newsAnnotator.maxFileSize (${status.maxFileSize} characters): only the visible part is annotated`,
      };
    }
    return {
      text: `${plural(status.agencies, 'agency', 'agencies')} · ${plural(status.dates, 'date')} · ${plural(status.quotes, 'quote')}`,
      detail: status.publicationDate ? `published ${status.publicationDate.value} ${SOURCE_WORDS[status.publicationDate.source] ?? ''}`.trim() : undefined,
    };
  }

  private async showSkipped(): Promise<void> {
    const skipped = this.index?.skipped ?? [];
    if (skipped.length === 0) {
      void vscode.window.showInformationMessage('The workspace index skipped no files.');
      return;
    }
    const picks = skipped.map((skip) => {
      const uri = this.asUri(skip.uri);
      return { label: vscode.workspace.asRelativePath(uri), description: skip.reason, uri };
    });
    const pick = await vscode.window.showQuickPick(picks, {
      title: `${skipped.length} ${skipped.length === 1 ? 'file' : 'files'} skipped by the workspace index`,
      placeHolder: 'Pick one to open it',
      matchOnDescription: true,
    });
    if (pick) await vscode.commands.executeCommand('vscode.open', pick.uri);
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** Where the publication date came from, as the status item says it. */
const SOURCE_WORDS: Record<string, string> = {
  'front-matter': '(from the header)',
  dateline: '(from the dateline)',
  setting: '(from the newsAnnotator.publicationDate setting)',
  'first-date': '(the first full date in the text)',
  none: '(no date found: relative dates count from today; set newsAnnotator.publicationDate)',
};

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
