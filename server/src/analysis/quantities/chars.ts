// Character tables of the quantity scanner: classes by code unit, Chinese digit values, and small lookup
// structures keyed by code unit (one array read per character, no one-character strings).

export const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const CN_SMALL_UNIT: Record<string, bigint> = { 十: 10n, 百: 100n, 千: 1000n };

// Character classes by code unit (one table lookup per character in the scan; no one-character strings).
export const CH_DIGIT = 1;
export const CH_CN = 2;
export const CH_LATIN = 4;
export const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = CH_DIGIT;
for (let c = 65; c <= 90; c++) CHAR_CLASS[c] = CH_LATIN;
for (let c = 97; c <= 122; c++) CHAR_CLASS[c] = CH_LATIN;
for (const ch of '零〇一二两三四五六七八九十百千万亿') CHAR_CLASS[ch.charCodeAt(0)] = CH_CN;
/** Value + 1 of a Chinese digit character (0 = not a digit). */
export const CN_DIGIT_VAL = new Int8Array(0x10000);
for (const [ch, v] of Object.entries(CN_DIGIT)) CN_DIGIT_VAL[ch.charCodeAt(0)] = v + 1;
const cls = (c: string | undefined) => (c === undefined ? 0 : CHAR_CLASS[c.charCodeAt(0)]!);
export const isDigit = (c: string | undefined) => cls(c) === CH_DIGIT;
/** Class of the code unit at i (0 outside the string). */
export const clsAt = (s: string, i: number): number => CHAR_CLASS[s.charCodeAt(i)] ?? 0;
export const digitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** A table of code units: 1 for each character of `chars`. */
export function codeSet(chars: Iterable<string>): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}

/** Lists by code unit: a byte per code unit indexes the lists (0 = none). */
export class CodeLists<T> {
  private readonly index = new Uint8Array(0x10000);
  private readonly lists: T[][] = [[]];
  add(code: number, item: T) {
    if (!this.index[code]) {
      if (this.lists.length > 255) throw new Error('CodeLists: too many lists');
      this.index[code] = this.lists.length;
      this.lists.push([]);
    }
    this.lists[this.index[code]!]!.push(item);
  }
  get(code: number): T[] | undefined {
    const k = this.index[code];
    return k ? this.lists[k] : undefined;
  }
}

export const C_SPACE = 32;
export const C_PERCENT = 37;
export const C_COMMA = 44;
export const C_DOT = 46;
export const C_PERMILLE = 0x2030; // ‰
export const C_BAI = 0x767e; // 百
export const C_SHI = 0x5341; // 十
export const C_QIAN = 0x5343; // 千
export const C_WAN = 0x4e07; // 万
export const C_YI = 0x4ebf; // 亿
export const C_YU = 0x4f59; // 余
export const C_DUO = 0x591a; // 多
export const C_DIAN = 0x70b9; // 点
export const C_FEN = 0x5206; // 分
export const C_LING = 0x96f6; // 零
export const C_LING2 = 0x3007; // 〇
export const C_DI = 0x7b2c; // 第
export const C_ZHOU = 0x5468; // 周
export const C_QI = 0x671f; // 期
export const C_XING = 0x661f; // 星
export const C_ZUI = 0x6700; // 最
export const C_FU = 0x9644; // 附
export const C_JU = 0x3002; // 。
