// Property-based and adversarial input: the analysis never throws, stays linear, keeps every range inside the
// document, and its fixes never overlap nor touch text outside their ranges.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse } from '../../server/src/analysis';
import type { Analysis } from '../../server/src/analysis';
import { generateReport } from '../../scripts/generate-report';

function assertSound(text: string, a: Analysis) {
  assert.deepEqual(a.internalErrors, [], 'no check threw');
  for (const f of a.findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.rule} range ${f.start}-${f.end} in 0-${text.length}`);
    for (const r of f.related ?? []) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${f.rule} related range`);
    for (const fx of f.fixes ?? []) {
      const edits = [...fx.edits].sort((x, y) => x.start - y.start);
      for (let i = 0; i < edits.length; i++) {
        const e = edits[i]!;
        assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${f.rule} fix range`);
        if (i > 0) assert.ok(edits[i - 1]!.end <= e.start, `${f.rule}: edits of one fix overlap`);
      }
      // Applying the fix changes nothing outside its ranges.
      let out = text;
      for (const e of [...edits].reverse()) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
      const first = edits[0];
      const last = edits[edits.length - 1];
      if (first && last) {
        assert.equal(out.slice(0, first.start), text.slice(0, first.start), `${f.rule}: text before the fix is unchanged`);
        const tail = text.length - last.end;
        assert.equal(out.slice(out.length - tail), text.slice(last.end), `${f.rule}: text after the fix is unchanged`);
      }
    }
  }
}

// Fragments that exercise every check: numbering, numbers, rates, titles, dates, tables, suppressions.
const FRAGMENTS = [
  '一、', '（一）', '(二)', '1.', '１．', '（1）', '2、', '# ', '## ', '### ', '\n', '\n\n', '    ', '\t', '> ', '- ', '1. ',
  '受理', '办结', '437件', '434件', '0件', '0', '0%', '0.0%', '办结率', '97.3%', '99.3％', '百分之五十', '占', '其中', '分别为', '：', '，', '。', '、',
  '同比增长', '提高', '个百分点', '合计', '| a | b |\n| --- | --- |\n| 1 | 2 |\n', '| 合计 | 3 |', '万', '亿', '余', '约', '三个', '二十六件',
  '《', '》', '《信访条例》', '工商局', '原', '《法治社会建设实施纲要(2021-2025)》', '（2021－2025年）', '新冠肺炎',
  '2023年', '二〇二三年', '今年', '2024年1月10日', '现将2021年度', '报告如下', '法治政府建设', '报告', '存在问题', '下一步工作打算',
  '第一责任人', '<!-- report-lint-disable -->', '<!-- report-lint-enable -->', '<!-- report-lint-disable-next-line missing-section -- 理由 -->',
  '```\n', '<!--', '-->', '\r\n', '\u3000', '\ud83d\ude00', '\ud800', '０', '９', '.', '%', '-', '—', '－', '～',
];

const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((xs) => xs.join(''));
const mixedText = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.integer({ min: 0, max: 1e9 }).map(String)), { maxLength: 60 }).map((xs) => xs.join(''));

describe('property: any text', () => {
  test('random Unicode never throws and ranges stay inside', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => assertSound(text, analyse(text))),
      { numRuns: 300 },
    );
  });
  test('report-like fragments in any order', () => {
    fc.assert(
      fc.property(fragmentText, fc.integer({ min: 2015, max: 2026 }), (text, year) => {
        assertSound(text, analyse(text));
        assertSound(text, analyse(text, { year, locale: 'en' }));
      }),
      { numRuns: 600 },
    );
  });
  test('fragments mixed with random strings and numbers', () => {
    fc.assert(fc.property(mixedText, (text) => assertSound(text, analyse(text))), { numRuns: 400 });
  });
});

/** Time of the analysis on `make(n)` and `make(8n)`; the larger must cost far less than a quadratic 64×. */
function assertLinear(name: string, make: (n: number) => string, n: number) {
  const t = (s: string) => {
    analyse(s);
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const a = performance.now();
      analyse(s);
      best = Math.min(best, performance.now() - a);
    }
    return best;
  };
  const small = make(n);
  const large = make(8 * n);
  // 8× the input: allow up to 24× the time (noise, GC, a busy machine), far below the 64× of a quadratic cost. On a
  // shared machine one measurement can be slow; a quadratic cost is slow in every one of three attempts.
  let ts = 0;
  let tl = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    ts = Math.max(t(small), 0.5);
    tl = t(large);
    if (tl < ts * 24) return;
  }
  assert.fail(`${name}: ${ts.toFixed(1)} ms for ${small.length} chars but ${tl.toFixed(1)} ms for ${large.length}`);
}

describe('adversarial input', () => {
  const cases: [string, (n: number) => string, number][] = [
    ['one huge line', (n) => '受理437件，办结434件，办结率97.3%，'.repeat(n / 20), 20_000],
    ['100k headings', (n) => '## 一、标题\n'.repeat(n / 8), 25_000],
    ['numbered paragraphs only', (n) => '（一）段落。\n'.repeat(n / 7), 25_000],
    ['deep nesting', (n) => Array.from({ length: n / 12 }, (_, i) => `${'>'.repeat(i % 40)} ${'  '.repeat(i % 20)}- 一、x`).join('\n'), 12_000],
    ['9999…9 and 0.000…1', (n) => `共${'9'.repeat(n / 2)}件，占${'0.' + '0'.repeat(n / 2)}1%。`, 20_000],
    ['unbalanced 《', (n) => '《'.repeat(n / 2) + '》'.repeat(n / 4) + '《法治', 20_000],
    ['digits without end', (n) => '1'.repeat(n), 20_000],
    ['percent storm', (n) => '1%2%3%4%'.repeat(n / 8), 20_000],
    ['其中 chains', (n) => ('共100件，其中' + '1件、'.repeat(50) + '。').repeat(n / 160), 20_000],
    ['table with thousands of columns', (n) => '|' + ' 1 |'.repeat(n / 8) + '\n|' + ' --- |'.repeat(n / 8) + '\n|' + ' 合计 |'.repeat(n / 8) + '\n', 8_000],
    ['comments everywhere', (n) => '<!-- report-lint-disable x -->\n一、a\n'.repeat(n / 40), 20_000],
    ['generated report', (n) => generateReport(n, 3), 50_000],
  ];
  for (const [name, make, n] of cases) {
    test(`${name}: no exception, sound ranges, linear time`, () => {
      const text = make(n);
      assertSound(text, analyse(text));
      assertLinear(name, make, n);
    });
  }
});

test('a zero count next to a rate is no base (regression: division by zero)', () => {
  for (const body of ['受理0件，办结率99.3%。', '全年0件，办结率50%。', '受理0件，办结0件，办结率0%。', '行政应诉案件0件。出庭应诉率100%。']) {
    const text = `# 某县2023年度法治政府建设情况报告\n\n${body}\n`;
    const a = analyse(text);
    assertSound(text, a);
    assert.deepEqual(a.findings.filter((f) => f.category === 'numbers').map((f) => f.rule), [], body);
  }
});
