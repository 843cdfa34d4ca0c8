import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, parseNumbering } from '../../server/src/analysis/model';
import { normalise, cnNumeralValue, cnNumeral } from '../../server/src/analysis/normalise';
import { analyse } from '../../server/src/analysis';
import { partStatuses } from '../../server/src/analysis/structure';

const outline = (text: string) => {
  const m = buildModel(text);
  const walk = (secs: typeof m.sections, d: number): string[] => secs.flatMap((s) => [`${d}:${(s.numbering?.raw ?? '') + s.title}`, ...walk(s.children, d + 1)]);
  return walk(m.sections, 1);
};

describe('normalise', () => {
  test('keeps the length and maps traditional, full-width and ideographic space', () => {
    const src = '現將２０２１年度工作報告如下：（一）１２．５％\u3000完';
    const { norm } = normalise(src);
    assert.equal(norm.length, src.length);
    assert.equal(norm, '现将2021年度工作报告如下:(一)12.5% 完');
  });
  test('Chinese numerals', () => {
    assert.equal(cnNumeralValue('十一'), 11);
    assert.equal(cnNumeralValue('二十'), 20);
    assert.equal(cnNumeralValue('九十九'), 99);
    assert.equal(cnNumeralValue('零'), undefined);
    for (let i = 1; i < 100; i++) assert.equal(cnNumeralValue(cnNumeral(i)), i);
  });
});

describe('numbering markers', () => {
  const p = (s: string) => {
    const n = parseNumbering(normalise(s).norm, 0, s.length);
    return n && `${n.scheme}:${n.value}`;
  };
  test('the four schemes, in both widths', () => {
    assert.equal(p('一、总体情况'), 'cn:1');
    assert.equal(p('十二、其他'), 'cn:12');
    assert.equal(p('（三）推进'), 'cn-paren:3');
    assert.equal(p('(三)推进'), 'cn-paren:3');
    assert.equal(p('1.完善'), 'arabic:1');
    assert.equal(p('１．完善'), 'arabic:1');
    assert.equal(p('2、强化'), 'arabic:2');
    assert.equal(p('（10）落实'), 'arabic-paren:10');
  });
  test('numbers, decimals and enumerations are not markers', () => {
    assert.equal(p('1.5万件'), undefined);
    assert.equal(p('2023年'), undefined);
    assert.equal(p('一、二级执法人员'), undefined);
    assert.equal(p('一、二、三等奖'), undefined);
    assert.equal(p('一是加强领导'), undefined);
  });
});

describe('section tree', () => {
  test('plain Word paste: all levels nest, 一是 is not a heading', () => {
    const text = ['某县2023年法治政府建设情况报告', '一、主要举措和成效', '（一）加强领导。一是健全机制，二是压实责任。', '1.完善制度。', '（1）审查。', '2.强化考核。', '（二）依法决策', '二、存在的不足'].join('\n');
    assert.deepEqual(outline(text), ['1:一、主要举措和成效', '2:（一）加强领导', '3:1.完善制度', '4:（1）审查', '3:2.强化考核', '2:（二）依法决策', '1:二、存在的不足']);
  });
  test('Markdown headings and plain numbering merge into one tree', () => {
    const text = ['# 某市2022年度法治政府建设工作报告', '', '## 一、工作推进情况', '', '### （一）健全制度', '', '1.严格审查。内容。', '', '（二）规范执法。内容。', '', '## 二、存在问题', ''].join('\n');
    assert.deepEqual(outline(text), ['1:一、工作推进情况', '2:（一）健全制度', '3:1.严格审查', '2:（二）规范执法', '1:二、存在问题']);
  });
  test('indented paste (four spaces) still reads as text, not code', () => {
    const text = '某区2021年度法治政府建设工作的报告\n\n    一、工作推进情况\n\n    （一）提高站位\n';
    assert.deepEqual(outline(text), ['1:一、工作推进情况', '2:（一）提高站位']);
  });
  test('fenced code is not structure', () => {
    assert.deepEqual(outline('# 报告\n\n```\n一、不是标题\n```\n'), []);
  });
});

describe('report year and kind', () => {
  const year = (t: string) => {
    const m = buildModel(t);
    return m.reportYear && `${m.reportYear.value}/${m.reportYear.source}`;
  };
  test('from the title, in Arabic or Chinese digits', () => {
    assert.equal(year('# 关于2023年度法治政府建设情况的报告\n\n正文。'), '2023/title');
    assert.equal(year('某县人民政府关于二〇二一年法治政府建设情况的报告\n正文。'), '2021/title');
  });
  test('from the first paragraph after an addressee', () => {
    assert.equal(year('省人民政府:\n2020年,在省委省政府的領導下,工作圓滿完成。'), '2020/first-paragraph');
  });
  test('from the signing date minus one', () => {
    assert.equal(year('各位领导：\n\n本年度工作扎实推进。\n\n某县人民政府\n\n2022年1月15日\n'), '2021/signing-date');
  });
  test('an override wins', () => {
    assert.equal(buildModel('# 2023年度报告', { year: 2020 }).reportYear?.value, 2020);
  });
  test('department vs government', () => {
    assert.equal(buildModel('# 某县司法局2023年度法治政府建设情况报告\n').reportKind, 'department');
    assert.equal(buildModel('# 某县人民政府关于2023年度法治政府建设情况的报告\n').reportKind, 'government');
    assert.equal(buildModel('# 2023年度法治政府建设情况报告\n\n正文。\n\n某市生态环境局\n\n2024年1月5日\n').reportKind, 'department');
  });
  test('traditional script is detected', () => {
    assert.equal(buildModel('現將工作情況報告如下。黨政主要負責人履行職責，推進法治政府建設，區縣鄉鎮。').traditional, true);
    assert.equal(buildModel('现将工作情况报告如下。党政主要负责人履行职责，推进法治政府建设。').traditional, false);
  });
});

describe('parts', () => {
  const states = (t: string) => {
    const a = analyse(t);
    return Object.fromEntries(partStatuses(a.model, a.profile).map((s) => [s.part.key, s.state]));
  };
  test('one heading may cover two parts', () => {
    const s = states('# 某县2020年度法治政府建设报告\n\n## 一、工作开展情况\n\n## 二、存在问题和下一步工作打算\n');
    assert.equal(s.shortcomings, 'heading');
    assert.equal(s['next-year-plan'], 'heading');
    assert.equal(s['first-responsibility'], 'missing');
  });
  test('thematic headings stand for the measures part', () => {
    const s = states('# 某市2019年度法治政府建设报告\n\n## 一、深化放管服改革\n\n## 二、健全依法决策机制\n\n## 三、存在的不足\n');
    assert.equal(s.measures, 'thematic');
  });
  test('a part mentioned only inside another part is still missing when the profile has no sentence rule for it', () => {
    const s = states('# 某县2021年法治政府建设报告\n\n## 一、工作推进情况\n\n主要领导认真履行第一责任人职责。\n');
    assert.equal(s['first-responsibility'], 'missing');
  });
});

describe('documents that are not reports', () => {
  test('a README or notes get no structure or report-date findings', () => {
    const text = '# 项目说明\n\n## 一、安装\n\n## 三、使用\n\n今年新增了两项功能。\n';
    const a = analyse(text);
    assert.equal(a.profileMatched, false);
    assert.deepEqual(a.findings.filter((f) => f.rule === 'missing-section' || f.category === 'dates').map((f) => f.rule), []);
  });
  test('a report without a title line is recognised from its opening paragraph', () => {
    const a = analyse('省人民政府：\n2020年，我市扎实推进法治政府建设工作，现将工作情况报告如下：\n一、工作开展情况\n');
    assert.equal(a.profileMatched, true);
    assert.equal(a.profile.id, 'fzzf-annual');
  });
  test('a requested profile always applies', () => {
    assert.equal(analyse('# 说明\n', { profile: 'fzzf-annual' }).profileMatched, true);
  });
});

test('a document whose title names no report type is not a report, even if its text mentions one', () => {
  const a = analyse('# 样例草稿\n\n五份公开发布的法治政府建设年度报告，用于演示。\n');
  assert.equal(a.profileMatched, false);
  assert.deepEqual(a.findings.filter((f) => f.rule === 'missing-section'), []);
});
