// The real-shape corpus (test/corpus/real-shape/): report excerpts written in the shapes of published reports, with
// the real inconsistencies marked. This module reads it and scores the number checks on it; scripts/accuracy.ts
// prints the scores and test/unit/real-shape-corpus.test.ts checks the corpus is well-formed.
//
// Format: the fixture format (test/unit/fixture-format.ts), where an expectation marks a real inconsistency that a
// warning or error should report, plus
//   <!-- shape NAME -->   the sentence shape of the lines that follow (until the next shape line); removed before
//                         analysis like the expectations. Used to group the false positives by shape.
//   fix="…" / fix=none    on an expectation: the value a quick fix must write in place of the quoted text, or that no
//                         fix may be offered.
//   a|b                   an expectation that accepts a finding of either rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../server/src/analysis/index';
import type { Finding, Span, TextEdit } from '../server/src/analysis/types';
import { EXPECT_RE, expectedRules, parseFixture, type Expectation } from '../test/unit/fixture-format';

export const CORPUS_ROOT = join(import.meta.dirname, '..', 'test', 'corpus', 'real-shape');
export const PARTS = ['dev', 'holdout'] as const;
export type Part = (typeof PARTS)[number];

/** The number checks scored on the corpus. percent-point is a style hint (info) and its fix writes no value. */
export const NUMBER_RULES = new Set(['rate-mismatch', 'share-mismatch', 'breakdown-sum', 'percent-sum', 'table-total', 'rate-impossible', 'growth-mismatch', 'percent-point']);
const VALUE_FIX_RULES = new Set([...NUMBER_RULES].filter((r) => r !== 'percent-point'));

const SHAPE_RE = /^\s*<!--\s*shape\s+([a-z0-9-]+)\s*-->\s*$/;

export interface CorpusExpectation extends Expectation {
  shape: string;
}

export interface CorpusFile {
  /** Path relative to the corpus root, e.g. dev/01-county.md. */
  name: string;
  /** The text that is analysed (expectation and shape lines removed). */
  text: string;
  expectations: CorpusExpectation[];
  /** Shape of each line of `text` ('' before the first shape line). */
  lineShapes: string[];
  /** 1-based line in the corpus file of each line of `text`. */
  lineSources: number[];
  /** Shape names in the order they were declared. */
  shapes: string[];
  errors: string[];
}

export function parseCorpusFile(name: string, source: string): CorpusFile {
  const srcLines = source.split('\n');
  const kept: string[] = [];
  const keptSrcLine: number[] = []; // 1-based source line of each kept line
  const keptShape: string[] = [];
  const shapes: string[] = [];
  const errors: string[] = [];
  let shape = '';
  srcLines.forEach((line, i) => {
    const m = SHAPE_RE.exec(line);
    if (m) {
      shape = m[1]!;
      shapes.push(shape);
      return;
    }
    if (/<!--\s*shape\b/.test(line)) errors.push(`line ${i + 1}: malformed shape line: ${line.trim()}`);
    kept.push(line);
    keptSrcLine.push(i + 1);
    keptShape.push(shape);
  });
  const fx = parseFixture(kept.join('\n'));
  const srcLine = (n: number) => keptSrcLine[n - 1] ?? n;
  for (const e of fx.errors) errors.push(e.replace(/^line (\d+)/, (_, n) => `line ${srcLine(Number(n))}`));
  // lines of the analysed text = kept lines that are not expectation lines
  const analysed = kept.map((l, i) => (EXPECT_RE.test(l) ? -1 : i)).filter((i) => i >= 0);
  const lineShapes = analysed.map((i) => keptShape[i]!);
  const lineSources = analysed.map((i) => keptSrcLine[i]!);
  const lineStarts = lineStartsOf(fx.text);
  const expectations = fx.expectations.map((e) => ({
    ...e,
    line: srcLine(e.line),
    shape: e.start === undefined ? '' : (lineShapes[lineAt(lineStarts, e.start)] ?? ''),
  }));
  for (const e of expectations) {
    if (e.start === undefined) errors.push(`line ${e.line}: the corpus has no document-level expectations`);
    for (const r of expectedRules(e)) if (!NUMBER_RULES.has(r)) errors.push(`line ${e.line}: "${r}" is not a number check`);
    if (e.fix === '') errors.push(`line ${e.line}: empty fix value`);
  }
  return { name, text: fx.text, expectations, lineShapes, lineSources, shapes, errors };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function listPart(part: Part, root = CORPUS_ROOT): string[] {
  try {
    return readdirSync(join(root, part))
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `${part}/${f}`);
  } catch {
    return [];
  }
}

export function loadPart(part: Part, root = CORPUS_ROOT): CorpusFile[] {
  return listPart(part, root).map((name) => parseCorpusFile(name, readFileSync(join(root, name), 'utf8')));
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

export type FixVerdict =
  | 'right' // the fix writes the expected value
  | 'wrong-value' // on an expected inconsistency, but writes another value (or a fix where fix=none)
  | 'unexpected' // a fix on a finding that marks no real inconsistency: it would write a wrong value into the report
  | 'unverified'; // on an expected inconsistency without a stated fix value

export interface ScoredFinding {
  file: string;
  line: number; // 1-based line in the corpus file
  rule: string;
  severity: Finding['severity'];
  text: string; // the finding's range
  lineText: string;
  message: string;
  shape: string;
  /** The expectation it matches, if any. */
  expectation?: CorpusExpectation;
  fix?: { verdict: FixVerdict; writes: string };
}

export interface ExpectationResult {
  file: string;
  expectation: CorpusExpectation;
  lineText: string;
  /** 1-based line in the corpus file of the expected figure. */
  line: number;
  /** caught: a right warning/error; wrong-arithmetic: only warnings/errors whose fix writes another value;
   * info-only: only an information hint; missed: nothing. */
  status: 'caught' | 'wrong-arithmetic' | 'info-only' | 'missed';
}

/** A warning or error is right when it reports an expected inconsistency and its quick fix (if any) writes the
 * expected value: a finding on the right figure that computes it against the wrong base misleads as much as any. */
export const isRight = (f: ScoredFinding) => !!f.expectation && f.fix?.verdict !== 'wrong-value';

export interface FileScore {
  raised: ScoredFinding[]; // warnings and errors of the number checks
  hints: ScoredFinding[]; // information hints of the number checks
  expectations: ExpectationResult[];
}

const STATUS_RANK: Record<ExpectationResult['status'], number> = { missed: 0, 'info-only': 1, 'wrong-arithmetic': 2, caught: 3 };

const overlaps = (a: Span, b: Span) => a.start < b.end && a.end > b.start;

/** Does the finding report this expected inconsistency? Its range overlaps the expected figure, or (for a finding
 * without a fix, which cannot tell which figure is wrong) one of its related figures does. */
export function findingMatches(f: Finding, e: Expectation): boolean {
  if (e.start === undefined || e.end === undefined || !expectedRules(e).includes(f.rule)) return false;
  const span = { start: e.start, end: e.end };
  if (overlaps(f, span)) return true;
  return !f.fixes?.length && !!f.related?.some((r) => overlaps(r, span));
}

function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Judges the first quick fix of a finding against the expectation it matches (if any). */
export function judgeFix(text: string, f: Finding, e: Expectation | undefined): { verdict: FixVerdict; writes: string } | undefined {
  const edits = f.fixes?.[0]?.edits;
  if (!edits?.length || !VALUE_FIX_RULES.has(f.rule)) return undefined;
  const writes = edits.map((x) => `“${text.slice(x.start, x.end)}”→“${x.newText}”`).join(' ');
  if (!e) return { verdict: 'unexpected', writes };
  if (e.fix === undefined) return { verdict: 'unverified', writes };
  if (e.fix === null) return { verdict: 'wrong-value', writes };
  const want = text.slice(0, e.start) + e.fix + text.slice(e.end);
  return { verdict: applyEdits(text, edits) === want ? 'right' : 'wrong-value', writes };
}

/** Scores findings (of any rules; only number checks count) against one corpus file. */
export function scoreFindings(file: CorpusFile, findings: Finding[]): FileScore {
  const starts = lineStartsOf(file.text);
  const lineTextAt = (off: number) => {
    const l = lineAt(starts, off);
    return file.text.slice(starts[l]!, (starts[l + 1] ?? file.text.length + 1) - 1);
  };
  const raised: ScoredFinding[] = [];
  const hints: ScoredFinding[] = [];
  const caughtBy = new Map<CorpusExpectation, ExpectationResult['status']>();
  for (const f of findings) {
    if (!NUMBER_RULES.has(f.rule)) continue;
    const e = file.expectations.find((x) => findingMatches(f, x));
    const l = lineAt(starts, f.start);
    const sf: ScoredFinding = {
      file: file.name,
      line: file.lineSources[l] ?? l + 1,
      rule: f.rule,
      severity: f.severity,
      text: file.text.slice(f.start, f.end),
      lineText: lineTextAt(f.start),
      message: f.message,
      shape: file.lineShapes[l] ?? '',
      expectation: e,
      fix: judgeFix(file.text, f, e),
    };
    if (f.severity === 'info') hints.push(sf);
    else raised.push(sf);
    if (e) {
      const status = f.severity === 'info' ? 'info-only' : isRight(sf) ? 'caught' : 'wrong-arithmetic';
      const before = caughtBy.get(e);
      if (!before || STATUS_RANK[status] > STATUS_RANK[before]) caughtBy.set(e, status);
    }
  }
  const expectations = file.expectations.map((e) => ({
    file: file.name,
    expectation: e,
    lineText: e.start === undefined ? '' : lineTextAt(e.start),
    line: e.start === undefined ? e.line : (file.lineSources[lineAt(starts, e.start)] ?? e.line),
    status: caughtBy.get(e) ?? ('missed' as const),
  }));
  return { raised, hints, expectations };
}

export interface PartScore {
  part: Part;
  files: number;
  expected: number;
  raised: number;
  right: number;
  caught: number;
  wrongArithmetic: number;
  infoOnly: number;
  hints: number;
  fixes: Record<FixVerdict, number>;
  /** Fixes that would write a wrong value: on findings not expected, or with a value other than the expected one. */
  wrongFixes: ScoredFinding[];
  /** Warnings/errors that are not right: on no expected inconsistency, or on one but with a wrong value. */
  falsePositives: ScoredFinding[];
  missed: ExpectationResult[];
  /** Raised findings with their verdict, for listings. */
  all: ScoredFinding[];
  hintList: ScoredFinding[];
  expectationsByShape: Map<string, number>;
  /** Corpus syntax errors (the unit test fails on them; the scores skip the broken expectations). */
  errors: string[];
}

export function scorePart(part: Part, root = CORPUS_ROOT, analyseText: (text: string) => Finding[] = (t) => analyse(t).findings): PartScore {
  const files = loadPart(part, root);
  const s: PartScore = {
    part,
    files: files.length,
    expected: 0,
    raised: 0,
    right: 0,
    caught: 0,
    wrongArithmetic: 0,
    infoOnly: 0,
    hints: 0,
    fixes: { right: 0, 'wrong-value': 0, unexpected: 0, unverified: 0 },
    wrongFixes: [],
    falsePositives: [],
    missed: [],
    all: [],
    hintList: [],
    expectationsByShape: new Map(),
    errors: [],
  };
  for (const file of files) {
    s.errors.push(...file.errors.map((e) => `${file.name}: ${e}`));
    const r = scoreFindings(file, analyseText(file.text));
    s.expected += r.expectations.length;
    for (const e of r.expectations) {
      s.expectationsByShape.set(e.expectation.shape, (s.expectationsByShape.get(e.expectation.shape) ?? 0) + 1);
      if (e.status === 'caught') s.caught++;
      else {
        if (e.status === 'info-only') s.infoOnly++;
        if (e.status === 'wrong-arithmetic') s.wrongArithmetic++;
        s.missed.push(e);
      }
    }
    s.raised += r.raised.length;
    s.hints += r.hints.length;
    s.all.push(...r.raised);
    s.hintList.push(...r.hints);
    for (const f of r.raised) {
      if (isRight(f)) s.right++;
      else s.falsePositives.push(f);
    }
    for (const f of [...r.raised, ...r.hints]) {
      if (!f.fix) continue;
      s.fixes[f.fix.verdict]++;
      if (f.fix.verdict === 'wrong-value' || f.fix.verdict === 'unexpected') s.wrongFixes.push(f);
    }
  }
  return s;
}

export const ratio = (a: number, b: number) => (b ? a / b : NaN);
export const pct = (a: number, b: number) => (b ? ((a / b) * 100).toFixed(1) + '%' : '—');
