// Traditional → simplified, character by character (one code unit for one, so offsets stay aligned): the one
// conversion under model.norm and under the names data, so both sides of a match agree.
import * as OpenCC from 'opencc-js/t2cn';

let t2s: ((s: string) => string) | undefined;
/** The simplified form of each code unit, filled lazily (0 = not looked up yet). */
const table = new Uint16Array(0x10000);

/** Is the code unit a CJK ideograph that may have a simplified form (Extension A, the unified and the compatibility ideographs)? */
function convertible(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** The simplified form of a code unit: a traditional ideograph becomes its simplified form when that is one code unit too. */
export function simplifiedCode(code: number): number {
  if (!convertible(code)) return code;
  const cached = table[code]!;
  if (cached !== 0) return cached;
  t2s ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  const out = t2s(String.fromCharCode(code));
  // Only 1:1 code-unit replacements keep offsets aligned; anything else stays as it is.
  const mapped = out.length === 1 ? out.charCodeAt(0) : code;
  table[code] = mapped;
  return mapped;
}

/** The simplified form of a string, of the same length. */
export function simplify(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const m = simplifiedCode(c);
    if (m !== c) {
      out += s.slice(from, i) + String.fromCharCode(m);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}
