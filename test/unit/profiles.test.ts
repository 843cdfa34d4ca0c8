// Built-in report profiles: schema validity, table identities, heading word groups, and workspace profile parsing.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  builtinProfiles,
  matchesGroups,
  parseProfilesFile,
  selectProfile,
  validateProfile,
  type Profile,
  type TableSchema,
} from '../../server/src/analysis/profile';
import { normalise } from '../../server/src/analysis/normalise';
import { parseIdentity, type Ref } from '../../server/src/analysis/tables/expr';
import { validateTables } from '../../server/src/analysis/tables/validate';

// ---------------------------------------------------------------------------------------------
// Identity expressions (syntax in xxgk-annual.json "$comment"), parsed and validated by the server's own code.

const xxgkForChecks = builtinProfiles.find((x) => x.id === 'xxgk-annual')!;

/** Problems with one table: ids, groups, cells, labels and identity expressions. Empty when the table is sound. */
function tableProblems(t: TableSchema): string[] {
  return validateTables([t], 'table', new Set(xxgkForChecks.parts.map((p) => p.key)), new Set((xxgkForChecks.editions ?? []).map((e) => e.id)));
}

/** Row or column that a label cell identifies: the one with the longest contained label text. */
function resolveLabel(items: { id: string; label: string[] }[], cell: string): string | undefined {
  const text = normalise(cell).norm.replace(/\s+/g, '');
  let best: { id: string; len: number } | undefined;
  for (const it of items) for (const l of it.label) if (text.includes(l) && (!best || l.length > best.len)) best = { id: it.id, len: l.length };
  return best?.id;
}

type Values = Record<string, Record<string, number>>;

/** Evaluates the identities on row → column → value data; identities that reference ids absent from the data are skipped. */
function failedIdentities(t: TableSchema, values: Values): string[] {
  const failed: string[] = [];
  const rowIds = new Set((t.rows ?? []).map((r) => r.id));
  const present = new Set([...Object.keys(values), ...Object.values(values).flatMap((v) => Object.keys(v))]);
  for (const ident of t.identities ?? []) {
    const p = parseIdentity(ident.expr);
    assert.ok(typeof p !== 'string', p as string);
    const refs = [...p.left, ...p.right];
    if (refs.some((r) => r.kind === 'id' && !present.has(r.id))) continue;
    const sum = (side: Ref[], other: string | undefined) =>
      side.reduce((s, r) => {
        if (r.kind === 'cell') return s + (values[r.row]?.[r.col] ?? NaN);
        return s + ((rowIds.has(r.id) ? values[r.id]?.[other!] : values[other!]?.[r.id]) ?? NaN);
      }, 0);
    const byRow = refs.every((r) => r.kind === 'id' && rowIds.has(r.id));
    const byCell = refs.every((r) => r.kind === 'cell');
    const scopes = byCell
      ? [undefined]
      : byRow
        ? [...new Set(Object.values(values).flatMap((v) => Object.keys(v)))]
        : Object.keys(values).filter((row) => refs.every((r) => r.kind === 'id' && values[row][r.id] !== undefined));
    for (const s of scopes) {
      const l = sum(p.left, s);
      const r = sum(p.right, s);
      if (Number.isNaN(l) || Number.isNaN(r)) continue;
      if (l !== r) failed.push(s === undefined ? ident.id : `${ident.id}@${s}`);
    }
  }
  return failed;
}

const byId = (id: string): Profile => {
  const p = builtinProfiles.find((x) => x.id === id);
  assert.ok(p, `built-in profile ${id} is missing`);
  return p;
};
const table = (p: Profile, id: string): TableSchema => {
  const t = p.tables?.find((x) => x.id === id);
  assert.ok(t, `${p.id}: table ${id} is missing`);
  return t;
};
const heading = (s: string) => normalise(s).norm;

// ---------------------------------------------------------------------------------------------

describe('built-in profiles', () => {
  test('fzzf-annual and xxgk-annual are both loaded', () => {
    assert.deepEqual(builtinProfiles.map((p) => p.id).sort(), ['fzzf-annual', 'xxgk-annual']);
  });

  for (const p of builtinProfiles) {
    test(`${p.id}: validateProfile reports no errors`, () => {
      assert.deepEqual(validateProfile(p, p.id), []);
    });

    test(`${p.id}: parts keys are unique`, () => {
      const keys = p.parts.map((x) => x.key);
      assert.equal(new Set(keys).size, keys.length, `duplicate keys in ${keys.join(', ')}`);
    });

    test(`${p.id}: each part's heading word groups match its own canonical heading`, () => {
      for (const part of p.parts) {
        const canonical = part.canonical.replace(/\{year\}/g, '2023').replace(/\{nextYear\}/g, '2024');
        assert.ok(matchesGroups(heading(canonical), part.headings, 2023), `${p.id}.${part.key}: "${canonical}" not matched`);
      }
    });

    test(`${p.id}: table ids are unique and every identity only references ids of its own table`, () => {
      const ids = (p.tables ?? []).map((t) => t.id);
      assert.equal(new Set(ids).size, ids.length);
      for (const t of p.tables ?? []) {
        assert.deepEqual(tableProblems(t), [], `table ${t.id}`);
        if (t.part !== undefined) assert.ok(p.parts.some((x) => x.key === t.part), `${t.id}: unknown part "${t.part}"`);
      }
    });
  }
});

describe('table checks can fail', () => {
  const good = table(byId('xxgk-annual'), 'review-litigation');
  const broken = (f: (t: TableSchema) => void): TableSchema => {
    const t = structuredClone(good);
    f(t);
    return t;
  };

  test('an identity naming an unknown id is reported', () => {
    const t = broken((x) => (x.identities![0].expr = 'total = upheld + corected'));
    assert.match(tableProblems(t).join('\n'), /unknown id "corected"/);
  });
  test('a malformed expression, a row id mixed with column ids, and bad cell refs are reported', () => {
    assert.match(tableProblems(broken((x) => (x.identities![0].expr = 'total == upheld'))).join('\n'), /exactly one "="/);
    assert.match(tableProblems(broken((x) => (x.identities![0].expr = 'total = upheld - pending'))).join('\n'), /bad term/);
    assert.match(tableProblems(broken((x) => (x.identities![0].expr = 'total = upheld + reconsideration'))).join('\n'), /mixes row ids and column ids/);
    assert.match(tableProblems(broken((x) => (x.identities![0].expr = 'reconsideration:total = reconsideration:nope'))).join('\n'), /unknown column "nope"/);
    assert.match(tableProblems(broken((x) => (x.identities![0].expr = 'reconsideration:total = total'))).join('\n'), /mixes bare ids/);
  });
  test('a cell-ref identity over known ids passes', () => {
    assert.deepEqual(tableProblems(broken((x) => (x.identities![0].expr = 'reconsideration:total = reconsideration:upheld + reconsideration:pending'))), []);
  });
  test('duplicate ids, unknown groups and full-width labels are reported', () => {
    assert.match(tableProblems(broken((x) => (x.columns![1].id = 'upheld'))).join('\n'), /used twice/);
    assert.match(tableProblems(broken((x) => (x.rows![2].group = 'nope'))).join('\n'), /unknown row group/);
    assert.match(tableProblems(broken((x) => (x.rows![0].label = ['行政复议（全部）']))).join('\n'), /normalised form/);
  });
});

describe('xxgk-annual profile content', () => {
  const p = byId('xxgk-annual');

  test('metadata: detection, since, regulation and source', () => {
    assert.deepEqual(p.detect.titleIncludes, ['政府信息公开']);
    // Art. 50 of the 2019 Regulations applies from the 2019 reports; the format has a 2019 and a 2021 edition.
    assert.equal(p.since, 2019);
    assert.deepEqual((p.editions ?? []).map((e) => [e.id, e.fromYear, e.toYear]), [['2019', 2019, 2020], ['2021', 2021, undefined]]);
    assert.match(p.editions![0]!.regulation!.zh, /〔2019〕60号/);
    assert.match(p.editions![1]!.regulation!.zh, /〔2021〕30号/);
    assert.match(p.regulation.zh, /第711号/);
    assert.match(p.regulation.zh, /第五十条/);
    assert.ok(p.regulation.en.length > 0);
    assert.match(p.source, /国办公开办函〔2021〕30号/);
    assert.equal(selectProfile(heading('某市2023年政府信息公开工作年度报告'), undefined).id, 'xxgk-annual');
    assert.equal(selectProfile(heading('某市2023年法治政府建设年度报告'), undefined).id, 'fzzf-annual');
  });

  test('six required parts in template order', () => {
    assert.deepEqual(
      p.parts.map((x) => [x.key, x.canonical, x.required]),
      [
        ['overview', '总体情况', true],
        ['proactive-disclosure', '主动公开政府信息情况', true],
        ['requests', '收到和处理政府信息公开申请情况', true],
        ['review-litigation', '政府信息公开行政复议、行政诉讼情况', true],
        ['problems-improvements', '存在的主要问题及改进情况', true],
        ['other-matters', '其他需要报告的事项', true],
      ],
    );
  });

  // Heading variants from the genre notes (template text and variants seen in real reports).
  const variants: Record<string, string[]> = {
    overview: ['一、总体情况'],
    'proactive-disclosure': ['二、主动公开政府信息情况', '二、主动公开政府信息的情况'],
    requests: ['三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请的情况'],
    'review-litigation': [
      '四、政府信息公开行政复议、行政诉讼情况',
      '四、政府信息公开行政复议行政诉讼情况',
      '四、政府信息公开行政复议和行政诉讼情况',
      '四、因政府信息公开工作被申请行政复议提起行政诉讼情况',
      '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况',
    ],
    'problems-improvements': [
      '五、存在的主要问题及改进情况',
      '五、政府信息公开工作存在的主要问题及改进情况',
      '五、存在的主要问题及改进举措',
      '五、存在问题及改进情况',
    ],
    'other-matters': ['六、其他需要报告的事项', '六、其他需报告的事项'],
  };
  // Sub-headings that belong inside a part and must not be taken for another part.
  const subHeadings = [
    '（一）主动公开',
    '（二）依申请公开',
    '（三）政府信息管理',
    '（四）政府信息公开平台建设',
    '（五）监督保障',
    '（一）信息处理费收取情况',
    '（二）落实上级年度政务公开工作要点情况',
    '（三）人大代表建议和政协提案办理结果公开情况',
    '（四）年度政务公开工作创新情况',
  ];

  test('heading word groups cover every listed variant of their part', () => {
    for (const part of p.parts) {
      for (const v of variants[part.key]) assert.ok(matchesGroups(heading(v), part.headings), `${part.key} should match "${v}"`);
    }
  });

  test("no part's word groups match another part's headings or a sub-heading", () => {
    for (const part of p.parts) {
      for (const [key, vs] of Object.entries(variants)) {
        if (key === part.key) continue;
        for (const v of vs) assert.ok(!matchesGroups(heading(v), part.headings), `${part.key} wrongly matches "${v}" (${key})`);
      }
      for (const s of subHeadings) assert.ok(!matchesGroups(heading(s), part.headings), `${part.key} wrongly matches sub-heading "${s}"`);
    }
  });

  test('three fixed tables, one per numeric part, in the layout of each format edition', () => {
    assert.deepEqual(
      (p.tables ?? []).map((t) => [t.id, t.part, t.edition]),
      [
        ['proactive-disclosure', 'proactive-disclosure', '2021'],
        ['proactive-disclosure-2019', 'proactive-disclosure', '2019'],
        ['requests', 'requests', '2021'],
        ['requests-2019', 'requests', '2019'],
        ['review-litigation', 'review-litigation', undefined],
      ],
    );
  });

  test('part 二: rows, their cells, no in-table identity, fees may be decimal', () => {
    const t = table(p, 'proactive-disclosure');
    const data = (t.rows ?? []).filter((r) => !r.optional);
    assert.deepEqual(
      data.map((r) => [r.id, r.cells]),
      [
        ['regulations', ['issued', 'repealed', 'in-force']],
        ['normative-documents', ['issued', 'repealed', 'in-force']],
        ['licensing', ['decisions']],
        ['penalties', ['decisions']],
        ['coercive-measures', ['decisions']],
        ['fees', ['fee-amount']],
      ],
    );
    assert.deepEqual(t.identities ?? [], []);
    assert.deepEqual((t.columns ?? []).filter((c) => c.decimal).map((c) => c.id), ['fee-amount']);
    for (const [cell, id] of [
      ['行政规范性文件', 'normative-documents'],
      ['规范性文件', 'normative-documents'],
      ['规章', 'regulations'],
      ['行政事业性收费', 'fees'],
      ['第二十条第（一）项', 'item-1'],
      ['第二十条第（八）项', 'item-8'],
    ]) assert.equal(resolveLabel(t.rows ?? [], cell), id, cell);
    for (const [cell, id] of [
      ['现行有效件数 (历史累计)', 'in-force'],
      ['本年收费金额（单位：万元）', 'fee-amount'],
      ['本年处理决定数量', 'decisions'],
    ]) assert.equal(resolveLabel(t.columns ?? [], cell), id, cell);
  });

  // The genre notes say "24 data rows", but their own row list has 25 (一, 二, 22 rows under 三, 四); the list is authoritative.
  test('part 三: 25 data rows × 7 number columns, template labels resolve to the right ids', () => {
    const t = table(p, 'requests');
    const rows = (t.rows ?? []).filter((r) => !r.optional);
    const cols = (t.columns ?? []).filter((c) => !c.optional);
    assert.equal(rows.length, 25);
    assert.deepEqual(cols.map((c) => c.id), ['natural-person', 'business', 'research', 'social-welfare', 'legal-services', 'other', 'total']);
    const template: [string, string][] = [
      ['一、本年新收政府信息公开申请数量', 'new'],
      ['二、上年结转政府信息公开申请数量', 'carried-over'],
      ['三、本年度办理结果', 'results'],
      ['（一）予以公开', 'granted'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partly-granted'],
      ['（三）不予公开', 'withheld'],
      ['1.属于国家秘密', 'withheld-state-secret'],
      ['2.其他法律行政法规禁止公开', 'withheld-prohibited-by-law'],
      ['3.危及“三安全一稳定”', 'withheld-security-stability'],
      ['4.保护第三方合法权益', 'withheld-third-party'],
      ['5.属于三类内部事务信息', 'withheld-internal-affairs'],
      ['6.属于四类过程性信息', 'withheld-process-info'],
      ['7.属于行政执法案卷', 'withheld-enforcement-files'],
      ['8.属于行政查询事项', 'withheld-inquiry'],
      ['（四）无法提供', 'unavailable'],
      ['1.本机关不掌握相关政府信息', 'unavailable-not-held'],
      ['2.没有现成信息需要另行制作', 'unavailable-needs-creation'],
      ['3.补正后申请内容仍不明确', 'unavailable-unclear'],
      ['（五）不予处理', 'not-processed'],
      ['1.信访举报投诉类申请', 'not-processed-petition'],
      ['2.重复申请', 'not-processed-repeated'],
      ['3.要求提供公开出版物', 'not-processed-publications'],
      ['4.无正当理由大量反复申请', 'not-processed-mass-repeated'],
      ['5.要求行政机关确认或重新出具已获取信息', 'not-processed-confirmation'],
      ['（六）其他处理', 'other-handling'],
      ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other-handling-no-correction'],
      ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other-handling-no-fee'],
      ['3.其他', 'other-handling-other'],
      ['（七）总计', 'results-total'],
      ['四、结转下年度继续办理', 'carried-forward'],
    ];
    assert.deepEqual(template.map(([, id]) => id), (t.rows ?? []).map((r) => r.id), 'rows are in template order');
    for (const [cell, id] of template) assert.equal(resolveLabel(t.rows ?? [], cell), id, cell);
    for (const [cell, id] of [
      ['自然人', 'natural-person'],
      ['法人或其他组织', 'legal-entities'],
      ['商业企业', 'business'],
      ['其他', 'other'],
      ['总计', 'total'],
    ]) assert.equal(resolveLabel(t.columns ?? [], cell), id, cell);
  });

  test('part 三: the 总计 identity sums exactly the 21 detail rows and the row total sums exactly the 6 applicant columns', () => {
    const t = table(p, 'requests');
    const rows = t.rows ?? [];
    const under = (id: string): boolean => {
      const r = rows.find((x) => x.id === id);
      return !!r?.group && (r.group === 'results' || under(r.group));
    };
    const leaves = rows.filter((r) => !r.optional && r.id !== 'results-total' && under(r.id)).map((r) => r.id);
    assert.equal(leaves.length, 21);
    const rhs = (id: string) => {
      const e = parseIdentity(t.identities!.find((x) => x.id === id)!.expr);
      assert.ok(typeof e !== 'string');
      return { left: e.left.map((r) => (r.kind === 'id' ? r.id : '')), right: e.right.map((r) => (r.kind === 'id' ? r.id : '')) };
    };
    assert.deepEqual(rhs('results-total'), { left: ['results-total'], right: leaves });
    assert.deepEqual(rhs('balance'), { left: ['new', 'carried-over'], right: ['results-total', 'carried-forward'] });
    const applicants = (t.columns ?? []).filter((c) => !c.optional && c.id !== 'total').map((c) => c.id);
    assert.deepEqual(rhs('row-total'), { left: ['total'], right: applicants });
    // Every optional subtotal identity sums exactly the members of its group.
    for (const group of ['withheld', 'unavailable', 'not-processed', 'other-handling', 'legal-entities']) {
      const members = [...rows, ...(t.columns ?? [])].filter((x) => x.group === group).map((x) => x.id);
      assert.deepEqual(rhs(`${group}-subtotal`), { left: [group], right: members }, group);
    }
  });

  test('part 三: identities hold on consistent data and catch a wrong cell', () => {
    const t = table(p, 'requests');
    // 8 requests from natural persons: 2 disclosed, 2 partly, 1 process information, 2 not held, 1 other; nothing carried.
    const nonzero: Record<string, number> = {
      new: 8,
      granted: 2,
      'partly-granted': 2,
      'withheld-process-info': 1,
      'unavailable-not-held': 2,
      'other-handling-other': 1,
      'results-total': 8,
    };
    const cols = (t.columns ?? []).filter((c) => !c.optional).map((c) => c.id);
    const values: Values = {};
    for (const r of (t.rows ?? []).filter((x) => !x.optional)) {
      const n = nonzero[r.id] ?? 0;
      values[r.id] = Object.fromEntries(cols.map((c) => [c, c === 'natural-person' || c === 'total' ? n : 0]));
    }
    assert.deepEqual(failedIdentities(t, values), []);
    // Subtotal rows and column, when a document adds them, are checked too.
    const withSubtotals = structuredClone(values);
    withSubtotals.withheld = Object.fromEntries(cols.map((c) => [c, c === 'natural-person' || c === 'total' ? 1 : 0]));
    for (const r of Object.keys(withSubtotals)) withSubtotals[r]['legal-entities'] = 0;
    assert.deepEqual(failedIdentities(t, withSubtotals), []);
    withSubtotals.withheld.total = 2;
    assert.deepEqual(failedIdentities(t, withSubtotals).sort(), ['row-total@withheld', 'withheld-subtotal@total']);
    // A wrong (七)总计 cell breaks the official note, the 总计 identity and the row total.
    values['results-total']['natural-person'] = 9;
    assert.deepEqual(failedIdentities(t, values).sort(), ['balance@natural-person', 'results-total@natural-person', 'row-total@results-total']);
  });

  test('part 四: three groups × five columns; total = upheld + corrected + other + pending', () => {
    const t = table(p, 'review-litigation');
    assert.deepEqual((t.rows ?? []).filter((r) => !r.optional).map((r) => r.id), ['reconsideration', 'litigation-direct', 'litigation-after-reconsideration']);
    assert.deepEqual((t.columns ?? []).map((c) => c.id), ['upheld', 'corrected', 'other-result', 'pending', 'total']);
    for (const [cell, id] of [
      ['行政复议', 'reconsideration'],
      ['行政诉讼（未经复议直接起诉）', 'litigation-direct'],
      ['行政诉讼（复议后起诉）', 'litigation-after-reconsideration'],
      ['未经复议直接起诉', 'litigation-direct'],
    ]) assert.equal(resolveLabel(t.rows ?? [], cell), id, cell);
    // Figures of a published 2019 report: reconsideration 5+0+0+2 = 7, direct suits 8+0+0+1 = 9.
    const values: Values = {
      reconsideration: { upheld: 5, corrected: 0, 'other-result': 0, pending: 2, total: 7 },
      'litigation-direct': { upheld: 8, corrected: 0, 'other-result': 0, pending: 1, total: 9 },
      'litigation-after-reconsideration': { upheld: 0, corrected: 0, 'other-result': 0, pending: 0, total: 0 },
    };
    assert.deepEqual(failedIdentities(t, values), []);
    values['litigation-direct'].total = 8;
    assert.deepEqual(failedIdentities(t, values), ['case-total@litigation-direct']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('parseProfilesFile', () => {
  const FILE = '.report-lint/profiles.json';
  const valid = {
    id: 'my-report',
    name: { zh: '我的报告', en: 'My report' },
    regulation: { zh: '某规定', en: 'Some rule' },
    source: '某规定第三条',
    detect: { titleIncludes: ['我的报告'] },
    since: 2022,
    parts: [
      { key: 'summary', required: true, name: { zh: '总体情况', en: 'summary' }, canonical: '总体情况', headings: [['总体情况']] },
      { key: 'problems', required: false, name: { zh: '问题', en: 'problems' }, canonical: '存在问题', headings: [['存在', '问题']], sentences: [['仍', '存在', '问题']] },
    ],
  };
  const withPart = (patch: Record<string, unknown>) => ({ ...valid, parts: [{ ...valid.parts[0], ...patch }] });

  test('malformed JSON gives one error naming the file', () => {
    const r = parseProfilesFile('{ "profiles": [ { "id": "x", }', FILE);
    assert.deepEqual(r.profiles, []);
    assert.equal(r.errors.length, 1);
    assert.ok(r.errors[0].startsWith(`${FILE}:`), r.errors[0]);
    assert.match(r.errors[0], /JSON/);
  });

  test('a file without a profiles array names the file', () => {
    const r = parseProfilesFile('{"profile": []}', FILE);
    assert.deepEqual(r.profiles, []);
    assert.equal(r.errors.length, 1);
    assert.ok(r.errors[0].startsWith(`${FILE}:`) && r.errors[0].includes('profiles'), r.errors[0]);
  });

  test('a profile without a parts array is dropped with an error naming the file and parts', () => {
    for (const parts of [undefined, [], { key: 'x' }]) {
      const r = parseProfilesFile(JSON.stringify({ profiles: [{ ...valid, parts }] }), FILE);
      assert.deepEqual(r.profiles, [], JSON.stringify(parts));
      assert.equal(r.errors.length, 1, r.errors.join('\n'));
      assert.ok(r.errors[0].startsWith(`${FILE}: profiles[0].parts`), r.errors[0]);
    }
  });

  test('a bad word group is dropped with an error naming the file, the part and headings/sentences', () => {
    for (const headings of [[[]], [['']], ['不足'], [[1]], [['x'.repeat(41)]], 'x']) {
      const r = parseProfilesFile(JSON.stringify({ profiles: [withPart({ headings })] }), FILE);
      assert.deepEqual(r.profiles, [], JSON.stringify(headings));
      assert.ok(
        r.errors.some((e) => e.startsWith(`${FILE}: profiles[0].parts[0].headings`)),
        `${JSON.stringify(headings)} → ${r.errors.join('\n')}`,
      );
    }
    const r = parseProfilesFile(JSON.stringify({ profiles: [withPart({ sentences: [['存在', '']] })] }), FILE);
    assert.deepEqual(r.profiles, []);
    assert.ok(r.errors.some((e) => e.startsWith(`${FILE}: profiles[0].parts[0].sentences`)), r.errors.join('\n'));
  });

  // A part with `headings: []` could never be matched.
  test('an empty headings list is rejected', () => {
    const r = parseProfilesFile(JSON.stringify({ profiles: [withPart({ headings: [] })] }), FILE);
    assert.deepEqual(r.profiles, []);
    assert.ok(r.errors.some((e) => e.startsWith(`${FILE}: profiles[0].parts[0].headings`)));
  });

  test('duplicate part keys are reported', () => {
    const r = parseProfilesFile(JSON.stringify({ profiles: [{ ...valid, parts: [valid.parts[0], valid.parts[0]] }] }), FILE);
    assert.deepEqual(r.profiles, []);
    assert.ok(r.errors.some((e) => e.includes('parts[1].key') && e.includes('summary')), r.errors.join('\n'));
  });

  test('a valid custom profile passes, as {profiles: [...]} or as a bare array', () => {
    for (const text of [JSON.stringify({ profiles: [valid] }), JSON.stringify([valid])]) {
      const r = parseProfilesFile(text, FILE);
      assert.deepEqual(r.errors, []);
      assert.equal(r.profiles.length, 1);
      assert.equal(r.profiles[0].id, 'my-report');
    }
  });

  test('only the invalid profile of a file is dropped', () => {
    const r = parseProfilesFile(JSON.stringify({ profiles: [valid, { ...valid, id: 'Bad Id' }] }), FILE);
    assert.deepEqual(r.profiles.map((x) => x.id), ['my-report']);
    assert.equal(r.errors.length, 1);
    assert.ok(r.errors[0].startsWith(`${FILE}: profiles[1].id`), r.errors[0]);
  });

  test('the built-in profiles pass when read from a workspace file', () => {
    const r = parseProfilesFile(JSON.stringify({ profiles: builtinProfiles }), FILE);
    assert.deepEqual(r.errors, []);
    assert.equal(r.profiles.length, builtinProfiles.length);
  });
});
