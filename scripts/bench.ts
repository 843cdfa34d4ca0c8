// npm run bench: throughput of the full analysis against peer linters on the same files, edit-to-diagnostic latency
// through the real language server, and the server's memory after opening 100 reports. Prints a Markdown table.
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { analyse as Analyse } from '../server/src/analysis';
import { startServer } from '../test/lsp-client';
import { generateReport } from './generate-report';

const repo = join(__dirname, '..');
const quick = process.argv.includes('--quick');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Median wall time of `fn` in ms, repeating until ~budget ms or `max` runs. */
function time(fn: () => void, budgetMs: number, max = 200): number {
  fn(); // warm-up
  const runs: number[] = [];
  const t0 = performance.now();
  while (runs.length < max && (runs.length < 3 || performance.now() - t0 < budgetMs)) {
    const a = performance.now();
    fn();
    runs.push(performance.now() - a);
  }
  return median(runs);
}

/**
 * The analysis as it ships: bundled by esbuild into one scope, as in dist/server.js and dist/cli.js. (Loaded from
 * the sources through tsx, every use of a name imported from another module goes through an accessor, which the
 * bundle does not have; timing that would measure the loader, not the analysis.)
 */
async function bundledAnalyse(): Promise<typeof Analyse> {
  const esbuild = await import('esbuild');
  const outfile = join(repo, '.bench', 'analysis.cjs');
  await esbuild.build({ entryPoints: [join(repo, 'server', 'src', 'analysis', 'index.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return (require(outfile) as { analyse: typeof Analyse }).analyse;
}

async function main() {
  const analyse = await bundledAnalyse();
  const seeds = readdirSync(join(repo, 'seeds'))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => ({ name: `seeds/${f}`, text: readFileSync(join(repo, 'seeds', f), 'utf8') }));
  const sizes = quick ? [10_000, 100_000, 1_000_000] : [10_000, 100_000, 1_000_000, 10_000_000];
  const generated = sizes.map((n) => ({ name: `generated ${n >= 1e6 ? n / 1e6 + ' MB' : n / 1e3 + ' KB'}`, text: generateReport(n, 42) }));

  // Peers, loaded lazily so that a missing peer does not stop the benchmark.
  const { lint: mdlint } = (await import('markdownlint/sync')) as { lint: (o: unknown) => unknown };
  const { TextlintKernel } = await import('@textlint/kernel');
  const markdownPlugin = (await import('@textlint/textlint-plugin-markdown')).default;
  const prhRule = (await import('textlint-rule-prh')).default;
  const pairRule = (await import('@textlint-rule/textlint-rule-no-unmatched-pair')).default;
  const kernel = new TextlintKernel();
  const prhDict = join(repo, '.bench', 'prh.yml');
  await writePrhDictionary(prhDict);
  const textlintOptions = {
    ext: '.md',
    plugins: [{ pluginId: 'markdown', plugin: markdownPlugin }],
    rules: [
      { ruleId: 'prh', rule: prhRule, options: { rulePaths: [prhDict] } },
      { ruleId: 'no-unmatched-pair', rule: pairRule },
    ],
  };

  const rows: string[] = [];
  rows.push('| file | size | report-lint ms | MB/s | markdownlint ms | textlint ms | ours ÷ markdownlint | ours ÷ textlint |');
  rows.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  let seedMs: number[] = [];
  let ourBytes = 0;
  let ourMs = 0;
  let mdMs = 0;
  for (const f of [...seeds, ...generated]) {
    const bytes = Buffer.byteLength(f.text);
    const big = bytes > 2_000_000;
    const budget = big ? 3000 : 1500;
    const ours = time(() => analyse(f.text), budget, big ? 5 : 500);
    const md = time(() => mdlint({ strings: { f: f.text } }), budget, big ? 3 : 100);
    let tl = NaN;
    // textlint grows faster than linearly (about 28 s on 1 MB here): one timed run above 200 KB, none at 10 MB.
    if (bytes <= 1_100_000) {
      const runs: number[] = [];
      const single = bytes > 200_000;
      if (!single) await kernel.lintText(f.text, textlintOptions);
      const t0 = performance.now();
      while (runs.length < (single ? 1 : 3) || (!single && performance.now() - t0 < budget && runs.length < 30)) {
        const a = performance.now();
        await kernel.lintText(f.text, textlintOptions);
        runs.push(performance.now() - a);
      }
      tl = median(runs);
    }
    if (f.name.startsWith('seeds/')) seedMs.push(ours);
    ourBytes += bytes;
    ourMs += ours;
    mdMs += md;
    rows.push(
      `| ${f.name} | ${(bytes / 1024).toFixed(0)} KB | ${ours.toFixed(3)} | ${(bytes / 1e6 / (ours / 1000)).toFixed(1)} | ${md.toFixed(2)} | ${Number.isNaN(tl) ? '—' : tl.toFixed(2)} | ${(ours / md).toFixed(3)} | ${Number.isNaN(tl) ? '—' : (ours / tl).toFixed(3)} |`,
    );
  }

  // Edit latency through the real server.
  const lsp = await startServer();
  const uri = 'file:///bench/edit.md';
  let text = generateReport(100_000, 7);
  lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await lsp.request('textDocument/diagnostic', { textDocument: { uri } });
  const latencies: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < 200; i++) {
    // Type one character at the end of a line in the middle of the document.
    const line = Math.floor(lines.length / 2) + (i % 20);
    const character = lines[line]!.length;
    const a = performance.now();
    lsp.notify('textDocument/didChange', {
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: i % 2 ? '。' : '5' }],
    });
    await lsp.request('textDocument/diagnostic', { textDocument: { uri } });
    latencies.push(performance.now() - a);
    lines[line] += i % 2 ? '。' : '5';
  }
  text = lines.join('\n');

  // Memory after opening 100 reports.
  for (let i = 0; i < 100; i++) {
    const u = `file:///bench/r${i}.md`;
    lsp.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: generateReport(25_000, 100 + i) } });
    await lsp.request('textDocument/diagnostic', { textDocument: { uri: u } });
  }
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${lsp.proc.pid}/status`, 'utf8'))?.[1] ?? NaN);
  await lsp.close();

  const out: string[] = [];
  out.push(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  out.push('');
  out.push(...rows);
  out.push('');
  const seedMedian = median(seedMs);
  const ourRate = ourBytes / 1e6 / (ourMs / 1000);
  const mdRate = ourBytes / 1e6 / (mdMs / 1000);
  const g = generated.map((f) => f.name);
  out.push('| measure | value | target |');
  out.push('| --- | ---: | --- |');
  out.push(`| seed report (median of the five), full analysis | ${seedMedian.toFixed(3)} ms | ≤ 1 ms |`);
  out.push(`| throughput over all files, report-lint | ${ourRate.toFixed(1)} MB/s | |`);
  out.push(`| throughput over all files, markdownlint default rules | ${mdRate.toFixed(1)} MB/s | |`);
  out.push(`| report-lint ÷ markdownlint throughput | ${(ourRate / mdRate).toFixed(1)}× | ≥ 5× |`);
  const row = (name: string) => rows.find((r) => r.startsWith(`| ${name} |`))?.split('|')[3]?.trim();
  if (g.includes('generated 1 MB')) out.push(`| 1 MB report | ${row('generated 1 MB')} ms | ≤ 50 ms |`);
  if (g.includes('generated 10 MB')) out.push(`| 10 MB report | ${row('generated 10 MB')} ms | ≤ 10 × the 1 MB time |`);
  out.push(`| edit → diagnostics, 100 KB draft, 200 edits: median | ${median(latencies).toFixed(2)} ms | |`);
  out.push(`| edit → diagnostics, 100 KB draft, 200 edits: p95 | ${pct(latencies, 95).toFixed(2)} ms | ≤ 20 ms |`);
  out.push(`| server resident memory after opening 100 reports of 25 KB | ${(rssKb / 1024).toFixed(0)} MB | |`);
  console.log(out.join('\n'));
}

/** A prh dictionary from the project's outdated-names data, so textlint does comparable term-replacement work. */
async function writePrhDictionary(path: string) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(path), { recursive: true });
  let rules: { expected: string; patterns: string[] }[] = [];
  try {
    const data = JSON.parse(readFileSync(join(repo, 'server', 'src', 'analysis', 'data', 'outdated-names.json'), 'utf8'));
    const entries: { old?: string[]; new?: string }[] = Array.isArray(data) ? data : (data.entries ?? []);
    rules = entries
      .filter((e) => Array.isArray(e.old) && typeof e.new === 'string')
      .map((e) => ({ expected: e.new!, patterns: e.old!.filter((o) => typeof o === 'string' && o.length > 1) }))
      .filter((r) => r.patterns.length);
  } catch {
    /* no data: an empty dictionary */
  }
  const yaml = ['version: 1', 'rules:', ...rules.flatMap((r) => [`  - expected: ${JSON.stringify(r.expected)}`, '    patterns:', ...r.patterns.map((p) => `      - ${JSON.stringify(p)}`)])].join('\n');
  writeFileSync(path, yaml + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
