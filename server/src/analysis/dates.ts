// Helpers shared by the date checks (report-year-mismatch, heading-year, signing-date, relative-date).
import type { ReportModel, Section, TextEdit } from './types';
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
