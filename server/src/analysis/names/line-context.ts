// What the judgement of the names on one line needs to know about the line, computed once per line and only when
// asked: sentence and clause bounds, title nesting, bracketed editions, years, cue words.
import { lowerBound, upperBound } from '../text/search';
import { SENTENCE_ENDS } from '../text/sentences';

/** Sentences end at the sentence ends, at table cell borders and at line breaks; clauses at commas and colons too. */
const SENTENCE_END = new Set([...SENTENCE_ENDS, '|', '\n']);
const CLAUSE_END = new Set([...SENTENCE_END, ...',、:']);
/** Per code unit: 1 ends a sentence, 2 ends a clause. */
const ENDS = new Uint8Array(65536);
for (const ch of SENTENCE_END) ENDS[ch.charCodeAt(0)] = 1;
for (const ch of CLAUSE_END) ENDS[ch.charCodeAt(0)] = ENDS[ch.charCodeAt(0)]! | 2;
const YEAR_NIAN_RE = /(?:19|20)\d{2}年/g;

/**
 * The key of one line and what the judgement of its names needs to know about it, computed once per line (sentence
 * and clause bounds, title nesting, years, cue words), so that each name on the line costs O(log n).
 */
export class LineContext {
  private readonly n: number;
  private sentStartAt?: Int32Array;
  private sentEndAt?: Int32Array;
  private clauseStartAt?: Int32Array;
  // Titles: the 《 still open before titleScanned (pairs as the text is read left to right), and the first position
  // after i where the count of 《 minus 》 drops below its value at i.
  private titleStack: number[] = [];
  private titleScanned = 0;
  private lowerAfter?: Int32Array;
  private parenFrom?: Int32Array;
  private yearAt?: Int32Array;
  private cueStarts?: Int32Array;
  private cueMinEnd?: Int32Array;
  private memo = new Map<string, boolean>();

  /** `cues`: the cue words that hasCueIn looks for, by their first code unit. */
  constructor(
    readonly key: string,
    private readonly cues: ReadonlyMap<number, readonly string[]>,
  ) {
    this.n = key.length;
  }

  private bounds(): void {
    const { key, n } = this;
    const ss = (this.sentStartAt = new Int32Array(n + 1));
    const cs = (this.clauseStartAt = new Int32Array(n + 1));
    for (let i = 1; i <= n; i++) {
      const e = ENDS[key.charCodeAt(i - 1)]!;
      ss[i] = e & 1 ? i : ss[i - 1]!;
      cs[i] = e & 2 ? i : cs[i - 1]!;
    }
    const se = (this.sentEndAt = new Int32Array(n + 1));
    se[n] = n;
    for (let i = n - 1; i >= 0; i--) se[i] = ENDS[key.charCodeAt(i)]! & 1 ? i : se[i + 1]!;
  }

  /** Start of the sentence of [a, b) (after the last 。!?;| before a) and its end (the first one at or after b). */
  sentence(a: number, b: number): [number, number] {
    if (!this.sentStartAt) this.bounds();
    return [this.sentStartAt![a]!, this.sentEndAt![b]!];
  }

  /** Start of the clause that a lies in (after the last 。!?;|,、: before it). */
  clauseStart(a: number): number {
    if (!this.clauseStartAt) this.bounds();
    return this.clauseStartAt![a]!;
  }

  /** Whether `re` matches key[from, to) (memoised: many names share one sentence). */
  test(re: RegExp, from: number, to: number, id: string): boolean {
    const k = `${id} ${from} ${to}`;
    let v = this.memo.get(k);
    if (v === undefined) this.memo.set(k, (v = re.test(this.key.slice(from, to))));
    return v;
  }

  /** Whether key[from, to) contains `s` (memoised). */
  includes(s: string, from: number, to: number): boolean {
    const k = `includes ${from} ${to} ${s}`;
    let v = this.memo.get(k);
    if (v === undefined) this.memo.set(k, (v = this.key.slice(from, to).includes(s)));
    return v;
  }

  /** The enclosing 《…》 of [a, b): the innermost 《 still open before a, and its 》 in the same sentence (-1: none). */
  enclosingTitle(a: number, b: number): { open: number; close: number } | undefined {
    const { key, n } = this;
    if (a < this.titleScanned) {
      this.titleStack = [];
      this.titleScanned = 0;
    }
    const stack = this.titleStack;
    for (let i = this.titleScanned; i < a; i++) {
      if (key[i] === '《') stack.push(i);
      else if (key[i] === '》') stack.pop();
    }
    this.titleScanned = a;
    if (!stack.length) return undefined;
    const open = stack[stack.length - 1]!;
    if (!this.lowerAfter) {
      // depth[i] = number of 《 minus number of 》 in key[0, i); lowerAfter[i] = first j > i with depth[j] < depth[i].
      const depth = new Int32Array(n + 1);
      for (let i = 0; i < n; i++) depth[i + 1] = depth[i]! + (key[i] === '《' ? 1 : key[i] === '》' ? -1 : 0);
      const lower = (this.lowerAfter = new Int32Array(n + 1));
      const st: number[] = [];
      for (let i = n; i >= 0; i--) {
        while (st.length && depth[st[st.length - 1]!]! >= depth[i]!) st.pop();
        lower[i] = st.length ? st[st.length - 1]! : -1;
        st.push(i);
      }
    }
    // Reading on from b, the first 》 that closes more than was opened since b, unless the sentence ends first.
    const j = this.lowerAfter[b]!;
    const close = j > 0 && j - 1 < this.sentence(b, b)[1] ? j - 1 : -1;
    return { open, close };
  }

  /** Whether key[from, to) is an edition in brackets: /^\([^()]*\)$/ */
  editionTail(from: number, to: number): boolean {
    const { key, n } = this;
    if (to - from < 2 || key[from] !== '(' || key[to - 1] !== ')') return false;
    if (!this.parenFrom) {
      const pf = (this.parenFrom = new Int32Array(n + 1));
      pf[n] = n;
      for (let i = n - 1; i >= 0; i--) pf[i] = key[i] === '(' || key[i] === ')' ? i : pf[i + 1]!;
    }
    return this.parenFrom[from + 1] === to - 1;
  }

  /** The year of the last YYYY年 inside key[from, to). */
  lastYearBefore(from: number, to: number): number | undefined {
    if (!this.yearAt) {
      // Occurrences cannot overlap (each ends with its only 年), so one global scan finds them all.
      const at: number[] = [];
      YEAR_NIAN_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = YEAR_NIAN_RE.exec(this.key))) at.push(m.index);
      this.yearAt = Int32Array.from(at);
    }
    const k = upperBound(this.yearAt, to - 5) - 1;
    if (k < 0 || this.yearAt[k]! < from) return undefined;
    return Number(this.key.slice(this.yearAt[k]!, this.yearAt[k]! + 4));
  }

  /** Whether one of the cue words lies inside key[from, to). */
  hasCueIn(from: number, to: number): boolean {
    if (!this.cueStarts) {
      const starts: number[] = [];
      const ends: number[] = [];
      for (let i = 0; i < this.n; i++) {
        const ws = this.cues.get(this.key.charCodeAt(i));
        if (!ws) continue;
        let end = -1;
        for (const w of ws) if (this.key.startsWith(w, i) && (end < 0 || i + w.length < end)) end = i + w.length;
        if (end >= 0) {
          starts.push(i);
          ends.push(end);
        }
      }
      this.cueStarts = Int32Array.from(starts);
      // Smallest end among the words that start at or after the k-th.
      const min = (this.cueMinEnd = new Int32Array(ends.length));
      for (let k = ends.length - 1; k >= 0; k--) min[k] = k + 1 < ends.length ? Math.min(ends[k]!, min[k + 1]!) : ends[k]!;
    }
    const k = lowerBound(this.cueStarts, from);
    return k < this.cueStarts.length && this.cueMinEnd![k]! <= to;
  }
}
