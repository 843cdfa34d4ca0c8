import type { CheckDef } from '../check';
import type { Fix } from '../types';
import { hasWordIn, titleScanner, topSectionAt, wordIndex, yearRolesOf, yearText } from '../dates';
import { LINE_TABLE_ROW, lineTable } from '../text/lines';
import { isSentenceEnd } from '../text/sentences';
import { topSections } from '../structure';

/** Words whose year depends on when the text is read. Longest first. */
const WORD_RE = /(?<![如当古现迄])今年(?:以来|来|度)?(?![轻纪龄])|(?<![基资根])本年度|(?<![过失除])去年|(?<![说表证声查阐标注])明年|(?<![目当提此以之])前年/g;
/** The words of WORD_RE without their context: only lines with one of them are matched against it. */
const WORDS = /今年|本年度|去年|明年|前年/g;
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
    const words = wordIndex(model.norm, WORDS);
    if (!words.starts.length) return;
    const lines = lineTable(model.lines);
    const title = model.title;
    for (let li = 0; li < lines.count; li++) {
      if (lines.kind[li] === LINE_TABLE_ROW) continue;
      const lnStart = lines.start[li]!;
      const lnEnd = lines.end[li]!;
      if (title && lnStart >= title.start && lnEnd <= title.end) continue;
      if (!hasWordIn(words, lnStart, lnEnd)) continue;
      const s = model.norm.slice(lnStart, lnEnd);
      const inTitle = titleScanner(model.norm, lnStart);
      // Sentence bounds and the section, found once for all the words of the line (the words come in order).
      let scanned = 0;
      let sentenceFrom = 0;
      let sentenceTo = -1;
      let future: { from: number; to: number; value: boolean } | undefined;
      let lineSection: { value: ReturnType<typeof topSectionAt> } | undefined;
      const sameSectionOnLine = () => !topSections(model).some((t) => (t.headingSpan.start > lnStart && t.headingSpan.start < lnEnd) || (t.end > lnStart && t.end < lnEnd));
      WORD_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = WORD_RE.exec(s))) {
        const start = lnStart + m.index;
        const end = start + m[0].length;
        if (inTitle(start)) continue;
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
          // The sentence: after the last sentence end before the word, up to the first one at or after it.
          if (m.index < scanned) {
            scanned = 0;
            sentenceFrom = 0;
            sentenceTo = -1;
          }
          for (; scanned < m.index; scanned++) if (isSentenceEnd(s.charCodeAt(scanned))) sentenceFrom = scanned + 1;
          if (sentenceTo < m.index) {
            sentenceTo = m.index;
            while (sentenceTo < s.length && !isSentenceEnd(s.charCodeAt(sentenceTo))) sentenceTo++;
          }
          const from = sentenceFrom;
          const to = sentenceTo;
          if (!future || future.from !== from || future.to !== to) future = { from, to, value: FUTURE_RE.test(s.slice(from, to)) };
          let sec: ReturnType<typeof topSectionAt>;
          if (lineSection) sec = lineSection.value;
          else {
            sec = topSectionAt(model, start);
            // No section starts or ends inside the line: the same section for all its words.
            if (sameSectionOnLine()) lineSection = { value: sec };
          }
          const roles = sec ? yearRolesOf(model, profile, sec) : new Set<string>();
          const certain = !roles.has('next') && !future.value && model.reportYear!.source !== 'signing-date';
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
