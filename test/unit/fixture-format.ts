// Fixture format: expectations written inside the sample Markdown.
//
//   全年受理437件，办结434件，办结率97.3%。
//   <!-- expect rate-mismatch "97.3%" -->
//   <!-- expect rate-mismatch@info "99.15%"#2 -->
//   <!-- expect-doc missing-section -->
//   <!-- expect share-mismatch|rate-impossible "16.50%" fix="16.28%" -->
//
// An `expect` comment applies to the nearest preceding non-comment line; the quoted text is the exact range
// ("…"#2 for its second occurrence on that line); `@severity` optionally pins the severity. `expect-doc` is a
// finding of that rule anywhere (document-level findings). Comment lines are removed before analysis.
// Optional, used by the real-shape corpus (test/corpus/real-shape/): `a|b` accepts a finding of either rule;
// `fix="…"` is the value a quick fix must write in place of the quoted text (`fix=none`: no fix may be offered).
import type { Finding, Severity } from '../../server/src/analysis/types';

export interface Expectation {
  rule: string;
  severity?: Severity;
  /** Exact range in the stripped text, or undefined for expect-doc. */
  start?: number;
  end?: number;
  /** Where it was written (1-based line in the fixture file), for messages. */
  line: number;
  text?: string;
  /** Text a quick fix must put in place of the range; null when no fix may be offered; undefined when not stated. */
  fix?: string | null;
}

/** The rules an expectation accepts (`share-mismatch|rate-impossible` accepts either). */
export const expectedRules = (e: Expectation): string[] => e.rule.split('|');

export interface ParsedFixture {
  text: string;
  expectations: Expectation[];
  errors: string[];
}

export const EXPECT_RE =
  /^\s*<!--\s*(expect|expect-doc)\s+([a-z0-9-]+(?:\|[a-z0-9-]+)*)(?:@(error|warning|info))?(?:\s+"((?:[^"\\]|\\.)*)"(?:#(\d+))?)?(?:\s+fix=(?:"((?:[^"\\]|\\.)*)"|(none)))?\s*-->\s*$/;

export function parseFixture(source: string): ParsedFixture {
  const srcLines = source.split('\n');
  const kept: string[] = [];
  const expectations: Expectation[] = [];
  const errors: string[] = [];
  let lastContentLine = -1; // index into kept
  const keptOffsets: number[] = [];
  let offset = 0;
  srcLines.forEach((line, i) => {
    const m = EXPECT_RE.exec(line);
    if (!m) {
      if (/<!--\s*expect/.test(line)) errors.push(`line ${i + 1}: malformed expectation: ${line.trim()}`);
      keptOffsets.push(offset);
      kept.push(line);
      offset += line.length + 1;
      if (line.trim() !== '') lastContentLine = kept.length - 1;
      return;
    }
    const [, kind, rule, severity, quoted, nth, fixText, fixNone] = m;
    const fix = fixNone ? null : fixText === undefined ? undefined : fixText.replace(/\\(.)/g, '$1');
    if (kind === 'expect-doc') {
      expectations.push({ rule: rule!, severity: severity as Severity | undefined, line: i + 1 });
      return;
    }
    if (quoted === undefined) return void errors.push(`line ${i + 1}: expect needs a "quoted" text`);
    if (lastContentLine < 0) return void errors.push(`line ${i + 1}: no line above the expectation`);
    const target = kept[lastContentLine]!;
    const needle = quoted.replace(/\\(.)/g, '$1');
    let at = -1;
    for (let k = 0, from = 0; k < Number(nth ?? 1); k++) {
      at = target.indexOf(needle, from);
      if (at < 0) break;
      from = at + 1;
    }
    if (at < 0) return void errors.push(`line ${i + 1}: "${needle}"${nth ? '#' + nth : ''} not found on the line above`);
    const start = keptOffsets[lastContentLine]! + at;
    expectations.push({ rule: rule!, severity: severity as Severity | undefined, start, end: start + needle.length, line: i + 1, text: needle, fix });
  });
  return { text: kept.join('\n'), expectations, errors };
}

/** Compares findings with expectations; returns readable differences (empty when they match exactly). */
export function compare(text: string, findings: Finding[], expectations: Expectation[], rules: Set<string>): string[] {
  const relevant = findings.filter((f) => rules.has(f.rule));
  const used = new Set<Finding>();
  const problems: string[] = [];
  const show = (f: Finding) => `${f.rule}@${f.severity} "${text.slice(f.start, f.end)}" (${f.start}-${f.end}): ${f.message}`;
  for (const e of expectations) {
    const hit = relevant.find(
      (f) => !used.has(f) && expectedRules(e).includes(f.rule) && (e.start === undefined || (f.start === e.start && f.end === e.end)) && (!e.severity || f.severity === e.severity),
    );
    if (hit) used.add(hit);
    else problems.push(`missing: ${e.rule}${e.severity ? '@' + e.severity : ''} ${e.text !== undefined ? `"${e.text}"` : '(document)'} (expectation at line ${e.line})`);
  }
  for (const f of relevant) if (!used.has(f)) problems.push(`unexpected: ${show(f)}`);
  return problems;
}

/** Applies the first fix of each finding (non-overlapping, back to front). */
export function applyFixes(text: string, findings: Finding[]): string {
  const edits = findings
    .map((f) => f.fixes?.[0]?.edits ?? [])
    .flat()
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of edits) {
    if (e.end > limit) continue;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}
