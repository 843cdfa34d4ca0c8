// Outdated and mis-cited names: the data model, the matching key, the matcher and the judgement shared by the
// `outdated-name` and `miscited-title` checks. Pure: no editor or LSP imports.
//
// Matching works on a *key*: the normalised text (`model.norm`: simplified characters, half-width ASCII) with
// brackets, dashes, quotes, white space, year ranges and the 中华人民共和国 prefix of titles canonicalised. Every key
// character remembers the source range it came from, so a match is reported on the original characters.
// One Aho-Corasick automaton per data set finds all names of all entries in one pass over a line. A scan first keys
// all lines at once (key characters only, through a character table) and runs the automaton over them; only the few
// lines that contain an old name are keyed again with source offsets and judged in context, each name in O(log n).
import * as OpenCCFrom from 'opencc-js/cn2t';
import * as OpenCCTo from 'opencc-js/t2cn';
import builtin from './data/outdated-names.json';
import { lineTable } from './dates';
import type { ReportModel, Severity, TextEdit } from './types';

// ---- data model ------------------------------------------------------------------------------------------------

export const NAME_KINDS = [
  'law_repealed_replaced',
  'law_supersedes_regulation',
  'judicial_interpretation_replaced',
  'regulation_replaced',
  'law_revised_same_title',
  'regulation_revised_same_title',
  'plan_superseded',
  'plan_expiring_watch',
  'title_miscited',
  'list_edition_superseded',
  'institution_merged',
  'institution_replaced',
  'institution_renamed',
  'institution_renamed_merged',
  'institution_split',
  'term_renamed',
  'term_legacy',
] as const;
export type NameKind = (typeof NAME_KINDS)[number];
export type Confidence = 'high' | 'medium' | 'low';

/** One written form of an old name, with an optional form-specific replacement and literal context guards. */
export interface NameForm {
  text: string;
  /** Replacement for this form (e.g. the abbreviation 工商局 → 市场监管局); default: the entry's `new`. */
  new?: string;
  /** Not a match when the text right before it ends with one of these (文化和旅游局 is not 旅游局). */
  notPrecededBy?: string[];
  /** Not a match when the text right after it starts with one of these (环境保护部门 is not 环境保护部). */
  notFollowedBy?: string[];
}

export interface NameEntry {
  id: string;
  kind: NameKind;
  /** Written forms of the old name: strings or NameForm objects. */
  old: (string | NameForm)[];
  /** The current name: the replacement text of the quick fix and the name shown in messages. */
  new: string;
  /** YYYY-MM-DD: from this date the old name is outdated. */
  effective: string;
  /** How much of `effective` is known (messages print only that much); default 'day'. */
  effectivePrecision?: 'day' | 'month' | 'year';
  /** Plans: the period in the title; outdated as the current guide for report years after period[1]. */
  period?: [number, number];
  /** Other current names used locally instead of `new` (the fix title says the successor varies). */
  localVariants?: string[];
  /** Source citation, verbatim from the fact table. */
  source: string;
  confidence: Confidence;
  note?: string;
  /** Default severity; otherwise warning for high confidence, info for medium/low. */
  severity?: 'warning' | 'info';
  /** No quick fix: the successor is not a drop-in replacement or is not known. */
  noFix?: boolean;
  /** Sentences that must be flagged (in a report year on or after `effective`) and sentences that must not. */
  tests?: { flag: string[]; pass: string[] };
}

/** Names that are current and must never be flagged (rows of kind current_do_not_flag). */
export interface AllowEntry {
  id: string;
  names: string[];
  source: string;
  confidence?: Confidence;
  note?: string;
  tests?: { pass: string[] };
}

/** Rows of the fact table that deliberately produce no entry, with the reason. */
export interface OmittedRow {
  old: string;
  kind: string;
  source: string;
  reason: string;
}

export interface NamesData {
  version: 1;
  entries: NameEntry[];
  allow: AllowEntry[];
  omitted?: OmittedRow[];
}

export type KindGroup = 'law' | 'revised' | 'plan' | 'institution' | 'term' | 'miscited' | 'edition';

export function kindGroup(kind: NameKind): KindGroup {
  switch (kind) {
    case 'law_repealed_replaced':
    case 'law_supersedes_regulation':
    case 'judicial_interpretation_replaced':
    case 'regulation_replaced':
      return 'law';
    case 'law_revised_same_title':
    case 'regulation_revised_same_title':
      return 'revised';
    case 'plan_superseded':
    case 'plan_expiring_watch':
      return 'plan';
    case 'title_miscited':
      return 'miscited';
    case 'list_edition_superseded':
      return 'edition';
    case 'term_renamed':
    case 'term_legacy':
      return 'term';
    default:
      return 'institution';
  }
}

/** Which check reports an entry. */
export function checkOfKind(kind: NameKind): 'outdated-name' | 'miscited-title' {
  const g = kindGroup(kind);
  return g === 'miscited' || g === 'edition' ? 'miscited-title' : 'outdated-name';
}

export const builtinNames: NamesData = builtin as NamesData;

export function formText(f: string | NameForm): string {
  return typeof f === 'string' ? f : f.text;
}

// ---- the matching key -------------------------------------------------------------------------------------------

export interface Keyed {
  key: string;
  /** Source offset (relative to the keyed string) where key character i starts / ends. */
  starts: number[];
  ends: number[];
}

const DROP = new Set([...' \t\u3000\u00a0\u200b\ufeff“”‘’"\'「」『』″′*']);
const OPEN = new Set([...'(（〔[［【〖｛{']);
const CLOSE = new Set([...')）〕]］】〗｝}']);
const TITLE_OPEN = new Set([...'《〈＜<‹«']);
const TITLE_CLOSE = new Set([...'》〉＞>›»']);
export const DASHES = '-－—–‐‑‒―~～〜─━﹣﹘⁓';
const DASH = new Set([...DASHES]);

const YEAR_TOKEN_RE = /《中华人民共和国|(?<!\d)((?:19|20)\d{2})年?(-|至|到)?((?:19|20)\d{2})年?(?!\d)|((?:19|20)\d{2})年(?=版)/g;

const C_DASH = 0x2d; // -
const C_TITLE_OPEN = 0x300a; // 《
const C_NIAN = 0x5e74; // 年
const C_BAN = 0x7248; // 版
const C_ZHI = 0x81f3; // 至
const C_DAO = 0x5230; // 到
const PRC = [...'中华人民共和国'].map((ch) => ch.charCodeAt(0));

let keyMapTable: Int32Array | undefined;
/**
 * Key character of every UTF-16 code unit, or -1 when it is dropped: full-width ASCII becomes half-width, brackets
 * of every width become ( ) and 《 》, dashes become -.
 */
function keyMap(): Int32Array {
  if (keyMapTable) return keyMapTable;
  const special = new Map<number, number>();
  // Lowest precedence first: later classes override earlier ones, as the order of the tests in pass 1 did.
  const put = (set: Set<string>, to: number) => {
    for (const ch of set) special.set(ch.charCodeAt(0), to);
  };
  put(DASH, C_DASH);
  put(TITLE_CLOSE, 0x300b);
  put(TITLE_OPEN, C_TITLE_OPEN);
  put(CLOSE, 0x29);
  put(OPEN, 0x28);
  put(DROP, -1);
  const m = new Int32Array(65536);
  for (let code = 0; code < 65536; code++) {
    // Dropped as written, or once made half-width.
    const half = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
    m[code] = special.get(code) === -1 ? -1 : (special.get(half) ?? half);
  }
  keyMapTable = m;
  return m;
}

/** Text of code units [from, to). */
function codesText(codes: Uint16Array, from: number, to: number): string {
  const CHUNK = 8192;
  if (to - from <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[]);
  let s = '';
  for (let i = from; i < to; i += CHUNK) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(to, i + CHUNK)) as unknown as number[]);
  return s;
}

/**
 * Pass 1 of the key of s[start, end): character classes (dropped characters, brackets, dashes; a run of dashes is
 * one dash). Writes the key characters at codes[at …] and their source ranges; returns the end of what it wrote.
 */
function keyPass1(s: string, start: number, end: number, codes: Uint16Array, at: number, starts: Int32Array, ends: Int32Array): number {
  const map = keyMap();
  let n = at;
  let lastDash = false;
  for (let i = start; i < end; i++) {
    const out = map[s.charCodeAt(i)]!;
    if (out < 0) continue;
    if (out === C_DASH) {
      if (lastDash && ends[n - 1] === i) {
        ends[n - 1] = i + 1;
        continue;
      }
      lastDash = true;
    } else lastDash = false;
    codes[n] = out;
    starts[n] = i;
    ends[n] = i + 1;
    n++;
  }
  return n;
}

/**
 * The matching key of a string (apply to normalised text: simplified characters). Brackets of every width become
 * ( ) and 《 》, dashes become -, white space and quotes are dropped, a year range becomes 2021-2025 (年 omitted or
 * not, dash lost or not, 至), 2019年版 becomes 2019版, and 《中华人民共和国X》 becomes 《X》.
 */
export function toKey(s: string): Keyed {
  // Pass 1: character classes.
  const k1 = new Uint16Array(s.length);
  const s1 = new Int32Array(s.length);
  const e1 = new Int32Array(s.length);
  const n1 = keyPass1(s, 0, s.length, k1, 0, s1, e1);
  // Pass 2: titles and year ranges.
  const text1 = codesText(k1, 0, n1);
  const starts: number[] = [];
  const ends: number[] = [];
  let key = '';
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    key += text1.slice(from, to);
    for (let j = from; j < to; j++) {
      starts.push(s1[j]!);
      ends.push(e1[j]!);
    }
  };
  const emit = (ch: string, st: number, en: number) => {
    key += ch;
    starts.push(st);
    ends.push(en);
  };
  let last = 0;
  YEAR_TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_TOKEN_RE.exec(text1))) {
    const at = m.index;
    if (m[0] === '《中华人民共和国') {
      copy(last, at);
      emit('《', s1[at]!, e1[at]!);
      last = at + m[0].length;
      continue;
    }
    if (m[4]) {
      // 2019年版 → 2019版
      copy(last, at + 4);
      last = at + 5;
      continue;
    }
    const y1 = Number(m[1]);
    const y2 = Number(m[3]);
    const sep = m[2];
    if (!sep && !(y2 > y1 && y2 - y1 <= 20)) {
      // Eight digits that are no period: leave them (skip the first year so the second can start a range).
      copy(last, at + 4);
      last = at + 4;
      YEAR_TOKEN_RE.lastIndex = at + 4;
      continue;
    }
    copy(last, at + 4);
    let j = at + 4;
    if (k1[j] === C_NIAN) j++;
    const y2At = sep ? j + 1 : j;
    if (sep) emit('-', s1[j]!, e1[j]!);
    else emit('-', s1[y2At]!, s1[y2At]!); // a lost dash: an empty source range
    copy(y2At, y2At + 4);
    last = at + m[0].length;
  }
  copy(last, n1);
  return { key, starts, ends };
}

/** Source range (relative to the keyed string) of key range [a, b). */
export function keySpan(k: Keyed, a: number, b: number): { start: number; end: number } {
  return { start: k.starts[a]!, end: k.ends[b - 1]! };
}

// The same key for every line of a document at once, as key characters only (no source ranges): the fast path of
// the scan, which only has to find the lines that contain a name. Pass 2 is YEAR_TOKEN_RE written out by hand, tried
// only where a match can start: at 《, at the first digit of a run (1 or 2), and four digits before a 年.

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** (?:19|20)\d{2} at k[i] (before hi). */
function yearAt(k: Uint16Array, i: number, hi: number): boolean {
  if (i + 4 > hi) return false;
  const a = k[i]!;
  const b = k[i + 1]!;
  return ((a === 0x31 && b === 0x39) || (a === 0x32 && b === 0x30)) && isDigit(k[i + 2]!) && isDigit(k[i + 3]!);
}

function yearValue(k: Uint16Array, i: number): number {
  return (k[i]! - 0x30) * 1000 + (k[i + 1]! - 0x30) * 100 + (k[i + 2]! - 0x30) * 10 + (k[i + 3]! - 0x30);
}

/** Keys of the spans [spanStart[i], spanEnd[i]) of s: key i is codes[from[i], to[i]), equal to toKey of the span. */
export interface SpanKeyCodes {
  codes: Uint16Array;
  from: Int32Array;
  to: Int32Array;
}

// Scratch buffers, kept between calls up to a size (the result of spanKeyCodes is valid until the next call).
const SCRATCH_MAX = 1 << 20;
let lineScratch = new Uint16Array(256);
let candScratch = new Int32Array(256);
let keyScratch = new Uint16Array(0);

/** Copies k1[a, b) to k2 at n; returns the new end. */
function copyCodes(k1: Uint16Array, a: number, b: number, k2: Uint16Array, n: number): number {
  if (b - a > 64) {
    k2.set(k1.subarray(a, b), n);
    return n + b - a;
  }
  for (let j = a; j < b; j++) k2[n++] = k1[j]!;
  return n;
}

/**
 * The keys of the spans [spanStart[i], spanEnd[i]) of s (the lines of a document), each equal to toKey of the span,
 * without source offsets. The codes live in a buffer that the next call may reuse.
 */
export function spanKeyCodes(s: string, spanStart: ArrayLike<number>, spanEnd: ArrayLike<number>, count: number): SpanKeyCodes {
  const map = keyMap();
  let total = 0;
  let longest = 0;
  for (let i = 0; i < count; i++) {
    const len = Math.max(0, Math.min(spanEnd[i]!, s.length) - Math.max(spanStart[i]!, 0));
    total += len;
    if (len > longest) longest = len;
  }
  // A run of eight digits gains a dash: room for one more character per eight.
  const cap = total + (total >> 3) + 8;
  let k2 = keyScratch;
  if (k2.length < cap) {
    k2 = new Uint16Array(cap);
    if (cap <= SCRATCH_MAX) keyScratch = k2;
  }
  let k1 = lineScratch;
  let cand = candScratch;
  if (k1.length < longest) {
    k1 = new Uint16Array(longest);
    cand = new Int32Array(longest);
    if (longest <= SCRATCH_MAX) {
      lineScratch = k1;
      candScratch = cand;
    }
  }
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  let n2 = 0;
  for (let li = 0; li < count; li++) {
    // Pass 1: character classes, into k1 from 0; note where pass 2 may match.
    const end = Math.min(spanEnd[li]!, s.length);
    let n = 0;
    let nc = 0;
    let dashEnd = -1; // source end of the dash just written, while it is the last key character
    let digit = false; // the last key character is a digit
    for (let i = Math.max(spanStart[li]!, 0); i < end; i++) {
      const out = map[s.charCodeAt(i)]!;
      if (out < 0) continue;
      if (out === C_DASH) {
        // A run of dashes (—— or --) is one dash.
        if (dashEnd === i) {
          dashEnd = i + 1;
          continue;
        }
        dashEnd = i + 1;
      } else dashEnd = -1;
      if (out >= 0x30 && out <= 0x39) {
        if (!digit && (out === 0x31 || out === 0x32)) cand[nc++] = n;
        digit = true;
      } else {
        digit = false;
        if (out === C_TITLE_OPEN) cand[nc++] = n;
        else if (out === C_NIAN && n >= 4 && isDigit(k1[n - 4]!) && isDigit(k1[n - 3]!) && isDigit(k1[n - 2]!) && isDigit(k1[n - 1]!)) cand[nc++] = n - 4;
      }
      k1[n++] = out;
    }
    // Pass 2: titles and year ranges, k1 → k2.
    from[li] = n2;
    const hi = n;
    let last = 0;
    let p = 0; // where the expression goes on looking (its lastIndex)
    for (let ci = 0; ci < nc; ci++) {
      const at = cand[ci]!;
      if (at < p) continue;
      if (k1[at] === C_TITLE_OPEN) {
        // 《中华人民共和国 → 《
        let prc = at + 8 <= hi;
        for (let j = 0; prc && j < 7; j++) prc = k1[at + 1 + j] === PRC[j];
        if (prc) {
          n2 = copyCodes(k1, last, at + 1, k2, n2);
          last = p = at + 8;
        }
        continue;
      }
      if (!yearAt(k1, at, hi)) continue;
      // A year range: (?<!\d)YYYY年?(-|至|到)?YYYY年?(?!\d)
      if (at === 0 || !isDigit(k1[at - 1]!)) {
        let q = at + 4;
        if (q < hi && k1[q] === C_NIAN) q++;
        const sc = q < hi ? k1[q]! : -1;
        const sep = sc === C_DASH || sc === C_ZHI || sc === C_DAO;
        const r = sep ? q + 1 : q;
        if (yearAt(k1, r, hi)) {
          let stop: number;
          if (r + 4 < hi && k1[r + 4] === C_NIAN) stop = r + 5 < hi && isDigit(k1[r + 5]!) ? r + 4 : r + 5;
          else stop = r + 4 < hi && isDigit(k1[r + 4]!) ? -1 : r + 4;
          if (stop >= 0) {
            const y1 = yearValue(k1, at);
            const y2 = yearValue(k1, r);
            if (!sep && !(y2 > y1 && y2 - y1 <= 20)) {
              // Eight digits that are no period: the second year may start a range (only as YYYY年版, inside a run).
              n2 = copyCodes(k1, last, at + 4, k2, n2);
              last = p = at + 4;
              continue;
            }
            n2 = copyCodes(k1, last, at + 4, k2, n2);
            k2[n2++] = C_DASH;
            n2 = copyCodes(k1, r, r + 4, k2, n2);
            last = p = stop;
            continue;
          }
        }
      }
      // YYYY年版 → YYYY版
      if (at + 6 <= hi && k1[at + 4] === C_NIAN && k1[at + 5] === C_BAN) {
        n2 = copyCodes(k1, last, at + 4, k2, n2);
        last = p = at + 5;
      }
    }
    n2 = copyCodes(k1, last, hi, k2, n2);
    to[li] = n2;
  }
  return { codes: k2, from, to };
}

// ---- Aho-Corasick ------------------------------------------------------------------------------------------------

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

// ---- compiled data -----------------------------------------------------------------------------------------------

interface Pattern {
  key: string;
  type: 'form' | 'allow' | 'protect';
  entry: number;
  form: number;
}

export interface CompiledNames {
  data: NamesData;
  ac: AhoCorasick;
  patterns: Pattern[];
  /** Key of a form → [entry index, form index] (exact whole-name look-up, used to follow replacement chains). */
  formsByKey: Map<string, [number, number]>;
  /** Parsed effective dates. */
  dates: { year: number; month: number; day: number }[];
  /** The forms of each entry as written in the data. */
  forms: NameForm[][];
  /** Guards of each form in simplified characters; whether the form is a 《title》. */
  guards: { before: string[]; after: string[]; title: boolean }[][];
  /** resolveTarget by entry, form and year (the data does not change once compiled). */
  targets: Map<string, { text: string; entry: NameEntry; entryIndex: number } | undefined>;
  /** Matching keys of replacement texts. */
  keys: Map<string, string>;
  /** Automaton states at which an old name (a pattern of type 'form') ends. */
  formStates: Uint8Array;
}

const compiledCache = new WeakMap<NamesData, CompiledNames>();

let t2s: ((s: string) => string) | undefined;
const simplifiedChars = new Map<string, string>();
/** Simplified form of a pattern (workspace files may be written in traditional characters). */
export function simplify(s: string): string {
  // Character by character, as model.norm does, so both sides of the match agree.
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code < 0x3400) {
      out += ch;
      continue;
    }
    let c = simplifiedChars.get(ch);
    if (c === undefined) {
      t2s ??= OpenCCTo.Converter({ from: 'hk', to: 'cn' });
      const r = t2s(ch);
      c = [...r].length === 1 ? r : ch;
      simplifiedChars.set(ch, c);
    }
    out += c;
  }
  return out;
}

export function parseDate(s: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return { year: Number(s.slice(0, 4)) || 0, month: 1, day: 1 };
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function compileNames(data: NamesData): CompiledNames {
  const hit = compiledCache.get(data);
  if (hit) return hit;
  const ac = new AhoCorasick();
  const patterns: Pattern[] = [];
  const formsByKey = new Map<string, [number, number]>();
  const forms: NameForm[][] = [];
  const guards: CompiledNames['guards'] = [];
  const add = (text: string, type: Pattern['type'], entry: number, form: number) => {
    const key = toKey(simplify(text)).key;
    if (!key) return;
    ac.add(key, patterns.length);
    patterns.push({ key, type, entry, form });
    return key;
  };
  data.entries.forEach((e, ei) => {
    const fs: NameForm[] = e.old.map((f) => (typeof f === 'string' ? { text: f } : f));
    forms.push(fs);
    guards.push(
      fs.map((f) => ({
        before: (f.notPrecededBy ?? []).map((g) => toKey(simplify(g)).key).filter(Boolean),
        after: (f.notFollowedBy ?? []).map((g) => toKey(simplify(g)).key).filter(Boolean),
        title: toKey(simplify(f.text)).key.startsWith('《'),
      })),
    );
    fs.forEach((f, fi) => {
      const key = add(f.text, 'form', ei, fi);
      if (key && !formsByKey.has(key)) formsByKey.set(key, [ei, fi]);
    });
  });
  // Current names protect the old names they contain (文化广电旅游局 contains 旅游局) — unless the current name is
  // itself outdated later (“七五”普法规划, the successor of “六五”, contains the later-outdated 七五普法).
  const dates = data.entries.map((e) => parseDate(e.effective));
  const ord = (d: { year: number; month: number; day: number }) => d.year * 10000 + d.month * 100 + d.day;
  const formKeys = patterns.filter((p) => p.type === 'form');
  data.entries.forEach((e, ei) => {
    for (const n of new Set([e.new, ...(e.localVariants ?? []), ...forms[ei]!.map((f) => f.new ?? '')])) {
      if (!n) continue;
      const key = toKey(simplify(n)).key;
      const laterOld = formKeys.some((p) => p.entry !== ei && ord(dates[p.entry]!) > ord(dates[ei]!) && key.includes(p.key));
      if (!laterOld) add(n, 'protect', ei, -1);
    }
  });
  data.allow.forEach((a, ai) => a.names.forEach((n) => add(n, 'allow', ai, -1)));
  ac.build();
  const formStates = ac.flagStates((id) => patterns[id]!.type === 'form');
  const compiled: CompiledNames = { data, ac, patterns, formsByKey, dates, forms, guards, targets: new Map(), keys: new Map(), formStates };
  compiledCache.set(data, compiled);
  return compiled;
}

// ---- scanning ----------------------------------------------------------------------------------------------------

/** One occurrence of an old name in the text, with its context already judged. */
export interface NameHit {
  entry: NameEntry;
  entryIndex: number;
  form: NameForm;
  /** Source offsets of the match in model.text. */
  start: number;
  end: number;
  /** Index into model.lines. */
  line: number;
  /** Why the occurrence is historical or otherwise not a current use (undefined: a current use). */
  history?: string;
  /** The range was widened to the 《 and/or 》 around a name written without them in the data. */
  wrapped?: { open: boolean; close: boolean };
}

type Match = { p: Pattern; a: number; b: number };

const SENTENCE_END = new Set([...'。!?;|\n']);
const CLAUSE_END = new Set([...'。!?;|\n,、:']);
/** Per code unit: 1 ends a sentence, 2 ends a clause. */
const ENDS = new Uint8Array(65536);
for (const ch of SENTENCE_END) ENDS[ch.charCodeAt(0)] = 1;
for (const ch of CLAUSE_END) ENDS[ch.charCodeAt(0)] = ENDS[ch.charCodeAt(0)]! | 2;

const PLACE = '(?:[\\u4e00-\\u9fff]{0,12}?(?:省|自治区|市|自治州|州|地区|盟|县|区|旗|镇|乡|街道|人民政府|政府))?';
/** 原 / 原来的 / 改革前 … right before the name, optionally with a place in between (原温州市法制办). */
const HISTORY_BEFORE = new RegExp(
  `(?:(?<![太平中草高九五还复开山燎])原(?:来的?|名为?|称)?(?![告因则理有始料件址本先创籍貌样生价值封文稿审判平])|(?:机构)?改革前的?|更名前的?|合并前的?|撤并前的?|组建前的?|以前的|过去的|当时的)${PLACE}$`,
);
/** 工商局（现市场监管局） / 工商局现已更名 … right after the name. */
const HISTORY_AFTER = /^(?:\((?:现|今|已|后)|现为|现已|现更名|已更名|更名为|改名为|改为|已撤销|已撤并|已合并|已并入|已整合|撤销|撤并|合并|并入|整合|改革为)/;
/** A sentence about the institutional reform itself. */
const REFORM_SENTENCE = /机构改革|组建|整合|合并|并入|划入|划转|转隶|撤销|撤并|更名|改名|挂牌|揭牌|职能调整|职责调整/;
/** A sentence about a law's repeal or its replacement. */
const LAW_HISTORY_SENTENCE = /废止|失效|取代|替代|施行前|施行以前|此前|旧法|修订前|修改前|修正前|废除/;
/** A plan cited as history. */
const PLAN_HISTORY_SENTENCE = /期间|期内|回顾|以来|总结|验收|收官|完成|结束|届满|期满|终期|中期|评估|衔接|过渡|历时|五年来|上一轮|上一个|此前|前期|之前|开局|谋划|编制|起草/;
/** A plan cited as the current guide: one of these words before it in the sentence … */
const PLAN_CURRENT_WORDS = ['按照', '根据', '依据', '依照', '遵照', '贯彻', '落实', '对照', '实施', '执行', '推进', '推动', '围绕', '开展', '深化', '深入', '指导', '指引', '对标', '要求', '部署'];
/** PLAN_CURRENT_WORDS by their first code unit. */
const PLAN_CURRENT_BY_FIRST = new Map<number, string[]>();
for (const w of PLAN_CURRENT_WORDS) {
  const c = w.charCodeAt(0);
  PLAN_CURRENT_BY_FIRST.set(c, [...(PLAN_CURRENT_BY_FIRST.get(c) ?? []), w]);
}
/** … or one of these right after it. */
const PLAN_CURRENT_AFTER = /^》?(?:的?(?:要求|部署|精神|规定|目标|任务|安排)|为指导|为统领|为引领|为抓手|为依据|提出|确定|明确)/;
const PLACE_ONLY = new RegExp(`^(?:、|和|与|及|以及|,)?${PLACE}$`);
const YEAR_NIAN_RE = /(?:19|20)\d{2}年/g;

function guardsPass(key: string, a: number, b: number, g: { before: string[]; after: string[] }): boolean {
  for (const x of g.before) if (a >= x.length && key.startsWith(x, a - x.length)) return false;
  for (const x of g.after) if (key.startsWith(x, b)) return false;
  return true;
}

/** Index of the first element of the sorted `xs` that is >= v (strict: > v). */
function bound(xs: ArrayLike<number>, v: number, strict: boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v || (strict && xs[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A set of spans [a, b) that answers overlap and containment questions: by looking at each span while there are few,
 * else in O(log n) from the spans sorted by start with the running maximum of their ends.
 */
class SpanSet {
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
    const n = bound(this.starts!, v, orAt);
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

/**
 * The key of one line and what the judgement of its names needs to know about it, computed once per line (sentence
 * and clause bounds, title nesting, years, cue words), so that each name on the line costs O(log n).
 */
class LineContext {
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

  constructor(readonly key: string) {
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
    const k = bound(this.yearAt, to - 5, true) - 1;
    if (k < 0 || this.yearAt[k]! < from) return undefined;
    return Number(this.key.slice(this.yearAt[k]!, this.yearAt[k]! + 4));
  }

  /** Whether one of PLAN_CURRENT_WORDS lies inside key[from, to). */
  citesAsCurrent(from: number, to: number): boolean {
    if (!this.cueStarts) {
      const starts: number[] = [];
      const ends: number[] = [];
      for (let i = 0; i < this.n; i++) {
        const ws = PLAN_CURRENT_BY_FIRST.get(this.key.charCodeAt(i));
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
    const k = bound(this.cueStarts, from, false);
    return k < this.cueStarts.length && this.cueMinEnd![k]! <= to;
  }
}

/** Plans on a line (sorted, not overlapping): is there one other than [a, b) inside the sentence [ss, se)? */
function otherPlanIn(plans: Match[], ss: number, se: number, a: number, b: number): boolean {
  // Plans inside the sentence are a run: starts at or after ss (a suffix), ends at or before se (a prefix).
  let lo = 0;
  let hi = plans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plans[mid]!.a < ss) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = plans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plans[mid]!.b <= se) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  if (first > last) return false;
  // The smallest end and the largest start of the run decide.
  return plans[first]!.b <= a || plans[last]!.a >= b;
}

/**
 * Why an occurrence is not a current use of the old name, or undefined. `prevHistory` is the previous hit on the
 * line when it was historical and only a list separator (and places) lies between (原工商局、质监局).
 */
function historyReason(
  ctx: LineContext,
  a: number,
  b: number,
  entry: NameEntry,
  formIsTitle: boolean,
  effDate: { year: number; month: number },
  prev: { b: number; history?: string } | undefined,
  otherPlans: Match[],
  targetKey: string | undefined,
): string | undefined {
  const key = ctx.key;
  const group = kindGroup(entry.kind);
  const cs = ctx.clauseStart(a);
  const before = key.slice(Math.max(cs, a - 24), a);
  if (HISTORY_BEFORE.test(before)) return 'marked-historical';
  if (prev?.history && PLACE_ONLY.test(key.slice(prev.b, a))) return 'listed-with-historical';
  const after = key.slice(b, b + 8);
  if (HISTORY_AFTER.test(after)) return 'explained-after';

  // Inside a 《…》 title.
  const enc = ctx.enclosingTitle(a, b);
  if (enc) {
    if (group === 'institution' || group === 'term') return 'inside-document-title';
    // A title-like name inside a longer title: only when the enclosing title ends with it (an issuer prefix, or an
    // edition in brackets, is allowed: 《中共中央、国务院…纲要》, 《…的解释（一）》).
    const tailEmpty = enc.close < 0 || enc.close === b;
    if (formIsTitle || !tailEmpty) {
      if (!(tailEmpty || ctx.editionTail(b, enc.close))) return 'inside-other-title';
      if (formIsTitle && enc.close < 0) return 'inside-other-title';
    }
  }

  const [ss, se] = ctx.sentence(a, b);
  if (group !== 'miscited') {
    // A year before the change named earlier in the sentence (2017年，县工商局…); a change in the last months of a
    // year leaves that year's work under the old name too.
    const y = ctx.lastYearBefore(ss, a);
    if (y !== undefined && (y < effDate.year || (y === effDate.year && effDate.month >= 10))) return 'earlier-year';
  }
  switch (group) {
    case 'institution':
      if (ctx.test(REFORM_SENTENCE, ss, se, 'reform')) return 'reform-sentence';
      break;
    case 'law':
    case 'revised':
      if (ctx.test(LAW_HISTORY_SENTENCE, ss, se, 'law')) return 'repeal-sentence';
      break;
    case 'plan': {
      if (ctx.test(PLAN_HISTORY_SENTENCE, ss, se, 'plan')) return 'plan-history';
      // The successor (or another plan) named in the same sentence: a comparison or a hand-over.
      if (targetKey && ctx.includes(targetKey, ss, se)) return 'successor-in-sentence';
      if (otherPlanIn(otherPlans, ss, se, a, b)) return 'other-plan-in-sentence';
      if (!ctx.citesAsCurrent(ss, a) && !PLAN_CURRENT_AFTER.test(key.slice(b, b + 8))) return 'not-cited-as-current';
      break;
    }
    default:
      break;
  }
  return undefined;
}

export interface ScanInput {
  text: string;
  norm: string;
  lines: ReportModel['lines'];
}

const scanCache = new WeakMap<object, Map<NamesData, NameHit[]>>();

/** Matching key of a replacement text (memoised per data set). */
function keyOfText(c: CompiledNames, text: string): string {
  let k = c.keys.get(text);
  if (k === undefined) c.keys.set(text, (k = toKey(simplify(text)).key));
  return k;
}

/**
 * All occurrences of old names in the lines of a model, longest match first, never overlapping, with allowed and
 * current names removed, and with the reason when the use is historical.
 *
 * The keys of all lines are built in one pass over the text and searched by one automaton; the context of a match
 * (guards, overlaps, history) is looked at only on the few lines that contain an old name.
 */
export function scanNames(model: ScanInput, data: NamesData = builtinNames): NameHit[] {
  let perData = scanCache.get(model);
  if (!perData) scanCache.set(model, (perData = new Map()));
  const cached = perData.get(data);
  if (cached) return cached;
  const c = compileNames(data);
  const hits: NameHit[] = [];
  const lines = model.lines;
  const table = lineTable(lines);
  const count = table.count;
  // Fast path: the keys of all lines in one pass, searched for the end of an old name. Only the lines that have one
  // are keyed again with source offsets and looked at in context.
  const keys = spanKeyCodes(model.norm, table.start, table.end, count);
  const withName: number[] = [];
  for (let li = 0; li < count; li++) if (c.ac.reaches(keys.codes, keys.from[li]!, keys.to[li]!, c.formStates)) withName.push(li);
  for (const li of withName) {
    const line = lines[li]!;
    const k = toKey(model.norm.slice(line.start, line.end));
    const key = k.key;
    const ctx = new LineContext(key);
    const all: Match[] = [];
    c.ac.search(key, (id, end) => {
      const p = c.patterns[id]!;
      all.push({ p, a: end - p.key.length, b: end });
    });
    const blockers = new SpanSet(all.filter((m) => m.p.type === 'allow'));
    const protectors = new SpanSet(all.filter((m) => m.p.type === 'protect'));
    let forms = all.filter((m) => {
      if (m.p.type !== 'form') return false;
      if (!guardsPass(key, m.a, m.b, c.guards[m.p.entry]![m.p.form]!)) return false;
      if (blockers.overlaps(m.a, m.b)) return false;
      if (protectors.containsLonger(m.a, m.b)) return false;
      return true;
    });
    // Leftmost-longest, non-overlapping.
    forms.sort((x, y) => x.a - y.a || y.b - y.a - (x.b - x.a));
    const longer = new SpanSet(forms);
    const chosen: Match[] = [];
    for (const m of forms) {
      if (longer.containsLonger(m.a, m.b)) continue;
      const last = chosen[chosen.length - 1];
      if (last && m.a < last.b) continue;
      chosen.push(m);
    }
    forms = chosen;
    const plans = forms.filter((m) => kindGroup(c.data.entries[m.p.entry]!.kind) === 'plan');
    let prev: { b: number; history?: string } | undefined;
    for (const m of forms) {
      const entry = c.data.entries[m.p.entry]!;
      const form = c.forms[m.p.entry]![m.p.form]!;
      const target = resolveTarget(c, m.p.entry, m.p.form, undefined);
      const targetKey = target ? keyOfText(c, target.text) : undefined;
      const title = c.guards[m.p.entry]![m.p.form]!.title;
      // A bare title (纲要（2021－2025年）) inside 《…》 is reported with its brackets, and is then a title itself.
      let a = m.a;
      let b = m.b;
      let wrapped: NameHit['wrapped'];
      if (!title && key[a - 1] === '《' && (key[b] === '》' || m.p.key.includes('》'))) {
        const close = key[b] === '》' && !m.p.key.includes('》');
        wrapped = { open: true, close };
        a--;
        if (close) b++;
      }
      const history = historyReason(ctx, a, b, entry, title || !!wrapped, c.dates[m.p.entry]!, prev, plans, targetKey);
      const span = keySpan(k, a, b);
      const hit: NameHit = { entry, entryIndex: m.p.entry, form, start: line.start + span.start, end: line.start + span.end, line: li, history };
      if (wrapped) hit.wrapped = wrapped;
      hits.push(hit);
      prev = { b, history };
    }
  }
  perData.set(data, hits);
  return hits;
}

// ---- judgement ---------------------------------------------------------------------------------------------------

/** Whether an entry applies in a report year (undefined year: unknown). */
export function appliesIn(c: CompiledNames, entryIndex: number, year: number | undefined): boolean {
  if (year === undefined) return true;
  return year >= c.dates[entryIndex]!.year;
}

/** The replacement text of a form in a report year, following chains (2018年版 → 2019年版 → 2020年版 …). */
export function resolveTarget(
  c: CompiledNames,
  entryIndex: number,
  formIndex: number,
  year: number | undefined,
): { text: string; entry: NameEntry; entryIndex: number } | undefined {
  const memo = `${entryIndex} ${formIndex} ${year}`;
  if (c.targets.has(memo)) return c.targets.get(memo);
  const target = followTarget(c, entryIndex, formIndex, year);
  c.targets.set(memo, target);
  return target;
}

function followTarget(
  c: CompiledNames,
  entryIndex: number,
  formIndex: number,
  year: number | undefined,
): { text: string; entry: NameEntry; entryIndex: number } | undefined {
  let ei = entryIndex;
  let entry = c.data.entries[ei]!;
  let text = c.forms[ei]![formIndex]!.new ?? entry.new;
  if (entry.noFix) return undefined;
  for (let hop = 0; hop < 6; hop++) {
    const next = c.formsByKey.get(keyOfText(c, text));
    if (!next || next[0] === ei) break;
    const [nei, nfi] = next;
    const ne = c.data.entries[nei]!;
    if (ne.noFix || year === undefined || !appliesIn(c, nei, year)) break;
    ei = nei;
    entry = ne;
    text = c.forms[nei]![nfi]!.new ?? ne.new;
  }
  return { text, entry, entryIndex: ei };
}

export interface NameVerdict {
  hit: NameHit;
  severity: Severity;
  /** The change took effect late in the report year (last three months): a hint only. */
  late: boolean;
  /** No report year known. */
  noYear: boolean;
  /** Resolved current name (after following chains), in simplified characters and canonical style. */
  target?: string;
  /** The entry whose data the target comes from (the end of the chain). */
  targetEntry: NameEntry;
  /** Quick-fix edit and the whole replaced name as it will read, in the document's style and script. */
  fix?: { edit: TextEdit; display: string };
}

/** Decide which hits are findings in the model's report year. */
export function judgeNames(model: ReportModel, data: NamesData = builtinNames): NameVerdict[] {
  const c = compileNames(data);
  const year = model.reportYear?.value;
  const out: NameVerdict[] = [];
  for (const hit of scanNames(model, data)) {
    if (hit.history) continue;
    if (!appliesIn(c, hit.entryIndex, year)) continue;
    const d = c.dates[hit.entryIndex]!;
    const entry = hit.entry;
    const late = year !== undefined && year === d.year && d.month >= 10 && (entry.effectivePrecision ?? 'day') !== 'year';
    const base: Severity = entry.severity ?? (entry.confidence === 'high' ? 'warning' : 'info');
    const noYear = year === undefined;
    // A mis-cited title is wrong whatever the year; everything else needs the year to be certain.
    const severity: Severity = late || (noYear && kindGroup(entry.kind) !== 'miscited') ? 'info' : base;
    const formIndex = c.forms[hit.entryIndex]!.indexOf(hit.form);
    const target = resolveTarget(c, hit.entryIndex, formIndex, year);
    let text = target?.text;
    if (text && hit.wrapped) {
      if (hit.wrapped.open && !text.startsWith('《')) text = '《' + text;
      if (hit.wrapped.close && !text.endsWith('》')) text += '》';
    }
    const v: NameVerdict = { hit, severity, late, noYear, targetEntry: target?.entry ?? entry, target: text };
    if (text) v.fix = renderReplacement(model, hit.start, hit.end, text);
    out.push(v);
  }
  return out;
}

// ---- replacement in the document's style ------------------------------------------------------------------------

let s2hk: ((s: string) => string) | undefined;
let s2tw: ((s: string) => string) | undefined;
const HK_ONLY = /[衞綫裏着峯麪]/;

/** What the replacements of one document share: whether it uses Hong Kong forms, its line breaks, line styles. */
interface DocumentStyle {
  text: string;
  hk?: boolean;
  newlines?: number[];
  /** Line [start, end) → whether full-width brackets are the majority. */
  fullLines: Map<string, boolean>;
}

const documentStyles = new WeakMap<object, DocumentStyle>();

function documentStyle(model: Pick<ReportModel, 'text'>): DocumentStyle {
  let d = documentStyles.get(model);
  if (!d || d.text !== model.text) documentStyles.set(model, (d = { text: model.text, fullLines: new Map() }));
  return d;
}

/** Converts simplified text to the document's traditional variant (Hong Kong forms when the document uses them). */
export function toDocumentScript(model: Pick<ReportModel, 'text' | 'traditional'>, s: string): string {
  if (!model.traditional) return s;
  const d = documentStyle(model);
  d.hk ??= HK_ONLY.test(model.text);
  if (d.hk) {
    s2hk ??= OpenCCFrom.Converter({ from: 'cn', to: 'hk' });
    return s2hk(s);
  }
  s2tw ??= OpenCCFrom.Converter({ from: 'cn', to: 'tw' });
  return s2tw(s);
}

/** Bracket and dash style of a source range (and, when it has none, of its line). */
function styleOf(model: Pick<ReportModel, 'text'>, start: number, end: number): { full: boolean; dash: string; fullDigits: boolean } {
  const text = model.text;
  const seg = text.slice(start, end);
  let full: boolean | undefined;
  if (/[（）〔〕【】［］]/.test(seg)) full = true;
  else if (/[()[\]]/.test(seg)) full = false;
  if (full === undefined) {
    // The line around the range: from after the last \n before start to the first \n at or after end.
    const d = documentStyle(model);
    if (!d.newlines) {
      const nl: number[] = [];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) nl.push(i);
      d.newlines = nl;
    }
    const k = bound(d.newlines, start, false);
    const ls = k > 0 ? d.newlines[k - 1]! + 1 : 0;
    const j = bound(d.newlines, end, false);
    const le = j < d.newlines.length ? d.newlines[j]! : text.length;
    const lineKey = `${ls} ${le}`;
    full = d.fullLines.get(lineKey);
    if (full === undefined) {
      const line = text.slice(ls, le);
      const nf = (line.match(/[（）]/g) ?? []).length;
      const nh = (line.match(/[()]/g) ?? []).length;
      d.fullLines.set(lineKey, (full = nf >= nh));
    }
  }
  const dm = [...seg].find((ch) => DASH.has(ch));
  const dash = dm ?? (full ? '－' : '-');
  const fullDigits = /[０-９]/.test(seg);
  return { full, dash, fullDigits };
}

function restyle(s: string, st: { full: boolean; dash: string; fullDigits: boolean }): string {
  let out = '';
  for (const ch of s) {
    if (ch === '(' || ch === '（') out += st.full ? '（' : '(';
    else if (ch === ')' || ch === '）') out += st.full ? '）' : ')';
    else if (DASH.has(ch)) out += st.dash;
    else if (st.fullDigits && ch >= '0' && ch <= '9') out += String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
    else out += ch;
  }
  return out;
}

/**
 * The smallest edit that turns the name at [start, end) into `target`: the common beginning and end of the two
 * keys stay as written (so 中华人民共和国, quotes, 年, bracket widths and the place prefix are kept), and only the
 * differing middle is replaced, in the document's bracket/dash width and script.
 */
export function renderReplacement(
  model: Pick<ReportModel, 'text' | 'norm' | 'traditional'>,
  start: number,
  end: number,
  target: string,
): { edit: TextEdit; display: string } | undefined {
  const src = toKey(model.norm.slice(start, end));
  const tgt = toKey(simplify(target));
  const K = src.key;
  const N = tgt.key;
  if (K === N) return undefined;
  let p = 0;
  while (p < K.length && p < N.length && K[p] === N[p]) p++;
  let s = 0;
  while (s < K.length - p && s < N.length - p && K[K.length - 1 - s] === N[N.length - 1 - s]) s++;
  const kEnd = K.length - s;
  const nEnd = N.length - s;
  let es: number;
  let ee: number;
  if (kEnd > p) {
    es = src.starts[p]!;
    ee = src.ends[kEnd - 1]!;
  } else {
    es = ee = p > 0 ? src.ends[p - 1]! : kEnd < K.length ? src.starts[kEnd]! : 0;
  }
  let mid = nEnd > p ? target.slice(tgt.starts[p]!, tgt.ends[nEnd - 1]!) : '';
  mid = toDocumentScript(model, restyle(mid, styleOf(model, start, end)));
  const edit: TextEdit = { start: start + es, end: start + ee, newText: mid };
  const display = model.text.slice(start, start + es) + mid + model.text.slice(start + ee, end);
  return { edit, display };
}

// ---- formatting helpers for messages ---------------------------------------------------------------------------

export function formatEffective(entry: NameEntry, locale: 'zh' | 'en'): string {
  const d = parseDate(entry.effective);
  const p = entry.effectivePrecision ?? 'day';
  if (locale === 'en') return p === 'year' ? `${d.year}` : p === 'month' ? entry.effective.slice(0, 7) : entry.effective;
  return p === 'year' ? `${d.year}年` : p === 'month' ? `${d.year}年${d.month}月` : `${d.year}年${d.month}月${d.day}日`;
}

// ---- workspace names file (.report-lint/names.json) --------------------------------------------------------------

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_FORM = 200;
const MAX_WORKSPACE_ENTRIES = 2000;

export interface LoadedNames {
  entries: NameEntry[];
  allow: AllowEntry[];
  errors: string[];
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/**
 * Validates one entry (built-in or workspace). Returns problems as short phrases. `requireTests`: built-in data must
 * carry tests; a workspace file may omit them.
 */
export function validateEntry(e: unknown, requireTests: boolean): string[] {
  const errs: string[] = [];
  if (!e || typeof e !== 'object' || Array.isArray(e)) return ['not an object / 不是对象'];
  const o = e as Record<string, unknown>;
  if (typeof o.id !== 'string' || !ID_RE.test(o.id)) errs.push('"id" must be kebab-case text / "id" 须为小写字母、数字和连字符');
  if (typeof o.kind !== 'string' || !(NAME_KINDS as readonly string[]).includes(o.kind))
    errs.push(`"kind" must be one of ${NAME_KINDS.join(', ')} / "kind" 取值无效`);
  if (!Array.isArray(o.old) || o.old.length === 0) errs.push('"old" must be a non-empty array / "old" 须为非空数组');
  else
    o.old.forEach((f, i) => {
      const text = typeof f === 'string' ? f : f && typeof f === 'object' ? (f as NameForm).text : undefined;
      if (typeof text !== 'string' || text.trim().length < 2) errs.push(`"old"[${i}] must be a name of at least 2 characters / "old"[${i}] 至少两个字`);
      else if (text.length > MAX_FORM) errs.push(`"old"[${i}] is too long / "old"[${i}] 过长`);
      if (f && typeof f === 'object') {
        const ff = f as unknown as Record<string, unknown>;
        for (const g of ['notPrecededBy', 'notFollowedBy'])
          if (ff[g] !== undefined && !isStringArray(ff[g])) errs.push(`"old"[${i}].${g} must be an array of strings / 须为字符串数组`);
        if (ff.new !== undefined && typeof ff.new !== 'string') errs.push(`"old"[${i}].new must be text / 须为文本`);
        for (const k of Object.keys(ff))
          if (!['text', 'new', 'notPrecededBy', 'notFollowedBy'].includes(k)) errs.push(`"old"[${i}]: unknown field "${k}" / 未知字段`);
      }
    });
  if (typeof o.new !== 'string' || !o.new.trim()) errs.push('"new" must be text / "new" 须为文本');
  if (typeof o.effective !== 'string' || !DATE_RE.test(o.effective) || Number.isNaN(Date.parse(o.effective)))
    errs.push('"effective" must be a date YYYY-MM-DD / "effective" 须为 YYYY-MM-DD 日期');
  if (o.effectivePrecision !== undefined && !['day', 'month', 'year'].includes(o.effectivePrecision as string))
    errs.push('"effectivePrecision" must be day, month or year');
  if (o.period !== undefined) {
    const p = o.period;
    if (!Array.isArray(p) || p.length !== 2 || !p.every((x) => Number.isInteger(x)) || (p[0] as number) > (p[1] as number))
      errs.push('"period" must be [startYear, endYear] / "period" 须为 [起始年, 结束年]');
  }
  if (o.localVariants !== undefined && !isStringArray(o.localVariants)) errs.push('"localVariants" must be an array of strings');
  if (typeof o.source !== 'string' || !o.source.trim()) errs.push('"source" must cite where the change is documented / "source" 须注明依据');
  if (!['high', 'medium', 'low'].includes(o.confidence as string)) errs.push('"confidence" must be high, medium or low');
  if (o.note !== undefined && typeof o.note !== 'string') errs.push('"note" must be text');
  if (o.severity !== undefined && !['warning', 'info'].includes(o.severity as string)) errs.push('"severity" must be warning or info');
  if (o.noFix !== undefined && typeof o.noFix !== 'boolean') errs.push('"noFix" must be true or false');
  if (o.tests !== undefined || requireTests) {
    const t = o.tests as Record<string, unknown> | undefined;
    if (!t || typeof t !== 'object' || !isStringArray(t.flag) || !isStringArray(t.pass))
      errs.push('"tests" must be {"flag": [sentences], "pass": [sentences]}');
    else if (requireTests && (t.flag.length === 0 || t.pass.length === 0)) errs.push('"tests" needs at least one "flag" and one "pass" sentence');
  }
  const known = ['id', 'kind', 'old', 'new', 'effective', 'effectivePrecision', 'period', 'localVariants', 'source', 'confidence', 'note', 'severity', 'noFix', 'tests'];
  for (const k of Object.keys(o)) if (!known.includes(k)) errs.push(`unknown field "${k}" / 未知字段 "${k}"`);
  return errs;
}

export function validateAllow(a: unknown): string[] {
  const errs: string[] = [];
  if (!a || typeof a !== 'object' || Array.isArray(a)) return ['not an object / 不是对象'];
  const o = a as Record<string, unknown>;
  if (typeof o.id !== 'string' || !ID_RE.test(o.id)) errs.push('"id" must be kebab-case text');
  if (!isStringArray(o.names) || o.names.length === 0 || o.names.some((n) => n.trim().length < 2))
    errs.push('"names" must be a non-empty array of names (2+ characters)');
  if (typeof o.source !== 'string' || !o.source.trim()) errs.push('"source" must be text');
  return errs;
}

/**
 * Reads a workspace names file (`.report-lint/names.json`): `{ "entries": [...], "allow": [...] }` or a bare array
 * of entries. Patterns are literal strings (no regular expressions), so nothing a user writes can make matching slow.
 * Invalid entries are skipped with an error naming the file, the entry and the problem; the caller keeps the
 * built-in data either way.
 */
export function loadNamesFile(text: string, fileName: string): LoadedNames {
  const errors: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { entries: [], allow: [], errors: [`${fileName}: 不是有效的 JSON / not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  let rawEntries: unknown[] = [];
  let rawAllow: unknown[] = [];
  if (Array.isArray(json)) rawEntries = json;
  else if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (o.entries !== undefined && !Array.isArray(o.entries)) errors.push(`${fileName}: "entries" 须为数组 / must be an array`);
    else rawEntries = (o.entries as unknown[] | undefined) ?? [];
    if (o.allow !== undefined && !Array.isArray(o.allow)) errors.push(`${fileName}: "allow" 须为数组 / must be an array`);
    else rawAllow = (o.allow as unknown[] | undefined) ?? [];
    for (const k of Object.keys(o))
      if (!['entries', 'allow', 'version', '$schema', '$comment'].includes(k)) errors.push(`${fileName}: 未知字段 / unknown field "${k}"`);
  } else {
    return { entries: [], allow: [], errors: [`${fileName}: 须为对象或数组 / must be an object or an array`] };
  }
  // Size guard: a workspace file must not be able to make matching slow.
  if (rawEntries.length > MAX_WORKSPACE_ENTRIES) {
    errors.push(`${fileName}: 条目过多（${rawEntries.length} 条，上限 ${MAX_WORKSPACE_ENTRIES}），只读取前 ${MAX_WORKSPACE_ENTRIES} 条 / too many entries; only the first ${MAX_WORKSPACE_ENTRIES} are read`);
    rawEntries = rawEntries.slice(0, MAX_WORKSPACE_ENTRIES);
  }
  const entries: NameEntry[] = [];
  const ids = new Set<string>(builtinNames.entries.map((e) => e.id));
  rawEntries.forEach((e, i) => {
    const label = `${fileName}: entries[${i}]${e && typeof e === 'object' && typeof (e as NameEntry).id === 'string' ? ` (${(e as NameEntry).id})` : ''}`;
    const errs = validateEntry(e, false);
    const id = (e as NameEntry | undefined)?.id;
    if (!errs.length && ids.has(id!)) errs.push(`id "${id}" is already used / id 重复`);
    if (errs.length) {
      for (const m of errs) errors.push(`${label}: ${m}`);
      return;
    }
    ids.add(id!);
    entries.push(e as NameEntry);
  });
  const allow: AllowEntry[] = [];
  rawAllow.forEach((a, i) => {
    const errs = validateAllow(a);
    if (errs.length) for (const m of errs) errors.push(`${fileName}: allow[${i}]: ${m}`);
    else allow.push(a as AllowEntry);
  });
  return { entries, allow, errors };
}

const mergedCache = new WeakMap<NameEntry[], WeakMap<AllowEntry[], NamesData>>();

/** Built-in data plus workspace entries (workspace entries come first so that they win on equal names). */
export function withWorkspaceNames(entries: NameEntry[] = [], allow: AllowEntry[] = []): NamesData {
  if (!entries.length && !allow.length) return builtinNames;
  let byAllow = mergedCache.get(entries);
  if (!byAllow) mergedCache.set(entries, (byAllow = new WeakMap()));
  let d = byAllow.get(allow);
  if (!d) {
    d = { version: 1, entries: [...entries, ...builtinNames.entries], allow: [...allow, ...builtinNames.allow] };
    byAllow.set(allow, d);
  }
  return d;
}

// ---- shared by the two checks ------------------------------------------------------------------------------------

/**
 * The names data of a check run: built-in data, plus workspace entries when the framework put them on the context
 * (`names`, built with withWorkspaceNames from `.report-lint/names.json`).
 */
export function namesOf(ctx: { model: ReportModel }): NamesData {
  return (ctx as { names?: NamesData }).names ?? builtinNames;
}

const verdictCache = new WeakMap<ReportModel, Map<NamesData, NameVerdict[]>>();

/** judgeNames, computed once per model and data set (both checks use it). */
export function verdictsOf(model: ReportModel, data: NamesData): NameVerdict[] {
  let m = verdictCache.get(model);
  if (!m) verdictCache.set(model, (m = new Map()));
  let v = m.get(data);
  if (!v) m.set(data, (v = judgeNames(model, data)));
  return v;
}
