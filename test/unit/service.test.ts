// The language service as plain functions: an analysis in, what the editor shows out — no connection, no server.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis';
import { codeActions, diagnosticsOf, documentSymbols, fixAll, hoverAt, structureOf, suppressionsOf } from '../../server/src/service';
import { SAMPLE_REPORT } from '../sample-report';

const REPORT = SAMPLE_REPORT;
const URI = 'file:///t/a.md';

describe('service', () => {
  const a = analyse(REPORT);

  test('diagnostics carry code, severity, source and fix data for their version', () => {
    const ds = diagnosticsOf(a, URI, 7);
    assert.deepEqual(ds.map((d) => d.code).sort(), ['heading-numbering', 'missing-section']);
    const miss = ds.find((d) => d.code === 'missing-section')!;
    assert.equal(miss.severity, 1);
    assert.equal(miss.source, 'report-lint');
    assert.deepEqual(miss.range.start, { line: 0, character: 0 });
    assert.equal((miss.data as { version: number }).version, 7);
  });

  test('code actions: the fixes of a current diagnostic, and "ignore here"', () => {
    const ds = diagnosticsOf(a, URI, 3);
    const num = ds.find((d) => d.code === 'heading-numbering')!;
    const actions = codeActions(a, { uri: URI, version: 3, diagnostics: [num] }, 'zh');
    const fix = actions.find((x) => x.isPreferred)!;
    assert.deepEqual(fix.edit!.changes![URI]!.map((e) => e.newText), ['（二）']);
    const ignore = actions.find((x) => x.title.startsWith('在此处忽略此检查'))!;
    assert.deepEqual(ignore.edit!.changes![URI]![0]!.range.start, { line: 3, character: 0 });
  });

  test('code actions: source.fixAll gives one action with the safe fixes only', () => {
    const actions = codeActions(a, { uri: URI, version: 1, diagnostics: [], only: ['source.fixAll.report-lint'] }, 'en');
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.report-lint');
    assert.deepEqual(actions[0]!.edit!.changes![URI]!.map((e) => e.newText), ['（二）']);
    assert.deepEqual(fixAll(a).map((e) => e.newText), ['（二）']);
  });

  test('document symbols: Chinese-numbered headings, nested', () => {
    const syms = documentSymbols(a);
    assert.deepEqual(syms.map((x) => x.name), ['一、主要工作开展情况', '二、存在的问题', '三、2023年工作打算']);
    assert.deepEqual(syms[0]!.children!.map((x) => x.name), ['（一）加强组织领导', '（三）推进严格规范公正文明执法']);
  });

  test('hover explains the findings under the position, in the UI language', () => {
    assert.match(JSON.stringify(hoverAt(a, { line: 0, character: 3 }, 'zh')), /缺少必备部分/);
    assert.match(JSON.stringify(hoverAt(a, { line: 0, character: 3 }, 'en')), /Missing mandatory part/);
    assert.equal(hoverAt(a, { line: 4, character: 2 }, 'zh'), null);
  });

  test('structure: profile, year, counts, checklist', () => {
    const s = structureOf(a, URI, 2, 'zh');
    assert.equal(s.version, 2);
    assert.equal(s.profile.id, 'fzzf-annual');
    assert.equal(s.reportYear, 2022);
    assert.equal(s.counts.error + s.counts.warning + s.counts.info, a.findings.length);
    assert.equal(s.checklist.find((c) => c.key === 'first-responsibility')!.state, 'missing');
  });

  test('suppressions are listed with their rules and reasons', () => {
    const b = analyse('一、甲\n<!-- report-lint-disable-next-line heading-numbering -- 原稿如此 -->\n三、乙\n');
    assert.deepEqual(suppressionsOf(b, URI).map((x) => [x.kind, x.rules, x.reason, x.range.start.line]), [['disable-next-line', ['heading-numbering'], '原稿如此', 1]]);
  });
});
