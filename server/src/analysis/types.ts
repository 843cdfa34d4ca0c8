// Core types of the pure analysis. Nothing here imports vscode or vscode-languageserver.
// All offsets are UTF-16 code-unit offsets into ReportModel.text (JavaScript string indices).

export type Category = 'structure' | 'numbers' | 'names' | 'dates' | 'style';
export type Severity = 'error' | 'warning' | 'info';
export type Locale = 'zh' | 'en';

export interface Span {
  start: number;
  end: number;
}

/** A text localised in both UI languages. Chinese is the default. */
export interface LocalText {
  zh: string;
  en: string;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  /** Localised title of the quick fix. */
  title: string;
  edits: TextEdit[];
  /** Safe to apply without review (used by "fix all"). */
  auto?: boolean;
}

export interface Related extends Span {
  message: string;
}

export interface Finding extends Span {
  rule: string;
  category: Category;
  severity: Severity;
  message: string;
  related?: Related[];
  fixes?: Fix[];
  /** Profile part key, only on missing-part findings. */
  section?: string;
  /** Longer explanation shown on hover (what changed, when, the source, the arithmetic). */
  detail?: string;
}

/** Markdown block as seen by the model (from markdown-it's block tokens). */
export type BlockKind = 'heading' | 'paragraph' | 'table' | 'code' | 'html' | 'hr';

export interface Block extends Span {
  kind: BlockKind;
  /** 0-based first line and line after the last (exclusive). */
  lineStart: number;
  lineEnd: number;
  /** Markdown heading level (1-6) when kind === 'heading'. */
  level?: number;
  /** Span of the inline content (heading text without #, paragraph line without list/quote markers). */
  content: Span;
}

/**
 * A line of running text: one source line of a paragraph (Word pastes put one paragraph per line),
 * a heading's text, or a table cell row. Checks that scan sentences iterate these.
 */
export interface TextLine extends Span {
  block: number; // index into ReportModel.blocks
  kind: 'heading' | 'paragraph' | 'table-row';
}

/** Chinese numbering schemes at the start of a paragraph, in nesting order. */
export type NumberingScheme = 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren';

export interface Numbering extends Span {
  scheme: NumberingScheme;
  /** 1-based value (一 → 1, （三） → 3, 2. → 2). */
  value: number;
  /** The exact source text of the marker, e.g. "（一）" or "1．" or "一、". */
  raw: string;
}

export interface Section {
  /** Heading title without numbering, trimmed (source characters). */
  title: string;
  /** Span of the title text in the source. */
  titleSpan: Span;
  /** Span of the whole heading line (markdown `#` marks included). */
  headingSpan: Span;
  /** Section extends to the start of the next heading of same or higher rank (or end of document). */
  end: number;
  /** 1-based depth in the section tree. */
  depth: number;
  /** 'markdown' for `#` headings, 'numbered' for paragraphs that start with Chinese numbering. */
  style: 'markdown' | 'numbered';
  /** Markdown level for markdown headings. */
  mdLevel?: number;
  numbering?: Numbering;
  children: Section[];
  parent?: Section;
  /** Index of the block that carries the heading. */
  block: number;
}

export interface YearInfo extends Span {
  value: number;
  source: 'title' | 'first-paragraph' | 'signing-date' | 'override';
}

export interface DateInfo extends Span {
  year: number;
  month: number;
  day: number;
}

export interface ReportModel {
  /** The original text, never altered. */
  text: string;
  /**
   * Normalised text of the same length as `text`, for matching only: traditional → simplified,
   * full-width ASCII forms (digits, ％, （）, ：, ，…) → ASCII, ideographic/no-break space → space.
   * norm[i] corresponds to text[i].
   */
  norm: string;
  /** Offsets of line starts. */
  lineStarts: number[];
  blocks: Block[];
  lines: TextLine[];
  /** Top-level sections (the title is not a section). */
  sections: Section[];
  /** All sections in document order. */
  allSections: Section[];
  title?: { text: string } & Span;
  reportYear?: YearInfo;
  signingDate?: DateInfo;
  /** 'government' (人民政府) or 'department' (局, 委, 办 …). */
  reportKind: 'government' | 'department';
  /** Whether the text looked traditional (more traditional than simplified characters). */
  traditional: boolean;
}
