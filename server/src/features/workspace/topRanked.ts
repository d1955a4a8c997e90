/**
 * The best `limit` items of many, in order, without sorting them all: a search over 100,000 symbols keeps
 * a heap of the best 500 seen so far, and most items are turned away by one comparison with its worst.
 */
export class TopRanked<T> {
  /** A max-heap by `compare`: the root is the worst item kept. */
  private readonly heap: T[] = [];

  constructor(
    private readonly limit: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** The worst item kept once `limit` are kept, which a newcomer must beat; undefined before. */
  get threshold(): T | undefined {
    return this.heap.length >= this.limit ? this.heap[0] : undefined;
  }

  offer(item: T): void {
    const heap = this.heap;
    if (this.limit <= 0) return;
    if (heap.length < this.limit) {
      heap.push(item);
      this.siftUp(heap.length - 1);
    } else if (this.compare(item, heap[0]) < 0) {
      heap[0] = item;
      this.siftDown(0);
    }
  }

  /** The items kept, best first. */
  ranked(): T[] {
    return [...this.heap].sort(this.compare);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    const item = heap[index];
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.compare(heap[parent], item) >= 0) break;
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = item;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const item = heap[index];
    const length = heap.length;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      if (child + 1 < length && this.compare(heap[child + 1], heap[child]) > 0) child++;
      if (this.compare(heap[child], item) <= 0) break;
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = item;
  }
}

/** The best `limit` of `items`, best first. */
export function topRanked<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  const top = new TopRanked(limit, compare);
  for (const item of items) top.offer(item);
  return top.ranked();
}
