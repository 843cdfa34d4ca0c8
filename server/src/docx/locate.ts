// From an offset in the Markdown made of a .docx back to Word: paragraph number, table/row/cell, and a short quote
// of the text around the finding (so that it can be found with Ctrl+F in Word).
import type { Locale, Span } from '../analysis/types';
import type { DocxDocument, PlacedSpan, WordPlace } from './read-docx';

export interface WordLocation extends WordPlace {
  /** The finding's text with a little context, as it reads in Word. */
  quote: string;
}

/** The placed span containing `offset`, else the nearest one before it (or the first). */
function spanAt(spans: PlacedSpan[], offset: number): PlacedSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return spans[best] ?? spans[0];
}

const CONTEXT = 10;
const MAX_INNER = 24;

/** A quote of `span` inside `within` (one paragraph or cell): a little text either side, long spans shortened. */
export function quote(text: string, span: Span, within: Span): string {
  const s = Math.max(within.start, Math.min(span.start, within.end));
  let e = Math.max(s, Math.min(span.end, within.end));
  let cut = '';
  if (e - s > MAX_INNER) {
    e = s + MAX_INNER;
    cut = '…';
  }
  const from = Math.max(within.start, s - CONTEXT);
  const to = cut ? e : Math.min(within.end, e + CONTEXT);
  const body = text.slice(from, to).replace(/\s*\n\s*/g, ' ');
  return (from > within.start ? '…' : '') + body + (cut || (to < within.end ? '…' : ''));
}

export function wordLocation(doc: DocxDocument, span: Span): WordLocation {
  const hit = spanAt(doc.spans, span.start);
  if (!hit) return { paragraph: 0, quote: '' };
  return { ...hit.place, quote: quote(doc.text, span, hit) };
}

/** 第12段 / 第1段第5行 / 表2第3行第1列（第40段） — paragraph 12 / paragraph 1 line 5 / table 2 row 3 cell 1 (paragraph 40). */
export function formatPlace(p: WordPlace, locale: Locale): string {
  if (p.table !== undefined) {
    return locale === 'en'
      ? `table ${p.table} row ${p.row} cell ${p.cell} (paragraph ${p.paragraph})`
      : `表${p.table}第${p.row}行第${p.cell}列（第${p.paragraph}段）`;
  }
  if (p.line !== undefined) return locale === 'en' ? `paragraph ${p.paragraph} line ${p.line}` : `第${p.paragraph}段第${p.line}行`;
  return locale === 'en' ? `paragraph ${p.paragraph}` : `第${p.paragraph}段`;
}
