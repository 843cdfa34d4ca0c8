// The text toolkit (server/src/analysis/text/): binary search, line tables, character width, sentence ends,
// traditional → simplified, the document's script, and the message formatter.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lowerBound, partitionPoint, upperBound } from '../../server/src/analysis/text/search';
import { computeLineStarts, LINE_HEADING, LINE_OTHER, LINE_PARAGRAPH, LINE_TABLE_ROW, lineOfOffset, lineTable } from '../../server/src/analysis/text/lines';
import { fullWidthDigits, halfWidthCode, hasFullWidthDigit, isFullWidthDigit } from '../../server/src/analysis/text/width';
import { FULL_STOPS, isSentenceEnd, SENTENCE_ENDS } from '../../server/src/analysis/text/sentences';
import { simplifiedCode, simplify } from '../../server/src/analysis/text/simplify';
import { toDocumentScript } from '../../server/src/analysis/text/script';
import { fillTemplate } from '../../server/src/analysis/text/template';
import { buildModel } from '../../server/src/analysis/model';
import { normalise } from '../../server/src/analysis/normalise';

describe('binary search', () => {
  const sorted = fc.array(fc.integer({ min: -50, max: 50 })).map((xs) => xs.sort((a, b) => a - b));
  test('lowerBound and upperBound equal a linear search, on any range', () => {
    fc.assert(
      fc.property(sorted, fc.integer({ min: -60, max: 60 }), fc.nat(), fc.nat(), (xs, v, a, b) => {
        const lo = Math.min(a, b) % (xs.length + 1);
        const hi = Math.max(lo, Math.max(a, b) % (xs.length + 1));
        let lb = lo;
        while (lb < hi && xs[lb]! < v) lb++;
        let ub = lo;
        while (ub < hi && xs[ub]! <= v) ub++;
        assert.equal(lowerBound(xs, v, lo, hi), lb);
        assert.equal(upperBound(xs, v, lo, hi), ub);
        assert.equal(lowerBound(Int32Array.from(xs), v, lo, hi), lb);
      }),
    );
  });
  test('partitionPoint finds where a prefix predicate turns false', () => {
    assert.equal(partitionPoint(0, 0, () => true), 0);
    assert.equal(partitionPoint(0, 10, () => true), 10);
    assert.equal(partitionPoint(0, 10, () => false), 0);
    assert.equal(partitionPoint(3, 10, (i) => i < 7), 7);
    const spans = [{ end: 3 }, { end: 8 }, { end: 8 }, { end: 20 }];
    assert.equal(partitionPoint(0, spans.length, (i) => spans[i]!.end <= 8), 3);
  });
});

describe('line tables', () => {
  test('line starts for \\n, \\r\\n and \\r, and the line of an offset', () => {
    const text = 'a\nbc\r\nd\re';
    const starts = computeLineStarts(text);
    assert.deepEqual(starts, [0, 2, 6, 8]);
    const want = [0, 0, 1, 1, 1, 1, 2, 2, 3, 3];
    for (let off = 0; off <= text.length; off++) assert.equal(lineOfOffset(starts, off), want[off], `offset ${off}`);
    assert.equal(lineOfOffset(starts, -1), 0);
    assert.deepEqual(computeLineStarts(''), [0]);
  });
  test('lineTable holds the starts, ends and kinds of model.lines, once per lines array', () => {
    const m = buildModel('# 标题\n\n正文一段。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n```\ncode\n```\n');
    const t = lineTable(m.lines);
    assert.equal(t.count, m.lines.length);
    const kinds = { heading: LINE_HEADING, paragraph: LINE_PARAGRAPH, 'table-row': LINE_TABLE_ROW } as Record<string, number>;
    m.lines.forEach((ln, i) => {
      assert.equal(t.start[i], ln.start);
      assert.equal(t.end[i], ln.end);
      assert.equal(t.kind[i], kinds[ln.kind] ?? LINE_OTHER);
    });
    assert.equal(lineTable(m.lines), t);
    assert.ok([...t.kind].includes(LINE_TABLE_ROW));
  });
});

describe('character width', () => {
  test('half-width forms of the full-width ASCII forms only', () => {
    assert.equal(String.fromCharCode(halfWidthCode('３'.charCodeAt(0))), '3');
    assert.equal(String.fromCharCode(halfWidthCode('（'.charCodeAt(0))), '(');
    assert.equal(String.fromCharCode(halfWidthCode('～'.charCodeAt(0))), '~');
    for (const ch of ['。', '、', '《', 'a', '汉', '｟']) assert.equal(halfWidthCode(ch.charCodeAt(0)), ch.charCodeAt(0), ch);
  });
  test('full-width digits: recognised and written', () => {
    assert.ok(isFullWidthDigit('０'.charCodeAt(0)) && isFullWidthDigit('９'.charCodeAt(0)));
    assert.ok(!isFullWidthDigit('0'.charCodeAt(0)) && !isFullWidthDigit('．'.charCodeAt(0)));
    assert.ok(hasFullWidthDigit('共１２件'));
    assert.ok(!hasFullWidthDigit('共12件'));
    assert.equal(fullWidthDigits('2024'), '２０２４');
    assert.equal(fullWidthDigits('99.31'), '９９．３１');
    assert.equal(fullWidthDigits('第3.节 v.2'), '第３.节 v.２');
    fc.assert(fc.property(fc.stringMatching(/^[0-9.]{0,12}$/), (s) => assert.equal([...normalise(fullWidthDigits(s)).norm].join(''), s)));
  });
});

describe('sentence ends', () => {
  test('。 ! ? end a sentence; ; ends one part of it; folded full-width forms are the same characters', () => {
    assert.equal(FULL_STOPS, '。!?');
    assert.equal(SENTENCE_ENDS, '。!?;');
    for (const ch of '。!?;') assert.ok(isSentenceEnd(ch.charCodeAt(0)), ch);
    for (const ch of '，、:："') assert.ok(!isSentenceEnd(ch.charCodeAt(0)), ch);
    // in normalised text ！？；are ! ? ;
    const norm = normalise('甲！乙？丙；丁').norm;
    assert.deepEqual([...norm].filter((c) => isSentenceEnd(c.charCodeAt(0))), ['!', '?', ';']);
    assert.ok(!isSentenceEnd(NaN));
  });
});

describe('traditional and simplified', () => {
  test('character by character, one code unit for one', () => {
    assert.equal(simplify('法治政府建設與責任落實'), '法治政府建设与责任落实');
    assert.equal(simplify('依法行政，abc１２３'), '依法行政，abc１２３');
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => assert.equal(simplify(s).length, s.length)));
  });
  test('normalise uses the same conversion', () => {
    const text = '行政復議機關審結案件，調解成功率為９５％。';
    const { norm } = normalise(text);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x3400 && c < 0xff00) assert.equal(norm.charCodeAt(i), simplifiedCode(c), text[i]);
    }
    assert.equal(norm, '行政复议机关审结案件,调解成功率为95%。');
  });
  test('text written into a document follows its script', () => {
    const simplified = { text: '某县2023年法治政府建设情况', traditional: false };
    const traditional = { text: '某縣2023年法治政府建設情況', traditional: true };
    assert.equal(toDocumentScript(simplified, '存在的不足和原因'), '存在的不足和原因');
    assert.equal(toDocumentScript(traditional, '主要举措和成效'), '主要舉措和成效');
    assert.equal(toDocumentScript(traditional, '下一年度工作计划'), '下一年度工作計劃');
    // Hong Kong forms when the document uses them
    assert.equal(toDocumentScript(traditional, '卫生健康委员会'), '衛生健康委員會');
    assert.equal(toDocumentScript({ text: '某縣衞生院', traditional: true }, '卫生健康委员会'), '衞生健康委員會');
  });
});

describe('message formatter', () => {
  test('named placeholders, numbers, repeats; a placeholder without an argument stays as written', () => {
    assert.equal(fillTemplate('办结率应为{rate}（{a}÷{b}），文中为{stated}', { rate: '99.3%', a: 434, b: 437, stated: '97.3%' }), '办结率应为99.3%（434÷437），文中为97.3%');
    assert.equal(fillTemplate('{year}年工作总结和{nextYear}年工作打算', { year: 2023, nextYear: 2024 }), '2023年工作总结和2024年工作打算');
    assert.equal(fillTemplate('{x}{x}', { x: 1 }), '11');
    assert.equal(fillTemplate('{missing} and {toString}', {}), '{missing} and {toString}');
    assert.equal(fillTemplate('no placeholders'), 'no placeholders');
    assert.equal(fillTemplate('{a}', { a: '{b}', b: 'x' }), '{b}');
  });
});
