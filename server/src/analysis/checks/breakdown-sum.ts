import type { CheckDef } from '../check';
import { relatedOf, reported, writtenFigure, type RelationSelector } from '../relations';
import { rsub, rToString } from '../quantities';

const relations: RelationSelector<'breakdown'> = { kinds: ['breakdown'], statuses: ['over', 'under'] };

export const breakdownSum: CheckDef = {
  id: 'breakdown-sum',
  category: 'numbers',
  severity: 'error',
  fixable: false,
  title: { zh: '分项之和与总数不符', en: 'Breakdown does not add up' },
  description: {
    zh: '“其中”“分别为”后列出的分项（同一计量单位）不能多于总数。只列部分分项是常见写法，分项之和小于总数时只在清单显然已列全时报告（“分别为”、各项占比合计100%、含“其他”项）；较长的清单少于总数时给出提示。无法判断哪个数有误，故不提供修复。',
    en: 'The parts listed after 其中 / 分别为 (in the same unit) cannot add up to more than the whole. Listing only some parts is normal: parts below the whole are reported only when the list is evidently complete (分别为, shares summing to 100%, an “other” item); a longer list below the whole gets a hint. Which figure is wrong cannot be known, so there is no fix.',
  },
  messages: {
    over: {
      zh: '分项之和{sum}（{formula}）大于总数{whole}，两者不符。',
      en: 'The parts add up to {sum} ({formula}), more than the whole {whole}: they disagree.',
    },
    under: {
      zh: '清单已列全，但分项之和{sum}（{formula}）小于总数{whole}（差{diff}），两者不符。',
      en: 'The list is complete, yet the parts add up to {sum} ({formula}), less than the whole {whole} (short by {diff}): they disagree.',
    },
    underHint: {
      zh: '所列分项之和{sum}（{formula}）小于总数{whole}（差{diff}）；如分项已列全，数字有误。',
      en: 'The listed parts add up to {sum} ({formula}), less than the whole {whole} (short by {diff}); if the list is complete, a figure is wrong.',
    },
    detail: {
      zh: '总数：{whole}；分项：{formula}。分类若有交叉（同一件可计入两类），请在文中说明。',
      en: 'Whole: {whole}; parts: {formula}. If the categories overlap (one case counted twice), say so in the text.',
    },
  },
  relations,
  run(ctx) {
    const { model } = ctx;
    for (const r of reported(model, relations)) {
      if ((r.status !== 'over' && r.status !== 'under') || !r.exact) continue;
      const args = {
        sum: rToString(r.exact),
        formula: r.formula ?? '',
        whole: writtenFigure(model, r.stated),
        diff: rToString(r.status === 'under' ? rsub(r.stated.value, r.exact) : rsub(r.exact, r.stated.value)),
      };
      ctx.report({
        messageId: r.status === 'over' ? 'over' : r.severity === 'info' ? 'underHint' : 'under',
        detailId: 'detail',
        args,
        start: r.stated.start,
        end: r.stated.end,
        severity: r.severity,
        related: r.parts.map((p) => relatedOf(model, p, 'item', ctx.locale)),
      });
    }
  },
};
