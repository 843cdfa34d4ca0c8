import type { CheckDef, CheckContext } from '../check';
import type { ReportModel, Section, Span, TextEdit } from '../types';
import { partStatuses, partsOfSection, topSections } from '../structure';
import { regulationFor, type Profile, type ProfilePart } from '../profile';
import { cnNumeral } from '../normalise';
import { renderMarker } from '../numbering';
import { toDocumentScript } from '../text/script';
import { fillTemplate } from '../text/template';

/** The span a document-level finding is anchored on: the title, else the first line with text. */
function documentAnchor(model: ReportModel): Span {
  if (model.title) return { start: model.title.start, end: model.title.end };
  const first = model.lines[0];
  return first ? { start: first.start, end: first.end } : { start: 0, end: 0 };
}

/** The canonical heading text of a part for this report (year filled in, department wording where it applies). */
function canonicalHeading(model: ReportModel, part: ProfilePart): string {
  const template = model.reportKind === 'department' && part.departmentCanonical ? part.departmentCanonical : part.canonical;
  const y = model.reportYear?.value;
  if (y === undefined) return template.replace(/\{year\}年度?/g, '').replace(/\{nextYear\}年度?/g, '下一年度');
  return fillTemplate(template, { year: y, nextYear: y + 1 });
}

function usesBlankLines(model: ReportModel): boolean {
  // A Word paste keeps one paragraph per line with no blank lines between them; follow the document's habit.
  return /\S[ \t]*\r?\n[ \t]*\r?\n[ \t]*\S/.test(model.text) || model.lines.length < 2;
}

interface Insertion {
  offset: number;
  /** Index among top-level sections at which the new heading stands (0-based). */
  index: number;
}

function insertionPoint(model: ReportModel, profile: Profile, part: ProfilePart, top: Section[]): Insertion {
  const order = (p: ProfilePart) => profile.parts.indexOf(p);
  const want = order(part);
  for (let i = 0; i < top.length; i++) {
    const parts = partsOfSection(model, profile, top[i]!);
    if (parts.length && Math.min(...parts.map(order)) > want) return { offset: lineStartOf(model, top[i]!.headingSpan.start), index: i };
  }
  // After the last section: before the signature block if there is one.
  if (model.signingDate) {
    const k = model.lines.findIndex((l) => l.start === model.signingDate!.start);
    const prev = k > 0 ? model.lines[k - 1]! : undefined;
    const lastTop = top[top.length - 1];
    let at = model.signingDate.start;
    if (prev && prev.end - prev.start <= 40 && !/[。，,]/.test(model.norm.slice(prev.start, prev.end)) && (!lastTop || prev.start > lastTop.headingSpan.end)) at = prev.start;
    return { offset: lineStartOf(model, at), index: top.length };
  }
  return { offset: model.text.length, index: top.length };
}

function lineStartOf(model: ReportModel, offset: number): number {
  let s = offset;
  while (s > 0 && model.text[s - 1] !== '\n' && model.text[s - 1] !== '\r') s--;
  return s;
}

/** The text edit that inserts a heading for `part`, in the document's own heading style. */
function headingInsertion(model: ReportModel, profile: Profile, part: ProfilePart): TextEdit {
  const top = topSections(model);
  const { offset, index } = insertionPoint(model, profile, part, top);
  const ref = top[Math.min(index, top.length - 1)] ?? top[0];
  let marker = '';
  if (ref?.numbering) marker = renderMarker(ref.numbering.raw, ref.numbering.scheme, index + 1);
  else if (!ref) marker = cnNumeral(index + 1) + '、';
  let prefix = '';
  if (ref?.style === 'markdown') prefix = '#'.repeat(ref.mdLevel ?? 2) + ' ';
  // In the document's script: a draft in traditional characters gets a traditional heading.
  const heading = prefix + marker + toDocumentScript(model, canonicalHeading(model, part));
  const nl = model.text.includes('\r\n') ? '\r\n' : '\n';
  const blank = usesBlankLines(model) ? nl : '';
  if (offset >= model.text.length) {
    const t = model.text;
    const endsWithNl = t.endsWith('\n') || t.endsWith('\r');
    const lead = t.length === 0 ? '' : (endsWithNl ? '' : nl) + blank;
    return { start: t.length, end: t.length, newText: lead + heading + nl };
  }
  return { start: offset, end: offset, newText: heading + nl + blank };
}

export const missingSection: CheckDef = {
  id: 'missing-section',
  category: 'structure',
  severity: 'error',
  fixable: true,
  title: { zh: '缺少必备部分', en: 'Missing mandatory part' },
  description: {
    zh: '按报告类型（如《法治政府建设与责任落实督察工作规定》第二十五条，《政府信息公开条例》第五十条及按报告年度适用的年度报告格式）检查必备部分是否都有标题。一个标题可以同时涵盖两个部分（如“存在问题和下一步工作打算”）。只在句子中或只作为下级标题出现的部分给出提示；2019年以前的报告只给提示。',
    en: 'Checks that every mandatory part of the report type (e.g. Art. 25 of the 2019 Provisions; Art. 50 of the Regulations on Open Government Information with the report format of the report year) has a heading. One heading may cover two parts. A part that appears only in a sentence or only as a sub-heading gets a hint; reports for years before the rule get hints only.',
  },
  messages: {
    missing: {
      zh: '缺少必备部分“{part}”：{regulation}要求年度报告包含此部分。',
      en: 'Missing mandatory part "{part}": required in the annual report by {regulation}.',
    },
    missingBeforeRule: {
      zh: '未见“{part}”部分。本报告为{year}年度，早于{regulation}（{since}年起施行），仅作提示。',
      en: 'No "{part}" part. This report covers {year}, before {regulation} applied (from {since}); hint only.',
    },
    subheading: {
      zh: '“{part}”只作为下级标题“{heading}”出现；{regulation}要求单列此部分，建议提升为一级标题。',
      en: '"{part}" appears only as the sub-heading "{heading}"; {regulation} requires it as a part of its own.',
    },
    sentence: {
      zh: '“{part}”只在句子中提及（“{excerpt}”），没有单独的标题；{regulation}要求单列此部分。',
      en: '"{part}" is only mentioned in a sentence ("{excerpt}") without a heading of its own; {regulation} requires a part of its own.',
    },
    fixInsert: { zh: '插入标题“{heading}”', en: 'Insert heading "{heading}"' },
    source: { zh: '依据：{source}', en: 'Source: {source}' },
  },
  run(ctx: CheckContext) {
    const { model, profile } = ctx;
    if (!ctx.profileMatched) return;
    const anchor = documentAnchor(model);
    const year = model.reportYear?.value;
    const beforeRule = year !== undefined && profile.since !== undefined && year < profile.since;
    // The legal basis for this report year (a report type may have several editions of its format).
    const basis = regulationFor(profile, year);
    const regulation = ctx.locale === 'en' ? basis.en : basis.zh;
    for (const st of partStatuses(model, profile)) {
      const { part } = st;
      if (!part.required || st.state === 'heading' || st.state === 'thematic') continue;
      const partName = ctx.locale === 'en' ? part.name.en : part.name.zh;
      const edit = headingInsertion(model, profile, part);
      const fixes = [{ title: ctx.msg('fixInsert', { heading: edit.newText.trim().replace(/^#+\s*/, '') }), edits: [edit] }];
      const base = { start: anchor.start, end: anchor.end, section: part.key, fixes, detailId: 'source' };
      const args = { part: partName, regulation, year: year ?? '', since: profile.since ?? '', source: profile.source };
      if (st.state === 'missing') {
        ctx.report({ ...base, messageId: beforeRule ? 'missingBeforeRule' : 'missing', args, severity: beforeRule ? 'info' : undefined });
      } else if (st.state === 'subheading') {
        const h = st.sections[0]!;
        ctx.report({ ...base, messageId: 'subheading', severity: 'info', args: { ...args, heading: model.text.slice(h.titleSpan.start, h.titleSpan.end) }, related: [{ start: h.titleSpan.start, end: h.titleSpan.end, message: partName }] });
      } else {
        const m = st.mention!;
        const excerpt = model.text.slice(m.start, m.end);
        ctx.report({ ...base, messageId: 'sentence', severity: 'info', args: { ...args, excerpt: excerpt.length > 30 ? excerpt.slice(0, 30) + '…' : excerpt }, related: [{ ...m, message: partName }] });
      }
    }
  },
};
