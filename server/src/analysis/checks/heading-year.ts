import type { CheckDef } from '../check';
import { matchesGroups } from '../profile';
import { topSections } from '../structure';
import { yearEdit } from '../dates';

/** A single year in a heading (not part of a period such as 2021－2025年). */
const YEAR_RE = /(?<![\d\-~至])((?:19|20)\d{2})\s*年(?!\s*[\-~至]\s*\d)/g;


export const headingYear: CheckDef = {
  id: 'heading-year',
  category: 'dates',
  severity: 'warning',
  fixable: true,
  title: { zh: '标题年份与报告年度不符', en: 'Heading year does not fit the report year' },
  description: {
    zh: '“主要举措和成效”“存在的不足”“第一责任人履职情况”等部分的标题应写报告年度，“主要安排”“工作打算”“工作计划”等下一年度安排的标题应写报告年度的下一年。合并的标题（2021年工作总结和2022年工作打算）逐个年份判断。修复只改动年份数字。',
    en: 'Headings of the measures, shortcomings and first-responsibility parts name the report year; the next-year plan heading (主要安排, 工作打算, 工作计划) names the year after it. A merged heading (2021年工作总结和2022年工作打算) is judged year by year. The fix changes only the digits.',
  },
  messages: {
    next: {
      zh: '下一年度工作安排的标题应写{expected}年（报告年度{year}年的下一年），文中为{found}年。',
      en: 'The next-year plan heading should name {expected} (the year after the report year {year}); it says {found}.',
    },
    report: {
      zh: '本部分标题应写报告年度{expected}年，文中为{found}年。',
      en: 'This heading should name the report year {expected}; it says {found}.',
    },
    fix: { zh: '改为{expected}', en: 'Change to {expected}' },
  },
  run(ctx) {
    // Profile-dependent: silent on documents that are not reports of a known type.
    if (!ctx.profileMatched) return;
    const { model, profile } = ctx;
    const year = model.reportYear?.value;
    if (year === undefined) return;
    for (const sec of topSections(model)) {
      const title = model.norm.slice(sec.titleSpan.start, sec.titleSpan.end);
      if (title.length > 60) continue;
      const years: { at: number; value: number }[] = [];
      YEAR_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = YEAR_RE.exec(title))) years.push({ at: m.index, value: Number(m[1]) });
      if (!years.length) continue;
      const rolesOf = (text: string) => {
        const r = new Set<'report' | 'next'>();
        for (const p of profile.parts) if (p.yearRole && matchesGroups(text, p.headings, year)) r.add(p.yearRole);
        if (r.size === 0) {
          // Words no part lists, from the profile: 2022年重点任务安排, 2021年推进情况.
          const words = profile.headingYearWords;
          if (words?.next?.some((w) => text.includes(w))) r.add('next');
          if (words?.report?.some((w) => text.includes(w))) r.add('report');
        }
        return r;
      };
      const whole = rolesOf(title);
      years.forEach((y, i) => {
        // The words that belong to this year: up to the next year in the heading.
        const seg = title.slice(y.at, i + 1 < years.length ? years[i + 1]!.at : title.length);
        let roles = rolesOf(seg);
        if (roles.size === 0 && years.length === 1) roles = whole;
        if (roles.size !== 1) return;
        const role = [...roles][0]!;
        const expected = role === 'next' ? year + 1 : year;
        if (y.value === expected) return;
        const start = sec.titleSpan.start + y.at;
        ctx.report({
          messageId: role,
          args: { expected, found: y.value, year },
          start,
          end: start + 4,
          fixes: [{ title: ctx.msg('fix', { expected }), edits: [yearEdit(model, start, start + 4, expected)], auto: true }],
        });
      });
    }
  },
};
