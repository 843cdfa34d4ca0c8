// A .docx as the Markdown a person would have typed for it, with the place in Word of every piece of text.
//
// What Word shows is what is read: heading styles become `#` headings, automatic numbering is written out (一、
// from numbering.xml reads like a typed 一、), tables keep their cells (GFM, or an HTML table with rowspan/colspan
// where cells are merged), tracked changes count as accepted. What Word does not show in the body stays out:
// deleted text, field instructions, footnotes and endnotes, comments, hidden text, text boxes and shapes, headers
// and footers, the table of contents. The result is analysed exactly like a Markdown file.
import type { LocalText } from '../analysis/types';
import { DocxError, findPart, mainDocumentPart, openPackage, relationships, type Package } from './container';
import { Numbering, Styles } from './styles';
import { attr, child, children, descendant, isOn, parseXml, textOf, val, XmlError, type El } from './xml';

/** Where a piece of text is in the Word document (1-based). */
export interface WordPlace {
  /** Counting the non-empty paragraphs from the start of the document, those in tables included. */
  paragraph: number;
  /** Line within the paragraph, when manual line breaks (Shift+Enter) split it into several. */
  line?: number;
  table?: number;
  row?: number;
  cell?: number;
}

export interface PlacedSpan {
  start: number;
  end: number;
  place: WordPlace;
}

export interface DocxDocument {
  /** The Markdown text that is analysed. */
  text: string;
  /** Word places of the text, in text order, not overlapping. */
  spans: PlacedSpan[];
  /** What was read differently or left out (tracked changes, footnotes, text boxes …), for the user. */
  warnings: LocalText[];
}

export type DocxRead = { ok: true; doc: DocxDocument } | { ok: false; error: LocalText };

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** Reads a .docx from its bytes. Never throws: an unreadable file gives `{ ok: false, error }`. */
export function readDocx(bytes: Uint8Array): DocxRead {
  try {
    return { ok: true, doc: read(openPackage(bytes)) };
  } catch (e) {
    if (e instanceof DocxError) return { ok: false, error: e.text };
    if (e instanceof XmlError) return { ok: false, error: { zh: `文档内容已损坏（XML 格式错误：${e.message}）`, en: `the document is damaged (malformed XML: ${e.message})` } };
    if (e instanceof RangeError) return { ok: false, error: { zh: '文档结构过深或过大，无法读取', en: 'the document is nested too deeply or too large to read' } };
    return { ok: false, error: { zh: `无法读取文档（${(e as Error).message}）`, en: `cannot read the document (${(e as Error).message})` } };
  }
}

function relatedPart(pkg: Package, source: string, kind: string): El | undefined {
  const rel = relationships(pkg, source).find((r) => !r.external && (r.type === REL + kind || r.type === STRICT_REL + kind));
  const name = rel?.target ?? `word/${kind}.xml`;
  const xml = findPart(pkg, name);
  if (xml === undefined) return undefined;
  try {
    return parseXml(xml, name);
  } catch {
    // Styles and numbering only refine the reading; a damaged one is read as absent.
    return undefined;
  }
}

// ---- the reading --------------------------------------------------------------------------------------------

interface Para {
  kind: 'p';
  /** Text lines (manual line breaks split a paragraph into lines). */
  lines: string[];
  heading?: number;
  place: WordPlace;
}

interface Cell {
  text: string;
  colSpan: number;
  rowSpan: number;
  place: WordPlace;
  header: boolean;
}

interface Table {
  kind: 'table';
  rows: Cell[][];
}

type Block = Para | Table;

interface Field {
  code: string;
  result: boolean;
}

const MAX_DEPTH = 200;

class Reader {
  readonly blocks: Block[] = [];
  private paragraphs = 0;
  private tables = 0;
  private readonly fields: Field[] = [];
  private pending = '';
  private readonly counts = { deletions: 0, insertions: 0, comments: 0, notes: 0, textBoxes: 0, hidden: 0, chunks: 0 };

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  body(el: El, depth = 0): void {
    if (depth > MAX_DEPTH) return;
    for (const c of children(el)) {
      switch (c.localName) {
        case 'p': {
          const p = this.paragraph(c, undefined);
          if (p) this.blocks.push(p);
          break;
        }
        case 'tbl':
          this.table(c);
          break;
        case 'sdt':
          if (!isTocSdt(c)) this.body(child(c, 'sdtContent') ?? c, depth + 1);
          break;
        case 'customXml':
        case 'ins':
        case 'moveTo':
          this.body(c, depth + 1);
          break;
        case 'del':
        case 'moveFrom':
          this.counts.deletions++;
          break;
        case 'altChunk':
          this.counts.chunks++;
          break;
        default:
          break;
      }
    }
  }

  /** Whether text is shown here: outside any field instruction and outside a table of contents. */
  private emitting(): boolean {
    for (const f of this.fields) if (!f.result || /^\s*(TOC|INDEX|TOA)\b/i.test(f.code)) return false;
    return true;
  }

  private inline(el: El, out: string[], depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const c of children(el)) {
      switch (c.localName) {
        case 'r':
          this.run(c, out, depth);
          break;
        case 'ins':
        case 'moveTo':
          this.counts.insertions++;
          this.inline(c, out, depth + 1);
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'customXml':
        case 'fldSimple':
        case 'dir':
        case 'bdo':
          this.inline(c, out, depth + 1);
          break;
        case 'sdt':
          this.inline(child(c, 'sdtContent') ?? c, out, depth + 1);
          break;
        case 'del':
        case 'moveFrom':
          this.counts.deletions++;
          break;
        case 'oMath':
        case 'oMathPara':
          this.math(c, out, depth + 1);
          break;
        default:
          break;
      }
    }
  }

  private math(el: El, out: string[], depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const c of children(el)) {
      if (c.localName === 't') out.push(textOf(c));
      else this.math(c, out, depth + 1);
    }
  }

  private run(r: El, out: string[], depth: number): void {
    const rPr = child(r, 'rPr');
    const hidden = isOn(rPr, 'vanish') || isOn(rPr, 'specVanish');
    for (const c of children(r)) {
      switch (c.localName) {
        case 't':
          if (hidden) this.counts.hidden++;
          else if (this.emitting()) out.push(textOf(c));
          break;
        case 'tab':
        case 'ptab':
          if (!hidden && this.emitting()) out.push(' ');
          break;
        case 'br': {
          const type = attr(c, 'type');
          if (!hidden && this.emitting() && (!type || type === 'textWrapping')) out.push('\n');
          break;
        }
        case 'cr':
          if (!hidden && this.emitting()) out.push('\n');
          break;
        case 'noBreakHyphen':
          if (!hidden && this.emitting()) out.push('-');
          break;
        case 'fldChar': {
          const type = attr(c, 'fldCharType');
          if (type === 'begin') {
            if (this.fields.length < MAX_DEPTH) this.fields.push({ code: '', result: false });
          } else if (type === 'separate') {
            const f = this.fields[this.fields.length - 1];
            if (f) f.result = true;
          } else if (type === 'end') this.fields.pop();
          break;
        }
        case 'instrText': {
          const f = this.fields[this.fields.length - 1];
          if (f && !f.result) f.code += textOf(c);
          break;
        }
        case 'footnoteReference':
        case 'endnoteReference':
          this.counts.notes++;
          break;
        case 'commentReference':
          this.counts.comments++;
          break;
        case 'drawing':
        case 'pict':
        case 'object':
        case 'AlternateContent':
          if (descendant(c, 'txbxContent')) this.counts.textBoxes++;
          break;
        case 'ruby': {
          const base = child(c, 'rubyBase');
          if (base) this.inline(base, out, depth + 1);
          break;
        }
        default:
          // delText, delInstrText, sym, softHyphen, lastRenderedPageBreak, annotationRef …: nothing Word shows as text.
          break;
      }
    }
  }

  /** A paragraph as text lines with its number written out; undefined when it shows no text. */
  private paragraph(p: El, inTable: { table: number; row: number; cell: number } | undefined): Para | undefined {
    const pPr = child(p, 'pPr');
    const styleId = val(pPr, 'pStyle');
    const out: string[] = [];
    this.inline(p, out, 0);
    const markRPr = child(pPr, 'rPr');
    if (child(markRPr, 'del') || child(markRPr, 'moveFrom')) {
      // A deleted paragraph mark joins this paragraph's text to the next one (as Word shows it with changes accepted).
      this.counts.deletions++;
      this.pending += out.join('');
      return undefined;
    }
    let text = this.pending + out.join('');
    this.pending = '';
    if (this.styles.isToc(styleId)) return undefined;
    const np = child(pPr, 'numPr');
    const direct = np ? { numId: val(np, 'numId'), ilvl: np && child(np, 'ilvl') ? Number(val(np, 'ilvl')) : undefined } : undefined;
    const numbered = this.numbering.next(direct, styleId);
    const hasText = /\S/.test(text);
    if (!hasText && !numbered?.text.trim()) return undefined;
    if (numbered) {
      const body = text.replace(/^[ \t]+/, '');
      if (numbered.bullet) text = '- ' + body;
      else if (numbered.text) text = numbered.text + separator(numbered.text, numbered.suff) + body;
    }
    const outline = val(pPr, 'outlineLvl');
    let heading = outline !== undefined ? (Number(outline) <= 8 ? Number(outline) + 1 : undefined) : this.styles.headingLevel(styleId);
    if (heading !== undefined && inTable) heading = undefined;
    this.paragraphs++;
    const place: WordPlace = { paragraph: this.paragraphs, ...inTable };
    const lines = text
      .split('\n')
      .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
      .filter((l) => l.length > 0);
    if (!lines.length) return undefined;
    return { kind: 'p', lines, heading: heading === undefined ? undefined : Math.min(6, heading), place };
  }

  private table(tbl: El): void {
    const t = ++this.tables;
    const rows: Cell[][] = [];
    // Open vertical merges by grid column: the cell that a "continue" cell below extends.
    const above: (Cell | undefined)[] = [];
    const cellParas: Para[][] = [];
    let r = 0;
    for (const tr of rowsOf(tbl)) {
      r++;
      const trPr = child(tr, 'trPr');
      const header = !!child(trPr, 'tblHeader') && isOn(trPr, 'tblHeader');
      const row: Cell[] = [];
      let col = Number(val(trPr, 'gridBefore') ?? 0) || 0;
      for (const tc of cellsOf(tr)) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Number(val(tcPr, 'gridSpan') ?? 1) || 1);
        const vMerge = child(tcPr, 'vMerge');
        const hMerge = child(tcPr, 'hMerge');
        // Cells are numbered by grid column, so that a cell keeps its column number next to merged cells.
        const paras = this.cellParagraphs(tc, { table: t, row: r, cell: col + 1 });
        const text = paras.flatMap((p) => p.lines).join(' ');
        const place: WordPlace = paras[0]?.place ?? { paragraph: this.paragraphs, table: t, row: r, cell: col + 1 };
        if (vMerge && attr(vMerge, 'val') !== 'restart' && above[col]) {
          // Continuation of the cell above: one cell spanning both rows (its text, if any, joins the first).
          const first = above[col]!;
          first.rowSpan++;
          if (text) first.text = first.text ? `${first.text} ${text}` : text;
        } else if (hMerge && attr(hMerge, 'val') !== 'restart' && row.length) {
          const prev = row[row.length - 1]!;
          prev.colSpan += span;
          if (text) prev.text = prev.text ? `${prev.text} ${text}` : text;
        } else {
          const cell: Cell = { text, colSpan: span, rowSpan: 1, place, header };
          row.push(cell);
          cellParas.push(paras);
          for (let k = 0; k < span; k++) above[col + k] = vMerge ? cell : undefined;
          col += span;
          continue;
        }
        col += span;
      }
      rows.push(row);
    }
    const cells = rows.flat();
    if (cells.length === 1 && rows.length === 1) {
      // A one-cell table is a frame around text: read its paragraphs as paragraphs.
      for (const p of cellParas[0] ?? []) this.blocks.push(p);
      return;
    }
    if (cells.some((x) => x.text)) this.blocks.push({ kind: 'table', rows });
  }

  private cellParagraphs(tc: El, where: { table: number; row: number; cell: number }): Para[] {
    const out: Para[] = [];
    const walk = (el: El, depth: number) => {
      if (depth > MAX_DEPTH) return;
      for (const c of children(el)) {
        if (c.localName === 'p') {
          const p = this.paragraph(c, where);
          if (p) out.push(p);
        } else if (c.localName === 'tbl') {
          // A table inside a cell: its cells' text, row by row, as lines of this cell.
          for (const tr of rowsOf(c)) for (const inner of cellsOf(tr)) walk(inner, depth + 1);
        } else if (c.localName === 'sdt') walk(child(c, 'sdtContent') ?? c, depth + 1);
        else if (c.localName === 'customXml' || c.localName === 'ins' || c.localName === 'moveTo') walk(c, depth + 1);
      }
    };
    walk(tc, 0);
    return out;
  }

  warnings(unknownFormats: Set<string>): LocalText[] {
    const w: LocalText[] = [];
    const c = this.counts;
    if (c.deletions || c.insertions) w.push({ zh: '文档含有修订，按接受全部修订后的文字检查（删除的文字不检查）', en: 'the document has tracked changes; checked as if all were accepted (deleted text is not checked)' });
    if (c.notes) w.push({ zh: `${c.notes} 处脚注或尾注的内容未检查`, en: `the text of ${c.notes} footnote(s) or endnote(s) is not checked` });
    if (c.comments) w.push({ zh: `${c.comments} 条批注未检查`, en: `${c.comments} comment(s) not checked` });
    if (c.textBoxes) w.push({ zh: `${c.textBoxes} 个文本框中的文字未检查`, en: `the text in ${c.textBoxes} text box(es) is not checked` });
    if (c.hidden) w.push({ zh: '隐藏文字未检查', en: 'hidden text is not checked' });
    if (c.chunks) w.push({ zh: `${c.chunks} 处嵌入的外部文档未检查`, en: `${c.chunks} embedded external document(s) not checked` });
    if (unknownFormats.size) w.push({ zh: `编号格式 ${[...unknownFormats].join('、')} 按阿拉伯数字读取`, en: `numbering format(s) ${[...unknownFormats].join(', ')} read as decimal` });
    return w;
  }
}

function* rowsOf(tbl: El): Generator<El> {
  for (const c of children(tbl)) {
    if (c.localName === 'tr') yield c;
    else if (c.localName === 'sdt' || c.localName === 'customXml' || c.localName === 'ins') {
      const inner = c.localName === 'sdt' ? (child(c, 'sdtContent') ?? c) : c;
      for (const x of children(inner)) if (x.localName === 'tr') yield x;
    }
  }
}

function* cellsOf(tr: El): Generator<El> {
  for (const c of children(tr)) {
    if (c.localName === 'tc') yield c;
    else if (c.localName === 'sdt' || c.localName === 'customXml' || c.localName === 'ins') {
      const inner = c.localName === 'sdt' ? (child(c, 'sdtContent') ?? c) : c;
      for (const x of children(inner)) if (x.localName === 'tc') yield x;
    }
  }
}

function isTocSdt(sdt: El): boolean {
  const gallery = val(child(child(sdt, 'sdtPr'), 'docPartObj'), 'docPartGallery');
  return !!gallery && /table of contents/i.test(gallery);
}

/**
 * What separates an automatic number from the paragraph's text, as a person would type it: nothing after Chinese
 * punctuation (一、总体情况, （一）加强) or after a dot (1.加强, as typed in Chinese reports), a space otherwise.
 */
function separator(num: string, suff: 'tab' | 'space' | 'nothing'): string {
  if (suff === 'nothing') return '';
  if (/[、，．。）)】\]〕.:：]$/.test(num)) return '';
  return ' ';
}

// ---- the Markdown -------------------------------------------------------------------------------------------

/**
 * Lines that Markdown would read as something other than text (a list item, a heading, a quote, a rule, a fence,
 * HTML, a table) are indented by four spaces: the model reads an indented block as a paragraph, with the indent
 * stripped, so the text stays exactly as in Word and typed numbering such as "1. 加强" still counts as numbering.
 */
const BLOCK_SYNTAX = /^(?:#{1,6}(?:[ \t]|$)|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|(?:[-*_][ \t]*){3,}$|=+[ \t]*$|```|~~~|<[A-Za-z!?/]|\|)/;

function safeLine(line: string): string {
  return BLOCK_SYNTAX.test(line) ? '    ' + line : line;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

class Writer {
  private parts: string[] = [];
  private length = 0;
  readonly spans: PlacedSpan[] = [];

  write(s: string, place?: WordPlace): void {
    if (place && s.length) this.spans.push({ start: this.length, end: this.length + s.length, place });
    this.parts.push(s);
    this.length += s.length;
  }

  text(): string {
    return this.parts.join('');
  }
}

function writeBlocks(blocks: Block[]): { text: string; spans: PlacedSpan[] } {
  const w = new Writer();
  blocks.forEach((b, i) => {
    if (i) w.write('\n\n');
    if (b.kind === 'p') {
      if (b.heading) {
        w.write('#'.repeat(b.heading) + ' ');
        w.write(b.lines.join(' '), b.place);
      } else {
        b.lines.forEach((l, k) => {
          if (k) w.write('\n');
          const safe = safeLine(l);
          w.write(safe.slice(0, safe.length - l.length));
          w.write(l, b.lines.length > 1 ? { ...b.place, line: k + 1 } : b.place);
        });
      }
      return;
    }
    const merged = b.rows.some((r) => r.some((c) => c.colSpan > 1 || c.rowSpan > 1));
    if (merged) writeHtmlTable(w, b);
    else writeGfmTable(w, b);
  });
  w.write('\n');
  return { text: w.text(), spans: w.spans };
}

function writeGfmTable(w: Writer, t: Table): void {
  const width = Math.max(...t.rows.map((r) => r.length), 1);
  t.rows.forEach((row, r) => {
    if (r === 1) w.write('\n|' + ' --- |'.repeat(width));
    if (r) w.write('\n');
    w.write('|');
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      w.write(' ');
      if (cell?.text) w.write(escapeCell(cell.text), cell.place);
      w.write(' |');
    }
  });
  if (t.rows.length === 1) w.write('\n|' + ' --- |'.repeat(width));
}

function writeHtmlTable(w: Writer, t: Table): void {
  w.write('<table>');
  t.rows.forEach((row, r) => {
    w.write('\n<tr>');
    for (const cell of row) {
      const tag = cell.header || r === 0 ? 'th' : 'td';
      const attrs = (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') + (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '');
      w.write(`<${tag}${attrs}>`);
      if (cell.text) w.write(escapeHtml(cell.text), cell.place);
      w.write(`</${tag}>`);
    }
    w.write('</tr>');
  });
  w.write('\n</table>');
}

function read(pkg: Package): DocxDocument {
  const main = mainDocumentPart(pkg);
  const root = parseXml(findPart(pkg, main)!, main);
  const body = child(root, 'body');
  if (!body) throw new DocxError({ zh: 'Word 正文为空或结构不完整（没有 w:body）', en: 'the document has no body (no w:body)' });
  const styles = new Styles(relatedPart(pkg, main, 'styles'));
  const numbering = new Numbering(relatedPart(pkg, main, 'numbering'), styles);
  const reader = new Reader(styles, numbering);
  reader.body(body);
  const { text, spans } = writeBlocks(reader.blocks);
  return { text, spans, warnings: reader.warnings(numbering.unknownFormats) };
}
