// Heading names and section extents shared by document symbols and the structure view.
import type { Section } from '../analysis/types';

export function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** The heading as the reader sees it: numbering marker plus title. */
export function headingName(text: string, s: Section): string {
  const marker = s.numbering ? text.slice(s.numbering.start, s.numbering.start + s.numbering.raw.length) : '';
  return (marker + text.slice(s.titleSpan.start, s.titleSpan.end)).trim();
}
