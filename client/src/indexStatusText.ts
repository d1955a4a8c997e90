/**
 * What the language status item says about the workspace index (newsAnnotator/indexStatus): progress while
 * it indexes ("Indexing 1,240 / 5,000 articles"), then the files it left out, counted by reason. Pure.
 */
import type { IndexStatus } from '../../server/src/protocol/newsRequests';

export interface IndexStatusText {
  /** Replaces the item's text while indexing; undefined when the document's own counts should show. */
  text: string | undefined;
  /** A line about the index for the item's detail, or undefined when there is nothing to say. */
  detail: string | undefined;
  busy: boolean;
}

const number = new Intl.NumberFormat('en-US');

/** Fewer files than this waiting is a save or a closed editor being re-read, not worth a flashing "Indexing…". */
const WAITING_WORTH_SHOWING = 2;

/** Whether the index is building in earnest (a folder opened, many files changed), as the views and status say. */
export function indexIsBuilding(status: IndexStatus | undefined): status is IndexStatus & { state: 'indexing' } {
  return status?.state === 'indexing' && status.total - status.indexed >= WAITING_WORTH_SHOWING;
}

/** "Indexing 1,240 / 5,000 articles" */
export function indexProgressText(status: IndexStatus): string {
  return `Indexing ${number.format(status.indexed)} / ${number.format(status.total)} articles`;
}

export function indexStatusText(status: IndexStatus | undefined): IndexStatusText {
  if (!status) return { text: undefined, detail: undefined, busy: false };
  const skipped = skippedSummary(status.skipped);
  if (indexIsBuilding(status)) {
    return { text: indexProgressText(status), detail: skipped, busy: true };
  }
  if (status.state === 'disabled') return { text: undefined, detail: 'Workspace index off (newsAnnotator.index.enabled)', busy: false };
  const indexed = `${number.format(status.indexed)} ${status.indexed === 1 ? 'article' : 'articles'} indexed`;
  return { text: undefined, detail: skipped ? `${indexed}; ${skipped}` : indexed, busy: false };
}

/** "3 files skipped: 2 binary, 1 over newsAnnotator.maxFileSize", reasons most frequent first; undefined for none. */
export function skippedSummary(skipped: ReadonlyArray<{ reason: string }>): string | undefined {
  if (skipped.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const { reason } of skipped) {
    const kind = reasonKind(reason);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const reasons = [...counts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([reason, count]) => `${number.format(count)} ${reason}`);
  return `${number.format(skipped.length)} ${skipped.length === 1 ? 'file' : 'files'} skipped: ${reasons.join(', ')}`;
}

/** A reason without its particulars, so that "over … (6.2 MB)" and "over … (7.0 MB)" count together. */
function reasonKind(reason: string): string {
  return reason.replace(/\s*\([^)]*\)\s*$/, '').trim() || 'unreadable';
}
