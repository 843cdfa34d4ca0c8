// Helpers shared by the date checks (report-year-mismatch, heading-year, signing-date, relative-date): years written in
// the document's width, the section a year speaks about, titles on a line, and the word index that lets a check look
// only at the lines that matter.
import type { ReportModel, Section, TextEdit } from './types';
import type { Profile } from './profile';
import { partsOfSection, topSections } from './structure';
import { lowerBound } from './text/search';
import { fullWidthDigits, hasFullWidthDigit } from './text/width';

/** Year digits written in the document's width: full-width digits stay full-width. */
export function yearText(model: ReportModel, start: number, end: number, year: number): string {
  const s = String(year);
  return hasFullWidthDigit(model.text.slice(start, end)) ? fullWidthDigits(s) : s;
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

/**
 * Whether an offset lies inside a 《…》 title on the line that starts at lineStart, asked at offsets that (mostly)
 * increase: each call goes on from where the last one stopped, so all the names or words of a line cost one pass.
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
  for (let i = lowerBound(starts, start); i < starts.length && starts[i]! < end; i++) if (ends[i]! <= end) return true;
  return false;
}
