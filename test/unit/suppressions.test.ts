import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis';
import { suppressionEdit } from '../../server/src/service';

const REPORT = (body: string) => `# 某县2023年度法治政府建设情况报告\n\n## 一、主要举措和成效\n\n## 二、党政主要负责人履行推进法治建设第一责任人职责情况\n\n## 三、存在的不足和原因\n\n## 四、2024年度主要安排\n\n${body}`;
const rules = (text: string) => analyse(text).findings.map((f) => f.rule);

test('disable-next-line silences the named rule on the next line only', () => {
  const body = '（一）甲。\n\n（三）乙。\n\n（五）丙。\n';
  assert.deepEqual(rules(REPORT(body)), ['heading-numbering', 'heading-numbering']);
  const suppressed = '（一）甲。\n\n<!-- report-lint-disable-next-line heading-numbering -- 原文如此 -->\n（三）乙。\n\n（五）丙。\n';
  assert.deepEqual(rules(REPORT(suppressed)), ['heading-numbering']);
  const other = '（一）甲。\n\n<!-- report-lint-disable-next-line rate-mismatch -->\n（三）乙。\n\n（五）丙。\n';
  assert.deepEqual(rules(REPORT(other)), ['heading-numbering', 'heading-numbering']);
});

test('disable … enable regions, for one rule or for all', () => {
  const body = '<!-- report-lint-disable heading-numbering -->\n（一）甲。\n\n（三）乙。\n<!-- report-lint-enable heading-numbering -->\n\n（五）丙。\n';
  assert.deepEqual(rules(REPORT(body)), ['heading-numbering']);
  const all = '<!-- report-lint-disable -->\n（一）甲。\n\n（三）乙。\n\n（五）丙。\n';
  assert.deepEqual(rules(REPORT(all)), []);
});

test('reasons are kept for review, and comments in code blocks do nothing', () => {
  const a = analyse(REPORT('<!-- report-lint-disable-next-line heading-numbering -- 引用原文 -->\n（二）甲。\n\n```\n<!-- report-lint-disable -->\n```\n'));
  assert.deepEqual(a.suppressions.map((s) => [s.kind, s.rules, s.reason]), [['disable-next-line', ['heading-numbering'], '引用原文']]);
});

test('the "ignore here" edit inserts a comment line above the finding and changes nothing else', () => {
  const text = REPORT('（二）甲。\n');
  const a = analyse(text);
  const f = a.findings.find((x) => x.rule === 'heading-numbering')!;
  const e = suppressionEdit(a.model, f.start, f.rule);
  assert.equal(e.start, e.end);
  const out = text.slice(0, e.start) + e.newText + text.slice(e.end);
  assert.equal(out.replace(e.newText, ''), text);
  assert.deepEqual(rules(out), []);
});
