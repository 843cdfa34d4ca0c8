import type { CheckDef } from '../check';
import { precisionText, relatedOf, reported, writtenFigure, type Nearest, type RelationSelector } from '../relations';

const relations: RelationSelector<'rate'> = { kinds: ['rate'], statuses: ['impossible'] };

export const rateImpossible: CheckDef = {
  id: 'rate-impossible',
  category: 'numbers',
  severity: 'warning',
  fixable: false,
  title: { zh: '比率无法由所给数字得出', en: 'Rate impossible for its count' },
  description: {
    zh: '未写明分母时，比率仍须能由某个整数分母得出：371项对应的比率可以是99.20%（371÷374）或99.46%（371÷373），但不可能是99.28%。按四舍五入和截断两种写法检查；只给出分子或分母之一时也适用。无法判断哪个数有误，故不提供修复。',
    en: 'When the base is not stated, a rate must still come from some whole-number base: 371 items can give 99.20% (371÷374) or 99.46% (371÷373), never 99.28%. Both rounding and truncation are allowed; it works when only the part or only the base is given. Which figure is wrong cannot be known, so there is no fix.',
  },
  messages: {
    part: {
      zh: '{name}{stated}无法由{count}得出：没有任何整数分母能得到该值，最接近的是{partBelow}和{partAbove}。',
      en: 'The rate “{name}” {stated} cannot come from {count}: no whole-number base gives it; the nearest possible values are {partBelow} and {partAbove}.',
    },
    either: {
      zh: '{name}{stated}与{count}不可能同时成立：{count}作分子时最接近的是{partBelow}和{partAbove}，作分母时最接近的是{baseBelow}和{baseAbove}。',
      en: 'The rate “{name}” {stated} and {count} cannot both be right: with {count} as the part the nearest possible values are {partBelow} and {partAbove}; as the base, {baseBelow} and {baseAbove}.',
    },
    base: {
      zh: '若以{count}为分母，{name}只可能是{baseBelow}或{baseAbove}，不可能是{stated}；请核对分母或比率。',
      en: 'If the base is {count}, the rate “{name}” can only be {baseBelow} or {baseAbove}, not {stated}; check the base or the rate.',
    },
    detail: {
      zh: '比率按四舍五入或截断（{precision}）。对每个可能的整数分母（或分子）逐一计算，没有一个能得到{stated}。',
      en: 'The rate is rounded half-up or truncated ({precision}). No whole-number base (or part) gives {stated}.',
    },
  },
  relations,
  run(ctx) {
    const { model } = ctx;
    for (const r of reported(model, relations)) {
      if (r.status !== 'impossible' || !r.nearest) continue;
      const c = r.parts[0] ?? r.base!;
      const near = (x?: Nearest) => (!x ? '—' : ctx.locale === 'en' ? `${x.value} (${x.formula})` : `${x.value}（${x.formula}）`);
      const args = {
        name: r.name,
        stated: writtenFigure(model, r.stated),
        count: writtenFigure(model, c),
        partBelow: near(r.nearest.partBelow),
        partAbove: near(r.nearest.partAbove),
        baseBelow: near(r.nearest.baseBelow),
        baseAbove: near(r.nearest.baseAbove),
        precision: precisionText(r.stated, ctx.locale),
      };
      ctx.report({
        messageId: r.nearest.role,
        detailId: 'detail',
        args,
        start: r.stated.start,
        end: r.stated.end,
        severity: r.severity,
        related: [relatedOf(model, c, r.nearest.role === 'base' ? 'base' : r.nearest.role === 'part' ? 'part' : 'count', ctx.locale)],
      });
    }
  },
};
