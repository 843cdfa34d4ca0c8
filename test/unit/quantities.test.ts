// Quantity extraction from running text and the exact arithmetic under the number checks.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatLike,
  getQuantities,
  parseCellNumber,
  parseDecimal,
  quantitiesOf,
  R,
  rdiv,
  roundScaled,
  rToString,
  stripTrailingVerbs,
  toChineseInteger,
  truncScaled,
  extractQuantities,
  getTextMarks,
  MARK_COLON,
  MARK_FEN,
  MARK_OF,
  MARK_QI,
  MARK_SENTENCE_END,
  QuantityScanner,
  type Quantity,
} from '../../server/src/analysis/quantities';
import { MarkRecorder } from '../../server/src/analysis/quantities/marks';
import type { ReportModel } from '../../server/src/analysis/types';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../server/src/analysis/model';
import { normalise } from '../../server/src/analysis/normalise';

const q = (text: string) => quantitiesOf(text);
/** "figure=value unit" for each quantity, e.g. "437件=437 件". */
const brief = (text: string) => q(text).map((x) => `${text.slice(x.start, x.end)}=${rToString(x.value)}${x.unit === '%' ? '%' : ' ' + x.unit}${x.approx ? '~' : ''}`);
const one = (text: string): Quantity => {
  const all = q(text);
  assert.equal(all.length, 1, `one quantity in ${text}: ${brief(text).join(', ')}`);
  return all[0]!;
};

describe('number forms', () => {
  test('Arabic numbers, decimals and thousands separators', () => {
    assert.deepEqual(brief('受理437件，办结434件，办结率99.3%'), ['437件=437 件', '434件=434 件', '99.3%=99.3%']);
    assert.deepEqual(brief('调解矛盾纠纷1,286件'), ['1,286件=1286 件']);
    assert.deepEqual(brief('执法人员１，２０５名'), ['１，２０５名=1205 名']);
    assert.deepEqual(brief('金额12,345,678元'), ['12,345,678元=12345678 元']);
  });
  test('a comma that is not a thousands separator', () => {
    // list separators: "12，34件" (two digits after the comma), a first group of more than three digits
    assert.deepEqual(brief('分别为12，34件'), ['34件=34 件']);
    assert.deepEqual(brief('共1234,567件'), []);
  });
  test('万 and 亿 multipliers', () => {
    assert.deepEqual(brief('受理群众诉求4.68万件'), ['4.68万件=46800 件']);
    assert.deepEqual(brief('涉及金额3.62亿元，罚款23万元'), ['3.62亿元=362000000 元', '23万元=230000 元']);
    assert.deepEqual(brief('覆盖群众1.2万人次'), ['1.2万人次=12000 人次']);
    const x = one('纠纷涉及金额6953.176万元');
    assert.equal(rToString(x.value), '69531760');
    assert.equal(x.unitRaw, '万元');
  });
  test('Chinese numerals', () => {
    assert.deepEqual(brief('三个乡镇，二十六件，一百零五人，两万元，十二场次，四百三十人次'), [
      '三个=3 个',
      '二十六件=26 件',
      '一百零五人=105 人',
      '两万元=20000 元',
      '十二场次=12 场次',
      '四百三十人次=430 人次',
    ]);
    assert.equal(rToString(one('一千零一十件').value), '1010');
    assert.equal(rToString(one('一万二千件').value), '12000');
    assert.equal(one('二十六件').form, 'chinese');
  });
  test('percentages: %, ％, 百分之…, 个百分点', () => {
    const a = one('办结率99.3%');
    assert.ok(a.percent);
    assert.equal(a.decimals, 1);
    assert.equal(a.unitRaw, '%');
    const b = one('占７８％');
    assert.ok(b.percent && b.fullWidth);
    assert.equal(rToString(b.value), '78');
    assert.equal(b.unitRaw, '％');
    const c = one('通过率百分之七十四点五');
    assert.ok(c.percent);
    assert.equal(rToString(c.value), '74.5');
    assert.equal(c.decimals, 1);
    assert.equal('通过率百分之七十四点五'.slice(c.start, c.end), '百分之七十四点五');
    assert.equal(rToString(one('审核率达到百分之百').value), '100');
    const d = one('提高5.78个百分点');
    assert.equal(d.unit, 'pp');
    assert.ok(!d.percent);
  });
  test('fractions are approximate shares', () => {
    const f = one('约占三分之一');
    assert.ok(f.percent && f.approx);
    assert.equal(f.form, 'fraction');
  });
  test('full-width digits are recorded as full-width', () => {
    const x = one('审结８２件');
    assert.ok(x.fullWidth);
    assert.equal(rToString(x.value), '82');
    assert.ok(!one('审结82件').fullWidth);
  });
});

describe('approximate markers', () => {
  for (const t of ['3000余件', '3000多件', '近3000件', '约3000件', '超3000件', '3000件左右', '95%以上', '逾3000件', '将近3000件', '十多个', '不少于3000件', '超过3000件']) {
    test(t, () => assert.ok(one(t).approx, t));
  }
  test('exact figures are not approximate', () => {
    for (const t of ['达3000件', '共3000件', '为95%', '最近受理3000件']) assert.ok(!one(t).approx, t);
  });
});

describe('not quantities', () => {
  const none = (t: string) => test(t, () => assert.deepEqual(brief(t), [], t));
  none('2023年');
  none('2023年度法治政府建设');
  none('3月1日');
  none('2023年12月31日');
  none('第一，第3次会议');
  none('一是加强领导，二是完善机制');
  none('党的十九大和十九届二中全会');
  none('七五普法，十四五规划');
  none('厅字〔2019〕28号');
  none('吉政数办函[2019]38号');
  none('《海东市2020年法治政府建设工作要点》');
  none('“12345”热线，12348热线');
  none('“最多跑一次”“一次申请、两次救济”');
  none('3-5个工作日');
  none('3至5个');
  none('5至8名');
  none('3个工作日、6个月、24小时');
  none('统一部署，进一步，唯一');
  none('5G基站，V2.0版');
  none('0398-1234567');
  none('2023.12.31');
});

describe('units and classes', () => {
  test('persons', () => {
    assert.equal(one('474名').unitClass, one('353人').unitClass);
    assert.equal(one('3位').unitClass, one('3人').unitClass);
  });
  test('cases', () => {
    assert.equal(one('1781起').unitClass, one('1766件').unitClass);
    assert.equal(one('291宗').unitClass, '件');
  });
  test('different things stay apart', () => {
    assert.notEqual(one('14个').unitClass, one('79项').unitClass);
    assert.notEqual(one('5957次').unitClass, one('1781起').unitClass);
    assert.notEqual(one('420人次').unitClass, one('16414次').unitClass);
  });
  test('a unit character inside a word is not a unit', () => {
    assert.deepEqual(brief('两部门联合'), []);
    assert.deepEqual(brief('3起草'), []);
  });
});

describe('labels', () => {
  test('back to the previous punctuation or quantity', () => {
    const qs = q('全年调解各类纠纷4418件，调解成功4346件，成功率98.37%');
    assert.deepEqual(
      qs.map((x) => x.label),
      ['全年调解各类纠纷', '调解成功', '成功率'],
    );
    const r = q('受理437件办结434件办结率99.3%');
    assert.deepEqual(
      r.map((x) => x.label),
      ['受理', '办结', '办结率'],
    );
  });
  test('keys drop linking verbs', () => {
    assert.equal(one('进驻率达99.28%').key, '进驻率');
    assert.equal(one('和解、调解率为23.4%').key, '和解、调解率');
    assert.equal(one('完成进驻行政许可、公共服务事项共371项').key, '完成进驻行政许可、公共服务事项');
    assert.equal(stripTrailingVerbs('通过率达到了'), '通过率');
  });
  test('traditional characters are read through the normalised text', () => {
    const x = q('辦結434件，辦結率99.3%');
    assert.deepEqual(
      x.map((y) => y.label),
      ['办结', '办结率'],
    );
  });
  test('parenthesised quantities are marked', () => {
    const qs = q('审结920件（含上年结转案件176件），直接纠错159件');
    assert.deepEqual(
      qs.map((x) => [rToString(x.value), x.paren, x.label]),
      [
        ['920', false, '审结'],
        ['176', true, '含上年结转案件'],
        ['159', false, '直接纠错'],
      ],
    );
  });
});

describe('exact arithmetic', () => {
  test('round half-up and truncate', () => {
    const r = rdiv(R(1766 * 100), R(1781)); // 99.1578…
    assert.equal(roundScaled(r, 2), 9916n);
    assert.equal(truncScaled(r, 2), 9915n);
    const h = rdiv(R(353 * 100), R(474)); // 74.4725…
    assert.equal(roundScaled(h, 1), 745n);
    assert.equal(truncScaled(h, 1), 744n);
    assert.equal(roundScaled(parseDecimal('0.125'), 2), 13n); // half-up, not banker's
    assert.equal(roundScaled(R(10, 32), 4), 3125n);
  });
  test('parseDecimal is exact', () => {
    const v = parseDecimal('99.28');
    assert.equal(v.n, 9928n);
    assert.equal(v.d, 100n);
  });
  test('formatLike keeps the writer’s form', () => {
    assert.equal(formatLike({ form: 'arabic', fullWidth: false, decimals: 1 }, 993n), '99.3');
    assert.equal(formatLike({ form: 'arabic', fullWidth: true, decimals: 2 }, 9535n), '９５．３５');
    assert.equal(formatLike({ form: 'chinese', fullWidth: false, decimals: 1 }, 745n), '七十四点五');
    assert.equal(formatLike({ form: 'arabic', fullWidth: false, decimals: 0 }, 17n), '17');
    assert.equal(formatLike({ form: 'arabic', fullWidth: false, decimals: 2 }, 5n), '0.05');
  });
  test('Chinese integers', () => {
    assert.equal(toChineseInteger(105n), '一百零五');
    assert.equal(toChineseInteger(26n), '二十六');
    assert.equal(toChineseInteger(10n), '十');
    assert.equal(toChineseInteger(1010n), '一千零一十');
    assert.equal(toChineseInteger(20000n), '二万');
    assert.equal(toChineseInteger(120005n), '十二万零五');
  });
  test('Chinese numerals round-trip through the parser', () => {
    for (const n of [1n, 9n, 10n, 11n, 20n, 99n, 100n, 101n, 110n, 999n, 1000n, 1001n, 1010n, 4418n, 10000n, 10001n, 12345n, 100000n, 1000000n]) {
      const s = toChineseInteger(n) + '件';
      const got = q(s);
      if (n === 1n) continue; // a lone 一 is never read as a quantity
      assert.equal(got.length, 1, s);
      assert.equal(rToString(got[0]!.value), n.toString(), s);
    }
  });
});

describe('table cells', () => {
  const cell = (t: string) => {
    const n = normalise(t).norm;
    return parseCellNumber(n, 0, n.length, t);
  };
  test('numbers, percents and forms', () => {
    assert.equal(rToString(cell(' 1,240 ')!.value), '1240');
    assert.ok(cell('99.3%')!.percent);
    assert.equal(rToString(cell('4.68万')!.value), '46800');
    assert.ok(cell('约98%')!.approx);
    assert.ok(cell('９５．３５％')!.fullWidth);
    assert.equal(cell('甲镇'), undefined);
    assert.equal(cell('—'), undefined);
    assert.equal(cell('2023年'), undefined);
  });
});

describe('per-model cache', () => {
  test('extracted once per model', () => {
    const m = buildModel('# 某县2023年度法治政府建设情况报告\n\n受理437件，办结434件，办结率99.3%。\n');
    const a = getQuantities(m);
    assert.equal(getQuantities(m), a);
    assert.equal(a.all.length, 3);
    // offsets found in the normalised text are offsets in the original
    for (const x of a.all) assert.equal(m.text.slice(x.start, x.end), m.norm.slice(x.start, x.end));
  });
  test('offsets point into the original text (full-width, traditional)', () => {
    const text = '# 某縣2023年度法治政府建設情況報告\n\n受理８６件，審結８２件，審結率９５．３５％。\n';
    const m = buildModel(text);
    assert.deepEqual(
      getQuantities(m).all.map((x) => text.slice(x.start, x.end)),
      ['８６件', '８２件', '９５．３５％'],
    );
  });
  test('a long document', () => {
    const para = '全年受理437件，办结434件，办结率99.3%；其中网上申请21件，占4.8%，涉及金额4.68万元。';
    const text = '# 某县2023年度法治政府建设情况报告\n\n' + Array.from({ length: 400 }, () => para).join('\n\n') + '\n';
    const m = buildModel(text);
    assert.equal(getQuantities(m).all.length, 400 * 6);
  });
});

describe('reentrant scan', () => {
  const seeds = join(__dirname, '..', '..', 'seeds');
  const models = readdirSync(seeds)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .slice(0, 2)
    .map((f) => buildModel(readFileSync(join(seeds, f), 'utf8')));
  const ser = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  test('two scans interleaved line by line, each with its own state, give what each gives alone', () => {
    const [a, b] = models as [ReportModel, ReportModel];
    const recA = new MarkRecorder();
    const recB = new MarkRecorder();
    const scA = new QuantityScanner(recA);
    const scB = new QuantityScanner(recB);
    const gotA: Quantity[] = [];
    const gotB: Quantity[] = [];
    const running = (m: ReportModel) => m.lines.map((ln, idx) => ({ ln, idx })).filter(({ ln }) => ln.kind !== 'table-row');
    const la = running(a);
    const lb = running(b);
    for (let k = 0; k < Math.max(la.length, lb.length); k++) {
      const x = la[k];
      const y = lb[k];
      if (x) gotA.push(...extractQuantities(a.norm, x.ln.start, x.ln.end, a.text, x.idx, scA));
      if (y) gotB.push(...extractQuantities(b.norm, y.ln.start, y.ln.end, b.text, y.idx, scB));
    }
    assert.equal(ser(gotA), ser(getQuantities(a).all));
    assert.equal(ser(gotB), ser(getQuantities(b).all));
    const marks = (m: ReportModel) => Array.from(getTextMarks(m).pos);
    assert.deepEqual(Array.from(recA.finish(new Int32Array(0)).pos), marks(a));
    assert.deepEqual(Array.from(recB.finish(new Int32Array(0)).pos), marks(b));
  });
  test('the kinds of the text marks are the kinds declared for their characters', () => {
    const m = models[0]!;
    const { pos, kind } = getTextMarks(m);
    assert.ok(pos.length > 0);
    for (let k = 0; k < pos.length; k++) assert.equal(kind[k], MARK_OF[m.norm.charCodeAt(pos[k]!)], `mark at ${pos[k]}`);
    const kinds = new Set(kind);
    for (const want of [MARK_SENTENCE_END, MARK_QI, MARK_COLON, MARK_FEN]) assert.ok(kinds.has(want), `mark kind ${want} occurs`);
  });
});
