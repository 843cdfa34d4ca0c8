// The real-shape corpus (test/corpus/real-shape/) is well-formed, and the scoring that `npm run accuracy` reports on it
// counts what it says. The precision of the number checks on it is measured by `npm run accuracy`, not asserted here.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../server/src/analysis';
import type { Finding } from '../../server/src/analysis/types';
import { CORPUS_ROOT, PARTS, listPart, loadPart, parseCorpusFile, scoreFindings, scorePart } from '../../scripts/real-shape';

interface SourceRow {
  id: string;
  url: string;
  usedBy: string[];
}

function readSources(): SourceRow[] {
  const readme = readFileSync(join(CORPUS_ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('## 来源');
  assert.ok(at >= 0, 'README.md has a 来源 (sources) section');
  const rows: SourceRow[] = [];
  for (const line of readme.slice(at).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (!/^S\d+$/.test(cells[1] ?? '')) continue;
    assert.equal(cells.length, 9, `source row has 7 columns: ${line}`);
    const usedBy = cells[7]!.split(/[,，]\s*/).filter((x) => /^(dev|holdout)\/.+\.md$/.test(x));
    rows.push({ id: cells[1]!, url: cells[6]!, usedBy });
  }
  return rows;
}

describe('real-shape corpus', () => {
  test('has both parts, with files', () => {
    for (const part of PARTS) assert.ok(listPart(part).length >= 3, `test/corpus/real-shape/${part}/ has at least 3 files`);
  });

  for (const part of PARTS) {
    for (const file of loadPart(part)) {
      test(`${file.name} is well-formed`, () => {
        assert.deepEqual(file.errors, [], 'corpus syntax (expectations point at text on the line above, shapes named)');
        assert.ok(file.shapes.length > 0, 'declares the shapes of its sentences');
        assert.ok(/^(#{1,6} |[一二三四五六七八九十]+、)/m.test(file.text), 'has headings (Markdown or Chinese numbering)');
        for (const e of file.expectations) {
          assert.ok(e.shape, `expectation at line ${e.line} lies under a shape line`);
          assert.equal(file.text.slice(e.start, e.end), e.text, `expectation at line ${e.line} covers its text`);
        }
        // analysing never throws and stays within the document
        for (const f of analyse(file.text).findings) assert.ok(f.start >= 0 && f.end <= file.text.length && f.start <= f.end);
      });
    }
  }

  test('every part marks real inconsistencies and has correct text around them', () => {
    for (const part of PARTS) {
      const files = loadPart(part);
      const expected = files.reduce((n, f) => n + f.expectations.length, 0);
      assert.ok(expected >= 3, `${part} marks at least 3 inconsistencies`);
      assert.ok(files.some((f) => f.expectations.length === 0 || f.shapes.length > f.expectations.length), `${part} has unmarked shapes`);
    }
  });

  test('README lists the sources: at least 20 with addresses, every file attributed, dev and holdout from different sources', () => {
    const rows = readSources();
    const urls = new Set(rows.map((r) => r.url).filter((u) => /^https?:\/\//.test(u)));
    assert.ok(urls.size >= 20, `at least 20 distinct source addresses (found ${urls.size})`);
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'source ids are unique');
    for (const part of PARTS)
      for (const name of listPart(part)) assert.ok(rows.some((r) => r.usedBy.includes(name)), `${name} names its sources in the README`);
    for (const r of rows) {
      for (const name of r.usedBy) assert.ok(existsSync(join(CORPUS_ROOT, name)), `${r.id} refers to an existing file: ${name}`);
      const parts = new Set(r.usedBy.map((n) => n.split('/')[0]));
      assert.ok(parts.size <= 1, `${r.id} is used by only one part (${[...parts].join(', ')})`);
    }
  });

  test('every shape used is described in the README', () => {
    const readme = readFileSync(join(CORPUS_ROOT, 'README.md'), 'utf8');
    const described = new Set([...readme.matchAll(/^\| `([a-z0-9-]+)`(?: \/ `([a-z0-9-]+)`)? \|/gm)].flatMap((m) => [m[1]!, m[2]].filter((x): x is string => !!x)));
    for (const part of PARTS) for (const file of loadPart(part)) for (const shape of file.shapes) assert.ok(described.has(shape), `${file.name}: shape ${shape} is described`);
  });

  test('scoring: right, false positive, wrong fix value, fix on an unexpected finding, info hint, miss', () => {
    const source = [
      '# 报告',
      '<!-- shape base-earlier-sentence -->',
      '收到来信100件，其中有效信件80件。投诉类20件，占总量的25%；咨询类30件，占总量的40%。',
      '<!-- expect share-mismatch "40%" fix="37.5%" -->',
      '<!-- shape win-rate-excl-withdrawn -->',
      '审结10件，胜诉8件，撤诉2件，胜诉率100%。',
      '<!-- shape subset-larger-than-whole -->',
      '其中涉企文件9件。',
      '<!-- expect breakdown-sum "9件" -->',
    ].join('\n');
    const file = parseCorpusFile('dev/x.md', source);
    assert.deepEqual(file.errors, []);
    assert.deepEqual(file.shapes, ['base-earlier-sentence', 'win-rate-excl-withdrawn', 'subset-larger-than-whole']);
    const at = (needle: string, nth = 1) => {
      let i = -1;
      for (let k = 0; k < nth; k++) i = file.text.indexOf(needle, i + 1);
      assert.ok(i >= 0, needle);
      return { start: i, end: i + needle.length };
    };
    const finding = (rule: string, span: { start: number; end: number }, severity: Finding['severity'], newText?: string): Finding => ({
      rule,
      category: 'numbers',
      severity,
      message: 'm',
      ...span,
      fixes: newText === undefined ? undefined : [{ title: 't', edits: [{ ...span, newText }] }],
    });
    const findings = [
      finding('share-mismatch', at('25%'), 'warning', '20%'), // FP, and its fix writes a wrong value
      finding('share-mismatch', at('40%'), 'error', '37.5%'), // right, right value
      finding('rate-mismatch', at('100%'), 'warning', '80%'), // FP (胜诉率 excludes 撤诉: 8÷8)
      finding('breakdown-sum', at('9件'), 'info'), // only a hint on the expected inconsistency
      finding('missing-section', { start: 0, end: 4 }, 'error'), // not a number check: ignored
    ];
    const r = scoreFindings(file, findings);
    assert.equal(r.raised.length, 3);
    assert.equal(r.hints.length, 1);
    const right = r.raised.filter((f) => f.expectation && f.fix?.verdict !== 'wrong-value');
    assert.deepEqual(right.map((f) => f.text), ['40%']);
    assert.deepEqual(r.raised.map((f) => f.fix?.verdict), ['unexpected', 'right', 'unexpected']);
    assert.deepEqual(r.raised.map((f) => f.shape), ['base-earlier-sentence', 'base-earlier-sentence', 'win-rate-excl-withdrawn']);
    assert.deepEqual(r.raised.map((f) => f.line), [3, 3, 6], 'lines are those of the corpus file');
    assert.deepEqual(r.expectations.map((e) => e.status), ['caught', 'info-only']);
    // a finding on the expected figure whose fix writes another value is not right, and does not catch it
    const wrongValue = scoreFindings(file, [finding('share-mismatch', at('40%'), 'error', '42.86%')]);
    assert.equal(wrongValue.raised[0]!.fix?.verdict, 'wrong-value');
    assert.equal(wrongValue.expectations[0]!.status, 'wrong-arithmetic');
    // a finding without a fix matches through its related figures
    const viaRelated: Finding = { ...finding('breakdown-sum', at('有效信件80件'), 'error'), related: [{ ...at('9件'), message: 'part' }] };
    assert.equal(scoreFindings(file, [viaRelated]).expectations[1]!.status, 'caught');
  });

  test('malformed corpus lines are reported with their line in the file', () => {
    const file = parseCorpusFile('dev/y.md', '# 报告\n<!-- shape -->\n<!-- shape a -->\n文字\n<!-- expect share-mismatch "没有" -->\n<!-- expect heading-year "文字" -->');
    assert.deepEqual(file.errors, [
      'line 2: malformed shape line: <!-- shape -->',
      'line 5: "没有" not found on the line above',
      'line 6: "heading-year" is not a number check',
    ]);
  });

  test('the whole corpus can be scored', () => {
    for (const part of PARTS) {
      const s = scorePart(part);
      assert.equal(s.right + s.falsePositives.length, s.raised);
      assert.ok(s.caught + s.missed.length === s.expected);
    }
  });
});
