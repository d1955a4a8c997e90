/**
 * A bounded memo for per-paragraph results. Keys are paragraph texts (plus whatever else the result
 * depends on), so a result is valid wherever the same text appears again, and an edit re-analyses
 * only the paragraphs whose text changed. Eviction is least-recently-used, bounded by key length.
 */
export class ParagraphMemo<T> {
  private readonly entries = new Map<string, T>();
  private size = 0;

  // Enough for the largest article the server analyses whole (newsAnnotator.maxFileSize, 5 M characters) and the
  // others open beside it; beyond that the oldest paragraphs go.
  constructor(private readonly maxChars = 8_000_000) {}

  get(key: string, compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert to mark as recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    this.size += key.length;
    while (this.size > this.maxChars && this.entries.size > 1) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.size -= oldest.length;
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }
}
