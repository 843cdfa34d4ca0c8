import type { CheckDef } from '../check';
import { figureMismatch, relatedOf, reported, type RelationSelector } from '../relations';

const relations: RelationSelector<'rate'> = { kinds: ['rate'], statuses: ['mismatch'] };

export const rateMismatch: CheckDef = {
  id: 'rate-mismatch',
  category: 'numbers',
  severity: 'error',
  fixable: true,
  title: { zh: '比率与所列数字不符', en: 'Rate disagrees with its counts' },
  description: {
    zh: '“X率”（办结率、成功率、纠错率、通过率……）应等于同一句中的分子除以分母。分子按标签匹配（办结↔办结率、成功↔成功率），分母依次尝试同句中的各个数，只要有一种取法按四舍五入或截断到所写位数相符即不报告。近似数（余、多、约、以上……）不作精确核对。修复只改比率本身，保留原有位数和写法。',
    en: 'A rate (办结率, 成功率, 纠错率, 通过率 …) must equal its part divided by its base in the same sentence. The part is matched by label (办结 ↔ 办结率, 成功 ↔ 成功率); every count of the sentence is tried as the base, and nothing is reported if any reading agrees when rounded half-up or truncated to the stated decimals. Approximate figures (余, 多, 约, 以上 …) are never checked exactly. The fix changes only the rate, keeping its precision and form.',
  },
  messages: {
    mismatch: {
      zh: '{name}与所列数字不符：按{formula}={computed}计算应为{expected}，文中为{stated}。',
      en: 'The rate “{name}” disagrees with its counts: {formula}={computed} gives {expected}; the text says {stated}.',
    },
    detail: {
      zh: '分子{part}（标签与“{name}”对应），分母{base}。{formula}按四舍五入或截断（{precision}）只能写作{expected}。若分母另有所指（如不含结转件数），请在句中写明；若比率确有笔误，可用快速修复改为{expected}。',
      en: 'Part {part} (its label matches “{name}”), base {base}. Rounded half-up or truncated ({precision}), {formula} can only be written {expected}. If the base is something else (e.g. excluding carried-over cases), say so in the sentence; if the rate is a slip, the quick fix changes it to {expected}.',
    },
    fix: { zh: '将比率改为{expected}', en: 'Change the rate to {expected}' },
  },
  relations,
  run(ctx) {
    const { model } = ctx;
    for (const r of reported(model, relations)) {
      if (r.status !== 'mismatch' || !r.exact || !r.base) continue;
      const { args, edit } = figureMismatch(model, r, [r.parts[0]!], ctx.locale);
      ctx.report({
        messageId: 'mismatch',
        detailId: 'detail',
        args,
        start: r.stated.start,
        end: r.stated.end,
        severity: r.severity,
        related: [relatedOf(model, r.parts[0]!, 'part', ctx.locale), relatedOf(model, r.base, 'base', ctx.locale)],
        fixes: [{ title: ctx.msg('fix', args), edits: [edit] }],
      });
    }
  },
};
