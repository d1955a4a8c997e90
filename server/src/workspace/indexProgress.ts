/**
 * Tells the editor how far the workspace index is: `$/progress` (begin, report, end) where the client
 * takes server-initiated progress, and the `newsAnnotator/indexStatus` notification for a status item.
 * Both are throttled: indexing reports after every article, the editor needs a few updates a second.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { INDEX_STATUS_NOTIFICATION, type IndexStatus } from '../protocol/newsRequests';

const REPORT_EVERY_MS = 250;
/** One saved file re-indexed is not worth a progress bar that flashes on every save. */
const PROGRESS_MINIMUM_WAITING = 2;

export class IndexProgress {
  private reporter: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  private lastSent: IndexStatus | undefined;
  private pending: IndexStatus | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastSentAt = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canShowProgress: boolean,
    private readonly logFailure: (error: unknown) => void,
  ) {}

  update(status: IndexStatus): void {
    // A change of state, or of the skipped files, goes out at once; counts at most every REPORT_EVERY_MS.
    const urgent = !this.lastSent || this.lastSent.state !== status.state || this.lastSent.skipped.length !== status.skipped.length;
    this.pending = status;
    if (urgent) return this.flush();
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, REPORT_EVERY_MS - (Date.now() - this.lastSentAt)));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const status = this.pending;
    if (!status) return;
    this.pending = undefined;
    const previous = this.lastSent;
    this.lastSent = status;
    this.lastSentAt = Date.now();
    this.connection.sendNotification(INDEX_STATUS_NOTIFICATION, status).catch(this.logFailure);
    if (!this.canShowProgress) return;
    if (status.state === 'indexing') {
      if (!this.reporter) {
        if (status.total - status.indexed < PROGRESS_MINIMUM_WAITING) return;
        this.reporter = this.connection.window.createWorkDoneProgress().then(
          (reporter) => {
            reporter.begin('News Annotator', percentage(status), progressMessage(status), false);
            return reporter;
          },
          (error: unknown) => {
            this.logFailure(error);
            return undefined;
          },
        );
      } else if (previous?.indexed !== status.indexed || previous.total !== status.total) {
        void this.reporter.then((reporter) => reporter?.report(percentage(status), progressMessage(status)));
      }
    } else if (this.reporter) {
      const reporter = this.reporter;
      this.reporter = undefined;
      void reporter.then((done) => done?.done());
    }
  }
}

/** "Indexing 1,240 / 5,000 articles" */
export function progressMessage(status: IndexStatus): string {
  return `Indexing ${status.indexed.toLocaleString('en-US')} / ${status.total.toLocaleString('en-US')} articles`;
}

function percentage(status: IndexStatus): number {
  return status.total === 0 ? 0 : Math.floor((100 * status.indexed) / status.total);
}
