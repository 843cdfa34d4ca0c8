// Word drafts as input: which files are read as Word documents, and reading one from disk into the Markdown the
// analysis sees (with its Word places). Shared by the CLI and the language server.
import { readFileSync, statSync } from 'node:fs';
import { readDocx, type DocxDocument } from './read-docx';
import type { LocalText } from '../analysis/types';

export { readDocx } from './read-docx';
export type { DocxDocument, DocxRead, WordPlace, PlacedSpan } from './read-docx';
export { wordLocation, formatPlace, quote, type WordLocation } from './locate';

/** File names read as Word documents (by content: a .doc or .wps gets its own message, a .wps that is a .docx is read). */
export const WORD_EXTENSIONS = ['.docx', '.docm', '.doc', '.wps'];

export function isWordFile(path: string): boolean {
  const lower = path.toLowerCase();
  return WORD_EXTENSIONS.some((e) => lower.endsWith(e));
}

/** Word's owner files (~$报告.docx), written beside a document while it is open: not documents. */
export function isWordLockFile(name: string): boolean {
  return name.startsWith('~$');
}

/** Largest .docx read (bytes). Reports with pictures are a few MB; the text itself is far smaller. */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;

const both = (t: LocalText) => `${t.zh} (${t.en})`;

/** A report file as read from disk: its text (with the Word document it was made of), or why it cannot be checked. */
export type ReportFile = { text: string; docx?: DocxDocument } | { error: string };

/** Reads a Word file from disk, or says (naming the file) why it cannot be checked. */
export function readWordFile(path: string): { text: string; docx: DocxDocument } | { error: string } {
  let bytes: Uint8Array;
  try {
    if (statSync(path).size > MAX_DOCX_BYTES) {
      return { error: `${path}: 文件过大（超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB），未检查 (file too large, not checked)` };
    }
    bytes = readFileSync(path);
  } catch (e) {
    return { error: `${path}: 无法读取 (cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  const r = readDocx(bytes);
  if (!r.ok) return { error: `${path}: ${both(r.error)}` };
  return { text: r.doc.text, docx: r.doc };
}

/** The warnings of a read document as one line, or '' (for stderr). */
export function warningsLine(doc: DocxDocument, locale: 'zh' | 'en'): string {
  return doc.warnings.map((w) => w[locale]).join(locale === 'en' ? '; ' : '；');
}
