/** Binary searches over lists sorted by `start` (tokens, mentions, annotations). */

/** Index of the first item that starts at or after `offset` (the list's length if none does). */
export function firstStartingAtOrAfter(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item that starts after `offset`: where an item starting at `offset` goes, after its equals. */
export function firstStartingAfter(items: readonly { start: number }[], offset: number): number {
  return firstStartingAtOrAfter(items, offset + 1);
}
