import type { CheckDef } from '../check';
import { checkOfKind, kindGroup, namesOf, verdictsOf } from '../names';
import { nameArgs, nameFix } from './shared/name-findings';

export const miscitedTitle: CheckDef = {
  id: 'miscited-title',
  category: 'names',
  severity: 'warning',
  fixable: true,
  title: { zh: '文件标题引用有误', en: 'Mis-cited title' },
  description: {
    zh: '标题中的年份写错的文件（如《法治社会建设实施纲要（2020－2025年）》误写为2021－2025年）、正式名称为“法治”却写成“法制”的标题和提法（《法制政府建设实施纲要》、法制政府建设），以及已有新版本的年度清单（如《市场准入负面清单（2019年版）》在2020年版发布之后）。新版本在报告年度最后几周发布的，仅作提示。修复只改动写错的字，保留原文的括号、连接号宽度和繁简体。',
    en: 'Titles cited with the wrong years (《法治社会建设实施纲要（2020－2025年）》 written as 2021－2025), titles and phrases whose official wording says 法治 written with 法制 (《法制政府建设实施纲要》, 法制政府建设), and yearly lists cited in an edition that has been superseded (《市场准入负面清单（2019年版）》 after the 2020 edition). When the new edition came out in the last weeks of the report year, a hint only. The fix changes only the wrong characters, keeping the bracket and dash widths and the script.',
  },
  messages: {
    titleMiscited: {
      zh: '标题年份有误：正式名称为{new}（{date}发布），文中为{old}。',
      en: 'Wrong years in the title: the official title is {new} (issued {date}); the text has {old}.',
    },
    titleMisworded: {
      zh: '名称用字有误：正式名称为{new}，文中为{old}。',
      en: 'Wrong wording: the official name is {new}; the text has {old}.',
    },
    editionSuperseded: {
      zh: '{old}已被新版本取代（{date}发布）；本报告为{year}年度，应引用{new}。',
      en: '{old} was superseded by a new edition on {date}. This is a {year} report: cite {new}.',
    },
    editionLate: {
      zh: '新版本{new}于{date}发布，{year}年度的工作大多仍依据{old}；如引用的是现行清单，请改为新版本。',
      en: 'The new edition {new} came out on {date}, so most of the work in {year} still followed {old}; if the current list is meant, cite the new edition.',
    },
    noYear: {
      zh: '{old}自{date}起已被{new}取代；未能确定报告年度，如报告涉及{effYear}年及以后，请引用新版本。',
      en: '{old} has been superseded by {new} since {date}. The report year is unknown: if the report covers {effYear} or later, cite the new edition.',
    },
    detail: {
      zh: '{old} → {new}\n发布时间：{date}\n依据：{source}{note}',
      en: '{old} → {new}\nIssued: {date}\nSource: {source}{note}',
    },
    detailWording: {
      zh: '{old} → {new}\n依据：{source}{note}',
      en: '{old} → {new}\nSource: {source}{note}',
    },
    fixReplace: { zh: '改为“{text}”', en: 'Replace with “{text}”' },
    fixReplaceVaries: { zh: '改为“{text}”', en: 'Replace with “{text}”' },
  },
  run(ctx) {
    for (const v of verdictsOf(ctx.model, namesOf(ctx))) {
      if (checkOfKind(v.hit.entry.kind) !== 'miscited-title') continue;
      const miscited = kindGroup(v.hit.entry.kind) === 'miscited';
      const args = nameArgs(ctx, v);
      const wording = v.hit.entry.kind === 'title_misworded';
      // A phrase (not a 《title》) is quoted in the message.
      if (wording && !String(args.old).startsWith('《')) {
        args.old = `“${args.old}”`;
        args.new = `“${args.new}”`;
      }
      const messageId = wording ? 'titleMisworded' : miscited ? 'titleMiscited' : v.noYear ? 'noYear' : v.late ? 'editionLate' : 'editionSuperseded';
      ctx.report({
        messageId,
        args,
        start: v.hit.start,
        end: v.hit.end,
        severity: v.severity,
        detailId: wording ? 'detailWording' : 'detail',
        fixes: nameFix(ctx, v, args, miscited),
      });
    }
  },
};
