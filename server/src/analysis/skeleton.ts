// A report skeleton for a profile: title with the year, addressee, the parts in order, signature and date.
import { selectProfile, type Profile } from './profile';
import type { Locale } from './types';
import { cnNumeral } from './normalise';

export interface SkeletonOptions {
  year: number;
  profile?: string;
  extraProfiles?: Profile[];
  locale?: Locale;
}

export function skeleton(o: SkeletonOptions): string {
  const profile = selectProfile(undefined, o.profile, o.extraProfiles);
  const y = o.year;
  const fill = (s: string) => s.replace(/\{year\}/g, String(y)).replace(/\{nextYear\}/g, String(y + 1));
  const lines: string[] = [];
  lines.push('# ' + fill(profile.skeletonTitle ?? `（单位名称）{year}年度${profile.name.zh}`));
  lines.push('', '（报送机关）：', '', `${y}年，……现将有关情况报告如下：`, '');
  let n = 0;
  for (const part of profile.parts) {
    n++;
    lines.push(`## ${cnNumeral(n)}、${fill(part.canonical)}`, '', part.required ? '……' : '（如无，可删除本部分）……', '');
  }
  lines.push('（单位名称）', '', `${y + 1}年　月　日`, '');
  return lines.join('\n');
}
