/**
 * The best `limit` items of many, in order, without sorting them all: a search over 100,000 symbols keeps
 * a heap of the best 500 seen so far, and most items are turned away by one comparison with its worst.
 */
export function topRanked<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  if (limit <= 0) return [];
  // A max-heap by `compare`: the root is the worst item kept.
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      siftUp(heap, heap.length - 1, compare);
    } else if (compare(item, heap[0]) < 0) {
      heap[0] = item;
      siftDown(heap, 0, compare);
    }
  }
  return heap.sort(compare);
}

function siftUp<T>(heap: T[], index: number, compare: (a: T, b: T) => number): void {
  const item = heap[index];
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (compare(heap[parent], item) >= 0) break;
    heap[index] = heap[parent];
    index = parent;
  }
  heap[index] = item;
}

function siftDown<T>(heap: T[], index: number, compare: (a: T, b: T) => number): void {
  const item = heap[index];
  const length = heap.length;
  for (;;) {
    let child = 2 * index + 1;
    if (child >= length) break;
    if (child + 1 < length && compare(heap[child + 1], heap[child]) > 0) child++;
    if (compare(heap[child], item) <= 0) break;
    heap[index] = heap[child];
    index = child;
  }
  heap[index] = item;
}
