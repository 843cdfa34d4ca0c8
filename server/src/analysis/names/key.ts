// The matching key: the normalised text (`model.norm`: simplified characters, half-width ASCII) with brackets,
// dashes, quotes, white space, year ranges and the 中华人民共和国 prefix of titles canonicalised. Every key character
// remembers the source range it came from, so a match is reported on the original characters. line-keys.ts builds
// the same key for all lines of a document at once, without source ranges.

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
const DASHES = '-－—–‐‑‒―~～〜─━﹣﹘⁓';
export const DASH = new Set([...DASHES]);

const YEAR_TOKEN_RE = /《中华人民共和国|(?<!\d)((?:19|20)\d{2})年?(-|至|到)?((?:19|20)\d{2})年?(?!\d)|((?:19|20)\d{2})年(?=版)/g;

export const C_DASH = 0x2d; // -
export const C_TITLE_OPEN = 0x300a; // 《
export const C_NIAN = 0x5e74; // 年
export const C_BAN = 0x7248; // 版
export const C_ZHI = 0x81f3; // 至
export const C_DAO = 0x5230; // 到
export const PRC = [...'中华人民共和国'].map((ch) => ch.charCodeAt(0));

let keyMapTable: Int32Array | undefined;
/**
 * Key character of every UTF-16 code unit, or -1 when it is dropped: full-width ASCII becomes half-width, brackets
 * of every width become ( ) and 《 》, dashes become -.
 */
export function keyMap(): Int32Array {
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

