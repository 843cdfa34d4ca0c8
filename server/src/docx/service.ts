// The language server's side of Word documents: the `report-lint-docx:` virtual Markdown documents that show a .docx
// in the editor, conversion in a worker thread with a time limit, and a small cache of converted files.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Locale, Span } from '../analysis/types';
import { toDiagnostic } from '../service/diagnostics';
import { formatPlace, readWordFile, wordLocation, type DocxDocument } from './index';

/** URI scheme of the read-only Markdown view of a .docx: `report-lint-docx:/path/报告.docx.md`. */
export const DOCX_SCHEME = 'report-lint-docx';

/** A conversion that takes longer than this is abandoned (the worker is stopped) and reported. */
const CONVERT_TIMEOUT_MS = 30_000;
const CACHE_SIZE = 32;

export type Converted = { text: string; docx: DocxDocument } | { error: string };

export function isDocxUri(uri: string): boolean {
  return uri.startsWith(DOCX_SCHEME + ':');
}

/** The file path of the .docx behind a virtual document URI (undefined for other URIs). */
export function docxPathOf(uri: string): string | undefined {
  if (!isDocxUri(uri)) return undefined;
  try {
    const u = new URL(uri);
    if (!u.pathname.endsWith('.md')) return undefined;
    return fileURLToPath('file://' + u.pathname.slice(0, -3));
  } catch {
    return undefined;
  }
}

export class DocxService {
  private readonly cache = new Map<string, { key: string; value: Converted }>();
  private readonly workerFile: string | undefined;
  private nextId = 1;

  constructor(dir: string = __dirname) {
    const f = join(dir, 'docx-worker.js');
    this.workerFile = existsSync(f) ? f : undefined;
  }

  /** The converted file (from the cache when the file has not changed since). */
  async convert(path: string): Promise<Converted> {
    let key: string;
    try {
      const st = statSync(path);
      key = `${st.size}:${st.mtimeMs}`;
    } catch (e) {
      return { error: `${path}: 无法读取 (cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    }
    const hit = this.cache.get(path);
    if (hit && hit.key === key) return hit.value;
    const value = await this.run(path);
    this.cache.delete(path);
    this.cache.set(path, { key, value });
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }

  /** The converted document whose Markdown is `text` (what the editor shows for a virtual URI), if known. */
  documentFor(uri: string, text: string): DocxDocument | undefined {
    const path = docxPathOf(uri);
    const hit = path ? this.cache.get(path) : undefined;
    return hit && 'docx' in hit.value && hit.value.text === text ? hit.value.docx : undefined;
  }

  private run(path: string): Promise<Converted> {
    if (!this.workerFile) return Promise.resolve(readWordFile(path));
    return new Promise((resolve) => {
      const id = this.nextId++;
      let done = false;
      const worker = new Worker(this.workerFile!, { resourceLimits: { maxOldGenerationSizeMb: 2048 } });
      const finish = (value: Converted) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(value);
      };
      const timer = setTimeout(
        () => finish({ error: `${path}: 读取超时（超过 ${CONVERT_TIMEOUT_MS / 1000} 秒），未检查 (timed out reading the document, not checked)` }),
        CONVERT_TIMEOUT_MS,
      );
      worker.on('message', (m: { id: number; result: Converted }) => m.id === id && finish(m.result));
      worker.on('error', (e) => finish({ error: `${path}: 无法读取 (cannot read: ${e.message})` }));
      worker.on('exit', () => finish({ error: `${path}: 无法读取 (cannot read: the reader stopped)` }));
      worker.postMessage({ id, path });
    });
  }
}

/** A finding's message with where it is in Word: “…（Word 第12段）”. */
export function withWordPlace(message: string, doc: DocxDocument, span: Span, locale: Locale): string {
  const w = wordLocation(doc, span);
  if (!w.paragraph) return message;
  return locale === 'en' ? `${message} (Word: ${formatPlace(w, locale)})` : `${message}（Word：${formatPlace(w, locale)}）`;
}

/**
 * Diagnostics of the Markdown view of a Word document: each message says where the text is in Word, and there are
 * no fixes (the view cannot be edited; the Markdown draft made from it can).
 */
export function docxDiagnosticsOf(a: Analysis, uri: string, version: number, docx: DocxService, locale: Locale): Diagnostic[] {
  const doc = docx.documentFor(uri, a.model.text);
  return a.findings.map((f) => {
    const d = toDiagnostic(a, { ...f, fixes: [] }, uri, version);
    if (doc) d.message = withWordPlace(f.message, doc, f, locale);
    return d;
  });
}
