// Number relations on the seeds (the done criteria of the number checks), on generated sentences, and on noise.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyse } from '../../server/src/analysis';
import { buildModel } from '../../server/src/analysis/model';
import { agrees, getRelations, labelMatch, rateName } from '../../server/src/analysis/relations';
import { parseDecimal, R, rdiv, rmul } from '../../server/src/analysis/quantities';
import type { Finding } from '../../server/src/analysis/types';

const NUMBER_RULES = new Set(['rate-mismatch', 'share-mismatch', 'breakdown-sum', 'percent-sum', 'table-total', 'rate-impossible', 'growth-mismatch', 'percent-point']);
const seedsDir = join(__dirname, '..', '..', 'seeds');
const seed = (prefix: string) => {
  const f = ['000-haidong-2020.md', '001-jialing-2021.md', '002-wenzhou-2018.md', '003-yitong-2020.md', '004-haiyuan-2023.md'].find((x) => x.startsWith(prefix))!;
  return readFileSync(join(seedsDir, f), 'utf8');
};
const numberFindings = (text: string): (Finding & { figure: string })[] =>
  analyse(text)
    .findings.filter((f) => NUMBER_RULES.has(f.rule))
    .map((f) => ({ ...f, figure: text.slice(f.start, f.end) }));
const report = (text: string) => `# 某县2023年度法治政府建设情况报告\n\n## 一、主要举措和成效\n\n${text}\n`;

describe('seeds', { skip: !existsSync(seedsDir) }, () => {
  test('000: 99.28% is impossible for 371 items; the correct rates and the partial 其中 list are not flagged', () => {
    const f = numberFindings(seed('000'));
    const at = (fig: string) => f.filter((x) => x.figure === fig);
    assert.deepEqual(
      at('99.28%').map((x) => `${x.rule}@${x.severity}`),
      ['rate-impossible@warning'],
    );
    for (const fig of ['99.3%', '99.5%', '98.37%', '100%', '97.8%', '42.47%']) assert.deepEqual(at(fig), [], fig);
    assert.ok(!f.some((x) => x.rule === 'breakdown-sum'), 'the partial list of 调解组织 is normal');
    // 出庭应诉率60.23% cannot come from 186 cases, but the base is not stated: a hint only
    assert.deepEqual(
      at('60.23%').map((x) => `${x.rule}@${x.severity}`),
      ['rate-impossible@info'],
    );
    assert.ok(f.every((x) => x.severity === 'info' || x.figure === '99.28%'));
  });
  test('002: 35% is flagged against 920; 17.3% and 23.4% are not', () => {
    const f = numberFindings(seed('002'));
    const share = f.find((x) => x.figure === '35%');
    assert.ok(share, '35% flagged');
    assert.equal(share.rule, 'share-mismatch');
    assert.ok(share.related?.some((r) => r.message.includes('920')));
    assert.match(share.message, /920/);
    assert.ok(!f.some((x) => x.figure === '17.3%' || x.figure === '23.4%'));
    assert.ok(f.every((x) => x.severity === 'info' || x.figure === '35%'));
  });
  test('003: the 17%/22%/11% weights are never summed; the 78/11/11 shares agree', () => {
    assert.deepEqual(
      numberFindings(seed('003')).map((x) => x.figure),
      [],
    );
  });
  test('004: 31.25% uses the base 32; 99.15% truncated and 74.5% rounded are accepted', () => {
    assert.deepEqual(
      numberFindings(seed('004')).filter((x) => x.severity !== 'info'),
      [],
    );
    const rel = getRelations(buildModel(seed('004'))).find((r) => r.formula === '10÷32');
    assert.ok(rel && rel.status === 'ok');
  });
  test('001: no warnings or errors', () => {
    assert.deepEqual(
      numberFindings(seed('001')).filter((x) => x.severity !== 'info'),
      [],
    );
  });
});

describe('names and labels', () => {
  test('rate names', () => {
    assert.equal(rateName('办结率')?.stem, '办结');
    assert.equal(rateName('化解成功率')?.stem, '化解成功');
    assert.equal(rateName('划转占比')?.kind, 'share');
    assert.equal(rateName('同比增长率'), undefined);
    assert.equal(rateName('受理437件'), undefined);
  });
  test('label matching prefers the counted thing', () => {
    assert.equal(labelMatch('办结', '已办结'), 2);
    assert.equal(labelMatch('化解成功', '调解成功'), 1);
    assert.equal(labelMatch('网上可办', '可网上办理'), 1);
    assert.equal(labelMatch('出庭应诉', '参与行政应诉案件'), 0);
    assert.equal(labelMatch('一窗受理', '受理市本级办件量小的'), 0);
    assert.equal(labelMatch('办结', '审结'), 1);
  });
  test('rounding policy: half-up or truncated, nothing beyond', () => {
    const stated = (s: string) => {
      const v = parseDecimal(s);
      return { start: 0, end: 0, numStart: 0, numEnd: 0, value: v, decimals: s.includes('.') ? s.split('.')[1]!.length : 0, percent: true, approx: false, form: 'arabic' as const, fullWidth: false };
    };
    const p = (a: number, b: number) => rmul(rdiv(R(a), R(b)), R(100));
    assert.equal(agrees(stated('99.16'), p(1766, 1781)), 'round');
    assert.equal(agrees(stated('99.15'), p(1766, 1781)), 'trunc');
    assert.equal(agrees(stated('99.17'), p(1766, 1781)), false);
    assert.equal(agrees(stated('74.5'), p(353, 474)), 'round');
    assert.equal(agrees(stated('74.4'), p(353, 474)), 'trunc');
    assert.equal(agrees(stated('74.6'), p(353, 474)), false);
  });
});

describe('generated sentences', () => {
  // Sentences in the shapes reports use, with random counts: a correct rate is never flagged, a wrong one always is.
  const shapes = [
    (b: number, p: number, r: string) => `全年受理信访事项${b}件，办结${p}件，办结率${r}%。`,
    (b: number, p: number, r: string) => `共有${b}名执法人员参加考试，通过${p}人，通过率为${r}%。`,
    (b: number, p: number, r: string) => `全年调解各类纠纷${b}起，调解成功${p}起，调解成功率达${r}%。`,
    (b: number, p: number, r: string) => `全市各级行政复议机关审结${b}件，直接纠错${p}件，纠错率${r}%。`,
  ];
  const rateOf = (p: number, b: number, d: number) => {
    const x = rmul(rdiv(R(p), R(b)), R(100));
    const s = (x.n * 10n ** BigInt(d) * 2n + x.d) / (2n * x.d); // half-up
    const str = s.toString().padStart(d + 1, '0');
    return d ? str.slice(0, -d) + '.' + str.slice(-d) : str;
  };
  test('a correct rate is never flagged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: shapes.length - 1 }), (b, frac, d, si) => {
        const p = Math.floor(b * frac);
        const text = report(shapes[si]!(b, p, rateOf(p, b, d)));
        const f = numberFindings(text).filter((x) => x.severity !== 'info');
        assert.deepEqual(f, [], text);
      }),
      { numRuns: 300 },
    );
  });
  test('a rate off by more than rounding is flagged with the computed value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 50000 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: shapes.length - 1 }), fc.integer({ min: 2, max: 30 }), (b, frac, d, si, off) => {
        const p = Math.floor(b * frac);
        const right = rateOf(p, b, d);
        const wrongScaled = BigInt(right.replace('.', '')) + BigInt(off);
        const s = wrongScaled.toString().padStart(d + 1, '0');
        const wrong = s.slice(0, -d) + '.' + s.slice(-d);
        const text = report(shapes[si]!(b, p, wrong));
        const f = numberFindings(text).filter((x) => x.rule === 'rate-mismatch');
        assert.equal(f.length, 1, text);
        assert.equal(f[0]!.figure, wrong + '%');
        assert.ok(f[0]!.message.includes(right + '%'), `${f[0]!.message} should name ${right}%`);
        assert.equal(f[0]!.fixes?.[0]?.edits[0]?.newText, right);
      }),
      { numRuns: 200 },
    );
  });
  test('noise never throws and stays in bounds', () => {
    const alphabet = [...'0123456789０１２３４５６７８９.,，。；、：%％（）()“”《》〔〕一二三四五六七八九十百千万亿零两件项人次个率占其中分别为约余多近超以上同比增长下降提高个百分点合计|- \n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }), (chars) => {
        const text = report(chars.join(''));
        const a = analyse(text);
        assert.deepEqual(a.internalErrors, []);
        for (const f of a.findings) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end);
      }),
      { numRuns: 300 },
    );
  });
});
