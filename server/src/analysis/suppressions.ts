// In-document suppressions:
//   <!-- report-lint-disable [rule …] [-- reason] -->      until the matching enable (or the end)
//   <!-- report-lint-enable [rule …] -->
//   <!-- report-lint-disable-next-line [rule …] [-- reason] -->
import type { ReportModel, Span } from './types';
import { lineOfOffset } from './text/lines';
import { partitionPoint } from './text/search';

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
  // Close disable regions at the matching enable: each open disable is closed once (linear in the comments).
  const open = new Map<string, Suppression[]>(); // rule ('' = all rules) → open disables
  for (const sup of out) {
    if (sup.kind === 'disable') {
      for (const r of sup.rules.length ? sup.rules : ['']) {
        let list = open.get(r);
        if (!list) open.set(r, (list = []));
        list.push(sup);
      }
    } else if (sup.kind === 'enable') {
      const keys = sup.rules.length ? sup.rules : [...open.keys()];
      for (const k of keys) {
        for (const d of open.get(k) ?? []) if (d.to === text.length) d.to = sup.start;
        open.delete(k);
      }
    }
  }
  return out;
}

/** Answers "is this rule off at this offset?" in logarithmic time: merged, sorted regions per rule. */
export function suppressionIndex(sups: Suppression[]): (rule: string, offset: number) => boolean {
  const byRule = new Map<string, [number, number][]>();
  for (const s of sups) {
    if (s.kind === 'enable' || s.to <= s.from) continue;
    for (const r of s.rules.length ? s.rules : ['']) {
      let list = byRule.get(r);
      if (!list) byRule.set(r, (list = []));
      list.push([s.from, s.to]);
    }
  }
  for (const [r, list] of byRule) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const iv of list) {
      const last = merged[merged.length - 1];
      if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
      else merged.push([iv[0], iv[1]]);
    }
    byRule.set(r, merged);
  }
  const inside = (list: [number, number][] | undefined, offset: number) => {
    if (!list) return false;
    // the first interval that ends after the offset holds it if it starts at or before it (intervals are disjoint)
    const k = partitionPoint(0, list.length, (i) => list[i]![1] <= offset);
    return k < list.length && list[k]![0] <= offset;
  };
  return (rule, offset) => inside(byRule.get(''), offset) || inside(byRule.get(rule), offset);
}
