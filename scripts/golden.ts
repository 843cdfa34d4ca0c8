// Golden output: the full analysis (findings with related locations, details and fixes, and every number relation
// with its kind, status, spans and formula) in both locales, for the sample reports, every fixture and generated
// reports. Refactorings must leave it byte-identical; a change of behaviour shows up as a reviewable diff.
//
//   node --import tsx scripts/golden.ts            compare with test/golden/ (exit 1 on a difference)
//   node --import tsx scripts/golden.ts --update   rewrite test/golden/
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, buildModel } from '../server/src/analysis';
import { getRelations } from '../server/src/analysis/relations';
import { reporterOf } from '../server/src/analysis/checks';
import type { Locale } from '../server/src/analysis/types';
import type { Relation } from '../server/src/analysis/relations';
import { parseFixture } from '../test/unit/fixture-format';
import { generateReport } from './generate-report';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
export const GOLDEN_DIR = join(ROOT, 'test', 'golden');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name.endsWith('.md') && e.name !== 'README.md') out.push(p);
  }
  return out;
}

/** Stable JSON of any analysis value: bigints and rationals as strings, keys in insertion order. */
function json(v: unknown): string {
  return JSON.stringify(v, (_k, x) => {
    if (typeof x === 'bigint') return x.toString();
    if (x && typeof x === 'object' && typeof x.n === 'bigint' && typeof x.d === 'bigint' && Object.keys(x).length === 2) return `${x.n}/${x.d}`;
    return x;
  });
}

function record(name: string, text: string): string {
  const lines: string[] = [`# ${name}`];
  for (const locale of ['zh', 'en'] as Locale[]) {
    const a = analyse(text, { locale });
    lines.push(`@ ${locale} profile=${a.profile.id} matched=${a.profileMatched} year=${a.model.reportYear?.value ?? '-'}:${a.model.reportYear?.source ?? '-'} kind=${a.model.reportKind} traditional=${a.model.traditional}`);
    for (const f of a.findings) lines.push('F ' + json(f));
    for (const e of a.internalErrors) lines.push('E ' + json({ rule: e.rule, error: e.error.split('\n')[0] }));
  }
  const model = buildModel(text);
  for (const s of model.allSections) lines.push('S ' + json({ depth: s.depth, style: s.style, title: s.title, span: [s.headingSpan.start, s.end] }));
  // each relation with the check that reports it
  for (const { kind, ...r } of getRelations(model)) lines.push('R ' + json({ kind, rule: reporterOf({ kind, ...r } as Relation)?.id, ...r }));
  return lines.join('\n') + '\n';
}

/** The golden files' names and contents, computed from the current code. */
export function goldenOutputs(): Map<string, string> {
  const out = new Map<string, string>();
  const group = (file: string, inputs: [string, string][]) => out.set(file, inputs.map(([n, t]) => record(n, t)).join('\n'));
  group('seeds.txt', walk(join(ROOT, 'seeds')).map((p) => [relative(ROOT, p), readFileSync(p, 'utf8')]));
  const fixtureDirs = readdirSync(join(ROOT, 'test', 'fixtures')).sort();
  for (const d of fixtureDirs) {
    const files = walk(join(ROOT, 'test', 'fixtures', d));
    group(`fixtures-${d}.txt`, files.map((p) => [relative(ROOT, p), p.endsWith('.fixed.md') ? readFileSync(p, 'utf8') : parseFixture(readFileSync(p, 'utf8')).text]));
  }
  group('generated.txt', [1, 2, 3].map((seed) => [`generated 20 KB seed ${seed}`, generateReport(20_000, seed, 2020 + seed)]));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const update = process.argv.includes('--update');
  const outputs = goldenOutputs();
  let differ = 0;
  if (update) mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const [file, content] of outputs) {
    const p = join(GOLDEN_DIR, file);
    const old = existsSync(p) ? readFileSync(p, 'utf8') : undefined;
    if (old === content) continue;
    differ++;
    if (update) writeFileSync(p, content);
    else console.log(`differs: test/golden/${file}`);
  }
  const stale = existsSync(GOLDEN_DIR) ? readdirSync(GOLDEN_DIR).filter((f) => !outputs.has(f)) : [];
  for (const f of stale) console.log(`stale golden file (no input produces it): test/golden/${f}`);
  console.log(update ? `golden: ${differ} of ${outputs.size} files rewritten` : `golden: ${outputs.size - differ} of ${outputs.size} files identical`);
  process.exit(!update && (differ || stale.length) ? 1 : 0);
}
