/**
 * Which span of one list holds each span of another: an article's dates against its quotes. Asking
 * `outer.findIndex(…)` for each inner span costs dates × quotes on every refresh of an open article's summary;
 * one sweep over both lists in document order costs their lengths (times the few quotes open at a point).
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * For each span of `inner`, the index of the first span of `outer` that holds it (`start <= inner.start` and
 * `inner.end <= end`), or -1: what `outer.findIndex` would answer, whatever the order of either list. Spans have
 * `start <= end`, as annotations do.
 */
export function firstEnclosingIndices(inner: readonly Span[], outer: readonly Span[]): Int32Array {
  const found = new Int32Array(inner.length).fill(-1);
  const outerOrder = orderByStart(outer);
  // Outer spans that have started and may still hold a later inner span, in the order they started.
  const open: number[] = [];
  let next = 0;
  for (const index of orderByStart(inner)) {
    const { start, end } = inner[index];
    while (next < outerOrder.length && outer[outerOrder[next]].start <= start) open.push(outerOrder[next++]);
    // An outer span ending before this start cannot hold this inner span nor any later one (they start later).
    let kept = 0;
    for (const candidate of open) if (outer[candidate].end >= start) open[kept++] = candidate;
    open.length = kept;
    // Several may hold it when outer spans overlap: findIndex answers the lowest index.
    let first = -1;
    for (const candidate of open) if (outer[candidate].end >= end && (first < 0 || candidate < first)) first = candidate;
    found[index] = first;
  }
  return found;
}

/** Indices of the spans by start; ties keep their order. Annotations come sorted, so this is usually a check. */
function orderByStart(spans: readonly Span[]): number[] {
  const order = spans.map((_, index) => index);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i - 1].start > spans[i].start) return order.sort((a, b) => spans[a].start - spans[b].start || a - b);
  }
  return order;
}
