// Which parts of the profile a report has, and where. Shared by the structure checks, the date checks and
// the client's checklist; computed once per model and profile.
import type { ReportModel, Section, Span } from './types';
import { compact, expandWords, matchesCompact, matchesGroups, type Profile, type ProfilePart } from './profile';
import { partitionPoint } from './text/search';
import { isSentenceEnd } from './text/sentences';

export type PartState = 'heading' | 'thematic' | 'subheading' | 'sentence' | 'missing';

export interface PartStatus {
  part: ProfilePart;
  state: PartState;
  /** Sections whose headings cover the part (top level for 'heading', deeper for 'subheading'). */
  sections: Section[];
  /** Where the part is mentioned in passing ('sentence'). */
  mention?: Span;
}

const cache = new WeakMap<ReportModel, Map<string, PartStatus[]>>();

const sectionParts = new WeakMap<Section, { profile: Profile; parts: ProfilePart[] }>();

/** Parts covered by a section heading (several when one heading merges two parts). Memoised per section. */
export function partsOfSection(model: ReportModel, profile: Profile, sec: Section): ProfilePart[] {
  const hit = sectionParts.get(sec);
  if (hit && hit.profile === profile) return hit.parts;
  const t = compact(model.norm.slice(sec.titleSpan.start, sec.titleSpan.end));
  const year = model.reportYear?.value;
  const parts = profile.parts.filter((p) => matchesCompact(t, p.headings, year));
  sectionParts.set(sec, { profile, parts });
  return parts;
}

/** The top-level sections of the report body (a lone wrapper heading above all others is looked through). */
export function topSections(model: ReportModel): Section[] {
  let top = model.sections;
  // `# 标题` outside the detected title, wrapping everything: look through one level.
  while (top.length === 1 && top[0]!.children.length > 1 && !top[0]!.numbering) top = top[0]!.children;
  return top;
}

export function partStatuses(model: ReportModel, profile: Profile): PartStatus[] {
  let byProfile = cache.get(model);
  if (!byProfile) cache.set(model, (byProfile = new Map()));
  const hit = byProfile.get(profile.id);
  if (hit) return hit;

  const top = topSections(model);
  const topParts = top.map((s) => partsOfSection(model, profile, s));
  const year = model.reportYear?.value;
  const topSet = new Set(top);
  // Deeper headings by part, in one pass over the sections.
  const deeperByPart = new Map<ProfilePart, Section[]>();
  for (const sec of model.allSections) {
    if (topSet.has(sec)) continue;
    for (const p of partsOfSection(model, profile, sec)) {
      let list = deeperByPart.get(p);
      if (!list) deeperByPart.set(p, (list = []));
      list.push(sec);
    }
  }
  const statuses: PartStatus[] = profile.parts.map((part) => {
    const secs = top.filter((_, i) => topParts[i]!.includes(part));
    if (secs.length) return { part, state: 'heading', sections: secs };
    if (part.thematic) {
      // Thematic headings (一、深入推进“放管服”改革 …) that cover no other part stand for this one.
      const thematic = top.filter((_, i) => topParts[i]!.length === 0);
      if (thematic.length >= 2 || (thematic.length === 1 && top.length <= 3)) return { part, state: 'thematic', sections: thematic };
    }
    const deeper = deeperByPart.get(part);
    if (deeper?.length) return { part, state: 'subheading', sections: deeper };
    const mention = part.sentences && findMention(model, part.sentences, year);
    if (mention) return { part, state: 'sentence', sections: [], mention };
    return { part, state: 'missing', sections: [] };
  });
  byProfile.set(profile.id, statuses);
  return statuses;
}

/**
 * The first sentence of running text that matches one of the word groups. Every word of a group must occur, so only
 * the lines holding a group's first word (found with indexOf over the whole text) are split into sentences.
 */
function findMention(model: ReportModel, groups: string[][], year: number | undefined): Span | undefined {
  const { norm, lines } = model;
  const firstWords = [...new Set(groups.filter((g) => year !== undefined || !g[0]!.includes('{')).map((g) => expandWords(g[0]!, year)))];
  const candidates = new Set<number>();
  for (const w of firstWords) {
    for (let at = norm.indexOf(w); at >= 0; at = norm.indexOf(w, at + w.length)) {
      const k = lineIndexAt(lines, at);
      if (k >= 0) candidates.add(k);
    }
  }
  for (const k of [...candidates].sort((a, b) => a - b)) {
    const ln = lines[k]!;
    if (ln.kind !== 'paragraph') continue;
    const s = norm.slice(ln.start, ln.end);
    // Sentence by sentence, so that words from different sentences don't combine.
    let from = 0;
    for (let i = 0; i <= s.length; i++) {
      if (i === s.length || isSentenceEnd(s.charCodeAt(i))) {
        if (i > from && matchesGroups(s.slice(from, i), groups, year)) return { start: ln.start + from, end: ln.start + i };
        from = i + 1;
      }
    }
  }
  return undefined;
}

/** Index of the text line containing `offset`, or -1. */
function lineIndexAt(lines: ReportModel['lines'], offset: number): number {
  const k = partitionPoint(0, lines.length, (i) => lines[i]!.end <= offset);
  return k < lines.length && lines[k]!.start <= offset ? k : -1;
}
