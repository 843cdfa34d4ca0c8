// The only place where analysis offsets (UTF-16 code units into the text) become line/character positions.
import type { Finding, Fix, Span } from './analysis/types';
import { lineOfOffset } from './analysis/text/lines';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  const line = lineOfOffset(lineStarts, offset);
  return { line, character: offset - lineStarts[line]! };
}

/** Offset of an LSP position (a character past the line's end means the end of the line, before its break). */
export function offsetAt(lineStarts: number[], text: string, position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return text.length;
  const start = lineStarts[position.line]!;
  let end = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1]! : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return Math.max(start, Math.min(start + position.character, end));
}

export function rangeOf(lineStarts: number[], span: Span): Range {
  return { start: positionAt(lineStarts, span.start), end: positionAt(lineStarts, span.end) };
}

export interface JsonFix {
  title: string;
  edits: { range: Range; newText: string }[];
}

export interface JsonFinding {
  rule: string;
  category: Finding['category'];
  severity: Finding['severity'];
  message: string;
  range: Range;
  section?: string;
  fixes: JsonFix[];
}

export function fixToJson(lineStarts: number[], fix: Fix): JsonFix {
  return { title: fix.title, edits: fix.edits.map((e) => ({ range: rangeOf(lineStarts, e), newText: e.newText })) };
}

/** The CLI's JSON shape of a finding (also what other tools consume). */
export function findingToJson(lineStarts: number[], f: Finding): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    message: f.message,
    range: rangeOf(lineStarts, f),
    fixes: (f.fixes ?? []).map((x) => fixToJson(lineStarts, x)),
  };
  if (f.section) out.section = f.section;
  return out;
}
