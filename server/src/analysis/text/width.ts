// Character width: full-width ASCII forms (！ … ～, among them the digits ０–９) and their half-width forms.

/** The half-width form of a full-width ASCII form (！ … ～ → ! … ~); any other code unit as it is. */
export function halfWidthCode(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
}

/** Is the code unit a full-width digit (０–９)? */
export function isFullWidthDigit(code: number): boolean {
  return code >= 0xff10 && code <= 0xff19;
}

/** Does the text hold a full-width digit? */
export function hasFullWidthDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isFullWidthDigit(s.charCodeAt(i))) return true;
  return false;
}

/** Digits written full-width (2024 → ２０２４; a decimal point between digits becomes ．: 99.3 → ９９．３). */
export function fullWidthDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) out += String.fromCharCode(c + 0xfee0);
    else if (c === 46 && isAsciiDigit(s.charCodeAt(i - 1)) && isAsciiDigit(s.charCodeAt(i + 1))) out += '．';
    else out += s[i];
  }
  return out;
}

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
