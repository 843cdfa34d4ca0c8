import type { CheckDef } from '../check';
import { figureMismatch, relatedOf, reported, type RelationSelector } from '../relations';

const relations: RelationSelector<'share'> = { kinds: ['share'], statuses: ['mismatch'] };

export const shareMismatch: CheckDef = {
  id: 'share-mismatch',
  category: 'numbers',
  severity: 'error',
  fixable: true,
  title: { zh: '占比与所列数字不符', en: 'Share disagrees with its part and whole' },
  description: {
    zh: '“占Y%”“占…的Y%”“占比Y%”应等于紧挨其前的数（或并列几项之和）除以总数。总数取“占”后点名的总数（占办结案件总数的… → 同段的办结/审结数），否则取“其中”前的总数或同句较前的数。只要有一种取法按四舍五入或截断相符即不报告。修复只改占比本身。',
    en: 'A share (占Y%, 占…的Y%, 占比Y%) must equal the count right before it (or the sum of the parallel counts before it) divided by the whole: the whole named after 占 (占办结案件总数的… → the paragraph’s 办结/审结 count), else the whole before 其中, else an earlier count of the sentence. Nothing is reported if any reading agrees when rounded half-up or truncated. The fix changes only the share.',
  },
  messages: {
    mismatch: {
      zh: '{name}{stated}与所列数字不符：按{formula}={computed}计算应为{expected}。',
      en: 'The share {stated} ({name}) disagrees with its figures: {formula}={computed} gives {expected}.',
    },
    mismatchDistant: {
      zh: '{name}{stated}与所列数字不符：以{base}为总数，按{formula}={computed}计算应为{expected}。',
      en: 'The share {stated} ({name}) disagrees with its figures: taking {base} as the whole, {formula}={computed} gives {expected}.',
    },
    detail: {
      zh: '部分：{part}；总数：{base}。{formula}按四舍五入或截断（{precision}）只能写作{expected}。若总数另有所指，请在句中写明所指的总数。',
      en: 'Part: {part}; whole: {base}. Rounded half-up or truncated ({precision}), {formula} can only be written {expected}. If the whole is something else, name it in the sentence.',
    },
    fix: { zh: '将占比改为{expected}', en: 'Change the share to {expected}' },
  },
  relations,
  run(ctx) {
    const { model } = ctx;
    for (const r of reported(model, relations)) {
      if (r.status !== 'mismatch' || !r.exact || !r.base) continue;
      const { args, edit } = figureMismatch(model, r, r.parts, ctx.locale);
      ctx.report({
        messageId: r.distant ? 'mismatchDistant' : 'mismatch',
        detailId: 'detail',
        args,
        start: r.stated.start,
        end: r.stated.end,
        severity: r.severity,
        related: [...r.parts.map((p) => relatedOf(model, p, 'part', ctx.locale)), relatedOf(model, r.base, 'whole', ctx.locale)],
        fixes: [{ title: ctx.msg('fix', args), edits: [edit] }],
      });
    }
  },
};
