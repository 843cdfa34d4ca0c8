// The 政府信息公开工作年度报告 end to end: detection from titles and openings, parts, skeleton, dates.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, buildModel } from '../../server/src/analysis';
import { skeleton } from '../../server/src/analysis/skeleton';

const profileOf = (text: string) => {
  const a = analyse(text);
  return a.profileMatched ? a.profile.id : 'none';
};

describe('detection of the 政府信息公开工作年度报告', () => {
  const titles = [
    '# 某市人民政府2023年政府信息公开工作年度报告',
    '# 重庆市某区人民政府外事办公室政府信息公开工作2022年度报告',
    '# 某县统计局二〇二三年政府信息公开工作年度报告',
    '# 某縣人民政府2021年政府信息公開工作年度報告',
    '# 关于2022年度政府信息公开情况的报告',
    '# 《某市2024年政府信息公开工作年度报告》',
    '# 某区教育局政府信息公开工作年度报告（2023年）',
    '# 某镇人民政府2025年政府信息公开工作年报',
    '某市自然资源和规划局2019年政府信息公开工作年度报告',
  ];
  for (const t of titles) test(`title: ${t}`, () => assert.equal(profileOf(`${t}\n\n一、总体情况\n\n正文。\n`), 'xxgk-annual'));

  const others = [
    '# 2022年上半年政府信息公开数据统计',
    '# 2023年上半年政府信息公开工作情况报告',
    '# 关于做好2022年政府信息公开工作年度报告编制发布工作的通知',
    '关于做好2022年政府信息公开工作年度报告编制发布工作的通知',
    '# 某市政府信息公开指南',
    '# 2023年第三季度政府信息公开情况报告',
    '# 某区2024年政务公开工作要点',
  ];
  for (const t of others) test(`not this genre: ${t}`, () => assert.equal(profileOf(`${t}\n\n各单位：现就做好政府信息公开工作年度报告有关事项通知如下。\n`), 'none'));

  test('without a title line, the opening names the genre; a notice body does not', () => {
    assert.equal(profileOf('根据《中华人民共和国政府信息公开条例》和《某省政府信息公开规定》，现公布本局2023年政府信息公开工作年度报告。\n一、总体情况\n正文。\n'), 'xxgk-annual');
    assert.equal(profileOf('各区县政府办公室：\n现就做好2022年政府信息公开工作年度报告编制工作通知如下。\n'), 'none');
  });

  test('the 法治政府建设年度报告 keeps its detection', () => {
    assert.equal(profileOf('# 某县人民政府关于2022年度法治政府建设情况的报告\n\n正文。\n'), 'fzzf-annual');
    assert.equal(profileOf('省人民政府：\n2020年，全市法治政府建设扎实推进。\n'), 'fzzf-annual');
  });

  test('report year from Arabic or Chinese numerals, and the author of the report', () => {
    assert.equal(buildModel('# 某县统计局二〇二三年政府信息公开工作年度报告\n').reportYear?.value, 2023);
    assert.equal(buildModel('# 某區人民政府２０２１年政府信息公開工作年度報告\n').reportYear?.value, 2021);
    assert.equal(buildModel('# 重庆市某区人民政府外事办公室政府信息公开工作2022年度报告\n').reportKind, 'department');
    assert.equal(buildModel('# 2023年某区统计局政府信息公开工作年度报告\n').reportKind, 'department');
    assert.equal(buildModel('# 某县人民政府2023年政府信息公开工作年度报告\n').reportKind, 'government');
  });
});

describe('skeleton of the 政府信息公开工作年度报告', () => {
  test('2021 format: six parts, the three tables with empty cells, and nothing to report', () => {
    const s = skeleton({ year: 2023, profile: 'xxgk-annual' });
    const headings = s.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, [
      '## 一、总体情况',
      '## 二、主动公开政府信息情况',
      '## 三、收到和处理政府信息公开申请情况',
      '## 四、政府信息公开行政复议、行政诉讼情况',
      '## 五、存在的主要问题及改进情况',
      '## 六、其他需要报告的事项',
    ]);
    assert.match(s, /国办公开办函〔2021〕30号/);
    assert.match(s, /\| 信息内容 \| 本年制发件数 \| 本年废止件数 \| 现行有效件数 \|/);
    assert.match(s, /\| 1\.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 \|(  \|){7}/);
    assert.match(s, /\| 行政诉讼（复议后起诉） \|(  \|){5}/);
    // Every number cell is empty.
    const bodyRows = s.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !/本年制发件数|本年处理决定数量|本年收费金额|自然人|结果维持/.test(l));
    assert.equal(bodyRows.length, 6 + 30 + 3);
    for (const line of bodyRows) assert.deepEqual(line.split('|').slice(2, -1).map((c) => c.trim()).filter(Boolean), [], line);
    const a = analyse(s);
    assert.equal(a.profile.id, 'xxgk-annual');
    assert.deepEqual(a.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`), []);
  });

  test('2019–2020 reports get the 2019 format: its part 二 columns and a single （六） row', () => {
    const s = skeleton({ year: 2020, profile: 'xxgk-annual' });
    assert.match(s, /国办公开办函〔2019〕60号/);
    assert.match(s, /本年新制作数量/);
    assert.match(s, /第二十条第（九）项/);
    assert.doesNotMatch(s, /逾期不补正/);
    assert.match(s, /\| （六）其他处理 \|(  \|){7}/);
  });
});

describe('dates in the 政府信息公开工作年度报告', () => {
  const body = '\n\n## 一、总体情况\n\n正文。\n\n## 二、主动公开政府信息情况\n\n正文。\n\n## 三、收到和处理政府信息公开申请情况\n\n正文。\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n正文。\n\n## 五、存在的主要问题及改进情况\n\n正文。\n\n## 六、其他需要报告的事项\n\n正文。\n\n';
  const signing = (title: string, signer: string, date: string) =>
    analyse(`# ${title}${body}${signer}\n\n${date}\n`).findings.filter((f) => f.rule === 'signing-date').map((f) => f.message);

  test('departments publish by 31 January, local governments by 31 March, before 2019 everyone by 31 March', () => {
    assert.equal(signing('某市医疗保障局2023年政府信息公开工作年度报告', '某市医疗保障局', '2024年1月28日').length, 0);
    assert.match(signing('某市医疗保障局2023年政府信息公开工作年度报告', '某市医疗保障局', '2024年2月5日')[0] ?? '', /1月31日前/);
    assert.equal(signing('某市人民政府2023年政府信息公开工作年度报告', '某市人民政府办公室', '2024年3月20日').length, 0);
    assert.match(signing('某市人民政府2023年政府信息公开工作年度报告', '某市人民政府办公室', '2024年4月2日')[0] ?? '', /3月31日前/);
    assert.equal(signing('某市民政局2017年政府信息公开工作年度报告', '某市民政局', '2018年3月10日').length, 0);
  });

  test('missing parts cite the format of the report year', () => {
    const msgs = (y: number) => analyse(`# 某县人民政府${y}年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文。\n`).findings.filter((f) => f.rule === 'missing-section');
    assert.equal(msgs(2022).length, 5);
    assert.ok(msgs(2022).every((f) => f.severity === 'error' && /第五十条/.test(f.message) && /〔2021〕30号/.test(f.message)));
    assert.ok(msgs(2020).every((f) => f.severity === 'error' && /〔2019〕60号/.test(f.message)));
    // Before the 2019 Regulations the six parts were not prescribed: hints only.
    assert.ok(msgs(2017).every((f) => f.severity === 'info'));
  });
});
