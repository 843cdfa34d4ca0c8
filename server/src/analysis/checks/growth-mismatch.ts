import type { CheckDef } from '../check';
import { computedText, relatedOf, reported, rewrite, writtenFigure, type RelationSelector } from '../relations';

const relations: RelationSelector<'growth'> = { kinds: ['growth'], statuses: ['mismatch'] };

export const growthMismatch: CheckDef = {
  id: 'growth-mismatch',
  category: 'numbers',
  severity: 'error',
  fixable: true,
  title: { zh: '增减幅度与前后数值不符', en: 'Growth rate disagrees with its two values' },
  description: {
    zh: '“同比增长/下降X%”在本期数和上期数（或增减数）都写出时，应等于（本期−上期）÷上期。按四舍五入或截断到所写位数核对；近似数不核对。修复只改增减幅度。',
    en: 'When both values (or the change) are given, 同比增长/下降 X% must equal (current − previous) ÷ previous, rounded half-up or truncated to the stated decimals; approximate figures are not checked. The fix changes only the growth figure.',
  },
  messages: {
    mismatch: {
      zh: '{name}{stated}与前后数值不符：按{formula}={computed}计算应为{expected}。',
      en: 'The change {stated} ({name}) disagrees with its values: {formula}={computed} gives {expected}.',
    },
    direction: {
      zh: '“{name}{stated}”与前后数值方向相反：按{formula}计算为{opposite}{computed}。',
      en: '“{name} {stated}” runs the wrong way: {formula} gives {opposite} of {computed}.',
    },
    fix: { zh: '将增减幅度改为{expected}', en: 'Change the figure to {expected}' },
  },
  relations,
  run(ctx) {
    const { model } = ctx;
    for (const r of reported(model, relations)) {
      if (r.status !== 'mismatch' || !r.exact) continue;
      const stated = writtenFigure(model, r.stated);
      const related = [relatedOf(model, r.parts[0]!, 'current', ctx.locale)];
      if (r.base) related.push(relatedOf(model, r.base, 'previous', ctx.locale));
      if (r.exact.n < 0n) {
        const abs = { n: -r.exact.n, d: r.exact.d };
        ctx.report({
          messageId: 'direction',
          args: { name: r.name, stated, formula: r.formula ?? '', computed: computedText(r.stated, abs), opposite: ctx.locale === 'en' ? (r.up ? 'a decrease' : 'an increase') : r.up ? '下降' : '增长' },
          start: r.stated.start,
          end: r.stated.end,
          severity: r.severity,
          related,
        });
        continue;
      }
      const { edit, display } = rewrite(model, r.stated, r.exact);
      const args = { name: r.name, stated, formula: r.formula ?? '', computed: computedText(r.stated, r.exact), expected: display };
      ctx.report({
        messageId: 'mismatch',
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
