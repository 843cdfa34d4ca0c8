import type { CheckDef } from '../check';

/** Last day a report may carry and still meet the publication deadline, by profile. */
function deadline(profileId: string, year: number): { month: number; day: number; label: { zh: string; en: string } } | undefined {
  // 《法治政府建设与责任落实督察工作规定》第二十四条: made public before 4月1日 each year (the 2015 outline: in the first quarter).
  if (profileId === 'fzzf-annual') return { month: 3, day: 31, label: { zh: '4月1日前', en: 'before 1 April' } };
  // 《政府信息公开条例》(2019) 第五十条: by 1月31日; the 2008 version: by 3月31日.
  if (profileId === 'xxgk-annual')
    return year >= 2019 ? { month: 1, day: 31, label: { zh: '1月31日前', en: 'by 31 January' } } : { month: 3, day: 31, label: { zh: '3月31日前', en: 'by 31 March' } };
  return undefined;
}

export const signingDate: CheckDef = {
  id: 'signing-date',
  category: 'dates',
  severity: 'info',
  fixable: false,
  title: { zh: '落款日期与报告年度不符', en: 'Signing date does not fit the report year' },
  description: {
    zh: '报告末尾的落款日期应在报告年度结束之后、次年公开期限之前（法治政府建设年度报告为次年4月1日前）。早于报告年度的日期多为笔误；报告年度内或期限之后的日期作为提示。',
    en: 'The signing date at the end should fall after the report year and before the publication deadline of the next year (1 April for the rule-of-law report). A date before the report year is usually a slip; one inside the report year or after the deadline is a hint.',
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
    const d = deadline(ctx.profile.id, year);
    if (d && sd.year === year + 1 && (sd.month > d.month || (sd.month === d.month && sd.day > d.day)))
      ctx.report({ ...at, messageId: 'afterDeadline', args: { ...args, deadline: d.label[ctx.locale] ?? d.label.zh } });
  },
};
