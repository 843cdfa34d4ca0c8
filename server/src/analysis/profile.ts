// Report profiles: the mandatory parts of a report type, as data. Built-in profiles live in data/profiles/*.json;
// a workspace may add its own in `.report-lint/profiles.json` (see README: "自定义报告类型").
import type { LocalText } from './types';
import fzzfAnnual from './data/profiles/fzzf-annual.json';
import xxgkAnnual from './data/profiles/xxgk-annual.json';

export interface ProfilePart {
  key: string;
  required: boolean;
  name: LocalText;
  /** Canonical heading text; {year} = report year, {nextYear} = report year + 1. */
  canonical: string;
  /** Canonical heading for department reports (部门主要负责人…). */
  departmentCanonical?: string;
  /** A heading covers the part when all words of any one group occur in it (after normalisation). */
  headings: string[][];
  /** Sentences that mention the part in passing (a weaker finding than a heading). Same form as `headings`. */
  sentences?: string[][];
  /** Thematic top-level headings that match no other part stand for this part (e.g. measures). */
  thematic?: boolean;
  /** Which year a heading of this part should name. */
  yearRole?: 'report' | 'next';
}

/** A fixed table of a report genre and the identities its cells must satisfy (used by table checks). */
export interface TableSchema {
  id: string;
  name: LocalText;
  /** Words that identify the table (in its caption, heading or header row). */
  match: string[][];
  /** Key of the profile part that holds the table. */
  part?: string;
  /**
   * Rows/columns in template order. `group`: id of the row/column whose merged label heads this one;
   * `optional`: no number cells in the official table (label-only head) or an added subtotal — never required;
   * `cells`: the column ids this row has number cells in (default every column); `decimal`: cells may be decimals.
   */
  rows?: { id: string; label: string[]; group?: string; optional?: boolean; cells?: string[] }[];
  columns?: { id: string; label: string[]; group?: string; optional?: boolean; decimal?: boolean }[];
  /** Identities such as "total = a + b + c", over row/column ids, or "row:col" cell refs (syntax: xxgk-annual.json "$comment"). */
  identities?: { id: string; expr: string; description?: LocalText }[];
}

export interface Profile {
  id: string;
  name: LocalText;
  regulation: LocalText;
  source: string;
  detect: { titleIncludes: string[] };
  /** First report year the mandatory-content rule applies to; earlier years get information only. */
  since?: number;
  parts: ProfilePart[];
  /** Title of a new report from the skeleton command ({year}, {nextYear}). */
  skeletonTitle?: string;
  tables?: TableSchema[];
}

export const builtinProfiles: Profile[] = [fzzfAnnual as Profile, xxgkAnnual as Profile];
export const DEFAULT_PROFILE = 'fzzf-annual';

const MAX_PROFILES = 50;
const MAX_PARTS = 40;
const MAX_GROUPS = 200;

const isLocalText = (v: unknown): v is LocalText =>
  typeof v === 'object' && v !== null && typeof (v as LocalText).zh === 'string' && typeof (v as LocalText).en === 'string';
const isWordGroups = (v: unknown): v is string[][] =>
  Array.isArray(v) && v.length > 0 && v.length <= MAX_GROUPS && v.every((g) => Array.isArray(g) && g.length > 0 && g.every((w) => typeof w === 'string' && w.length > 0 && w.length <= 40));

/** Validates one profile object; returns problems as readable strings (empty when valid). */
export function validateProfile(p: unknown, where: string): string[] {
  const errs: string[] = [];
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return [`${where}: 应为对象 (expected an object)`];
  const o = p as Record<string, unknown>;
  if (typeof o.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(o.id)) errs.push(`${where}.id: 应为小写短横线标识，如 "my-report" (expected a kebab-case id)`);
  if (!isLocalText(o.name)) errs.push(`${where}.name: 应为 {"zh": "…", "en": "…"} (expected {zh, en})`);
  if (o.regulation !== undefined && !isLocalText(o.regulation)) errs.push(`${where}.regulation: 应为 {"zh": "…", "en": "…"}`);
  if (o.since !== undefined && (typeof o.since !== 'number' || !Number.isInteger(o.since))) errs.push(`${where}.since: 应为年份整数 (expected a year)`);
  const detect = o.detect as { titleIncludes?: unknown } | undefined;
  if (!detect || !Array.isArray(detect.titleIncludes) || !detect.titleIncludes.every((w) => typeof w === 'string' && w))
    errs.push(`${where}.detect.titleIncludes: 应为非空字符串数组 (expected an array of strings)`);
  if (!Array.isArray(o.parts) || o.parts.length === 0 || o.parts.length > MAX_PARTS) {
    errs.push(`${where}.parts: 应为非空数组，最多 ${MAX_PARTS} 项 (expected a non-empty array of at most ${MAX_PARTS})`);
  } else {
    const keys = new Set<string>();
    o.parts.forEach((part: unknown, i: number) => {
      const w = `${where}.parts[${i}]`;
      if (typeof part !== 'object' || part === null) return void errs.push(`${w}: 应为对象 (expected an object)`);
      const q = part as Record<string, unknown>;
      if (typeof q.key !== 'string' || !q.key) errs.push(`${w}.key: 缺少 (missing)`);
      else if (keys.has(q.key)) errs.push(`${w}.key: 重复的 "${q.key}" (duplicate)`);
      else keys.add(q.key);
      if (typeof q.required !== 'boolean') errs.push(`${w}.required: 应为 true 或 false (expected a boolean)`);
      if (!isLocalText(q.name)) errs.push(`${w}.name: 应为 {"zh": "…", "en": "…"}`);
      if (typeof q.canonical !== 'string' || !q.canonical) errs.push(`${w}.canonical: 应为标准标题文字 (expected the canonical heading)`);
      if (!isWordGroups(q.headings)) errs.push(`${w}.headings: 应为词组数组，如 [["不足"], ["存在", "问题"]] (expected word groups)`);
      if (q.sentences !== undefined && !isWordGroups(q.sentences)) errs.push(`${w}.sentences: 应为词组数组 (expected word groups)`);
    });
  }
  return errs;
}

export interface ProfileFileResult {
  profiles: Profile[];
  errors: string[];
}

/** Parses and validates a workspace profiles file. Invalid profiles are dropped with a message naming the file. */
export function parseProfilesFile(text: string, fileName: string): ProfileFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { profiles: [], errors: [`${fileName}: 不是有效的 JSON (${(e as Error).message})`] };
  }
  const list = Array.isArray(json) ? json : (json as { profiles?: unknown })?.profiles;
  if (!Array.isArray(list)) return { profiles: [], errors: [`${fileName}: 应包含 "profiles" 数组 (expected {"profiles": [...]})`] };
  // Size guards: a workspace file must not be able to make matching slow.
  if (list.length > MAX_PROFILES) return { profiles: [], errors: [`${fileName}: 报告类型过多（${list.length} 个，上限 ${MAX_PROFILES}） (too many profiles)`] };
  const profiles: Profile[] = [];
  const errors: string[] = [];
  list.forEach((p, i) => {
    const errs = validateProfile(p, `${fileName}: profiles[${i}]`);
    if (errs.length) errors.push(...errs);
    else profiles.push(p as Profile);
  });
  return { profiles, errors };
}

/** Removes spaces and punctuation widths so that word groups match the way people write headings. */
export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

export function expandWords(w: string, year: number | undefined): string {
  if (year === undefined) return w;
  return w.replace(/\{year\}/g, String(year)).replace(/\{nextYear\}/g, String(year + 1));
}

const expanded = new WeakMap<string[][], Map<number | undefined, string[][]>>();

/** Word groups with {year}/{nextYear} filled in, computed once per group list and year. */
function expandedGroups(groups: string[][], year: number | undefined): string[][] {
  let byYear = expanded.get(groups);
  if (!byYear) expanded.set(groups, (byYear = new Map()));
  let out = byYear.get(year);
  if (!out) {
    // Without a year, groups that need one cannot match.
    out = groups.filter((g) => year !== undefined || g.every((w) => !w.includes('{'))).map((g) => g.map((w) => expandWords(w, year)));
    byYear.set(year, out);
  }
  return out;
}

export function matchesGroups(normText: string, groups: string[][] | undefined, year?: number): boolean {
  if (!groups) return false;
  return matchesCompact(/\s/.test(normText) ? compact(normText) : normText, groups, year);
}

/** matchesGroups for text already passed through `compact`. */
export function matchesCompact(t: string, groups: string[][], year?: number): boolean {
  const gs = expandedGroups(groups, year);
  for (const g of gs) {
    let all = true;
    for (const w of g) {
      if (!t.includes(w)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/** Profile whose title words occur in `normText`, or undefined. */
export function detectProfile(normText: string, extra: Profile[] = []): Profile | undefined {
  const t = compact(normText);
  return [...extra, ...builtinProfiles].find((p) => p.detect.titleIncludes.some((w) => t.includes(w)));
}

export function selectProfile(titleNorm: string | undefined, requested: string | undefined, extra: Profile[] = []): Profile {
  const all = [...extra, ...builtinProfiles];
  if (requested) {
    const p = all.find((x) => x.id === requested);
    if (p) return p;
  }
  const hit = titleNorm ? detectProfile(titleNorm, extra) : undefined;
  if (hit) return hit;
  return all.find((p) => p.id === DEFAULT_PROFILE)!;
}
