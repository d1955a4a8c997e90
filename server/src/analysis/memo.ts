/**
 * The memos that outlive a document: per-paragraph results, and what names and words normalise to.
 *
 * V8 cuts a substring of 13 characters or more as a view into the string it was cut from, so a memo that kept
 * a paragraph or a name as it was cut would keep the whole document it came from: one version of a 1 MB
 * article per keystroke (1.9 MB each) in the editor, one article per line in a batch run. Every key kept here,
 * and every result computed for it, refers to a copy of its own text instead.
 */

/** `text` in a string of its own, which does not keep alive the string it was cut from. */
export function detached(text: string): string {
  // A concatenation is flattened into a new string when sliced: the slice refers to that copy alone.
  return (' ' + text).slice(1);
}

/** What a `ParagraphMemo` keeps for one key, handed out so that a caller can use it again by `touch`. */
export interface MemoEntry<T> {
  /** The memo's own copy of the key. */
  readonly key: string;
  readonly value: T;
}

/**
 * A bounded memo for per-paragraph results. Keys are paragraph texts (plus whatever else the result
 * depends on), so a result is valid wherever the same text appears again, and an edit re-analyses
 * only the paragraphs whose text changed. Eviction is least-recently-used, bounded by key length.
 * `compute` is given the memo's own copy of the key, so that what it cuts from it keeps no document.
 */
export class ParagraphMemo<T> {
  /** Each entry carries its own key: re-inserting a hit under the caller's key would keep the caller's document. */
  private readonly entries = new Map<string, MemoEntry<T>>();
  private size = 0;

  // Enough for the largest article the server analyses whole (newsAnnotator.maxFileSize, 5 M characters) and the
  // others open beside it; beyond that the oldest paragraphs go.
  constructor(private readonly maxChars = 8_000_000) {}

  get(key: string, compute: (key: string) => T): T {
    return this.entry(key, compute).value;
  }

  /** The entry for `key`, computed if missing; `touch` it later to use it again without hashing its key. */
  entry(key: string, compute: (key: string) => T): MemoEntry<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert to mark as recently used.
      this.entries.delete(key);
      this.entries.set(hit.key, hit);
      return hit;
    }
    const own = detached(key);
    const entry = { key: own, value: compute(own) };
    this.insert(entry);
    return entry;
  }

  /**
   * Marks an entry this memo gave out as recently used, putting it back if it was evicted meanwhile: its key is
   * the memo's own string, whose hash is already known, where looking up a freshly cut paragraph hashes all of it.
   */
  touch(entry: MemoEntry<T>): void {
    if (this.entries.get(entry.key) === entry) {
      this.entries.delete(entry.key);
      this.entries.set(entry.key, entry);
    } else {
      this.insert(entry);
    }
  }

  private insert(entry: MemoEntry<T>): void {
    const previous = this.entries.get(entry.key);
    if (previous !== undefined) this.size -= previous.key.length;
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
    this.size += entry.key.length;
    while (this.size > this.maxChars && this.entries.size > 1) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.size -= oldest.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }
}

/**
 * A memo of what a string (a name, a word, a paragraph's quotation marks) computes to: the same ones recur across a
 * document and across edits. Bounded by entries (it forgets everything when full, which is cheaper than tracking
 * use); keys and string results are copies, so that no entry keeps a document.
 */
export class StringMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(
    private readonly compute: (key: string) => T,
    private readonly maxEntries = 100_000,
  ) {}

  get(key: string): T {
    let value = this.entries.get(key);
    if (value === undefined && !this.entries.has(key)) {
      const own = detached(key);
      value = this.compute(own);
      if (typeof value === 'string') value = detached(value) as T;
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(own, value);
    }
    return value as T;
  }
}
