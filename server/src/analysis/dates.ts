// Helpers shared by the date checks (report-year-mismatch, heading-year, signing-date, relative-date), and the line
// table and word index that they and the names scan use to look only at the lines that matter.
import type { ReportModel, Section, TextEdit, TextLine } from './types';
import type { Profile } from './profile';
import { partsOfSection, topSections } from './structure';

/** Year digits written in the document's width: full-width digits stay full-width. */
export function yearText(model: ReportModel, start: number, end: number, year: number): string {
  const full = /[０-９]/.test(model.text.slice(start, end));
  const s = String(year);
  return full ? s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s;
}

/** An edit that replaces the four year digits at [start, end) with `year`. */
export function yearEdit(model: ReportModel, start: number, end: number, year: number): TextEdit {
  return { start, end, newText: yearText(model, start, end, year) };
}

/** The top-level section that contains an offset (undefined in the preamble). */
export function topSectionAt(model: ReportModel, offset: number): Section | undefined {
  return topSections(model).find((s) => s.headingSpan.start <= offset && offset < s.end);
}

/** Which year a section speaks about: 'report', 'next', both (a merged heading) or none. */
export function yearRolesOf(model: ReportModel, profile: Profile, sec: Section): Set<'report' | 'next'> {
  const roles = new Set<'report' | 'next'>();
  for (const p of partsOfSection(model, profile, sec)) if (p.yearRole) roles.add(p.yearRole);
  return roles;
}

/** Whether an offset lies inside a 《…》 title on its line. */
export function insideTitle(norm: string, lineStart: number, offset: number): boolean {
  let depth = 0;
  for (let i = lineStart; i < offset; i++) {
    const c = norm[i];
    if (c === '《' || c === '〈') depth++;
    else if ((c === '》' || c === '〉') && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * insideTitle for one line, asked at offsets that (mostly) increase: each call goes on from where the last one
 * stopped, so all the names or words of a line cost one pass over it.
 */
export function titleScanner(norm: string, lineStart: number): (offset: number) => boolean {
  let pos = lineStart;
  let depth = 0;
  return (offset) => {
    if (offset < pos) {
      pos = lineStart;
      depth = 0;
    }
    for (; pos < offset; pos++) {
      const c = norm[pos];
      if (c === '《' || c === '〈') depth++;
      else if ((c === '》' || c === '〉') && depth > 0) depth--;
    }
    return depth > 0;
  };
}

/** Where the words of a pattern occur in a text: sorted starts and their ends. */
export interface WordIndex {
  starts: number[];
  ends: number[];
}

/**
 * All occurrences of `re` (global; alternatives that never overlap one another, such as plain words) in `text`, found
 * in one pass, so that a check runs its expressions only on the lines that contain one of its words.
 */
export function wordIndex(text: string, re: RegExp): WordIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return { starts, ends };
}

/** Whether an occurrence lies wholly inside [start, end). */
export function hasWordIn(idx: WordIndex, start: number, end: number): boolean {
  const { starts, ends } = idx;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < starts.length && starts[i]! < end; i++) if (ends[i]! <= end) return true;
  return false;
}

/** model.lines as typed arrays, built once per model for the checks that look at every line. */
export interface LineTable {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** LINE_HEADING, LINE_PARAGRAPH, LINE_TABLE_ROW (LINE_OTHER for anything else). */
  kind: Uint8Array;
}

export const LINE_HEADING = 0;
export const LINE_PARAGRAPH = 1;
export const LINE_TABLE_ROW = 2;
export const LINE_OTHER = 3;

const lineTables = new WeakMap<readonly TextLine[], LineTable>();

/**
 * The starts, ends and kinds of `lines`. Reading them from the line objects costs far more than from typed arrays
 * (the objects need not share one shape), so the table is built once per lines array and shared.
 */
export function lineTable(lines: readonly TextLine[]): LineTable {
  const hit = lineTables.get(lines);
  if (hit && hit.count === lines.length) return hit;
  const count = lines.length;
  const t: LineTable = { count, start: new Int32Array(count), end: new Int32Array(count), kind: new Uint8Array(count) };
  for (let i = 0; i < count; i++) {
    const ln = lines[i]!;
    t.start[i] = ln.start;
    t.end[i] = ln.end;
    t.kind[i] = ln.kind === 'paragraph' ? LINE_PARAGRAPH : ln.kind === 'heading' ? LINE_HEADING : ln.kind === 'table-row' ? LINE_TABLE_ROW : LINE_OTHER;
  }
  lineTables.set(lines, t);
  return t;
}
