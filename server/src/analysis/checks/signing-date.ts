import type { CheckDef } from '../check';
import { deadlineFor } from '../profile';

export const signingDate: CheckDef = {
  id: 'signing-date',
  category: 'dates',
  severity: 'info',
  fixable: false,
  title: { zh: '落款日期与报告年度不符', en: 'Signing date does not fit the report year' },
  description: {
    zh: '报告末尾的落款日期应在报告年度结束之后、次年公开期限之前（按报告类型：法治政府建设年度报告为次年4月1日前；政府信息公开工作年度报告，政府部门为1月31日前，县级以上地方人民政府为3月31日前）。早于报告年度的日期多为笔误；报告年度内或期限之后的日期作为提示。',
    en: 'The signing date at the end should fall after the report year and before the publication deadline of the next year, by report type (1 April for the rule-of-law report; for the open-government-information report 31 January for departments and 31 March for local governments). A date before the report year is usually a slip; one inside the report year or after the deadline is a hint.',
  },
  messages: {
    beforeYear: {
      zh: '落款日期{date}早于报告年度{year}年，请核对落款日期或报告年度。',
      en: 'The signing date {date} is before the report year {year}; check the date or the report year.',
    },
    withinYear: {
      zh: '落款日期{date}在报告年度{year}年结束之前，年度情况可能尚不完整；请核对落款日期。',
      en: 'The signing date {date} is before the end of the report year {year}, so the year may not be complete; check the date.',
    },
    afterDeadline: {
      zh: '落款日期{date}晚于公开期限：{year}年度报告应于{next}年{deadline}向社会公开。',
      en: 'The signing date {date} is after the deadline: the {year} report is to be made public {deadline} {next}.',
    },
    farAfter: {
      zh: '落款日期{date}与报告年度{year}年相隔{gap}年，请核对落款日期或报告年度。',
      en: 'The signing date {date} is {gap} years after the report year {year}; check the date or the report year.',
    },
    source: { zh: '依据：{source}', en: 'Source: {source}' },
  },
  run(ctx) {
    // Profile-dependent: silent on documents that are not reports of a known type.
    if (!ctx.profileMatched) return;
    const { model } = ctx;
    const sd = model.signingDate;
    const ry = model.reportYear;
    if (!sd || !ry) return;
    const year = ry.value;
    const date = ctx.locale === 'en' ? `${sd.year}-${String(sd.month).padStart(2, '0')}-${String(sd.day).padStart(2, '0')}` : `${sd.year}年${sd.month}月${sd.day}日`;
    const args = { date, year, next: year + 1 };
    const at = { start: sd.start, end: sd.end };
    // A year taken from the signing date itself cannot contradict it; only the deadline is left to check.
    if (ry.source !== 'signing-date') {
      if (sd.year < year) return ctx.report({ ...at, messageId: 'beforeYear', args, severity: 'warning' });
      if (sd.year === year) return ctx.report({ ...at, messageId: 'withinYear', args });
      if (sd.year > year + 1) return ctx.report({ ...at, messageId: 'farAfter', args: { ...args, gap: sd.year - year }, severity: 'warning' });
    }
    // The deadline comes from the profile (by report year and by who writes the report).
    const d = deadlineFor(ctx.profile, year, model.reportKind);
    if (d && sd.year === year + 1 && (sd.month > d.month || (sd.month === d.month && sd.day > d.day)))
      ctx.report({ ...at, messageId: 'afterDeadline', args: { ...args, deadline: d.label[ctx.locale] ?? d.label.zh, source: d.source ?? '' }, detailId: d.source ? 'source' : undefined });
  },
};
