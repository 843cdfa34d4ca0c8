// Breakdowns: the parts listed after 其中, 分别为 or a colon against their whole. Parts above the whole are always a
// contradiction; parts below it only when the list is evidently complete (分别为, an “other” item, shares summing to
// 100%). The breakdowns of a block are indexed for the shares (a share after a part is a share of the whole).
import type { ReportModel } from '../types';
import { HUNDRED, R, radd, rcmp, rsub, ZERO, pow10, type Quantity } from '../quantities';
import { NO_BREAKDOWNS, type BlockContext, type Breakdown, type BreakdownIndex } from './block';
import type { BreakdownRelation, Relation } from './types';
import { containsAny, PART_STOP, RESIDUAL } from './labels';
import { colonAfter, firstAtOrAfter, hasFenbie, hasSemicolon, indexInBlock, isCount, isGapOnlyPunct, qizhongIn, sameClass, sentenceAt, type BlockText, type Sentence } from './sentences';
import { sumValues } from './verdict';
import { operandText } from './messages';

/** The breakdowns of a block (their relations in ctx.out, their index in ctx.breakdowns). */
export function findBreakdowns(ctx: BlockContext) {
  ctx.breakdowns = breakdownsOf(ctx.model, ctx.b, ctx.out);
}

function breakdownsOf(model: ReportModel, b: BlockText, out: Relation[]): BreakdownIndex {
  if (!b.nQizhong && !b.nColons && !b.nFenbie) return NO_BREAKDOWNS;
  const index: BreakdownIndex = { partOf: [], shareOf: [] };
  const norm = model.norm;
  const { qs, sentences } = b;
  // the markers, found in the one pass over the block
  for (let k = 0; k < b.nQizhong; k++) breakdownAt(model, b, out, index, b.qizhong[k]!, '其中');
  // 办理案件120件：刑事案件50件、民事案件70件 (a colon right after a count)
  for (let kc = 0; kc < b.nColons; kc++) {
    const pos = b.colons[kc]!;
    const at = firstAtOrAfter(qs, pos, 0, qs.length);
    const x = qs[at - 1];
    if (!x || !isCount(x) || pos - x.end > 2 || !isGapOnlyPunct(norm, x.end, pos)) continue;
    if (norm.startsWith('其中', pos + 1) || norm.startsWith('其中', pos + 2)) continue; // 其中 handles it
    breakdownAt(model, b, out, index, pos, ':');
  }
  // X件，分别为A件、B件 (a whole right before 分别为, no 其中 earlier in the sentence)
  let lastQz = 0;
  for (let kf = 0; kf < b.nFenbie; kf++) {
    const pos = b.fenbie[kf]!;
    const c3 = pos + 2 < b.end ? norm.charCodeAt(pos + 2) : -1;
    const marker = c3 === 0x4e3a ? '分别为' : c3 === 0x662f ? '分别是' : c3 === 0x6709 ? '分别有' : undefined;
    if (!marker) continue;
    const si = sentenceAt(sentences, b.ns, pos);
    // the last 其中 before 分别
    while (lastQz < b.nQizhong && b.qizhong[lastQz]! < pos) lastQz++;
    const qz = lastQz > 0 ? b.qizhong[lastQz - 1]! : -1;
    if (qz >= 0 && qz >= sentences[si]!.start) continue;
    breakdownAt(model, b, out, index, pos, marker);
  }
  return index;
}

/** The breakdown introduced by a marker (其中, :, 分别为 …) at pos: recorded in `index`, its relation in `out`. */

/** The whole a marker at pos breaks down: the count right before it, else (其中 opening a sentence) the previous sentence's one count of the parts' unit. */
function breakdownWhole(model: ReportModel, b: BlockText, pos: number, marker: string, si: number, at: number): { whole: Quantity; certain: boolean } | undefined {
  const norm = model.norm;
  const { qs, sentences } = b;
  const s = sentences[si]!;
  for (let k = at - 1; k >= s.q0; k--) {
    const x = qs[k]!;
    if (x.end > pos || !isCount(x)) continue;
    if (x.paren) continue;
    if (isGapOnlyPunct(norm, x.end, pos)) return { whole: x, certain: true };
    break;
  }
  if (marker !== '其中') return undefined;
  if (pos - s.start > 12 || !isGapOnlyPunct(norm, s.start, pos) || si === 0) return undefined;
  const prev = sentences[si - 1]!;
  const cands = qs.slice(prev.q0, prev.q1).filter((x) => isCount(x) && !x.paren);
  let first: Quantity | undefined;
  for (let k = at; k < s.q1 && !first; k++) if (qs[k]!.start > pos && isCount(qs[k]!)) first = qs[k];
  const same = first ? cands.filter((x) => sameClass(x, first)) : [];
  if (same.length !== 1) return undefined;
  return { whole: same[0]!, certain: false };
}

interface PartList {
  parts: Quantity[];
  shares: (Quantity | undefined)[];
  /** A residual item (其他) or 分别 before the first part: the list is complete. */
  complete: boolean;
}

/** The parts after a marker (same unit as the whole, up to the next 其中 or the end of the sentence), with their shares. */
function breakdownParts(model: ReportModel, b: BlockText, s: Sentence, at: number, after: number, whole: Quantity): PartList {
  const norm = model.norm;
  const { qs } = b;
  const nextMarker = qizhongIn(norm, after, s.end);
  const limit = nextMarker >= 0 ? nextMarker : s.end;
  const list: PartList = { parts: [], shares: [], complete: false };
  const { parts, shares } = list;
  let lastPos = after;
  for (let k = at; k < s.q1; k++) {
    const x = qs[k]!;
    if (x.start < after) continue;
    if (x.start >= limit) break;
    // the list may run over ；-clauses, but only once it has started in the 其中 clause
    if (!parts.length && hasSemicolon(norm, lastPos, x.start)) break;
    lastPos = x.end;
    if (x.percent) {
      if (parts.length && /分别(占|为|是)/.test(x.label) && !shares.some((y) => y)) {
        // A 23件、B 91件、C 14件，分别占18.0%、71.1%、10.9%: the shares of the parts, in order
        const run = [x];
        for (let k2 = k + 1; k2 < s.q1 && qs[k2]!.percent && /^[\s、,，和及与]*$/.test(qs[k2]!.label); k2++) run.push(qs[k2]!);
        if (run.length === parts.length) run.forEach((r, j) => (shares[j] = r));
        break;
      }
      // 占78% / 占比78% right after a part (not 划转占比, which names its own rate)
      const zr = x.key.indexOf('占');
      if (parts.length && zr >= 0 && !x.key.slice(0, zr).trim() && shares[parts.length - 1] === undefined && isGapOnlyPunct(norm, parts[parts.length - 1]!.end, x.labelStart)) {
        shares[parts.length - 1] = x;
        continue;
      }
      break;
    }
    if (x.unit === 'pp') break;
    if (x.paren) continue;
    if (!sameClass(x, whole)) break;
    if (containsAny(x.label, PART_STOP)) break;
    if (!parts.length && hasFenbie(norm, after, x.start)) list.complete = true;
    if (containsAny(x.label, RESIDUAL)) list.complete = true;
    parts.push(x);
    shares.push(undefined);
  }
  return list;
}

/** The breakdown introduced by a marker (其中, :, 分别为 …) at pos: recorded in `index`, its relation in `out`. */
function breakdownAt(model: ReportModel, b: BlockText, out: Relation[], index: BreakdownIndex, pos: number, marker: string) {
  const { qs, sentences } = b;
  const after = pos + marker.length;
  const si = sentenceAt(sentences, b.ns, pos);
  const s = sentences[si]!;
  const at = firstAtOrAfter(qs, pos, s.q0, s.q1);
  const w = breakdownWhole(model, b, pos, marker, si, at);
  if (!w) return;
  const { whole, certain } = w;
  const { parts, shares, complete: listed } = breakdownParts(model, b, s, at, after, whole);
  if (!parts.length) return;
  if (marker !== '其中' && parts.length < 2) return;
  const colon = marker === ':' || colonAfter(model.norm, after);
  let complete = listed || marker.startsWith('分别');
  // shares that sum to about 100% show the list is complete
  if (shares.length >= 2 && shares.every((x) => x && !x.approx)) {
    const sum = shares.reduce((a, x) => radd(a, x!.value), ZERO);
    const tol = shares.reduce((a, x) => radd(a, R(1, pow10(x!.decimals))), ZERO);
    if (rcmp(rsub(HUNDRED, tol), sum) <= 0) complete = true;
  }
  const bd: Breakdown = { whole, parts, shares, complete, certain, colon };
  for (const p of parts) index.partOf[indexInBlock(qs, p)] = bd;
  shares.forEach((x, j) => x && (index.shareOf[indexInBlock(qs, x)] = { bd, idx: j }));
  if (whole.approx || parts.some((x) => x.approx)) return;
  const rel = breakdownRelation(model, bd, marker);
  if (rel) out.push(rel);
}

/** The verdict on a breakdown: over, under (complete lists; a hint for long or colon lists), partial or ok. */
function breakdownRelation(model: ReportModel, bd: Breakdown, marker: string): BreakdownRelation | undefined {
  const { whole, parts, certain, complete, colon } = bd;
  const sum = sumValues(parts);
  const c = rcmp(sum, whole.value);
  const formula = parts.map((x) => operandText(model, x)).join('+');
  const rel: BreakdownRelation = { kind: 'breakdown', status: 'ok', stated: whole, name: marker, parts, base: whole, exact: sum, formula };
  if (c > 0) {
    if (!certain && !complete && parts.some((x) => rcmp(x.value, whole.value) > 0)) return undefined;
    rel.status = 'over';
    rel.severity = certain ? 'error' : 'warning';
  } else if (c < 0) {
    if (complete) {
      rel.status = 'under';
      rel.severity = certain ? 'error' : 'warning';
    } else if (parts.length >= 4 || colon) {
      rel.status = 'under';
      rel.severity = 'info';
    } else rel.status = 'partial';
  }
  return rel;
}
