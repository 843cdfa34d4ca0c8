// Word's automatic numbering formats (w:numFmt values of ECMA-376 §17.18.59) rendered as the text Word shows.
// Pure functions; a format without a rendering here falls back to decimal and the caller reports it.

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL_SIMPLIFIED = '零壹贰叁肆伍陆柒捌玖';
const CN_LEGAL_TRADITIONAL = '零壹貳參肆伍陸柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/**
 * Chinese counting numerals as written in headings: 一 … 十, 十一, 二十, 一百零一, 一千零一十.
 * `digits` are the characters for 0–9, `units` for 十 百 千 万.
 */
function counting(n: number, digits: string, units: [string, string, string, string], zero = digits[0]!): string {
  if (n === 0) return digits[0]!;
  // Inside a number a zero is written 零 (一百零一), standing alone 〇.
  digits = zero + digits.slice(1);
  if (n >= 100_000_000) return String(n);
  const wan = Math.floor(n / 10_000);
  const rest = n % 10_000;
  let out = '';
  if (wan) out = below10k(wan, digits, units, true) + units[3];
  if (rest) {
    if (wan && rest < 1000) out += digits[0];
    out += below10k(rest, digits, units, !wan);
  }
  return out;
}

function below10k(n: number, digits: string, units: [string, string, string, string], leading: boolean): string {
  const d = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const u = [units[2], units[1], units[0], ''];
  let out = '';
  let zero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const v = d[i]!;
    if (v === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一 rather than 一十一 at the start of a number (Word's chineseCounting does the same).
    if (!(i === 2 && v === 1 && !started && leading)) out += digits[v];
    out += u[i];
    started = true;
  }
  return out;
}

function digitByDigit(n: number, digits: string): string {
  return String(n)
    .split('')
    .map((c) => digits[Number(c)])
    .join('');
}

function letters(n: number, base: string): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: a … z, aa … zz, aaa …
  const ch = base[(n - 1) % 26]!;
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function enclosed(n: number, ranges: [number, number, number][]): string | undefined {
  for (const [from, to, code] of ranges) if (n >= from && n <= to) return String.fromCodePoint(code + n - from);
  return undefined;
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** The formats this module renders (others fall back to decimal). */
export const KNOWN_FORMATS = new Set([
  'decimal', 'decimalZero', 'decimalHalfWidth', 'decimalFullWidth', 'decimalFullWidth2', 'decimalEnclosedParen',
  'decimalEnclosedCircle', 'decimalEnclosedCircleChinese', 'decimalEnclosedFullstop', 'ideographEnclosedCircle',
  'chineseCounting', 'chineseCountingThousand', 'chineseLegalSimplified', 'ideographTraditional', 'ideographZodiac',
  'ideographZodiacTraditional', 'ideographDigital', 'ideographLegalTraditional', 'taiwaneseCounting',
  'taiwaneseCountingThousand', 'taiwaneseDigital', 'japaneseCounting', 'japaneseDigitalTenThousand', 'japaneseLegal',
  'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'bullet', 'none',
]);

/** The text of counter value `n` in Word's number format `fmt` (bullet and none give ''). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? '0' + n : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return digitByDigit(n, FULL_WIDTH_DIGITS);
    case 'decimalEnclosedParen':
      return enclosed(n, [[1, 20, 0x2474]]) ?? `(${n})`;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, [[1, 20, 0x2460], [21, 35, 0x3251], [36, 50, 0x32b1]]) ?? String(n);
    case 'decimalEnclosedFullstop':
      return enclosed(n, [[1, 20, 0x2488]]) ?? `${n}.`;
    case 'ideographEnclosedCircle':
      return enclosed(n, [[1, 10, 0x3220]]) ?? `(${counting(n, CN_DIGITS, ['十', '百', '千', '万'], '零')})`;
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
    case 'japaneseDigitalTenThousand':
      return counting(n, CN_DIGITS, ['十', '百', '千', '万'], '零');
    case 'chineseLegalSimplified':
      return counting(n, CN_LEGAL_SIMPLIFIED, ['拾', '佰', '仟', '万']);
    case 'ideographLegalTraditional':
      return counting(n, CN_LEGAL_TRADITIONAL, ['拾', '佰', '仟', '萬']);
    case 'japaneseLegal':
      return counting(n, '零壱弐参四伍六七八九', ['拾', '百', '千', '萬']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return digitByDigit(n, CN_DIGITS);
    case 'ideographTraditional':
      return n >= 1 ? HEAVENLY_STEMS[(n - 1) % 10]! : String(n);
    case 'ideographZodiac':
      return n >= 1 ? EARTHLY_BRANCHES[(n - 1) % 12]! : String(n);
    case 'ideographZodiacTraditional':
      return n >= 1 ? HEAVENLY_STEMS[(n - 1) % 10]! + EARTHLY_BRANCHES[(n - 1) % 12]! : String(n);
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}
