import { annotate, clearAnalysisCache } from '../analysis/annotate';
import { isCalendarDate } from '../isoDate';
import { toPublicAnnotation } from '../publicSchema';
import { InputError } from './inputError';

/**
 * What one input line of `--jsonl` becomes: always exactly one output line (without its newline), so that
 * line N of the output answers line N of the input; a rejected line also carries the message for stderr.
 * The same function runs in process (`--jobs 1`) and in the workers, so both give the same bytes.
 */
export type LineOutcome =
  | { kind: 'annotated'; output: string }
  | { kind: 'blank'; output: '' }
  | { kind: 'rejected'; output: string; message: string };

// Lines are decoded one by one, strictly: a line that is not UTF-8 is reported, not silently altered.
// Without `stream`, every decode() starts afresh, so one decoder serves all lines (a leading BOM is dropped).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

// The paragraph memo pays off in an editor, where the same paragraphs come back keystroke after keystroke;
// the articles of an archive seldom share one. Forgetting it every few million characters keeps a long run's
// memory flat (a full memo holds about 20 bytes per character, per thread) and changes no output.
const MEMO_BUDGET_CHARACTERS = 2_000_000;
let charactersSinceMemoCleared = 0;

export function annotateJsonLine(bytes: Uint8Array, defaultPublished?: string): LineOutcome {
  let id: unknown = null;
  try {
    let line: string;
    try {
      line = strictUtf8.decode(bytes);
    } catch {
      throw new InputError('not valid UTF-8 text.');
    }
    if (line.trim() === '') return { kind: 'blank', output: '' };
    const record = parseRecord(line);
    id = record.id ?? null;
    const { text, published } = articleOf(record, defaultPublished);
    if (charactersSinceMemoCleared > MEMO_BUDGET_CHARACTERS) {
      clearAnalysisCache();
      charactersSinceMemoCleared = 0;
    }
    charactersSinceMemoCleared += text.length;
    const annotations = annotate(text, { publicationDate: published }).annotations.map(toPublicAnnotation);
    return { kind: 'annotated', output: JSON.stringify({ id, annotations }) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return rejectedLine(error.message, id);
  }
}

/** The output line for an input line that cannot be annotated: its id when it has one, and why. */
export function rejectedLine(message: string, id: unknown = null): LineOutcome {
  return { kind: 'rejected', output: JSON.stringify({ id, error: message }), message };
}

function parseRecord(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message}).`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError('expected a JSON object {id, text, published?}.');
  return value as Record<string, unknown>;
}

function articleOf(record: Record<string, unknown>, defaultPublished?: string): { text: string; published?: string } {
  if (typeof record.text !== 'string') throw new InputError('"text" must be a string.');
  const published = record.published ?? record.dct ?? defaultPublished;
  if (published !== undefined && published !== null && !isCalendarDate(published)) {
    throw new InputError(`"published" must be a date written YYYY-MM-DD, got ${JSON.stringify(published)}.`);
  }
  return { text: record.text, published: (published as string | null) ?? undefined };
}
