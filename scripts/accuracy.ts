// Accuracy harness for the number checks.
//
//   node --import tsx scripts/accuracy.ts [--verbose] [--corpus-only] [files…]
//
// Two measures. (1) Mutations, below. (2) The real-shape corpus (test/corpus/real-shape/, see its README): excerpts
// written in the shapes of published reports, with the real inconsistencies marked; for each part (dev, holdout) the
// warnings/errors raised, how many are right, precision, recall of the marked inconsistencies, information hints,
// quick fixes that would write a wrong value, and the false positives grouped by sentence shape.
//
// Default files: seeds/*.md and test/fixtures/numbers-corpus/*.md. For every relation the number checks find
// consistent (a rate, a share, a breakdown that adds up, shares summing to 100%, a table total, a growth figure),
// the stated figure is mutated — one digit changed, two adjacent digits swapped, a rounding slip beyond tolerance —
// and the text is analysed again. A mutation is caught when a warning or error of a number check covers the
// mutated figure. Findings (warnings/errors) on the unmutated text are listed: on a relation the finder judged
// consistent they are false positives by definition; in test/fixtures/numbers-corpus/ (all figures correct) every
// warning or error is a false positive.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyse } from '../server/src/analysis/index';
import { getRelations, type RelationKind } from '../server/src/analysis/relations';
import type { Finding } from '../server/src/analysis/types';
import { checkable, mutate, mutations, NUMBER_RULES, trulyWrong } from './mutations';
import { PARTS, pct, scorePart, type PartScore, type ScoredFinding } from './real-shape';

const RULE_KIND: Record<string, string> = {
  'rate-mismatch': 'rate',
  'rate-impossible': 'rate',
  'share-mismatch': 'share',
  'breakdown-sum': 'breakdown',
  'percent-sum': 'percent-sum',
  'table-total': 'table',
  'growth-mismatch': 'growth',
  'percent-point': 'percent-point',
};
const KIND_ORDER = ['rate', 'share', 'breakdown', 'percent-sum', 'table-total', 'table-rate', 'growth'];

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const corpusOnly = args.includes('--corpus-only');
let files = args.filter((a) => !a.startsWith('-') && !/(^|\/)README\.md$/.test(a));
const explicitFiles = files.length > 0;
if (corpusOnly) files = [];
else if (!files.length) {
  const list = (dir: string) => {
    try {
      return readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.md') && f !== 'README.md')
        .sort()
        .map((f) => join(root, dir, f));
    } catch {
      return [];
    }
  };
  files = [...list('seeds'), ...list('test/fixtures/numbers-corpus')];
}

interface Row {
  relations: number;
  mutations: number;
  caught: number;
  hinted: number;
  missed: string[];
}
const rows = new Map<string, Row>();
const row = (k: string) => {
  let r = rows.get(k);
  if (!r) rows.set(k, (r = { relations: 0, mutations: 0, caught: 0, hinted: 0, missed: [] }));
  return r;
};
const fp = new Map<string, number>();
const fpOnConsistent = new Map<string, number>();
const baselineLines: string[] = [];

const lineOf = (text: string, off: number) => text.slice(0, off).split('\n').length;
const overlaps = (f: Finding, s: number, e: number) => f.start < e && f.end > s;

let totalAnalyses = 0;
const t0 = performance.now();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(root, file);
  const isCorpus = rel.includes('numbers-corpus');
  const base = analyse(text);
  totalAnalyses++;
  const rels = getRelations(base.model);
  const consistent = checkable(rels);
  // findings on the unmutated text
  for (const f of base.findings) {
    if (!NUMBER_RULES.has(f.rule) || f.severity === 'info') continue;
    const kind = RULE_KIND[f.rule] ?? f.rule;
    const onConsistent = consistent.some((r) => overlaps(f, r.stated.start, r.stated.end));
    if (onConsistent) fpOnConsistent.set(kind, (fpOnConsistent.get(kind) ?? 0) + 1);
    if (isCorpus || onConsistent) fp.set(kind, (fp.get(kind) ?? 0) + 1);
    baselineLines.push(`  ${rel}:${lineOf(text, f.start)} ${f.severity} ${f.rule} “${text.slice(f.start, f.end)}”${isCorpus || onConsistent ? '  ← false positive' : ''}\n      ${f.message}`);
  }
  for (const r of consistent) {
    const k = r.kind as RelationKind;
    const rw = row(k);
    rw.relations++;
    const f = r.stated;
    for (const m of mutations(r)) {
      if (!trulyWrong(r, m)) continue;
      const { mutated, shift } = mutate(text, f, m);
      const a = analyse(mutated);
      totalAnalyses++;
      rw.mutations++;
      const hits = a.findings.filter((x) => NUMBER_RULES.has(x.rule) && overlaps(x, f.start, f.end + shift));
      if (hits.some((x) => x.severity !== 'info')) rw.caught++;
      else {
        if (hits.length) rw.hinted++;
        rw.missed.push(`${rel}:${lineOf(text, f.start)} ${k} “${text.slice(f.start, f.end)}” → “${mutated.slice(f.start, f.end + shift)}” (${m.how})${hits.length ? ' [info only]' : ''}`);
      }
    }
  }
}
const elapsed = performance.now() - t0;

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padl = (s: string | number, n: number) => String(s).padStart(n);
if (!corpusOnly) {
  const pctText = (a: number, b: number) => (b ? ((a / b) * 100).toFixed(1) + '%' : '—');
  const kinds = [...new Set([...KIND_ORDER.filter((k) => rows.has(k)), ...rows.keys()])];
  console.log(`Files: ${files.length}; analyses: ${totalAnalyses}; ${elapsed.toFixed(0)} ms`);
  console.log('caught = a warning or error of a number check on the mutated figure; info only = only a hint there;');
  console.log('FP = warnings/errors on unmutated relations judged consistent, and on any figure of numbers-corpus/.');
  console.log('');
  console.log(`${pad('relation kind', 14)}${padl('relations', 10)}${padl('mutations', 11)}${padl('caught', 8)}${padl('recall', 8)}${padl('info only', 11)}${padl('FP (warn/err)', 15)}`);
  console.log('-'.repeat(77));
  let tr = 0;
  let tm = 0;
  let tc = 0;
  let th = 0;
  for (const k of kinds) {
    const r = rows.get(k)!;
    const fpKind = k === 'table-rate' || k === 'table-total' ? 'table' : k;
    const fpn = k === 'table-rate' ? '' : String(fp.get(fpKind) ?? 0);
    tr += r.relations;
    tm += r.mutations;
    tc += r.caught;
    th += r.hinted;
    console.log(`${pad(k, 14)}${padl(r.relations, 10)}${padl(r.mutations, 11)}${padl(r.caught, 8)}${padl(pctText(r.caught, r.mutations), 8)}${padl(r.hinted, 11)}${padl(fpn, 15)}`);
  }
  console.log('-'.repeat(77));
  const fpTotal = [...fp.values()].reduce((a, b) => a + b, 0);
  console.log(`${pad('all', 14)}${padl(tr, 10)}${padl(tm, 11)}${padl(tc, 8)}${padl(pctText(tc, tm), 8)}${padl(th, 11)}${padl(fpTotal, 15)}`);
  console.log('');
  const fpc = [...fpOnConsistent.values()].reduce((a, b) => a + b, 0);
  console.log(`Warnings/errors on relations judged consistent (unmutated): ${fpc}`);
  console.log(`Warnings/errors on the unmutated texts: ${baselineLines.length}`);
  for (const l of baselineLines) console.log(l);
  const missedAll = kinds.flatMap((k) => rows.get(k)!.missed);
  if (missedAll.length) {
    console.log('');
    console.log(`Missed mutations: ${missedAll.length}${verbose ? '' : ' (--verbose lists them)'}`);
    if (verbose) for (const m of missedAll) console.log('  ' + m);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Real-shape corpus
if (!explicitFiles || corpusOnly) {
  const t1 = performance.now();
  const scores = PARTS.map((p) => scorePart(p));
  const w = [10, 7, 10, 8, 7, 8, 8, 8, 6, 7, 11, 14];
  const head = ['part', 'files', 'expected', 'raised', 'right', 'prec.', 'caught', 'recall', 'info', 'fixes', 'wrong fix', 'wrong arith.'];
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? pad(c, w[i]!) : padl(c, w[i]!))).join('');
  console.log('');
  console.log(`Real-shape corpus (test/corpus/real-shape/; ${(performance.now() - t1).toFixed(0)} ms)`);
  console.log('raised = warnings/errors of the number checks; right = on a marked inconsistency, with its fix (if any) writing the');
  console.log('expected value; caught = marked inconsistencies reported by a right warning/error; info = hints (not scored);');
  console.log('wrong fix = quick fixes that would write a wrong value (on an unmarked figure, or another value than expected);');
  console.log('wrong arith. = marked inconsistencies reported only with a wrong value.');
  console.log('');
  console.log(line(head));
  console.log('-'.repeat(w.reduce((a, b) => a + b, 0)));
  for (const s of scores) {
    const fixes = s.fixes.right + s.fixes['wrong-value'] + s.fixes.unexpected + s.fixes.unverified;
    console.log(
      line([s.part, s.files, s.expected, s.raised, s.right, pct(s.right, s.raised), s.caught, pct(s.caught, s.expected), s.hints, fixes, s.wrongFixes.length, s.wrongArithmetic]),
    );
  }
  for (const s of scores) for (const e of s.errors) console.log(`corpus error: ${e}`);
  for (const s of scores) reportPart(s);
}

function reportPart(s: PartScore) {
  console.log('');
  console.log(`${s.part}: false positives by shape (${s.falsePositives.length})`);
  const byShape = new Map<string, ScoredFinding[]>();
  for (const f of s.falsePositives) {
    const k = f.shape || '(no shape)';
    byShape.set(k, [...(byShape.get(k) ?? []), f]);
  }
  const shapes = [...byShape.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  for (const [shape, list] of shapes) {
    const rules = [...new Set(list.map((f) => f.rule))].join(', ');
    console.log(`  ${pad(shape, 34)}${padl(list.length, 4)}  ${rules}`);
    const shown = verbose ? list : list.slice(0, 2);
    for (const f of shown) console.log(`      ${describe(f)}`);
    if (shown.length < list.length) console.log(`      … ${list.length - shown.length} more (--verbose)`);
  }
  if (s.wrongFixes.length) {
    console.log(`${s.part}: quick fixes that would write a wrong value (${s.wrongFixes.length})`);
    for (const f of verbose ? s.wrongFixes : s.wrongFixes.slice(0, 5)) console.log(`      ${f.file}:${f.line} ${f.rule} ${f.fix!.writes} (${f.fix!.verdict})`);
    if (!verbose && s.wrongFixes.length > 5) console.log(`      … ${s.wrongFixes.length - 5} more (--verbose)`);
  }
  if (s.missed.length) {
    console.log(`${s.part}: marked inconsistencies not caught (${s.missed.length})`);
    for (const m of s.missed)
      console.log(`      ${m.file}:${m.line} [${m.expectation.shape}] ${m.expectation.rule} “${m.expectation.text}” ${m.status}`);
  }
  if (verbose && s.hintList.length) {
    console.log(`${s.part}: information hints (${s.hintList.length})`);
    for (const f of s.hintList) console.log(`      ${describe(f)}`);
  }
}

function describe(f: ScoredFinding): string {
  const why = f.expectation ? ` [on a marked figure, ${f.fix?.verdict === 'wrong-value' ? 'wrong value ' + f.fix.writes : ''}]` : '';
  return `${f.file}:${f.line} ${f.severity} ${f.rule} “${f.text}”${why}\n        ${f.message}\n        | ${f.lineText.trim()}`;
}
