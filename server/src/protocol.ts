// Custom requests between the client and the server, shared by both sides (types only).
import type { Range } from './convert';

export const STRUCTURE_REQUEST = 'report-lint/structure';
export const SUPPRESSIONS_REQUEST = 'report-lint/suppressions';
export const SKELETON_REQUEST = 'report-lint/skeleton';
export const FIX_ALL_REQUEST = 'report-lint/fixAll';
export const SERVER_INFO_REQUEST = 'report-lint/serverInfo';
/** Background pass: the server reads and analyses files that are not open. */
export const CHECK_FILES_REQUEST = 'report-lint/checkFiles';
/** The Markdown of a Word document, for its read-only view (`report-lint-docx:` URIs). */
export const DOCX_MARKDOWN_REQUEST = 'report-lint/docxMarkdown';

export interface DocxMarkdownResult {
  text?: string;
  /** Why the file cannot be read (names the file). */
  error?: string;
  /** What was read differently or left out (tracked changes, footnotes …), in the UI language. */
  warnings?: string[];
}

export interface StructureParams {
  uri: string;
}

export interface StructureSection {
  name: string;
  /** The heading line. */
  range: Range;
  /** The whole section. */
  fullRange: Range;
  /** Profile parts this heading covers. */
  parts: string[];
  children: StructureSection[];
}

export interface ChecklistItem {
  key: string;
  name: string;
  required: boolean;
  state: 'heading' | 'thematic' | 'subheading' | 'sentence' | 'missing';
  /** Has a heading of its own (state heading or thematic). */
  present: boolean;
  /** Where the part is (its heading, or the sentence mentioning it). */
  range?: Range;
}

export interface StructureResult {
  uri: string;
  version: number;
  profile: { id: string; name: string };
  reportYear?: number;
  reportYearSource?: string;
  counts: { error: number; warning: number; info: number };
  sections: StructureSection[];
  checklist: ChecklistItem[];
}

export interface SuppressionInfo {
  uri: string;
  range: Range;
  kind: string;
  rules: string[];
  reason?: string;
}

export interface SkeletonResult {
  text: string;
}

export interface TextEditLike {
  range: Range;
  newText: string;
}
