// In-document suppressions:
//   <!-- report-lint-disable [rule …] [-- reason] -->      until the matching enable (or the end)
//   <!-- report-lint-enable [rule …] -->
//   <!-- report-lint-disable-next-line [rule …] [-- reason] -->
import type { ReportModel, Span } from './types';
import { lineOfOffset } from './model';

export interface Suppression extends Span {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Empty: all rules. */
  rules: string[];
  reason?: string;
  /** Region [from, to) of the text where the listed rules are off. */
  from: number;
  to: number;
}

const RE = /<!--[ \t]*report-lint-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

export function parseSuppressions(model: ReportModel): Suppression[] {
  const { text, lineStarts } = model;
  if (!text.includes('report-lint-')) return [];
  const out: Suppression[] = [];
  const codeBlocks = model.blocks.filter((b) => b.kind === 'code');
  RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE.exec(text))) {
    const start = m.index;
    if (codeBlocks.some((b) => start >= b.start && start < b.end)) continue;
    const kind = m[1] as Suppression['kind'];
    let body = m[2]!.trim();
    let reason: string | undefined;
    const dd = body.indexOf('--');
    if (dd >= 0) {
      reason = body.slice(dd + 2).trim() || undefined;
      body = body.slice(0, dd).trim();
    }
    const rules = body ? body.split(/[\s,，]+/).filter(Boolean) : [];
    const end = start + m[0].length;
    let from = end;
    let to = text.length;
    if (kind === 'disable-next-line') {
      let line = lineOfOffset(lineStarts, end) + 1;
      // The next line with content.
      while (line < lineStarts.length) {
        const s = lineStarts[line]!;
        const e = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
        if (text.slice(s, e).trim()) break;
        line++;
      }
      from = line < lineStarts.length ? lineStarts[line]! : text.length;
      to = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
    }
    out.push({ kind, rules, reason, start, end, from, to });
  }
  // Close disable regions at the matching enable.
  for (let i = 0; i < out.length; i++) {
    const d = out[i]!;
    if (d.kind !== 'disable') continue;
    for (let j = i + 1; j < out.length; j++) {
      const e = out[j]!;
      if (e.kind === 'enable' && (e.rules.length === 0 || d.rules.length === 0 || d.rules.some((r) => e.rules.includes(r)))) {
        d.to = e.start;
        break;
      }
    }
  }
  return out;
}

export function isSuppressed(sups: Suppression[], rule: string, offset: number): boolean {
  for (const s of sups) {
    if (s.kind === 'enable') continue;
    if (offset >= s.from && offset < s.to && (s.rules.length === 0 || s.rules.includes(rule))) return true;
  }
  return false;
}
