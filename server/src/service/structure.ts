// The 报告结构 view's data: profile, report year, finding counts, the section tree and the checklist of parts.
import type { Analysis } from '../analysis';
import type { Locale, Section } from '../analysis/types';
import { partStatuses, partsOfSection } from '../analysis/structure';
import { rangeOf } from '../convert';
import type { StructureResult, StructureSection } from '../protocol';
import { headingName, trimEnd } from './outline';

export function structureOf(analysis: Analysis, uri: string, version: number, locale: Locale): StructureResult {
  const { model, profile } = analysis;
  const ls = model.lineStarts;
  const toSec = (s: Section): StructureSection => ({
    name: headingName(model.text, s),
    range: rangeOf(ls, s.headingSpan),
    fullRange: rangeOf(ls, { start: s.headingSpan.start, end: trimEnd(model.text, s.end) }),
    parts: partsOfSection(model, profile, s).map((p) => p.key),
    children: s.children.map(toSec),
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.severity]++;
  return {
    uri,
    version,
    profile: { id: profile.id, name: profile.name[locale] },
    reportYear: model.reportYear?.value,
    reportYearSource: model.reportYear?.source,
    counts,
    sections: model.sections.map(toSec),
    checklist: partStatuses(model, profile).map((st) => {
      const span = st.sections[0]?.headingSpan ?? st.mention;
      return { key: st.part.key, name: st.part.name[locale], required: st.part.required, state: st.state, present: st.state === 'heading' || st.state === 'thematic', range: span ? rangeOf(ls, span) : undefined };
    }),
  };
}
