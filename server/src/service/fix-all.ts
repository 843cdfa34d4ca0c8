// "Fix all": the first safe fix of every finding, without overlaps, in document order.
import type { TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { TextEdit } from '../analysis/types';
import { rangeOf } from '../convert';

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

/** fixAllEdits as LSP text edits. */
export function fixAll(analysis: Analysis): LspTextEdit[] {
  return fixAllEdits(analysis).map((e) => ({ range: rangeOf(analysis.model.lineStarts, e), newText: e.newText }));
}
