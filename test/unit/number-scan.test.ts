// The single-pass scan under the number checks: what it reads as it goes (parentheses, brackets, the marks the
// relations use) must equal what the definitions say, and the fast paths must give the exact answers.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildModel } from '../../server/src/analysis/model';
import { getQuantities, getTextMarks, quantitiesOf, R, rdiv, rmul, HUNDRED, rToString } from '../../server/src/analysis/quantities';
import { agrees, getRelations, pct } from '../../server/src/analysis/relations';
import { normalise } from '../../server/src/analysis/normalise';

const report = (text: string) => `# 某县2023年度法治政府建设情况报告\n\n## 一、主要举措和成效\n\n${text}\n`;

/** The definition: an unclosed ( before pos on its line, in its sentence (after the last 。), at most 120 back. */
function inParens(norm: string, lineStart: number, pos: number): boolean {
  let depth = 0;
  for (let k = pos - 1; k >= lineStart && k >= pos - 120; k--) {
    const c = norm[k];
    if (c === ')' || c === '）') depth++;
    else if (c === '(' || c === '（') {
      if (depth === 0) return true;
      depth--;
    } else if (c === '。') return false;
  }
  return false;
}

const FRAGMENTS = ['（', '）', '(', ')', '。', '，', '受理', '办结', '含上年结转', '12件', '3人', '99.3%', '四十二件', '说明', '《条例》', '“最多跑一次”', '〔2023〕5号', '一二三四五六七八九十'.repeat(2)];
const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((xs) => xs.join(''));

describe('figures in parentheses', () => {
  test('paren is the innermost unclosed parenthesis of the sentence, at most 120 characters back', () => {
    fc.assert(
      fc.property(fragmentText, (text) => {
        const norm = normalise(text).norm;
        for (const q of quantitiesOf(text)) assert.equal(q.paren, inParens(norm, 0, q.start), `${text} @${q.start}`);
      }),
      { numRuns: 500 },
    );
  });
  test('examples', () => {
    const paren = (t: string) => quantitiesOf(t).map((q) => `${t.slice(q.start, q.end)}:${q.paren}`);
    assert.deepEqual(paren('办结434件（含上年结转176件）'), ['434件:false', '176件:true']);
    assert.deepEqual(paren('（说明。共3件'), ['3件:false']);
    assert.deepEqual(paren('（' + '说'.repeat(110) + '3件'), ['3件:true']);
    assert.deepEqual(paren('（' + '说'.repeat(130) + '3件'), ['3件:false']);
    assert.deepEqual(paren('（甲）乙）3件'), ['3件:false']);
  });
});

describe('protected ranges', () => {
  test('titles, document numbers and short quotes, however deep the brackets', () => {
    const figs = (t: string) => quantitiesOf(t).map((q) => t.slice(q.start, q.end));
    assert.deepEqual(figs('《关于印发3项制度的通知》明确5项'), ['5项']);
    assert.deepEqual(figs('“12345件”受理12件'), ['12件']);
    assert.deepEqual(figs('“' + '长'.repeat(20) + '12件”'), ['12件']);
    // an unclosed title protects nothing
    assert.deepEqual(figs('《未闭合 受理12件'), ['12件']);
    // a closer drops the openers above its own
    assert.deepEqual(figs('《甲【3件》4件】'), ['4件']);
    // at most 32 pending openers are kept: a later one protects nothing, an earlier one still does
    assert.deepEqual(figs('【'.repeat(32) + '《7件》'), ['7件']);
    assert.deepEqual(figs('《'.repeat(40) + '7件》'), []);
    assert.deepEqual(figs('《'.repeat(31) + '【7件】'), []);
  });
});

describe('exact values', () => {
  const value = (t: string) => quantitiesOf(t).map((q) => rToString(q.value, 10));
  test('long numbers beyond the exact range of doubles', () => {
    assert.deepEqual(value('金额123456789012.345678元'), ['123456789012.345678']);
    assert.deepEqual(value('金额999,999,999,999.99元'), ['999999999999.99']);
    assert.deepEqual(value('共九千九百亿亿五万元'), ['99000000000000050000']);
    assert.deepEqual(value('编号12345678901234567件'), []);
  });
  test('shared small values are never changed by multipliers', () => {
    const [a, b, c] = quantitiesOf('受理12件，金额12万元，另12件');
    assert.equal(rToString(a!.value), '12');
    assert.equal(rToString(b!.value), '120000');
    assert.equal(rToString(c!.value), '12');
  });
  test('pct is part ÷ base × 100 as a rational', () => {
    for (const [p, b] of [
      [R(1), R(3)],
      [R(434), R(437)],
      [{ n: 468n, d: 100n }, { n: 5n, d: 1n }],
      [R(0), R(7)],
    ] as const) {
      assert.deepEqual(pct(p, b), rmul(rdiv(p, b), HUNDRED));
    }
  });
});

describe('rates with counts of any size', () => {
  const rel = (text: string) => getRelations(buildModel(report(text))).filter((r) => r.kind === 'rate');
  test('whole counts beyond 2^53 are judged exactly', () => {
    // 12345678901230 ÷ 12345678901234 = 99.99999996760…%: 100.00% rounded, 99.99% truncated
    const status = (rate: string) => rel(`受理12345678901234件，办结12345678901230件，办结率${rate}。`).map((r) => r.status);
    assert.deepEqual(status('100.00%'), ['ok']);
    assert.deepEqual(status('99.99%'), ['truncated']);
    assert.deepEqual(status('99.9999%'), ['truncated']);
    assert.deepEqual(status('99.98%'), ['mismatch']);
  });
  test('decimal counts', () => {
    const [r] = rel('涉案金额4.68万元，已追回2.34万元，追回率50%。');
    assert.equal(r?.status, 'ok');
    assert.equal(agrees(r!.stated, r!.exact!), 'round');
  });
});

describe('sentences and markers', () => {
  test('the marks recorded by the scan include every sentence end, colon, 其中 and 分别 of the running text', () => {
    const dir = join(__dirname, '..', '..', 'seeds');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    texts.push(report('受理437件，其中网上申请21件：分别为甲12件、乙9件！占4.8%？百分之五十，三个百分点，三分之一。'));
    for (const text of texts) {
      const m = buildModel(text);
      const marks = getTextMarks(m);
      // a 其 or 分 matters only before 中 or 别 (the scan skips the 分 of 百分之, 个百分点, 三分之一)
      const matters = (i: number) => '。!?！？:'.includes(m.norm[i]!) || m.norm.startsWith('其中', i) || m.norm.startsWith('分别', i);
      const got = Array.from(marks.pos).filter(matters);
      const want: number[] = [];
      m.lines.forEach((ln) => {
        if (ln.kind === 'table-row') return;
        for (let i = ln.start; i < ln.end; i++) if (matters(i)) want.push(i);
      });
      assert.deepEqual(got, want);
      assert.equal(marks.lineStart.length, m.lines.length + 1);
    }
  });
  test('a paragraph over several lines is one block with its sentences', () => {
    const text = report('全年受理437件，\n办结434件，办结率99.3%。\n新收300件！结案率99%');
    const rates = getRelations(buildModel(text)).filter((r) => r.kind === 'rate');
    // 结案率99% is in the sentence after ！, which has no count
    assert.deepEqual(
      rates.map((r) => `${r.status} ${r.formula} ${r.distant}`),
      ['ok 434÷437 false'],
    );
  });
  test('a 其中 list over two lines', () => {
    const text = report('共开展执法检查120次，其中联合检查50次、\n专项检查80次。');
    const [bd] = getRelations(buildModel(text)).filter((r) => r.kind === 'breakdown');
    assert.equal(bd?.status, 'over');
    assert.equal(bd?.formula, '50+80');
  });
});

describe('no state carried between documents', () => {
  test('relations of a document do not depend on what was analysed before', () => {
    const dir = join(__dirname, '..', '..', 'seeds');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    const ser = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
    const alone = texts.map((t) => ser(getRelations(buildModel(t))));
    // again, in reverse order, after other documents
    for (let k = texts.length - 1; k >= 0; k--) assert.equal(ser(getRelations(buildModel(texts[k]!))), alone[k]);
    for (const t of texts) assert.equal(getQuantities(buildModel(t)).all.length > 0, true);
  });
});
