// Edits built from findings: "fix all" and the suppression comment.
import type { Analysis } from './analysis';
import type { ReportModel, TextEdit } from './analysis/types';
import { lineOfOffset } from './analysis/model';

/** The first fix of every finding that is safe to apply unreviewed, without overlaps, in document order. */
export function fixAllEdits(analysis: Analysis): TextEdit[] {
  const candidates: TextEdit[][] = [];
  for (const f of analysis.findings) {
    const fx = f.fixes?.find((x) => x.auto);
    if (fx) candidates.push(fx.edits);
  }
  candidates.sort((a, b) => a[0]!.start - b[0]!.start);
  const out: TextEdit[] = [];
  let lastEnd = -1;
  for (const edits of candidates) {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    // Take a fix whole or not at all.
    if (sorted[0]!.start < lastEnd) continue;
    out.push(...sorted);
    lastEnd = sorted[sorted.length - 1]!.end;
  }
  return out;
}

/** Inserts `<!-- report-lint-disable-next-line rule -->` above the line of `offset`. */
export function suppressionEdit(model: ReportModel, offset: number, rule: string): TextEdit {
  const line = lineOfOffset(model.lineStarts, offset);
  const start = model.lineStarts[line]!;
  const nl = model.text.includes('\r\n') ? '\r\n' : '\n';
  // Keep the indentation (and list/quote prefix) of the line out of the comment.
  return { start, end: start, newText: `<!-- report-lint-disable-next-line ${rule} -- 原因 -->${nl}` };
}
