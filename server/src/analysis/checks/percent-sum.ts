import type { CheckDef } from '../check';
import { relatedOf, reported, type RelationSelector } from '../relations';
import { rToString } from '../quantities';

const relations: RelationSelector<'percent-sum'> = { kinds: ['percent-sum'], statuses: ['over', 'under'] };

export const percentSum: CheckDef = {
  id: 'percent-sum',
  category: 'numbers',
  severity: 'error',
  fixable: false,
  title: { zh: '同一总数的各部分占比之和不为100%', en: 'Shares of one whole do not sum to 100%' },
  description: {
    zh: '同一总数各部分的占比（“其中A…占X%；B…占Y%”、“分别占X%、Y%、Z%”、表格的占比列）之和不能超过100%（允许四舍五入误差）；清单已列全时应约为100%。不同考核、不同总数的百分比（如三类考核各自的分值比重17%、22%、11%）不相加。',
    en: 'Shares of one whole (其中 A…占X%；B…占Y%, 分别占X%、Y%、Z%, a share column of a table) cannot sum to more than 100% (allowing for rounding); a complete list should sum to about 100%. Percentages of different wholes (e.g. the weights 17%, 22%, 11% of three separate assessments) are never added.',
  },
  messages: {
    over: {
      zh: '同一总数的各部分占比之和为{sum}%（{formula}），超过100%。',
      en: 'The shares of one whole sum to {sum}% ({formula}), more than 100%.',
    },
    under: {
      zh: '已列全的各部分占比之和为{sum}%（{formula}），不足100%。',
      en: 'The shares of a complete list sum to {sum}% ({formula}), less than 100%.',
    },
    detail: {
      zh: '允许的舍入误差：每项最多±半个末位（截断时最多少一个末位）。',
      en: 'Rounding allowance: at most half a last digit per share (one last digit when truncated).',
    },
  },
  relations,
  run(ctx) {
    const { model } = ctx;
    for (const r of reported(model, relations)) {
      if ((r.status !== 'over' && r.status !== 'under') || !r.exact || !r.items?.length) continue;
      const first = r.items[0]!;
      const last = r.items[r.items.length - 1]!;
      ctx.report({
        messageId: r.status,
        detailId: 'detail',
        args: { sum: rToString(r.exact), formula: r.formula ?? '' },
        start: first.start,
        end: last.end,
        severity: r.severity,
        related: r.items.map((x) => relatedOf(model, x, 'share', ctx.locale)),
      });
    }
  },
};
