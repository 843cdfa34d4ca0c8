import type { CheckDef } from '../check';
import { checkOfKind, kindGroup, namesOf, verdictsOf, type NameVerdict } from '../names';
import { nameArgs, nameFix } from './shared/name-findings';

function messageId(v: NameVerdict): string {
  if (v.noYear) return 'noYear';
  const e = v.hit.entry;
  switch (kindGroup(e.kind)) {
    case 'law':
      return e.kind === 'law_repealed_replaced' || e.kind === 'regulation_replaced' ? 'lawRepealed' : 'lawSuperseded';
    case 'revised':
      return 'lawRevised';
    case 'plan':
      if (e.period) return e.noFix ? 'planExpiredNoSuccessor' : 'planExpired';
      return 'planSuperseded';
    case 'term':
      return e.kind === 'term_legacy' ? 'termLegacy' : 'termRenamed';
    default:
      return v.unsettled ? 'institutionRenamedVaries' : 'institutionRenamed';
  }
}

export const outdatedName: CheckDef = {
  id: 'outdated-name',
  category: 'names',
  severity: 'warning',
  fixable: true,
  title: { zh: '名称已过时', en: 'Outdated name' },
  description: {
    zh: '已废止或被取代的法律法规、期满的规划、机构改革前的机构名称和已更名的术语。按报告年度判断：变更发生在报告年度之后的不提示；变更发生在报告年度最后三个月的仅作提示。前面写有“原”“原来的”“改革前”等表示历史的用法、引用旧文件标题中的旧名称，均不提示。修复改为现名称，保留原文的括号、连接号宽度和繁简体。',
    en: 'Repealed or replaced laws and regulations, plans whose period has ended, institutions renamed in the reforms, and renamed terms. Judged by the report year: a change after the report year is not flagged; one in the last three months of the report year is a hint only. Historical uses (after 原, 原来的, 改革前 …) and old names inside the title of an old document are not flagged. The fix writes the current name, keeping the bracket and dash widths and the script (traditional or simplified) of the text.',
  },
  messages: {
    lawRepealed: {
      zh: '{old}已于{date}废止，现行为{new}；本报告为{year}年度，应引用现行规定。',
      en: '{old} was repealed on {date}; the current text is {new}. This is a {year} report: cite the current text.',
    },
    lawSuperseded: {
      zh: '{old}自{date}起已被{new}取代；本报告为{year}年度，应引用{new}。',
      en: '{old} has been superseded by {new} since {date}. This is a {year} report: cite {new}.',
    },
    lawRevised: {
      zh: '{old}是修订前的版本，修订后的版本自{date}起施行；本报告为{year}年度，应引用现行版本{new}。',
      en: '{old} is the edition before the revision in force since {date}. This is a {year} report: cite the current edition {new}.',
    },
    planExpired: {
      zh: '{old}的规划期至{end}年结束，不能作为{year}年度工作的现行依据，现行为{new}；如为回顾，请写明“原”或“……期间”。',
      en: 'The period of {old} ended in {end}; it cannot be the current guide for work in {year}. The current plan is {new}. If this looks back, say so (原…, …期间).',
    },
    planExpiredNoSuccessor: {
      zh: '{old}的规划期至{end}年结束，不能作为{year}年度工作的现行依据；请核对接续规划的名称。',
      en: 'The period of {old} ended in {end}; it cannot be the current guide for work in {year}. Check the name of the follow-up plan.',
    },
    planSuperseded: {
      zh: '{old}已于{date}被{new}取代，不宜作为{year}年度工作的现行依据。',
      en: '{old} was superseded by {new} on {date}; it is not the current guide for work in {year}.',
    },
    institutionRenamed: {
      zh: '“{old}”已于{date}因机构改革调整为“{new}”；本报告为{year}年度，应使用现名称（指改革前的机构时写“原{old}”）。',
      en: '“{old}” became “{new}” in the institutional reform of {date}. This is a {year} report: use the current name (write 原{old} for the body before the reform).',
    },
    institutionRenamedVaries: {
      zh: '“{old}”自{date}起因机构改革陆续调整为“{new}”，各地调整时间不一（{settled}前全部完成）；本报告为{year}年度，请核对本地机构当时的名称。',
      en: '“{old}” became “{new}” in the institutional reform from {date}; places changed on different dates (all by {settled}). This is a {year} report: check the local name at the time.',
    },
    termRenamed: {
      zh: '“{old}”已于{date}更名为“{new}”；本报告为{year}年度，应使用新名称。',
      en: '“{old}” was renamed “{new}” on {date}. This is a {year} report: use the new name.',
    },
    termLegacy: {
      zh: '“{old}”是机构改革前的说法，{date}起这项职责由“{new}”承担；本报告为{year}年度，宜使用现行说法。',
      en: '“{old}” is the wording from before the institutional reform; since {date} the duty lies with “{new}”. This is a {year} report: prefer the current wording.',
    },
    noYear: {
      zh: '“{old}”自{date}起已由“{new}”取代；未能确定报告年度，如报告涉及{effYear}年及以后，请使用现名称。',
      en: '“{old}” has been replaced by “{new}” since {date}. The report year is unknown: if the report covers {effYear} or later, use the current name.',
    },
    detail: {
      zh: '{old} → {new}\n变更时间：{date}\n依据：{source}{note}',
      en: '{old} → {new}\nChanged: {date}\nSource: {source}{note}',
    },
    fixReplace: { zh: '改为“{text}”', en: 'Replace with “{text}”' },
    fixReplaceVaries: {
      zh: '改为“{text}”（各地名称不一，请核对本地机构名称，如{variants}）',
      en: 'Replace with “{text}” (names vary by place; check the local name, e.g. {variants})',
    },
  },
  run(ctx) {
    for (const v of verdictsOf(ctx.model, namesOf(ctx))) {
      if (checkOfKind(v.hit.entry.kind) !== 'outdated-name') continue;
      const args = nameArgs(ctx, v);
      ctx.report({
        messageId: messageId(v),
        args,
        start: v.hit.start,
        end: v.hit.end,
        severity: v.severity,
        detailId: 'detail',
        fixes: nameFix(ctx, v, args, false),
      });
    }
  },
};
