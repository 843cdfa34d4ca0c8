// The multi-pattern matcher of the names scan: one pass over a text finds every occurrence of every key of a data
// set. Generic (keys are strings, ids plain numbers); tested on its own in test/unit/names-automaton.test.ts.

/**
 * Aho-Corasick automaton over UTF-16 code units. Built with maps, then packed into typed arrays: characters that
 * occur in no key map to symbol 0 (back to the root at once), the root's transitions are a dense table, every
 * other state's transitions a short sorted list.
 */
export class AhoCorasick {
  private next: Map<number, number>[] = [new Map()];
  private fail: number[] = [0];
  private out: number[][] = [[]];
  private built = false;
  // Packed form (valid while `built`).
  private sym = new Int32Array(0);
  private rootTo = new Int32Array(1);
  private edgeOff = new Int32Array(2);
  private edgeSym = new Int32Array(0);
  private edgeTo = new Int32Array(0);
  private failTo = new Int32Array(1);
  private outOff = new Int32Array(2);
  private outIds = new Int32Array(0);

  add(key: string, id: number): void {
    let n = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let t = this.next[n]!.get(c);
      if (t === undefined) {
        t = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[n]!.set(c, t);
      }
      n = t;
    }
    this.out[n]!.push(id);
    this.built = false;
  }

  build(): void {
    // Output lists of earlier builds include inherited ids: start again from each state's own ids.
    const out = this.out.map((o) => [...o]);
    const own = this.out.map((o) => [...o]);
    const queue: number[] = [];
    for (const t of this.next[0]!.values()) {
      this.fail[t] = 0;
      queue.push(t);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const r = queue[qi]!;
      for (const [c, u] of this.next[r]!) {
        queue.push(u);
        let f = this.fail[r]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const g = this.next[f]!.get(c);
        this.fail[u] = g !== undefined && g !== u ? g : 0;
        const inherited = out[this.fail[u]!]!;
        if (inherited.length) out[u] = [...out[u]!, ...inherited];
      }
    }
    this.pack(out);
    this.out = own;
    this.built = true;
  }

  private pack(out: number[][]): void {
    const states = this.next.length;
    const sym = new Int32Array(65536);
    let symbols = 0;
    for (const m of this.next) for (const c of m.keys()) if (sym[c] === 0) sym[c] = ++symbols;
    const rootTo = new Int32Array(symbols + 1);
    for (const [c, t] of this.next[0]!) rootTo[sym[c]!] = t;
    const edgeOff = new Int32Array(states + 1);
    let edges = 0;
    for (let s = 0; s < states; s++) {
      edgeOff[s] = edges;
      if (s !== 0) edges += this.next[s]!.size;
    }
    edgeOff[states] = edges;
    const edgeSym = new Int32Array(edges);
    const edgeTo = new Int32Array(edges);
    for (let s = 1; s < states; s++) {
      const list = [...this.next[s]!].map(([c, t]) => [sym[c]!, t] as const).sort((x, y) => x[0] - y[0]);
      list.forEach(([y, t], i) => {
        edgeSym[edgeOff[s]! + i] = y;
        edgeTo[edgeOff[s]! + i] = t;
      });
    }
    const outOff = new Int32Array(states + 1);
    let outs = 0;
    for (let s = 0; s < states; s++) {
      outOff[s] = outs;
      outs += out[s]!.length;
    }
    outOff[states] = outs;
    const outIds = new Int32Array(outs);
    for (let s = 0; s < states; s++) outIds.set(out[s]!, outOff[s]!);
    this.sym = sym;
    this.rootTo = rootTo;
    this.edgeOff = edgeOff;
    this.edgeSym = edgeSym;
    this.edgeTo = edgeTo;
    this.failTo = Int32Array.from(this.fail);
    this.outOff = outOff;
    this.outIds = outIds;
  }

  /** One flag per state: whether an id for which `wanted` holds is among the state's outputs. */
  flagStates(wanted: (id: number) => boolean): Uint8Array {
    if (!this.built) this.build();
    const flags = new Uint8Array(this.failTo.length);
    for (let st = 0; st < flags.length; st++)
      for (let j = this.outOff[st]!; j < this.outOff[st + 1]!; j++) if (wanted(this.outIds[j]!)) flags[st] = 1;
    return flags;
  }

  /** The state after reading symbol y in state n. */
  private step(n: number, y: number): number {
    const { rootTo, edgeOff, edgeSym, edgeTo, failTo } = this;
    for (;;) {
      if (n === 0) return rootTo[y]!;
      let lo = edgeOff[n]!;
      let hi = edgeOff[n + 1]!;
      // Sorted symbols: binary search down to a few, then a scan.
      while (hi - lo > 4) {
        const mid = (lo + hi) >> 1;
        if (edgeSym[mid]! <= y) lo = mid;
        else hi = mid;
      }
      for (let e = lo; e < hi; e++) if (edgeSym[e] === y) return edgeTo[e]!;
      n = failTo[n]!;
    }
  }

  /** Whether codes[from, to) contains an occurrence of a key whose state is flagged (see flagStates). */
  reaches(codes: Uint16Array, from: number, to: number, flags: Uint8Array): boolean {
    if (!this.built) this.build();
    // step() written out: this loop runs over every character of the document.
    const { sym, rootTo, edgeOff, edgeSym, edgeTo, failTo } = this;
    let n = 0;
    for (let i = from; i < to; i++) {
      const y = sym[codes[i]!]!;
      if (y === 0) {
        n = 0;
        continue;
      }
      for (;;) {
        if (n === 0) {
          n = rootTo[y]!;
          break;
        }
        let lo = edgeOff[n]!;
        let hi = edgeOff[n + 1]!;
        while (hi - lo > 4) {
          const mid = (lo + hi) >> 1;
          if (edgeSym[mid]! <= y) lo = mid;
          else hi = mid;
        }
        let t = -1;
        for (let e = lo; e < hi; e++)
          if (edgeSym[e] === y) {
            t = edgeTo[e]!;
            break;
          }
        if (t >= 0) {
          n = t;
          break;
        }
        n = failTo[n]!;
      }
      if (flags[n]) return true;
    }
    return false;
  }

  /** Calls `hit(id, end)` for every occurrence (end exclusive), in order of end position. */
  search(s: string, hit: (id: number, end: number) => void): void {
    if (!this.built) this.build();
    const { sym, outOff, outIds } = this;
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const y = sym[s.charCodeAt(i)]!;
      n = y === 0 ? 0 : this.step(n, y);
      for (let j = outOff[n]!; j < outOff[n + 1]!; j++) hit(outIds[j]!, i + 1);
    }
  }
}

