// Brackets around figures: titles 《》, document numbers 〔〕【】[] and short quotes protect the numbers inside them
// (they are not quantities).

const OPENERS: Record<number, number> = { 0x300a: 0x300b, 0x3014: 0x3015, 0x3010: 0x3011, 91: 93, 0x201c: 0x201d, 0x300c: 0x300d, 0x2018: 0x2019, 0x3008: 0x3009 };
const CLOSERS = new Map<number, number>(Object.entries(OPENERS).map(([o, c]) => [c, Number(o)]));
/** 1 = opener, 2 = closer. */
export const BRACKET = new Uint8Array(0x10000);
for (const [o, c] of Object.entries(OPENERS)) (BRACKET[Number(o)] = 1), (BRACKET[c] = 2);
const QUOTE_OPENERS = new Set([0x201c, 0x300c, 0x2018]);

/** Keeps at most this many openers (pairs of entries) on a bracket stack. */
export const BRACKET_STACK_MAX = 64;

/**
 * Closes the innermost opener of a closer's kind on a bracket stack (pairs: opener code, position), dropping the
 * openers above it; the opener's position, or -1 when there is none.
 */
function closeBracket(stack: number[], c: number): number {
  const open = CLOSERS.get(c);
  if (open === undefined) return -1;
  let k = stack.length - 2;
  while (k >= 0 && stack[k] !== open) k -= 2;
  if (k < 0) return -1;
  const s = stack[k + 1]!;
  stack.length = k;
  return s;
}

/** Regions where numbers are not quantities: titles 《》, document numbers 〔〕【】[], short quotes (slogans). */
export function protectedRanges(norm: string, start: number, end: number): number[] {
  const ranges: number[] = [];
  const stack: number[] = []; // pairs: opener code, position
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    const kind = BRACKET[c];
    if (!kind) continue;
    if (kind === 1) {
      if (stack.length < BRACKET_STACK_MAX) stack.push(c, i);
      continue;
    }
    const open = CLOSERS.get(c)!;
    const s = closeBracket(stack, c);
    if (s < 0) continue;
    // quotes protect slogans (“最多跑一次”, “12345”), not long quoted passages
    if (!QUOTE_OPENERS.has(open) || i - s <= 16) ranges.push(s, i + 1);
  }
  return ranges;
}

/** Is pos inside one of the ranges (pairs: start, end)? */
export function inRanges(ranges: number[], pos: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (pos >= ranges[k]! && pos < ranges[k + 1]!) return true;
  return false;
}

/** closeBracket on a stack held in stack[0, n): the new n. */
export function closeBracketIn(stack: number[], n: number, c: number): number {
  const open = CLOSERS.get(c);
  if (open === undefined) return n;
  let k = n - 2;
  while (k >= 0 && stack[k] !== open) k -= 2;
  return k < 0 ? n : k;
}
