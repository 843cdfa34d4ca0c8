// Reading a report file from disk, shared by the CLI and the server's background pass.
import { readFileSync } from 'node:fs';

/** Reads a file as UTF-8 text, or says why it cannot be checked. */
export function readText(path: string): { text: string } | { error: string } {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    return { error: `${path}: 无法读取 (cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  if (buf.includes(0)) return { error: `${path}: 二进制文件，已跳过 (binary file, skipped)` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { error: `${path}: 不是 UTF-8 编码，请另存为 UTF-8 后再检查 (not UTF-8; save it as UTF-8)` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}
