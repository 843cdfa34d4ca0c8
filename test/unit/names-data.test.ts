// The outdated-names data runs as its own tests: every entry's `tests.flag` sentences must be flagged (with that
// entry) in a report year on or after the change, its `tests.pass` sentences must not; every written form of every
// entry is flagged in the year after the change and not in the year before; the JSON is schema-checked; the matcher's
// normalisation, offsets and replacement style are tested directly.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, buildModel } from '../../server/src/analysis';
import {
  builtinNames,
  compileNames,
  formText,
  judgeNames,
  kindGroup,
  loadNamesFile,
  parseDate,
  renderReplacement,
  scanNames,
  toKey,
  validateAllow,
  validateEntry,
  withWorkspaceNames,
  type NameEntry,
  type NamesData,
} from '../../server/src/analysis/names';
import { simplify } from '../../server/src/analysis/text/simplify';

const NAME_RULES = new Set(['outdated-name', 'miscited-title']);

/** A small whole report of the given year with `sentence` as a paragraph of the measures section. */
function report(year: number, sentence: string): { text: string; at: number } {
  const head = `# 某县人民政府关于${year}年度法治政府建设情况的报告\n\n${year}年，某县坚持依法行政，各项工作有序推进。现将有关情况报告如下。\n\n## 一、${year}年度推进法治政府建设的主要举措和成效\n\n`;
  const tail = `\n\n## 二、存在的不足和原因\n\n个别部门依法行政意识有待提高。\n\n## 三、${year + 1}年度推进法治政府建设的主要安排\n\n继续深入推进法治政府建设。\n`;
  return { text: head + sentence + tail, at: head.length };
}

function effYear(e: NameEntry): number {
  return parseDate(e.effective).year;
}

/** Verdicts (judged findings) of one entry inside the sentence. */
function verdictsIn(year: number, sentence: string, data: NamesData = builtinNames) {
  const { text, at } = report(year, sentence);
  const model = buildModel(text);
  assert.equal(model.reportYear?.value, year, 'synthetic report year');
  const verdicts = judgeNames(model, data).filter((v) => v.hit.start >= at && v.hit.end <= at + sentence.length);
  return { text, at, model, verdicts };
}

function findingsIn(year: number, sentence: string) {
  const { text, at } = report(year, sentence);
  const { findings } = analyse(text);
  return { text, findings: findings.filter((f) => NAME_RULES.has(f.rule) && f.start >= at && f.end <= at + sentence.length) };
}

/** A sentence that cites `form` as current (plans need a cue such as 按照…要求). */
function citing(e: NameEntry, form: string): string {
  const g = kindGroup(e.kind);
  const key = toKey(simplify(form)).key;
  const titled = (g === 'plan' || g === 'miscited' || g === 'edition') && !key.startsWith('《') && !key.includes('》') && /[规纲清单]/.test(form) ? `《${form}》` : form;
  return `按照${titled}的要求，扎实推进各项工作。`;
}

describe('names data: schema', () => {
  test('every entry validates', () => {
    for (const e of builtinNames.entries) assert.deepEqual(validateEntry(e, true), [], e.id);
    for (const a of builtinNames.allow) assert.deepEqual(validateAllow(a), [], a.id);
  });
  test('ids are unique, forms are unique across entries', () => {
    const ids = new Set<string>();
    const keys = new Map<string, string>();
    for (const e of [...builtinNames.entries, ...builtinNames.allow]) {
      assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
      ids.add(e.id);
    }
    for (const e of builtinNames.entries)
      for (const f of e.old) {
        const k = toKey(simplify(formText(f))).key;
        assert.ok(!keys.has(k), `form ${formText(f)} of ${e.id} is also a form of ${keys.get(k)}`);
        keys.set(k, e.id);
      }
  });
  test('kinds, dates and fields are consistent', () => {
    for (const e of builtinNames.entries) {
      const d = parseDate(e.effective);
      assert.ok(d.year >= 2010 && d.year <= 2030 && d.month >= 1 && d.month <= 12, `${e.id}: effective ${e.effective}`);
      if (e.period) assert.equal(d.year, e.period[1] + 1, `${e.id}: a plan is outdated from the year after its period`);
      if (kindGroup(e.kind) === 'plan' && !e.period) assert.ok(e.confidence !== 'high' || e.noFix, `${e.id}: a plan without a period`);
      assert.ok(e.source.length > 10, `${e.id}: source`);
      assert.ok(e.tests!.flag.length >= 1 && e.tests!.pass.length >= 1, `${e.id}: tests`);
    }
  });
  test('the data accounts for every row of the fact table', () => {
    // 87 rows: entries (multi-name rows split into one entry per name), the allow list, and rows omitted with a reason.
    const sources = new Set([...builtinNames.entries.map((e) => e.source), ...builtinNames.allow.map((a) => a.source), ...(builtinNames.omitted ?? []).map((o) => o.source)]);
    assert.ok(sources.size >= 60, `distinct sources: ${sources.size}`);
    for (const o of builtinNames.omitted ?? []) assert.ok(o.reason.length > 10, `omitted ${o.old}: reason`);
  });
});

describe('names data: each entry’s own sentences', () => {
  for (const e of builtinNames.entries) {
    test(e.id, () => {
      const year = effYear(e) + 1;
      for (const s of e.tests!.flag) {
        const { verdicts } = verdictsIn(year, s);
        assert.ok(
          verdicts.some((v) => v.hit.entry.id === e.id),
          `${e.id}: not flagged in ${year}: ${s}\n  hits: ${JSON.stringify(scanNames(buildModel(report(year, s).text)).map((h) => [h.entry.id, h.history]))}`,
        );
        const { findings } = findingsIn(year, s);
        assert.ok(findings.length > 0, `${e.id}: no finding from the checks in ${year}: ${s}`);
      }
      for (const s of e.tests!.pass) {
        const { verdicts, text } = verdictsIn(year, s);
        assert.deepEqual(
          verdicts.filter((v) => v.hit.entry.id === e.id).map((v) => `${v.hit.entry.id} "${text.slice(v.hit.start, v.hit.end)}"`),
          [],
          `${e.id}: flagged in ${year} but must not be: ${s}`,
        );
      }
    });
  }
  for (const a of builtinNames.allow) {
    test(`allow: ${a.id}`, () => {
      for (const year of [2019, 2022, 2026])
        for (const s of a.tests?.pass ?? []) assert.deepEqual(findingsIn(year, s).findings, [], `${a.id} ${year}: ${s}`);
    });
  }
});

describe('names data: both sides of each change', () => {
  for (const e of builtinNames.entries) {
    test(e.id, () => {
      const y = effYear(e);
      for (const f of e.old) {
        const s = citing(e, formText(f));
        const after = verdictsIn(y + 1, s).verdicts.filter((v) => v.hit.entry.id === e.id);
        assert.equal(after.length, 1, `${e.id}: “${formText(f)}” not flagged in ${y + 1}: ${s}`);
        // A change that reached every place only later (settled) is a hint until then.
        const settled = e.settled ? parseDate(e.settled) : undefined;
        const unsettled = !!settled && (y + 1 < settled.year || (y + 1 === settled.year && settled.month >= 10));
        const expected = unsettled ? 'info' : (e.severity ?? (e.confidence === 'high' ? 'warning' : 'info'));
        assert.equal(after[0]!.severity, expected, `${e.id}: severity in ${y + 1}`);
        if (settled) {
          const later = verdictsIn(settled.year + 1, s).verdicts.filter((v) => v.hit.entry.id === e.id);
          assert.equal(later[0]?.severity, e.severity ?? (e.confidence === 'high' ? 'warning' : 'info'), `${e.id}: severity once settled`);
        }
        const same = verdictsIn(y, s).verdicts.filter((v) => v.hit.entry.id === e.id);
        assert.equal(same.length, 1, `${e.id}: “${formText(f)}” not flagged in ${y}`);
        const d = parseDate(e.effective);
        if (d.month >= 10 && e.effectivePrecision !== 'year') assert.equal(same[0]!.severity, 'info', `${e.id}: a change late in ${y} is a hint for ${y}`);
        const before = verdictsIn(y - 1, s).verdicts.filter((v) => v.hit.entry.id === e.id);
        assert.equal(before.length, 0, `${e.id}: “${formText(f)}” flagged in ${y - 1}, before the change`);
      }
    });
  }
  test('the current names are never flagged as their own old names', () => {
    for (const e of builtinNames.entries) {
      const y = effYear(e) + 1;
      for (const n of [e.new, ...(e.localVariants ?? []), ...e.old.map((f) => (typeof f === 'string' ? '' : (f.new ?? '')))]) {
        if (!n || /××/.test(n)) continue;
        const hits = verdictsIn(y, `按照${n}的要求，扎实推进各项工作。`).verdicts.filter((v) => v.hit.entry.id === e.id);
        assert.deepEqual(hits.map((h) => h.hit.entry.id), [], `${e.id}: its current name “${n}” is flagged`);
      }
    }
  });
  test('no report year: info at most (a mis-cited title keeps its severity)', () => {
    const text = '某县法治政府建设情况\n\n县工商局开展专项检查。依据《法治社会建设实施纲要（2021－2025年）》推进依法治理。\n';
    const model = buildModel(text);
    assert.equal(model.reportYear, undefined);
    const vs = judgeNames(model);
    const byId = new Map(vs.map((v) => [v.hit.entry.id, v]));
    assert.equal(byId.get('local-administration-for-industry-and-commerce')?.severity, 'info');
    assert.equal(byId.get('rule-of-law-society-outline-miscited')?.severity, 'warning');
  });
});

describe('matching key', () => {
  const k = (s: string) => toKey(s).key;
  test('brackets and dashes of every width, a lost dash, an omitted 年, 至', () => {
    const want = '《法治社会建设实施纲要(2021-2025)》';
    for (const s of [
      '《法治社会建设实施纲要（2021－2025年）》',
      '《法治社会建设实施纲要(2021-2025)》',
      '《法治社会建设实施纲要〔2021—2025年〕》',
      '《法治社会建设实施纲要【2021–2025年】》',
      '《法治社会建设实施纲要[2021~2025年]》',
      '《法治社会建设实施纲要（2021～2025年）》',
      '《法治社会建设实施纲要（20212025年）》',
      '《法治社会建设实施纲要（2021年至2025年）》',
      '《法治社会建设实施纲要（2021——2025）》',
      '〈法治社会建设实施纲要 (2021 - 2025年)〉',
    ])
      assert.equal(k(s), want, s);
  });
  test('中华人民共和国 after 《 is dropped; 年版 → 版; quotes and spaces dropped', () => {
    assert.equal(k('《中华人民共和国合同法》'), '《合同法》');
    assert.equal(k('〈中华人民共和国合同法〉'), '《合同法》');
    assert.equal(k('市场准入负面清单（2019年版）'), '市场准入负面清单(2019版)');
    assert.equal(k('“七五” 普法'), '七五普法');
    assert.equal(k('「七五」普法'), '七五普法');
  });
  test('eight digits that are no period stay as they are', () => {
    assert.equal(k('电话20212019'), '电话20212019');
    assert.equal(k('编号202120250'), '编号202120250');
  });
  test('full-width digits', () => {
    assert.equal(k('（２０２１－２０２５年）'), '(2021-2025)');
  });
  test('offsets map back to the source', () => {
    const s = '依据《中华人民共和国合同法》第五十二条';
    const r = toKey(s);
    const a = r.key.indexOf('《合同法》');
    assert.equal(s.slice(r.starts[a]!, r.ends[a + 4]!), '《中华人民共和国合同法》');
    const t = '落实《法治社会建设实施纲要（20212025年）》';
    const rt = toKey(t);
    const dash = rt.key.indexOf('-');
    assert.equal(rt.starts[dash], rt.ends[dash], 'a restored dash covers no source');
  });
});

describe('matcher', () => {
  test('traditional script via model.norm, reported on the original characters', () => {
    const { text, verdicts } = verdictsIn(2023, '嚴格執行《信訪條例》，縣工商局開展檢查。');
    assert.deepEqual(verdicts.map((v) => text.slice(v.hit.start, v.hit.end)), ['《信訪條例》', '工商局']);
  });
  test('seed-like sentences', () => {
    // 2020: 信访条例 is still current; 原市法制办 is history.
    assert.equal(verdictsIn(2020, '認真落實《信訪條例》，依法解決群眾訴求。').verdicts.length, 0);
    assert.equal(verdictsIn(2021, '由原市法制办领导分组带队开展检查。').verdicts.length, 0);
    const m = verdictsIn(2021, '依据《法治社会建设实施纲要(2021-2025)》推进依法治理。');
    assert.equal(m.verdicts.length, 1);
    assert.equal(m.verdicts[0]!.fix?.display, '《法治社会建设实施纲要(2020-2025)》');
  });
  test('longest match wins; allowed and current names block', () => {
    const { text, verdicts } = verdictsIn(2023, '配合县银保监局、市保监局工作；国家食品药品监督管理总局；县文化广电旅游局；《重大行政决策程序暂行条例》。');
    assert.deepEqual(
      verdicts.map((v) => [v.hit.entry.id, text.slice(v.hit.start, v.hit.end)]),
      [
        ['china-banking-and-insurance-regulatory-commission', '银保监局'],
        ['china-insurance-regulatory-commission', '保监局'],
        ['china-food-and-drug-administration', '国家食品药品监督管理总局'],
      ],
    );
  });
  test('history markers', () => {
    for (const s of [
      '原县工商局、质监局的档案已移交。',
      '原来的县工商局已撤销。',
      '机构改革前的县工商局负责此项工作。',
      '县工商局（现县市场监管局）负责此项工作。',
      '印发《某县工商行政管理局关于加强合同监管的通知》。',
      '2017年，县工商局查处案件12起。',
      '整合县工商局、质监局、食药监局组建县市场监督管理局。',
    ])
      assert.deepEqual(verdictsIn(2020, s).verdicts.map((v) => v.hit.entry.id), [], s);
    // 原 in 原则 / 原告 is no history marker.
    assert.equal(verdictsIn(2020, '坚持原则，县工商局查处案件12起。').verdicts.length, 1);
    assert.equal(verdictsIn(2020, '原告诉县工商局行政处罚一案胜诉。').verdicts.length, 1);
  });
  test('plans: current guide vs history', () => {
    const flagged = (s: string) => verdictsIn(2021, s).verdicts.map((v) => v.hit.entry.id);
    assert.deepEqual(flagged('深入实施“七五”普法规划。'), ['legal-publicity-plan-7']);
    assert.deepEqual(flagged('“七五”普法顺利通过验收。'), []);
    assert.deepEqual(flagged('“十三五”期间，落实《法治政府建设实施纲要（2015－2020年）》。'), []);
    assert.deepEqual(flagged('《法治政府建设实施纲要（2015－2020年）》是过去五年的纲领。'), []);
    assert.deepEqual(flagged('做好“七五”普法与“八五”普法的衔接。'), []);
    assert.deepEqual(verdictsIn(2020, '深入实施“七五”普法规划。').verdicts, []);
  });
  test('editions: chain to the edition current in the report year; late edition is a hint', () => {
    const v20 = verdictsIn(2020, '我县现执行《市场准入负面清单(2019年版)》要求。').verdicts;
    assert.equal(v20.length, 1);
    assert.equal(v20[0]!.severity, 'info');
    assert.equal(v20[0]!.late, true);
    const v23 = verdictsIn(2023, '严格执行《市场准入负面清单（2018年版）》。').verdicts;
    assert.equal(v23[0]!.fix?.display, '《市场准入负面清单（2022年版）》');
    const v26 = verdictsIn(2026, '严格执行《市场准入负面清单(2018年版)》。').verdicts;
    assert.equal(v26[0]!.fix?.display, '《市场准入负面清单(2025年版)》');
    const v21 = verdictsIn(2022, '按照《全面推进依法行政实施纲要》要求推进依法行政。').verdicts;
    assert.equal(v21[0]!.fix?.display, '《法治政府建设实施纲要（2021－2025年）》');
  });
  test('a whole report is scanned in linear time', () => {
    const para = '县工商局开展专项检查，依据《法治社会建设实施纲要（2021－2025年）》推进依法治理，原县法制办档案已移交。'.repeat(40);
    const text = report(2022, Array.from({ length: 200 }, () => para).join('\n\n')).text;
    const t0 = performance.now();
    const vs = judgeNames(buildModel(text));
    const ms = performance.now() - t0;
    assert.ok(vs.length >= 200 * 40 * 2, `found ${vs.length}`);
    assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms for ${text.length} characters`);
  });
});

describe('replacement keeps the document’s style', () => {
  const fix = (year: number, s: string) => verdictsIn(year, s).verdicts.map((v) => v.fix?.display);
  test('bracket and dash width, missing 年, lost dash', () => {
    assert.deepEqual(fix(2022, '依据《法治社会建设实施纲要（2021－2025年）》。'), ['《法治社会建设实施纲要（2020－2025年）》']);
    assert.deepEqual(fix(2022, '依据《法治社会建设实施纲要（2021—2025）》。'), ['《法治社会建设实施纲要（2020—2025）》']);
    assert.deepEqual(fix(2022, '依据《法治社会建设实施纲要（20212025年）》。'), ['《法治社会建设实施纲要（20202025年）》']);
    assert.deepEqual(fix(2022, '按照《法治政府建设实施纲要(2015-2020)》要求。'), ['《法治政府建设实施纲要(2021-2025)》']);
  });
  test('中华人民共和国 kept or omitted as written', () => {
    assert.deepEqual(fix(2022, '依照《中华人民共和国合同法》审查合同。'), ['《中华人民共和国民法典》']);
    assert.deepEqual(fix(2022, '依照《合同法》审查合同。'), ['《民法典》']);
    assert.deepEqual(fix(2022, '依照《法律援助条例》办理案件。'), ['《法律援助法》']);
  });
  test('traditional stays traditional; place prefixes stay', () => {
    const text = '# 某縣人民政府關於2021年度法治政府建設情況的報告\n\n2021年，某縣堅持依法行政，各項工作有序推進。現將有關情況報告如下。\n\n縣工商局開展專項檢查。依據《法治社會建設實施綱要（2021—2025年）》推進依法治理。\n';
    const model = buildModel(text);
    assert.equal(model.traditional, true);
    const vs = judgeNames(model);
    assert.deepEqual(vs.map((v) => v.fix?.display), ['市場監管局', '《法治社會建設實施綱要（2020—2025年）》']);
    const r = renderReplacement(model, vs[0]!.hit.start, vs[0]!.hit.end, '市场监督管理局');
    assert.equal(r?.edit.newText, '市場監督管理');
  });
  test('full-width digits stay full-width', () => {
    assert.deepEqual(fix(2022, '依据《法治社会建设实施纲要（２０２１－２０２５年）》。'), ['《法治社会建设实施纲要（２０２０－２０２５年）》']);
  });
});

describe('workspace names file', () => {
  const entry = {
    id: 'haidong-urban-management',
    kind: 'institution_renamed',
    old: ['城市管理行政执法局', { text: '城管执法局', new: '城管局' }],
    new: '城市管理局',
    effective: '2020-06-01',
    source: '海东市机构改革方案（2019年）',
    confidence: 'high',
  };
  test('a valid file loads, also as a bare array, and its entries are matched', () => {
    const r = loadNamesFile(JSON.stringify({ entries: [entry] }), '.report-lint/names.json');
    assert.deepEqual(r.errors, []);
    assert.equal(r.entries.length, 1);
    assert.equal(loadNamesFile(JSON.stringify([entry]), 'names.json').entries.length, 1);
    const data = withWorkspaceNames(r.entries, r.allow);
    const { text, verdicts } = verdictsIn(2021, '市城管执法局开展占道经营整治。', data);
    assert.deepEqual(verdicts.map((v) => [v.hit.entry.id, text.slice(v.hit.start, v.hit.end), v.fix?.display]), [['haidong-urban-management', '城管执法局', '城管局']]);
    assert.equal(verdictsIn(2019, '市城管执法局开展占道经营整治。', data).verdicts.length, 0);
  });
  test('traditional patterns match simplified text', () => {
    const r = loadNamesFile(JSON.stringify([{ ...entry, old: ['城市管理行政執法局'] }]), 'names.json');
    const data = withWorkspaceNames(r.entries);
    assert.equal(verdictsIn(2021, '市城市管理行政执法局开展整治。', data).verdicts.length, 1);
  });
  test('errors name the file, the entry and the problem', () => {
    const bad = loadNamesFile(
      JSON.stringify({ entries: [{ ...entry, effective: '2020-6-1' }, { ...entry, id: 'contract-law' }, { ...entry, id: 'x', old: ['局'], regex: '.*' }, entry], allow: [{ id: 'a', names: [] }] }),
      '.report-lint/names.json',
    );
    assert.equal(bad.entries.length, 1);
    const all = bad.errors.join('\n');
    assert.match(all, /\.report-lint\/names\.json: entries\[0\] \(haidong-urban-management\): "effective"/);
    assert.match(all, /entries\[1\] \(contract-law\): id "contract-law" is already used/);
    assert.match(all, /entries\[2\] \(x\): "old"\[0\] must be a name of at least 2 characters/);
    assert.match(all, /entries\[2\] \(x\): unknown field "regex"/);
    assert.match(all, /allow\[0\]: "names"/);
    assert.match(loadNamesFile('{', 'names.json').errors[0]!, /^names\.json: 不是有效的 JSON/);
  });
  test('settled: a local change is a hint until it had reached every place, and the message says so', () => {
    const r = loadNamesFile(JSON.stringify([{ ...entry, effective: '2019-06-01', settled: '2020-12-31' }]), 'names.json');
    assert.deepEqual(r.errors, []);
    const data = withWorkspaceNames(r.entries);
    const severity = (year: number) => verdictsIn(year, '市城管执法局开展占道经营整治。', data).verdicts.map((v) => [v.severity, v.unsettled]);
    assert.deepEqual(severity(2018), []);
    assert.deepEqual(severity(2019), [['info', true]]);
    assert.deepEqual(severity(2020), [['info', true]]);
    assert.deepEqual(severity(2021), [['warning', false]]);
    const { text, at } = report(2020, '市城管执法局开展占道经营整治。');
    const f = analyse(text, { names: data }).findings.find((x) => x.rule === 'outdated-name' && x.start >= at);
    assert.match(f?.message ?? '', /各地调整时间不一（2020年12月前全部完成）/);
    const bad = loadNamesFile(JSON.stringify([{ ...entry, settled: '2019-01-01' }, { ...entry, id: 'y', settled: 'soon' }]), 'names.json');
    assert.equal(bad.entries.length, 0);
    assert.match(bad.errors.join('\n'), /entries\[0\].*"settled" must be a date YYYY-MM-DD on or after "effective"/);
    assert.match(bad.errors.join('\n'), /entries\[1\].*"settled"/);
  });
  test('compiled once per data set', () => {
    assert.equal(compileNames(builtinNames), compileNames(builtinNames));
  });
});
