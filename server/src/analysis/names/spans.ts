// A set of spans that answers overlap and containment questions in O(log n), for the names scan.
import { lowerBound, upperBound } from '../text/search';

/**
 * A set of spans [a, b) that answers overlap and containment questions: by looking at each span while there are few,
 * else in O(log n) from the spans sorted by start with the running maximum of their ends.
 */
export class SpanSet {
  private starts?: Int32Array;
  private maxEnd?: Int32Array;
  constructor(private readonly spans: readonly { a: number; b: number }[]) {
    if (spans.length <= 16) return;
    const sorted = [...spans].sort((x, y) => x.a - y.a);
    this.starts = Int32Array.from(sorted, (x) => x.a);
    const maxEnd = (this.maxEnd = new Int32Array(sorted.length));
    let m = -1;
    sorted.forEach((x, i) => (maxEnd[i] = m = Math.max(m, x.b)));
  }
  /** Largest end among the spans that start before v (at or before v with `orAt`); -1 when none. */
  private maxEndBefore(v: number, orAt: boolean): number {
    const n = orAt ? upperBound(this.starts!, v) : lowerBound(this.starts!, v);
    return n > 0 ? this.maxEnd![n - 1]! : -1;
  }
  /** Whether a span overlaps [a, b). */
  overlaps(a: number, b: number): boolean {
    if (!this.starts) return this.spans.some((x) => x.a < b && a < x.b);
    return this.maxEndBefore(b, false) > a;
  }
  /** Whether a strictly longer span contains [a, b). */
  containsLonger(a: number, b: number): boolean {
    if (!this.starts) return this.spans.some((x) => x.a <= a && b <= x.b && x.b - x.a > b - a);
    // Starting before a and reaching b, or starting at a and reaching past b.
    return this.maxEndBefore(a, false) >= b || this.maxEndBefore(a, true) > b;
  }
}
