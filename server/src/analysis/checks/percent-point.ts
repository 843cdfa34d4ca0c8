import type { CheckDef } from '../check';
import { relatedOf, reported, writtenFigure, type RelationSelector } from '../relations';

const relations: RelationSelector<'percent-point'> = { kinds: ['percent-point'], statuses: ['hint'] };

export const percentPoint: CheckDef = {
  id: 'percent-point',
  category: 'style',
  severity: 'info',
  fixable: true,
  title: { zh: '比率的变化宜写作“个百分点”', en: 'A change of a rate: write 个百分点' },
  description: {
    zh: '两个比率之间的“提高/下降X%”含义不明：可能是两率之差（百分点），也可能是相对变化。若指两率之差，应写作“X个百分点”。若按百分点理解会得到小于0或大于100%的上年比率，则必是相对变化，不提示。',
    en: '提高/下降 X% between two rates is ambiguous: a difference of rates (percentage points) or a relative change. For a difference, write X个百分点. No hint when reading it as points would give a previous rate below 0 or above 100%.',
  },
  messages: {
    hint: {
      zh: '“{verb}{stated}”用于比率的变化，含义不明：若指两率之差，应写作“{points}个百分点”。',
      en: '“{verb} {stated}” for a change of a rate is ambiguous: for a difference of rates write “{points}个百分点”.',
    },
    fix: { zh: '改为“{points}个百分点”', en: 'Change to “{points}个百分点”' },
  },
  relations,
  run(ctx) {
    const { model } = ctx;
    for (const r of reported(model, relations)) {
      if (r.status !== 'hint') continue;
      const f = r.stated;
      const points = model.text.slice(f.numStart, f.numEnd);
      // a draft in traditional characters gets 個百分點
      const unit = model.traditional ? '個百分點' : '个百分点';
      const args = { verb: r.name, stated: writtenFigure(model, f), points };
      ctx.report({
        messageId: 'hint',
        args,
        start: f.start,
        end: f.end,
        severity: 'info',
        related: r.parts.map((p) => relatedOf(model, p, 'rate', ctx.locale)),
        fixes: [
          {
            title: ctx.msg('fix', args),
            // 5.78% → 5.78个百分点; 百分之五点七八 → 五点七八个百分点
            edits: model.norm.startsWith('百分之', f.start)
              ? [{ start: f.start, end: f.end, newText: points + unit }]
              : [{ start: f.numEnd, end: f.end, newText: unit }],
          },
        ],
      });
    }
  },
};
