import type { CheckDef } from '../check';
import { computedText, relatedOf, reported, rewrite, writtenFigure, type RelationSelector } from '../relations';
import { rToString } from '../quantities';

const relations: RelationSelector<'table-total' | 'table-rate'> = { kinds: ['table-total', 'table-rate'], statuses: ['mismatch'] };

export const tableTotal: CheckDef = {
  id: 'table-total',
  category: 'numbers',
  severity: 'error',
  fixable: true,
  title: { zh: '表格合计或比率与各项不符', en: 'Table total or rate disagrees with its cells' },
  description: {
    zh: 'Markdown 表格中，“合计/总计/小计”行（列）应等于所合计的各单元格之和；比率列（办结率、占比……）应等于同一行的两个计数列之比（占比列以合计为分母）。合计不符时无法判断哪个数有误，不提供修复；比率不符时可改为计算值。',
    en: 'In a Markdown table, a 合计/总计/小计 row (or column) must equal the sum of the cells it totals; a rate column (办结率, 占比 …) must equal the ratio of two count columns of its row (a share column uses the total as base). A wrong total has no fix (which cell is wrong cannot be known); a wrong rate can be changed to the computed value.',
  },
  messages: {
    total: {
      zh: '{name}{stated}与各项之和{sum}（{formula}）不符。',
      en: 'The total {stated} ({name}) disagrees with the sum of its cells: {formula}={sum}.',
    },
    rate: {
      zh: '{name}与本行数字不符：按{formula}={computed}计算应为{expected}，表中为{stated}。',
      en: 'The rate “{name}” disagrees with its row: {formula}={computed} gives {expected}; the table says {stated}.',
    },
    fix: { zh: '将比率改为{expected}', en: 'Change the rate to {expected}' },
  },
  relations,
  run(ctx) {
    const { model } = ctx;
    for (const r of reported(model, relations)) {
      if (r.status !== 'mismatch' || !r.exact) continue;
      if (r.kind === 'table-total') {
        ctx.report({
          messageId: 'total',
          args: { name: r.name, stated: writtenFigure(model, r.stated), sum: rToString(r.exact), formula: r.formula ?? '' },
          start: r.stated.start,
          end: r.stated.end,
          severity: r.severity,
          related: r.parts.map((p) => relatedOf(model, p, 'item', ctx.locale)),
        });
        continue;
      }
      const { edit, display } = rewrite(model, r.stated, r.exact);
      const args = { name: r.name, formula: r.formula ?? '', computed: computedText(r.stated, r.exact), expected: display, stated: writtenFigure(model, r.stated) };
      const related = r.parts.map((p) => relatedOf(model, p, 'part', ctx.locale));
      if (r.base) related.push(relatedOf(model, r.base, 'base', ctx.locale));
      ctx.report({
        messageId: 'rate',
        args,
        start: r.stated.start,
        end: r.stated.end,
        severity: r.severity,
        related,
        fixes: [{ title: ctx.msg('fix', args), edits: [edit] }],
      });
    }
  },
};
