// Parse once → ReportModel. Pure: no editor or LSP imports.
import MarkdownIt from 'markdown-it';
import type { Block, DateInfo, Numbering, NumberingScheme, ReportModel, Section, Span, TextLine, YearInfo } from './types';
import { cnNumeralValue, cnYearValue, normalise } from './normalise';
import { titleCore, titleEndings, titleWords } from './profile';
import { computeLineStarts } from './text/lines';
import { isSentenceEnd } from './text/sentences';

const md = new MarkdownIt({ html: true });
// Only block structure is needed: inline parsing is skipped for speed (checks scan the source text themselves).
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

const CN_NUMERAL_CHARS = '一二三四五六七八九十';

const SCHEME_RANK: Record<NumberingScheme, number> = { cn: 1, 'cn-paren': 2, arabic: 3, 'arabic-paren': 4 };

function lineEndOffset(text: string, lineStarts: number[], line: number): number {
  // End of line content (before its line break).
  let e = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
  while (e > lineStarts[line]! && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
  return e;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;

/** Trim white space (ASCII, ideographic, no-break) from a span. */
function trimSpan(text: string, s: number, e: number): Span {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/** Parses a Chinese numbering marker at `pos` in the normalised text. */
export function parseNumbering(norm: string, pos: number, end: number): Numbering | undefined {
  // Fast rejection: a marker starts with a Chinese numeral, a digit or an opening parenthesis.
  const c0 = norm.charCodeAt(pos);
  if (!((c0 >= 48 && c0 <= 57) || c0 === 40 || CN_NUMERAL_CHARS.includes(norm[pos]!))) return undefined;
  const head = norm.slice(pos, Math.min(end, pos + 8));
  let m: RegExpExecArray | null;
  if ((m = /^([一二三四五六七八九十]{1,3})\s*[、]/.exec(head))) {
    const v = cnNumeralValue(m[1]!);
    if (v === undefined) return undefined;
    // 一、二、三等奖 / 一、二级 / 一、二类 are enumerations of numerals, not headings.
    if (/^[一二三四五六七八九十]{1,3}(?:、|[级等类档线批期次号年])/.test(norm.slice(pos + m[0].length, pos + m[0].length + 4))) return undefined;
    return { scheme: 'cn', value: v, start: pos, end: pos + m[0].length, raw: '' };
  }
  if ((m = /^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*/.exec(head))) {
    const v = cnNumeralValue(m[1]!);
    if (v === undefined) return undefined;
    return { scheme: 'cn-paren', value: v, start: pos, end: pos + m[0].length, raw: '' };
  }
  if ((m = /^(\d{1,2})\s*(?:、|\.(?!\d))\s*/.exec(head))) {
    return { scheme: 'arabic', value: Number(m[1]), start: pos, end: pos + m[0].length, raw: '' };
  }
  if ((m = /^\(\s*(\d{1,2})\s*\)\s*/.exec(head))) {
    return { scheme: 'arabic-paren', value: Number(m[1]), start: pos, end: pos + m[0].length, raw: '' };
  }
  return undefined;
}

/** End of the heading sentence of a numbered paragraph: up to the first sentence end (or the line end). */
function headingTitleEnd(norm: string, s: number, e: number): number {
  for (let i = s; i < e; i++) if (isSentenceEnd(norm.charCodeAt(i))) return i;
  return e;
}

function trimTitleEnd(norm: string, s: number, e: number): number {
  while (e > s && /[\s,，:：、。;；]/.test(norm[e - 1]!)) e--;
  return e;
}

interface HeadingCandidate {
  style: 'markdown' | 'numbered';
  mdLevel?: number;
  numbering?: Numbering;
  headingSpan: Span;
  titleSpan: Span;
  block: number;
}

function isAncestor(top: Section, h: HeadingCandidate): boolean {
  if (top.style === 'markdown' && h.style === 'markdown') return top.mdLevel! < h.mdLevel!;
  if (top.style === 'markdown') return !top.numbering || !h.numbering || SCHEME_RANK[top.numbering.scheme] < SCHEME_RANK[h.numbering.scheme];
  if (h.style === 'markdown') return false;
  return SCHEME_RANK[top.numbering!.scheme] < SCHEME_RANK[h.numbering!.scheme];
}

const YEAR_RE = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年/;
const DATE_LINE_RE = /^((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

function yearValue(s: string): number | undefined {
  return /^\d{4}$/.test(s) ? Number(s) : cnYearValue(s);
}

function smallValue(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : cnNumeralValue(s);
}

const DEPARTMENT_RE = /(局|委员会|委|办公室|办|厅|中心|院|署|所|站|队)$/;

export interface ModelOptions {
  year?: number;
  /** Words a title line ends with (from the profiles; default: the built-in ones). */
  titleEndings?: string[];
  /** Words that name a report type in a title: the author is read before them (default: the built-in ones). */
  titleWords?: string[];
}

export function buildModel(text: string, options: ModelOptions = {}): ReportModel {
  const { norm, converted, cjk } = normalise(text);
  const lineStarts = computeLineStarts(text);
  const blocks: Block[] = [];
  const lines: TextLine[] = [];

  let tokens: ReturnType<typeof md.parse>;
  try {
    tokens = md.parse(text, {});
  } catch {
    tokens = [];
  }

  const lineStart = (l: number) => lineStarts[Math.min(l, lineStarts.length - 1)]!;
  let listDepth = 0;

  const addParagraphLines = (l0: number, l1: number, blockIndex: number, firstLineMarker: boolean) => {
    for (let l = l0; l < l1 && l < lineStarts.length; l++) {
      let s = lineStart(l);
      const e = lineEndOffset(text, lineStarts, l);
      // Strip block-quote markers and, on an item's first line, the list marker.
      let m: RegExpExecArray | null;
      const c0 = text.charCodeAt(s);
      if (c0 === 32 || c0 === 9 || c0 === 62) {
        m = /^[ \t]*(?:>[ \t]?)*/.exec(text.slice(s, Math.min(e, s + 40)));
        if (m) s += m[0].length;
      }
      if (firstLineMarker && l === l0) {
        const m = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/.exec(text.slice(s, Math.min(e, s + 16)));
        if (m) s += m[0].length;
      }
      let span = trimSpan(text, s, e);
      // Drop a trailing backslash hard break.
      if (span.end > span.start && text[span.end - 1] === '\\') span = trimSpan(text, span.start, span.end - 1);
      if (span.end > span.start) lines.push({ start: span.start, end: span.end, block: blockIndex, kind: 'paragraph' });
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') listDepth++;
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') listDepth--;
    if (!t.map || t.nesting === -1) continue;
    const [l0, l1] = t.map;
    const start = lineStart(l0);
    const end = lineEndOffset(text, lineStarts, Math.max(l0, l1 - 1));
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1));
        const e = lineEndOffset(text, lineStarts, l0);
        let s = start;
        const m = /^[ \t]*(?:>[ \t]?)*(?:#{1,6}(?=[ \t]|$))?/.exec(text.slice(s, Math.min(e, s + 40)));
        if (m) s += m[0].length;
        let content = trimSpan(text, s, e);
        // Closing #s of an ATX heading.
        const close = /[ \t]+#+$/.exec(text.slice(content.start, content.end));
        if (close) content = trimSpan(text, content.start, content.end - close[0].length);
        const idx = blocks.length;
        blocks.push({ kind: 'heading', start, end, lineStart: l0, lineEnd: l1, level, content });
        lines.push({ start: content.start, end: content.end, block: idx, kind: 'heading' });
        break;
      }
      case 'paragraph_open': {
        const idx = blocks.length;
        const prev = tokens[i - 1];
        const inItem = listDepth > 0 && prev?.type === 'list_item_open';
        blocks.push({ kind: 'paragraph', start, end, lineStart: l0, lineEnd: l1, content: { start, end } });
        addParagraphLines(l0, l1, idx, inItem);
        break;
      }
      case 'code_block': {
        // Indented code: in a report draft this is text pasted with its indentation, so read it as paragraphs.
        const idx = blocks.length;
        blocks.push({ kind: 'paragraph', start, end, lineStart: l0, lineEnd: l1, content: { start, end } });
        addParagraphLines(l0, l1, idx, false);
        break;
      }
      case 'fence':
        blocks.push({ kind: 'code', start, end, lineStart: l0, lineEnd: l1, content: { start, end } });
        break;
      case 'html_block':
        blocks.push({ kind: 'html', start, end, lineStart: l0, lineEnd: l1, content: { start, end } });
        break;
      case 'hr':
        blocks.push({ kind: 'hr', start, end, lineStart: l0, lineEnd: l1, content: { start, end } });
        break;
      case 'table_open': {
        const idx = blocks.length;
        blocks.push({ kind: 'table', start, end, lineStart: l0, lineEnd: l1, content: { start, end } });
        for (let l = l0; l < l1; l++) {
          if (l === l0 + 1) continue; // delimiter row
          const span = trimSpan(text, lineStart(l), lineEndOffset(text, lineStarts, l));
          if (span.end > span.start) lines.push({ start: span.start, end: span.end, block: idx, kind: 'table-row' });
        }
        // Skip the table's inner tokens.
        while (i < tokens.length && tokens[i]!.type !== 'table_close') i++;
        break;
      }
      default:
        break;
    }
  }

  // ---- title ---------------------------------------------------------------------------------
  const endings = options.titleEndings ?? titleEndings();
  let title: ReportModel['title'];
  let titleLineIndex = -1;
  for (let k = 0; k < Math.min(lines.length, 6); k++) {
    const ln = lines[k]!;
    const blk = blocks[ln.block]!;
    const s = norm.slice(ln.start, ln.end);
    if (parseNumbering(norm, ln.start, ln.end)) break;
    const isH1 = blk.kind === 'heading' && blk.level === 1;
    const core = s.length <= 100 && !/[。]/.test(s) ? titleCore(s) : '';
    const looksLikeTitle = core !== '' && endings.some((w) => core.endsWith(w));
    if (isH1 || looksLikeTitle) {
      title = { text: text.slice(ln.start, ln.end), start: ln.start, end: ln.end };
      titleLineIndex = k;
      break;
    }
  }

  // ---- sections ------------------------------------------------------------------------------
  const candidates: HeadingCandidate[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (k === titleLineIndex) continue;
    const ln = lines[k]!;
    const blk = blocks[ln.block]!;
    if (ln.kind === 'table-row') continue;
    const numbering = parseNumbering(norm, ln.start, ln.end);
    if (numbering) numbering.raw = text.slice(numbering.start, numbering.end).trimEnd();
    if (ln.kind === 'heading') {
      const ts = numbering ? numbering.end : ln.start;
      const titleSpan = trimSpan(text, ts, ln.end);
      candidates.push({ style: 'markdown', mdLevel: blk.level, numbering, headingSpan: { start: blk.start, end: ln.end }, titleSpan, block: ln.block });
    } else if (numbering) {
      const te = trimTitleEnd(norm, numbering.end, headingTitleEnd(norm, numbering.end, ln.end));
      if (te <= numbering.end) continue;
      candidates.push({ style: 'numbered', numbering, headingSpan: { start: ln.start, end: ln.end }, titleSpan: { start: numbering.end, end: te }, block: ln.block });
    }
  }

  const roots: Section[] = [];
  const allSections: Section[] = [];
  const stack: Section[] = [];
  for (const c of candidates) {
    while (stack.length && !isAncestor(stack[stack.length - 1]!, c)) stack.pop()!.end = c.headingSpan.start;
    const parent = stack[stack.length - 1];
    const sec: Section = {
      title: text.slice(c.titleSpan.start, c.titleSpan.end),
      titleSpan: c.titleSpan,
      headingSpan: c.headingSpan,
      end: text.length,
      depth: stack.length + 1,
      style: c.style,
      mdLevel: c.mdLevel,
      numbering: c.numbering,
      children: [],
      parent,
      block: c.block,
    };
    if (parent) parent.children.push(sec);
    else roots.push(sec);
    allSections.push(sec);
    stack.push(sec);
  }

  // ---- signing date, report year, kind -------------------------------------------------------
  let signingDate: DateInfo | undefined;
  for (let k = lines.length - 1; k >= Math.max(0, lines.length - 6); k--) {
    const ln = lines[k]!;
    const m = DATE_LINE_RE.exec(norm.slice(ln.start, ln.end));
    if (m) {
      const y = yearValue(m[1]!);
      const mo = smallValue(m[2]!);
      const d = smallValue(m[3]!);
      if (y && mo && d && mo <= 12 && d <= 31) signingDate = { year: y, month: mo, day: d, start: ln.start, end: ln.end };
      break;
    }
  }

  let reportYear: YearInfo | undefined;
  if (options.year) reportYear = { value: options.year, source: 'override', start: 0, end: 0 };
  if (!reportYear && title) {
    const m = YEAR_RE.exec(norm.slice(title.start, title.end));
    const y = m ? yearValue(m[1]!) : undefined;
    if (m && y) reportYear = { value: y, source: 'title', start: title.start + m.index, end: title.start + m.index + m[1]!.length };
  }
  if (!reportYear) {
    // First paragraph of the body: "2023年，…" / "2023年度，…" / "2023年以来，…"
    for (let k = titleLineIndex + 1; k < Math.min(lines.length, titleLineIndex + 5); k++) {
      const ln = lines[k]!;
      const s = norm.slice(ln.start, Math.min(ln.end, ln.start + 40));
      if (/[:：]$/.test(norm.slice(ln.start, ln.end)) && ln.end - ln.start < 40) continue; // addressee
      const m = /^(?:在|过去的|回顾)?((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度)?(?:以来|里|中|全年)?\s*[,，]/.exec(s);
      const y = m ? yearValue(m[1]!) : undefined;
      if (m && y) {
        const off = ln.start + m[0].indexOf(m[1]!);
        reportYear = { value: y, source: 'first-paragraph', start: off, end: off + m[1]!.length };
      }
      break;
    }
  }
  if (!reportYear && signingDate) {
    reportYear = { value: signingDate.year - 1, source: 'signing-date', start: signingDate.start, end: signingDate.end };
  }

  const reportKind = detectKind(norm, title, signingDate, lines, options.titleWords ?? titleWords());

  return {
    text,
    norm,
    lineStarts,
    blocks,
    lines,
    sections: roots,
    allSections,
    title,
    reportYear,
    signingDate,
    reportKind,
    traditional: converted >= 10 && converted * 20 >= cjk,
  };
}

function detectKind(norm: string, title: ReportModel['title'], signing: DateInfo | undefined, lines: TextLine[], words: string[]): 'government' | 'department' {
  const subjects: string[] = [];
  if (title) {
    const t = norm.slice(title.start, title.end).replace(/^[#\s《]+/, '');
    // The author comes before 关于, the year or the words that name the report type; after a leading year, before the words.
    let end = t.length;
    for (const w of words) {
      const at = t.indexOf(w);
      if (at >= 0 && at < end) end = at;
    }
    const head = t.slice(0, end);
    const m = /^(.*?)(?:关于|(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})/.exec(head);
    const author = m ? m[1]!.trim() : head.trim();
    if (author) subjects.push(author);
    else {
      const after = /^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年度?(.*)$/.exec(head.trim());
      if (after && after[1]!.trim()) subjects.push(after[1]!.trim());
    }
  }
  if (signing) {
    const k = lines.findIndex((l) => l.start === signing.start);
    const prev = k > 0 ? lines[k - 1] : undefined;
    if (prev && prev.end - prev.start <= 40) subjects.push(norm.slice(prev.start, prev.end).trim());
  }
  for (const s of subjects) {
    if (/政府$/.test(s)) return 'government';
    if (DEPARTMENT_RE.test(s)) return 'department';
  }
  return 'government';
}
