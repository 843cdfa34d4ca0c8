// The outside of a .docx: what kind of file the bytes are, the ZIP package and its parts and relationships.
// Every way a file can fail to be a readable .docx gets a message of its own (both languages).
import { unzipSync } from 'fflate';
import type { LocalText } from '../analysis/types';
import { attr, children, parseXml } from './xml';

/** Parts larger than this (uncompressed) are not read: no report's text is anywhere near it. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

export class DocxError extends Error {
  constructor(readonly text: LocalText) {
    super(text.en);
  }
}

const fail = (zh: string, en: string): never => {
  throw new DocxError({ zh, en });
};

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** Whether `bytes` contain `name` as UTF-16LE (how OLE compound files store their stream names). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** Says what a file that is not a ZIP package is, as a DocxError. */
function notZip(bytes: Uint8Array): never {
  if (bytes.length === 0) fail('空文件', 'empty file');
  if (startsWith(bytes, OLE)) {
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) {
      fail('文档设有打开密码（已加密），无法读取；请在 Word 或 WPS 中取消密码后再检查', 'the document is password-protected (encrypted); remove the password in Word or WPS, then check it again');
    }
    if (hasUtf16Name(bytes, 'WordDocument')) {
      fail('这是旧版 Word 二进制格式（.doc），请在 Word 或 WPS 中另存为 .docx 后再检查', 'this is the old binary Word format (.doc); save it as .docx in Word or WPS, then check it');
    }
    fail('这是旧版 Office/WPS 二进制格式（如 .doc、.wps），不是 .docx；请另存为 .docx 后再检查', 'this is an old binary Office/WPS format (e.g. .doc, .wps), not .docx; save it as .docx, then check it');
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('{\\rtf')) fail('这是 RTF 文件，不是 .docx；请另存为 .docx 后再检查', 'this is an RTF file, not .docx; save it as .docx, then check it');
  if (/^\s*(<\?xml[^>]*>\s*)?(<\?mso-application|<w:wordDocument|<pkg:package)/.test(head)) {
    fail('这是 Word XML 格式，不是 .docx；请另存为 .docx 后再检查', 'this is a Word XML file, not .docx; save it as .docx, then check it');
  }
  if (/^\s*<(!doctype html|html)/i.test(head)) fail('这是网页（HTML）文件，不是 .docx', 'this is an HTML file, not .docx');
  return fail('不是 Word 文档（不是 ZIP 格式的 .docx），可能已损坏', 'not a Word document (not a ZIP-based .docx); it may be damaged');
}

export interface Package {
  /** Decoded XML parts by name (only .xml and .rels parts). */
  parts: Map<string, string>;
  /** Every entry's name (to tell other Office files from a damaged .docx). */
  names: string[];
}

export function openPackage(bytes: Uint8Array): Package {
  if (!startsWith(bytes, ZIP) && !startsWith(bytes, ZIP_EMPTY)) notZip(bytes);
  const names: string[] = [];
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (!/\.(xml|rels)$/i.test(f.name) || /^(customXml|docProps)\//i.test(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) return false;
        total += f.originalSize;
        return total <= 4 * MAX_PART_BYTES;
      },
    });
  } catch (e) {
    return fail(`ZIP 包已损坏或不完整，无法解压（${(e as Error).message}）`, `the ZIP package is damaged or incomplete (${(e as Error).message})`);
  }
  const parts = new Map<string, string>();
  const dec = new TextDecoder('utf-8');
  for (const [name, data] of Object.entries(files)) {
    // Parts are UTF-8 or UTF-16 (with a byte-order mark).
    const utf16 = data[0] === 0xff && data[1] === 0xfe;
    parts.set(name, utf16 ? new TextDecoder('utf-16le').decode(data) : dec.decode(data));
  }
  return { parts, names };
}

export interface Relationship {
  id: string;
  type: string;
  /** Target part name inside the package (resolved against the source part), or the external URL. */
  target: string;
  external: boolean;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  const out: string[] = [];
  for (const seg of (dir + target).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Relationships of part `source` ('' for the package's own). */
export function relationships(pkg: Package, source: string): Relationship[] {
  const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  const file = source.slice(dir.length);
  const relsName = `${dir}_rels/${file}.rels`;
  const xml = findPart(pkg, relsName);
  if (xml === undefined) return [];
  let root;
  try {
    root = parseXml(xml, relsName);
  } catch {
    return [];
  }
  const out: Relationship[] = [];
  for (const r of children(root)) {
    if (r.localName !== 'Relationship') continue;
    const target = attr(r, 'Target') ?? '';
    const external = attr(r, 'TargetMode') === 'External';
    out.push({ id: attr(r, 'Id') ?? '', type: attr(r, 'Type') ?? '', target: external ? target : resolvePart(source, decodeURI(target)), external });
  }
  return out;
}

/** A part by name, matching case-insensitively as ZIP tools and Word do. */
export function findPart(pkg: Package, name: string): string | undefined {
  const exact = pkg.parts.get(name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [k, v] of pkg.parts) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The main document part's name, or a DocxError that says what the package is instead. */
export function mainDocumentPart(pkg: Package): string {
  const rel = relationships(pkg, '').find((r) => !r.external && /\/officeDocument$/.test(r.type));
  if (rel && findPart(pkg, rel.target) !== undefined) return rel.target;
  if (findPart(pkg, 'word/document.xml') !== undefined) return 'word/document.xml';
  const has = (prefix: string) => pkg.names.some((n) => n.toLowerCase().startsWith(prefix));
  if (has('xl/')) fail('这是 Excel 工作簿（扩展名被改成了 .docx？），不是 Word 文档', 'this is an Excel workbook (renamed to .docx?), not a Word document');
  if (has('ppt/')) fail('这是 PowerPoint 演示文稿（扩展名被改成了 .docx？），不是 Word 文档', 'this is a PowerPoint presentation (renamed to .docx?), not a Word document');
  if (pkg.names.some((n) => /^word\/document\.xml$/i.test(n))) {
    fail('Word 正文（word/document.xml）过大或无法解压', 'the document body (word/document.xml) is too large or cannot be unpacked');
  }
  return fail('是 ZIP 压缩包，但不是 Word 文档（没有 word/document.xml）', 'a ZIP archive but not a Word document (no word/document.xml)');
}
