import * as vscode from 'vscode';

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

/** The language status item: counts for the active article, a warning when a file is too large. */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, DocumentStatus>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('newsAnnotator.status', selector);
    this.item.name = 'News Annotator';
    this.item.command = { command: 'newsAnnotator.showOutput', title: 'Show Output' };
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.byUri.delete(document.uri.toString())),
    );
  }

  setSelector(selector: vscode.DocumentSelector): void {
    this.item.selector = selector;
  }

  starting(): void {
    this.item.busy = true;
    this.item.text = 'News Annotator: starting';
  }

  ready(): void {
    this.item.busy = false;
    this.render();
  }

  failed(message: string): void {
    this.item.busy = false;
    this.item.severity = vscode.LanguageStatusSeverity.Error;
    this.item.text = 'News Annotator: not running';
    this.item.detail = message;
  }

  update(status: DocumentStatus): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    this.item.severity = vscode.LanguageStatusSeverity.Information;
    if (!status) {
      this.item.text = 'News Annotator';
      this.item.detail = undefined;
      return;
    }
    if (status.tooLarge) {
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      this.item.text = 'News Annotator: file too large';
      this.item.detail = `Over newsAnnotator.maxFileSize (${status.maxFileSize} characters): only the visible part is annotated`;
      return;
    }
    this.item.text = `${plural(status.agencies, 'agency', 'agencies')} · ${plural(status.dates, 'date')} · ${plural(status.quotes, 'quote')}`;
    this.item.detail = status.publicationDate ? `published ${status.publicationDate.value} ${SOURCE_WORDS[status.publicationDate.source] ?? ''}` : undefined;
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
