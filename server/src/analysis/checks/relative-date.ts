import type { CheckDef } from '../check';
import type { Fix } from '../types';
import { insideTitle, topSectionAt, yearRolesOf, yearText } from '../dates';

/** Words whose year depends on when the text is read. Longest first. */
const WORD_RE = /(?<![如当古现迄])今年(?:以来|来|度)?(?![轻纪龄])|(?<![基资根])本年度|(?<![过失除])去年|(?<![说表证声查阐标注])明年|(?<![目当提此以之])前年/g;
/** Sentences about the plans for the coming year: 今年 there may mean the year after the report year. */
const FUTURE_RE = /下一步|下一年|明年|今后|将继续|计划|打算|力争/;

export const relativeDate: CheckDef = {
  id: 'relative-date',
  category: 'dates',
  severity: 'info',
  fixable: true,
  title: { zh: '相对时间指代不明', en: 'Relative date' },
  description: {
    zh: '“今年”“去年”“本年度”“截至今年X月”等说法，读者在报告公开发布后无法确定所指年份（报告多在次年初形成）。建议写明具体年份。只在所指年份确定时（报告年度工作情况部分中的“今年”“本年度”）提供修复。',
    en: 'Words such as 今年, 去年, 本年度 and 截至今年X月 cannot be resolved by a reader of the published report (reports are written early in the next year). Write the year. A fix is offered only where the year is certain (今年/本年度 in the parts about the report year).',
  },
  messages: {
    thisYear: {
      zh: '“{word}”在公开发布的报告中指代不明：本报告为{year}年度，建议写明“{suggest}”。',
      en: '“{word}” is ambiguous in a published report: this is the {year} report; write “{suggest}”.',
    },
    thisYearUnsure: {
      zh: '“{word}”指代不明（可能指{year}年，也可能指{next}年），建议写明具体年份。',
      en: '“{word}” is ambiguous (it may mean {year} or {next}); write the year.',
    },
    lastYear: {
      zh: '“{word}”指代不明（若指报告年度的上一年，应为{prev}年），建议写明具体年份。',
      en: '“{word}” is ambiguous (if it means the year before the report year, that is {prev}); write the year.',
    },
    yearBeforeLast: {
      zh: '“{word}”指代不明（若指报告年度的前两年，应为{prev2}年），建议写明具体年份。',
      en: '“{word}” is ambiguous (if it means two years before the report year, that is {prev2}); write the year.',
    },
    nextYear: {
      zh: '“{word}”指代不明（若指报告年度的下一年，应为{next}年），建议写明具体年份。',
      en: '“{word}” is ambiguous (if it means the year after the report year, that is {next}); write the year.',
    },
    noYear: {
      zh: '“{word}”在公开发布的报告中指代不明，建议写明具体年份。',
      en: '“{word}” is ambiguous in a published report; write the year.',
    },
    fix: { zh: '改为“{suggest}”', en: 'Replace with “{suggest}”' },
  },
  run(ctx) {
    // Profile-dependent: silent on documents that are not reports of a known type.
    if (!ctx.profileMatched) return;
    const { model, profile } = ctx;
    const year = model.reportYear?.value;
    for (const ln of model.lines) {
      if (ln.kind === 'table-row') continue;
      if (model.title && ln.start >= model.title.start && ln.end <= model.title.end) continue;
      const s = model.norm.slice(ln.start, ln.end);
      WORD_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = WORD_RE.exec(s))) {
        const start = ln.start + m.index;
        const end = start + m[0].length;
        if (insideTitle(model.norm, ln.start, start)) continue;
        const word = model.text.slice(start, end);
        const at = { start, end };
        if (year === undefined) {
          ctx.report({ ...at, messageId: 'noYear', args: { word } });
          continue;
        }
        const args = { word, year, prev: year - 1, prev2: year - 2, next: year + 1 };
        if (m[0] === '去年') ctx.report({ ...at, messageId: 'lastYear', args });
        else if (m[0] === '前年') ctx.report({ ...at, messageId: 'yearBeforeLast', args });
        else if (m[0] === '明年') ctx.report({ ...at, messageId: 'nextYear', args });
        else {
          // 今年 / 本年度: certain in the parts about the report year (or the preamble), outside plans for the future.
          let from = m.index;
          while (from > 0 && !/[。!?;；]/.test(s[from - 1]!)) from--;
          let to = m.index;
          while (to < s.length && !/[。!?;；]/.test(s[to]!)) to++;
          const sentence = s.slice(from, to);
          const sec = topSectionAt(model, start);
          const roles = sec ? yearRolesOf(model, profile, sec) : new Set<string>();
          const certain = !roles.has('next') && !FUTURE_RE.test(sentence) && model.reportYear!.source !== 'signing-date';
          const y = yearText(model, start, end, year);
          const suggest = m[0] === '今年以来' || m[0] === '今年来' ? `${y}年以来` : m[0] === '本年度' || m[0] === '今年度' ? `${y}年度` : `${y}年`;
          const suggestText = model.traditional && suggest.endsWith('以来') ? suggest.replace('以来', '以來') : suggest;
          if (!certain) {
            ctx.report({ ...at, messageId: 'thisYearUnsure', args });
            continue;
          }
          const fixes: Fix[] = [{ title: ctx.msg('fix', { suggest: suggestText }), edits: [{ start, end, newText: suggestText }] }];
          ctx.report({ ...at, messageId: 'thisYear', args: { ...args, suggest: suggestText }, fixes });
        }
      }
    }
  },
};
