// A report skeleton for a profile: title with the year, addressee or opening, the parts in order with the profile's
// tables for that year's format (empty cells), signature and date.
import { editionFor, selectProfile, tablesFor, type Profile } from './profile';
import type { Locale } from './types';
import { cnNumeral } from './normalise';
import { renderTable } from './tables/render';
import { fillTemplate } from './text/template';

export interface SkeletonOptions {
  year: number;
  profile?: string;
  extraProfiles?: Profile[];
  locale?: Locale;
}

export function skeleton(o: SkeletonOptions): string {
  const profile = selectProfile(undefined, o.profile, o.extraProfiles);
  const y = o.year;
  const edition = editionFor(profile, y);
  const years = { year: y, nextYear: y + 1 };
  const fill = (s: string) =>
    fillTemplate(s, {
      ...years,
      parts: profile.parts.map((p) => fillTemplate(p.canonical, years)).join('、'),
      count: cnNumeral(profile.parts.length),
      format: edition?.name.zh ?? '',
    });
  const lines: string[] = [];
  lines.push('# ' + fill(profile.skeletonTitle ?? `（单位名称）{year}年度${profile.name.zh}`));
  if (profile.skeletonIntro) lines.push('', fill(profile.skeletonIntro), '');
  else lines.push('', '（报送机关）：', '', `${y}年，……现将有关情况报告如下：`, '');
  const tables = tablesFor(profile, y);
  let n = 0;
  for (const part of profile.parts) {
    n++;
    lines.push(`## ${cnNumeral(n)}、${fill(part.canonical)}`, '', part.required ? '……' : '（如无，可删除本部分）……', '');
    for (const t of tables.filter((x) => x.part === part.key)) lines.push(renderTable(t), '');
  }
  lines.push('（单位名称）', '', `${y + 1}年　月　日`, '');
  return lines.join('\n');
}
