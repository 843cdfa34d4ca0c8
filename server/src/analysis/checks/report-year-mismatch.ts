import type { CheckDef } from '../check';
import type { Profile } from '../profile';
import { hasWordIn, titleScanner, wordIndex, yearEdit } from '../dates';
import { LINE_PARAGRAPH, lineTable } from '../text/lines';

/** 现将2021年度…报告如下 / 现将2021年工作情况汇报如下 */
const PRESENT_RE = /现将\s*((?:19|20)\d{2})\s*年(?:度)?[^。;；!?]{0,40}?(?:报告|汇报)如下/g;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface ProfilePatterns {
  /** 关于2021年度<subject>情况的报告 written in the body */
  about?: RegExp;
  /** 现公布…2021年<subject>…报告 */
  publish?: RegExp;
  /** 数据<period>为2021年1月1日至2021年12月31日: both years are the report year */
  period?: RegExp;
  /** The words the statements start with: only lines with one of them are matched against the patterns. */
  words: RegExp;
}

const patternCache = new WeakMap<Profile, ProfilePatterns>();

/** The statement patterns of a profile, built once from its words (`yearStatements`). */
function patternsOf(profile: Profile): ProfilePatterns {
  const hit = patternCache.get(profile);
  if (hit) return hit;
  const subjects = (profile.yearStatements?.subjects ?? []).filter(Boolean).map(escapeRe);
  const period = (profile.yearStatements?.period ?? []).filter(Boolean).map(escapeRe);
  const subj = subjects.join('|');
  const starts = ['现将', '关于'];
  const out: ProfilePatterns = { words: /现将|关于/g };
  if (subj) {
    out.about = new RegExp(`关于\\s*((?:19|20)\\d{2})\\s*年(?:度)?[^。;；,，《》!?]{0,30}?(?:${subj})[^。;；,，《》!?]{0,20}?(?:的)?(?:报告|总结)`, 'g');
    out.publish = new RegExp(`现(?:予)?公布[^。;；!?《》]{0,20}?((?:19|20)\\d{2})\\s*年(?:度)?[^。;；,，!?《》]{0,20}?(?:${subj})[^。;；,，!?《》]{0,20}?(?:报告|年报)`, 'g');
    starts.push('现公布', '现予公布');
  }
  if (period.length) {
    out.period = new RegExp(
      `(?:${period.join('|')})[^。;；]{0,16}?((?:19|20)\\d{2})\\s*年\\s*0?1\\s*月\\s*0?1\\s*日\\s*(?:起)?\\s*(?:至|到|-|—|–|~)\\s*(?:((?:19|20)\\d{2})\\s*年\\s*)?12\\s*月\\s*31\\s*日`,
      'g',
    );
    starts.push(...period);
  }
  out.words = new RegExp(starts.map(escapeRe).join('|'), 'g');
  patternCache.set(profile, out);
  return out;
}
/** 报送/印发… a report of another year: that is history, not a statement about this report. */
const OTHER_REPORT_BEFORE = /(?:报送|上报|提交|印发|审议|听取|公开|公布|发布|转发|批转|按时|完成|形成|撰写|起草|编制)[^,，。;；]{0,12}$/;
/** The longest text OTHER_REPORT_BEFORE can match (a two-character verb and twelve more): all it needs to see. */
const OTHER_REPORT_REACH = 2 + 12;
/** The opening of the first body paragraph: 2021年，… */
const OPENING_RE = /^(?:在|过去的)?((?:19|20)\d{2})\s*年(?:度)?[,，]/;

export const reportYearMismatch: CheckDef = {
  id: 'report-year-mismatch',
  category: 'dates',
  severity: 'warning',
  fixable: true,
  title: { zh: '正文所述年度与报告年度不符', en: 'Body names another year as the report’s own' },
  description: {
    zh: '正文中说明本报告所属年度的语句（“现将2021年度……报告如下”“关于2021年法治政府建设情况的报告”“现公布2021年政府信息公开工作年度报告”“数据统计期限为2021年1月1日至12月31日”、正文首句“2021年，……”）与标题确定的报告年度不一致，多见于沿用上一年度的报告稿。说明语句的用词按报告类型确定。修复改为报告年度。',
    en: 'A statement in the body that names the report’s own year (现将2021年度……报告如下, 关于2021年法治政府建设情况的报告, 现公布2021年政府信息公开工作年度报告, 数据统计期限为2021年1月1日至12月31日, an opening “2021年，……”; the wording comes from the report type) differs from the report year given by the title — typically left over from last year’s draft. The fix writes the report year.',
  },
  messages: {
    statement: {
      zh: '本报告为{year}年度，此处写作{found}年度。',
      en: 'This is the {year} report, but the text says {found}.',
    },
    period: {
      zh: '本报告为{year}年度，所述数据统计期限却写作{found}年。',
      en: 'This is the {year} report, but the statistics period given says {found}.',
    },
    opening: {
      zh: '标题中的报告年度为{year}年，正文开头写作{found}年。',
      en: 'The title gives the report year {year}, but the body opens with {found}.',
    },
    fix: { zh: '改为{year}', en: 'Change to {year}' },
  },
  run(ctx) {
    const { model } = ctx;
    const ry = model.reportYear;
    if (!ry) return;
    const year = ry.value;
    const report = (start: number, found: number, messageId: string) => {
      const end = start + 4;
      ctx.report({
        messageId,
        args: { year, found },
        start,
        end,
        related: ry.end > ry.start ? [{ start: ry.start, end: ry.end, message: ctx.locale === 'en' ? `report year ${year}` : `报告年度${year}年` }] : undefined,
        fixes: [{ title: ctx.msg('fix', { year }), edits: [yearEdit(model, start, end, year)], auto: true }],
      });
    };
    const pats = patternsOf(ctx.profile);
    const words = wordIndex(model.norm, pats.words);
    const lines = lineTable(model.lines);
    const title = model.title;
    let firstBody = true;
    for (let li = 0; li < lines.count; li++) {
      if (lines.kind[li] !== LINE_PARAGRAPH) continue;
      const lnStart = lines.start[li]!;
      const lnEnd = lines.end[li]!;
      if (title && lnStart >= title.start && lnEnd <= title.end) continue;
      const statement = hasWordIn(words, lnStart, lnEnd);
      if (!firstBody && !statement) continue;
      const s = model.norm.slice(lnStart, lnEnd);
      // The opening sentence of the body (an addressee line such as 省人民政府： comes first).
      if (firstBody && !(s.length < 40 && /[:：]$/.test(s))) {
        firstBody = false;
        const m = OPENING_RE.exec(s);
        if (m && ry.source === 'title' && Number(m[1]) !== year) report(lnStart + m[0].indexOf(m[1]!), Number(m[1]), 'opening');
      }
      if (!statement) continue;
      const inTitle = titleScanner(model.norm, lnStart);
      for (const re of [PRESENT_RE, pats.about, pats.publish]) {
        if (!re) continue;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(s))) {
          const found = Number(m[1]);
          if (found === year) continue;
          const at = lnStart + m.index;
          if (re === pats.about && (inTitle(at) || OTHER_REPORT_BEFORE.test(s.slice(Math.max(0, m.index - OTHER_REPORT_REACH), m.index)))) continue;
          report(at + m[0].indexOf(m[1]!), found, 'statement');
        }
      }
      if (pats.period) {
        pats.period.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = pats.period.exec(s))) {
          // Both years of the period; the second may be left out (2021年1月1日至12月31日).
          let from = m.index;
          for (const g of [m[1], m[2]]) {
            if (!g) continue;
            const k = m[0].indexOf(g, from - m.index);
            from = m.index + k + g.length;
            if (Number(g) !== year) report(lnStart + m.index + k, Number(g), 'period');
          }
        }
      }
    }
  },
};
