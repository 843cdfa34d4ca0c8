// Suppression comments: listing them, and the "ignore here" edit.
import type { Analysis } from '../analysis';
import type { ReportModel, TextEdit } from '../analysis/types';
import { lineOfOffset } from '../analysis/text/lines';
import { rangeOf } from '../convert';
import type { SuppressionInfo } from '../protocol';

/** The suppression comments of a document. */
export function suppressionsOf(analysis: Analysis, uri: string): SuppressionInfo[] {
  return analysis.suppressions.map((s) => ({ uri, range: rangeOf(analysis.model.lineStarts, s), kind: s.kind, rules: s.rules, reason: s.reason }));
}

/** Inserts `<!-- report-lint-disable-next-line rule -->` above the line of `offset`. */
export function suppressionEdit(model: ReportModel, offset: number, rule: string): TextEdit {
  const line = lineOfOffset(model.lineStarts, offset);
  const start = model.lineStarts[line]!;
  const nl = model.text.includes('\r\n') ? '\r\n' : '\n';
  // Keep the indentation (and list/quote prefix) of the line out of the comment.
  return { start, end: start, newText: `<!-- report-lint-disable-next-line ${rule} -- 原因 -->${nl}` };
}
