// The fast path of the names scan and the cost of the names and dates checks: the keys of all lines built at once
// equal toKey of each line; the checks stay linear on lines crowded with names, titles and relative dates.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseModel, buildModel, checks } from '../../server/src/analysis';
import { spanKeyCodes, toKey } from '../../server/src/analysis/names';

const keysOf = (s: string, spans: [number, number][]) => {
  const k = spanKeyCodes(
    s,
    spans.map((x) => x[0]),
    spans.map((x) => x[1]),
    spans.length,
  );
  return spans.map((_, i) => String.fromCharCode(...k.codes.subarray(k.from[i], k.to[i])));
};

describe('line keys in one pass', () => {
  test('equal toKey on the cases of the matching key', () => {
    for (const s of [
      '《法治社会建设实施纲要（2021－2025年）》',
      '《法治社会建设实施纲要（20212025年）》',
      '《法治社会建设实施纲要（2021年至2025年）》',
      '〈法治社会建设实施纲要 (2021 - 2025年)〉',
      '依据《中华人民共和国合同法》第五十二条',
      '市场准入负面清单（2019年版）',
      '电话20212019',
      '编号202120250',
      '12019年版',
      '2021年2025年3月',
      '2021-20250',
      '——-- —— 2021—2025',
      '《中华人民共和',
      '',
    ])
      assert.deepEqual(keysOf(s, [[0, s.length]]), [toKey(s).key], s);
  });

  const TOKENS = ['1', '2', '0', '9', '19', '20', '2021', '2025', '2019', '年', '版', '-', '—', '～', '至', '到', '《', '〈', '中华人民共和国', '《中华人民共和国', '(', '（', ' ', '　', '“', '*', '５', '－', '工商局', '纲要', '、', '。'];
  test('property: several spans of any token string', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((xs) => xs.join('')),
        fc.array(fc.nat(), { maxLength: 6 }),
        (s, cuts) => {
          const points = [0, s.length, ...cuts.map((c) => c % (s.length + 1))].sort((a, b) => a - b);
          const spans: [number, number][] = [];
          for (let i = 0; i + 1 < points.length; i++) spans.push([points[i]!, points[i + 1]!]);
          assert.deepEqual(
            keysOf(s, spans),
            spans.map(([a, b]) => toKey(s.slice(a, b)).key),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

const OWN = new Set(['outdated-name', 'miscited-title', 'report-year-mismatch', 'heading-year', 'signing-date', 'relative-date']);
const onlyOwn = { severities: Object.fromEntries(checks.filter((c) => !OWN.has(c.id)).map((c) => [c.id, 'off' as const])) };

/** Time of the names and dates checks on `make(n)` and `make(4n)`; the larger must not cost much more than 4×. */
function assertLinear(name: string, make: (n: number) => string, n: number) {
  const t = (s: string) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const model = buildModel(s);
      const a = performance.now();
      analyseModel(model, onlyOwn);
      best = Math.min(best, performance.now() - a);
    }
    return best;
  };
  t(make(n));
  // On a shared, loaded machine one measurement can be slow; quadratic growth is slow in every attempt.
  let ts = 0;
  let tl = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    ts = Math.max(t(make(n)), 0.5);
    tl = t(make(4 * n));
    if (tl < ts * 12) return;
  }
  assert.fail(`${name}: ${ts.toFixed(1)} ms for ${n} but ${tl.toFixed(1)} ms for ${4 * n}`);
}

describe('names and dates checks: linear time', () => {
  const head = '# 某县人民政府关于2023年度法治政府建设情况的报告\n\n2023年，某县坚持依法行政。\n\n## 一、2023年度推进法治政府建设的主要举措和成效\n\n';
  const cases: [string, (n: number) => string][] = [
    ['institutions on one line', (n) => head + '县工商局、'.repeat(n / 5)],
    ['traditional institutions and laws on one line', (n) => head + '縣工商局、《信訪條例》'.repeat(n / 11)],
    ['plans on one line', (n) => head + '按照《法治政府建设实施纲要（2015－2020年）》'.repeat(n / 25)],
    ['names inside one long title', (n) => head + '《关于县工商局、'.repeat(n / 8)],
    ['relative dates in one sentence', (n) => head + '今年去年明年，'.repeat(n / 7)],
    ['statements of the report year on one line', (n) => head + '向市政府报送关于2021年法治政府建设情况的报告，'.repeat(n / 24)],
  ];
  for (const [name, make] of cases) test(name, () => assertLinear(name, make, 4000));
});
