// Shares (占Y%, 占…的Y%, 占比Y%): the count right before 占 (or the parallel counts before it) over the whole — the
// whole named after 占, else the breakdown's whole, else an earlier count of the sentence. Shares of one whole are
// grouped for the percent sums.
import type { ReportModel } from '../types';
import { radd, rcmp, type Quantity, type Rational } from '../quantities';
import type { BlockContext, Breakdown } from './block';
import type { Relation, ShareRelation } from './types';
import { commonSuffix, containsAny, RESIDUAL, variants, wholeKey } from './labels';
import { indexInBlock, isCount, isGapOnlyPunct, MAX_CANDIDATES, sameClass, type BlockText } from './sentences';
import { agreesPct, pct, rgt } from './verdict';
import { shareFormula } from './messages';
import { markChecked, ShareGroups } from './percent-sum';

/** A share and its part, as found in the text. */
interface ShareSite {
  /** The share was attached to a part by its breakdown. */
  owned: boolean;
  /** Position of 占 (-1 without), and the words after it up to the figure (the named whole). */
  zhan: number;
  afterZhan: string;
  p: Quantity | undefined;
  pi: number;
  bd: Breakdown | undefined;
  group: ReturnType<ShareGroups['add']> | undefined;
}

/** The shares of a block, then the sums of the shares of one whole. */
export function findShares(ctx: BlockContext) {
  const { model, b, out } = ctx;
  const { qs } = b;
  const groups = new ShareGroups();
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    if (!q.percent || q.form === 'fraction') continue;
    const site = shareSite(model, b, ctx.breakdowns, i, groups);
    if (typeof site === 'number') i = site;
    else if (site) shareAt(model, b, i, site, out);
  }
  groups.judge(out);
}

/**
 * The share at qs[i] and its part: a share its breakdown attached to a part (占78% after a part, 分别占X%、Y%), or
 * 占 after a count. A 分别占 list of shares with no counts is only grouped: the index of its last share is returned.
 */
function shareSite(model: ReportModel, b: BlockText, index: BlockContext['breakdowns'], i: number, groups: ShareGroups): ShareSite | number | undefined {
  const norm = model.norm;
  const { qs, sentOf } = b;
  const q = qs[i]!;
  const owned = index.shareOf[i];
  if (owned) {
    const bd = owned.bd;
    const p = bd.parts[owned.idx]!;
    const site: ShareSite = { owned: true, zhan: -1, afterZhan: '', p, pi: indexInBlock(qs, p), bd, group: undefined };
    const zr = q.label.lastIndexOf('占');
    if (zr >= 0) {
      site.zhan = q.labelStart + zr;
      site.afterZhan = norm.slice(site.zhan + 1, q.labelStart + q.label.length);
    }
    if (site.afterZhan.startsWith('比')) site.afterZhan = '';
    site.group = groups.add(bd, q, bd.complete);
    return site;
  }
  const zhanRel = q.label.lastIndexOf('占');
  if (zhanRel < 0) return undefined;
  const zhan = q.labelStart + zhanRel;
  let afterZhan = norm.slice(zhan + 1, q.labelStart + q.label.length);
  if (afterZhan.startsWith('比')) {
    // 占比78%: a share of the preceding count (X占比 with a subject is handled as a rate)
    if (q.key.slice(0, zhanRel).trim()) return undefined;
    afterZhan = '';
  }
  // A、B、C分别占X%、Y%、Z%: one whole, several shares (no counts to check them against)
  if (/分别(占|为|是)/.test(afterZhan) || /分别占/.test(q.label)) {
    const items = [q];
    let k = i + 1;
    while (k < qs.length && qs[k]!.percent && sentOf[k] === sentOf[i] && /^[\s、,，和及与]*$/.test(qs[k]!.label)) items.push(qs[k++]!);
    // the list is complete when it names a residual item (其他方式、其余)
    const complete = containsAny(q.label, RESIDUAL);
    if (items.length >= 2) for (const x of items) groups.add(`fb:${zhan}`, x, complete);
    return k - 1;
  }
  // the part: the count right before 占 (only punctuation in between)
  let pi = -1;
  for (let k = i - 1; k >= 0 && i - k <= MAX_CANDIDATES && sentOf[k] === sentOf[i]; k--) {
    const x = qs[k]!;
    if (x.percent) break;
    if (!isCount(x) || x.paren) continue;
    pi = k;
    break;
  }
  const p = pi >= 0 ? qs[pi]! : undefined;
  if (!p || !isGapOnlyPunct(norm, p.end, zhan)) return undefined;
  const bd = index.partOf[pi];
  return { owned: false, zhan, afterZhan, p, pi, bd, group: bd ? groups.add(bd, q, bd.complete) : undefined };
}

/** The readings of the part: the count alone, or with the parallel counts right before it (27件 …，133件，占…). */
function partReadings(b: BlockText, i: number, site: ShareSite, p: Quantity): { parts: Quantity[]; sum: Rational }[] {
  const alts: { parts: Quantity[]; sum: Rational }[] = [{ parts: [p], sum: p.value }];
  if (site.owned) return alts;
  const { qs, sentOf } = b;
  const { pi, bd } = site;
  let sum = p.value;
  const run: Quantity[] = [p];
  for (let k = pi - 1; k >= 0 && pi - k <= MAX_CANDIDATES && sentOf[k] === sentOf[i]; k--) {
    const x = qs[k]!;
    if (x.percent || !isCount(x) || !sameClass(x, p) || x.approx) break;
    if (x.paren) continue;
    if (bd && x === bd.whole) break;
    run.unshift(x);
    sum = radd(sum, x.value);
    alts.push({ parts: [...run], sum });
  }
  return alts;
}

/** The whole: named after 占 (占办结案件总数的35%), else the breakdown's whole, else an earlier count of the sentence. */
function shareWhole(b: BlockText, i: number, site: ShareSite, p: Quantity, wkey: string): { w?: Quantity; distant: boolean; others: Quantity[] } {
  const { qs, sentOf } = b;
  const q = qs[i]!;
  const { pi, bd } = site;
  let w: Quantity | undefined;
  let distant = false;
  if (wkey) {
    // nearest count of the paragraph whose label names the whole
    let bestDist = Infinity;
    const wordsOfWhole = variants(wkey);
    // the whole is named nearby: look a bounded number of quantities either way (keeps the scan linear)
    for (let k = Math.max(0, i - 40); k < Math.min(qs.length, i + 40); k++) {
      const x = qs[k]!;
      if (k === pi || !isCount(x) || !sameClass(x, p) || !wordsOfWhole.some((v) => x.label.includes(v)) || rgt(p.value, x.value)) continue;
      const dist = Math.abs(x.start - q.start);
      if (dist < bestDist) (w = x), (bestDist = dist), (distant = sentOf[k] !== sentOf[i]);
    }
  }
  if (!w && bd) (w = bd.whole), (distant = !bd.certain);
  // no named whole and no breakdown: any earlier count of the sentence may be the whole
  const others: Quantity[] = [];
  if (!w && !wkey) {
    for (let k = pi - 1; k >= 0 && pi - k <= MAX_CANDIDATES && sentOf[k] === sentOf[i]; k--) {
      const x = qs[k]!;
      if (!isCount(x) || x.paren || !sameClass(x, p) || rcmp(x.value, p.value) < 0) continue;
      if (!w) w = x;
      else others.push(x);
    }
    if (others.length) distant = true;
  }
  return { w, distant, others };
}

/** The relation of the share at qs[i] with its part. */
function shareAt(model: ReportModel, b: BlockText, i: number, site: ShareSite, out: Relation[]) {
  const norm = model.norm;
  const q = b.qs[i]!;
  const { p, zhan, group } = site;
  if (q.approx || !p || p.approx) return;
  const wname = wholeKey(site.afterZhan.replace(/的?(比例|比重)?(为|达|约|是)?$/, ''));
  const alts = partReadings(b, i, site, p);
  const wkey = wname.length >= 2 ? wname.slice(0, 2) : '';
  const { w, distant, others } = shareWhole(b, i, site, p, wkey);
  if (!w || w.approx || w.value.n === 0n) return;
  if (others.some((x) => x.approx)) return;
  const other = others.find((y) => agreesPct(q, p.value, y.value));
  if (other) {
    const how = agreesPct(q, p.value, other.value);
    out.push({ kind: 'share', status: how === 'round' ? 'ok' : 'truncated', stated: q, name: '占', parts: [p], base: other, exact: pct(p.value, other.value), formula: shareFormula(model, [p], other) });
    if (group) markChecked(group);
    return;
  }
  if (group) markChecked(group);
  let found: { a: (typeof alts)[0]; how: 'round' | 'trunc' } | undefined;
  for (const a of alts) {
    if (rcmp(a.sum, w.value) > 0) continue;
    const how = agreesPct(q, a.sum, w.value);
    if (how && (!found || (how === 'round' && found.how === 'trunc'))) found = { a, how };
  }
  const name = (zhan >= 0 ? norm.slice(zhan, q.labelStart + q.label.length).replace(/(为|达|约|是)$/, '') : '') || '占';
  if (found) {
    out.push({ kind: 'share', status: found.how === 'round' ? 'ok' : 'truncated', stated: q, name, parts: found.a.parts, base: w, exact: pct(found.a.sum, w.value), formula: shareFormula(model, found.a.parts, w) });
    return;
  }
  // no reading agrees: show the parallel sum when the labels run in parallel, else the single count
  let shown = alts[0]!;
  const last = alts[alts.length - 1]!;
  if (last.parts.length > 1 && rcmp(last.sum, w.value) <= 0 && commonSuffix(last.parts.map((x) => x.label)) >= 2) shown = last;
  if (rcmp(shown.sum, w.value) > 0) return; // a part larger than its whole: breakdown-sum says so
  const rel: ShareRelation = {
    kind: 'share',
    status: 'mismatch',
    severity: distant ? 'warning' : 'error',
    stated: q,
    name,
    parts: shown.parts,
    base: w,
    exact: pct(shown.sum, w.value),
    formula: shareFormula(model, shown.parts, w),
    distant,
  };
  out.push(rel);
}
