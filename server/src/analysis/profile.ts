// Report profiles: the mandatory parts of a report type, as data. Built-in profiles live in data/profiles/*.json;
// a workspace may add its own in `.report-lint/profiles.json` (see README: "自定义报告类型").
import type { LocalText } from './types';
import { validateProfileData } from './tables/validate';
import { fillTemplate } from './text/template';
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

export interface TableRow {
  id: string;
  label: string[];
  /** The row's text in the template (numbering and full-width brackets), for the skeleton; default label[0]. */
  title?: string;
  group?: string;
  optional?: boolean;
  cells?: string[];
}

export interface TableColumn {
  id: string;
  label: string[];
  title?: string;
  group?: string;
  optional?: boolean;
  /** Cells may hold decimals (amounts). */
  decimal?: boolean;
  /** Cells may be negative (本年增/减). */
  signed?: boolean;
}

export interface TableIdentity {
  id: string;
  expr: string;
  description?: LocalText;
}

/** A fixed table of a report genre and the identities its cells must satisfy (used by table checks). */
export interface TableSchema {
  id: string;
  name: LocalText;
  /** Words that identify the table (in its caption, heading or header row). */
  match: string[][];
  /** Key of the profile part that holds the table. */
  part?: string;
  /** Id of the profile edition (report format) this layout belongs to; none: every edition. */
  edition?: string;
  /**
   * Rows/columns in template order. `group`: id of the row/column whose merged label heads this one;
   * `optional`: no number cells in the official table (label-only head) or an added subtotal — never required;
   * `cells`: the column ids this row has number cells in (default every column); `decimal`: cells may be decimals.
   */
  rows?: TableRow[];
  columns?: TableColumn[];
  /** Identities such as "total = a + b + c", over row/column ids, or "row:col" cell refs (syntax: xxgk-annual.json "$comment"). */
  identities?: TableIdentity[];
  /** Text of the top-left cell in the skeleton (the template's note or the label column's header). */
  corner?: string;
}

/** One edition of a report type's prescribed format (e.g. the 2019 and the 2021 format of a template). */
export interface ProfileEdition {
  id: string;
  /** First and last report years the edition applies to. */
  fromYear?: number;
  toYear?: number;
  /** The format document, as cited in messages. */
  name: LocalText;
  /** The legal basis for reports of these years (replaces the profile's `regulation` in messages). */
  regulation?: LocalText;
  /** Ways reports cite the format document (its document number), matched with brackets of any width. */
  cites?: string[];
}

/** Last day of the publication period: the report for year Y is to be public by month/day of Y + 1. */
export interface ProfileDeadline {
  fromYear?: number;
  toYear?: number;
  /** Only for reports of this kind (by the report's author: a government or a department). */
  kind?: 'government' | 'department';
  month: number;
  day: number;
  label: LocalText;
  /** Where the deadline is laid down. */
  source?: string;
}

/**
 * A figure the running text states and a table holds (共收到申请86件): the words that name it in a clause, and the
 * cells it may stand for (sum expressions of row:column cells of one table; any one alternative agreeing is enough).
 */
export interface ProfileFigure {
  id: string;
  name: LocalText;
  /** Word groups: the clause before the number contains every word of one group. */
  words: string[][];
  /** A clause with one of these words before the number states another figure (上年结转, 同比) and is skipped. */
  exclude?: string[];
  /** Units the number may carry (件, 条, 元…); default any count unit. */
  units?: string[];
  table?: string;
  cells?: string[];
}

export interface Profile {
  id: string;
  name: LocalText;
  regulation: LocalText;
  source: string;
  detect: {
    /** The title names the report type with one of these. */
    titleIncludes: string[];
    /** A title line ends with one of these (after closing quotes and a bracketed year); required when given. */
    titleEndsWith?: string[];
    /** A title with one of these is another kind of document (a half-year data note, a notice). */
    titleExcludes?: string[];
    /**
     * Without a title line, the opening lines name the report type when a sentence holds every word of one group
     * (default: any of titleIncludes anywhere in the opening).
     */
    opening?: string[][];
  };
  /** First report year the mandatory-content rule applies to; earlier years get information only. */
  since?: number;
  parts: ProfilePart[];
  /** Title of a new report from the skeleton command ({year}, {nextYear}). */
  skeletonTitle?: string;
  /** Opening paragraph of a new report ({year}, {nextYear}, {parts}: the part names joined by 、). */
  skeletonIntro?: string;
  tables?: TableSchema[];
  /** Editions of the prescribed format, by report year. */
  editions?: ProfileEdition[];
  /** Publication deadlines, first matching entry wins (signing-date). */
  deadlines?: ProfileDeadline[];
  /**
   * Words of the statements that name the report's own year (report-year-mismatch): `subjects` as in
   * 关于2021年度<subject>情况的报告; `period` as in 数据<period>为2021年1月1日至12月31日.
   */
  yearStatements?: { subjects?: string[]; period?: string[] };
  /** Words that make a heading speak of the report year or of the next one when no part names it (heading-year). */
  headingYearWords?: { report?: string[]; next?: string[] };
  /** Figures of the running text that restate table cells or each other (restated-figure). */
  figures?: ProfileFigure[];
  /** Words that make a clause speak of another period or a change (上年, 同比): its figures are not restatements. */
  figureExclude?: string[];
}

export const builtinProfiles: Profile[] = [fzzfAnnual as Profile, xxgkAnnual as Profile];
const DEFAULT_PROFILE = 'fzzf-annual';

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
  // Tables, identities, editions, deadlines, the words of the date checks and figures.
  errs.push(...validateProfileData(o, where));
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
  return fillTemplate(w, { year, nextYear: year + 1 });
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

/**
 * The title as compared with `detect`: spaces removed, without a leading `#`/opening quote and without closing
 * quotes, brackets or a bracketed year at its end (…工作年度报告（2023年）).
 */
export function titleCore(normTitle: string): string {
  let t = compact(normTitle).replace(/^[#《「"“]+/, '');
  for (;;) {
    const u = t.replace(/[》」"”'’]+$/, '').replace(/\((?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年?度?\)$/, '');
    if (u === t) return t;
    t = u;
  }
}

/** Whether a title (normalised text) names a report of `p`. */
function titleNames(p: Profile, normTitle: string): boolean {
  const core = titleCore(normTitle);
  const d = p.detect;
  if (!d.titleIncludes.some((w) => core.includes(w))) return false;
  if (d.titleExcludes?.some((w) => core.includes(w))) return false;
  if (d.titleEndsWith?.length && !d.titleEndsWith.some((w) => core.endsWith(w))) return false;
  return true;
}

/** Whether a title names any report type's words at all (it may still fail the type's other rules). */
export function titleMentions(normTitle: string, extra: Profile[] = []): boolean {
  const t = compact(normTitle);
  return [...extra, ...builtinProfiles].some((p) => p.detect.titleIncludes.some((w) => t.includes(w)));
}

/** Profile named by a title (normalised text), or undefined. */
export function detectProfile(normTitle: string, extra: Profile[] = []): Profile | undefined {
  return [...extra, ...builtinProfiles].find((p) => titleNames(p, normTitle));
}

const CLAUSE_BREAK = /[,，。;；!?！？\n]/;

/** Offset of the first place in `head` that names a report of `p` (its opening word groups), or -1. */
function openingAt(p: Profile, head: string): number {
  const d = p.detect;
  if (!d.opening) {
    let best = -1;
    for (const w of d.titleIncludes) {
      const at = head.indexOf(w);
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    return best;
  }
  let from = 0;
  for (let i = 0; i <= head.length; i++) {
    if (i < head.length && !CLAUSE_BREAK.test(head[i]!)) continue;
    const clause = compact(head.slice(from, i));
    if (matchesCompact(clause, d.opening) && !d.titleExcludes?.some((w) => clause.includes(w))) return from;
    from = i + 1;
  }
  return -1;
}

/** Profile named by the opening lines of a document without a title line (the earliest mention wins), or undefined. */
export function detectFromOpening(head: string, extra: Profile[] = []): Profile | undefined {
  let best: { p: Profile; at: number } | undefined;
  for (const p of [...extra, ...builtinProfiles]) {
    const at = openingAt(p, head);
    if (at >= 0 && (!best || at < best.at)) best = { p, at };
  }
  return best?.p;
}

/** Words a title line ends with, over all profiles (the model's title detection). */
export function titleEndings(extra: Profile[] = []): string[] {
  return [...new Set([...extra, ...builtinProfiles].flatMap((p) => p.detect.titleEndsWith ?? []))];
}

/** The words that name report types in titles, over all profiles (the model reads the author before them). */
export function titleWords(extra: Profile[] = []): string[] {
  return [...new Set([...extra, ...builtinProfiles].flatMap((p) => p.detect.titleIncludes))];
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

/** The edition of the profile's format that applies to a report year (undefined: no editions, or none fits). */
export function editionFor(p: Profile, year: number | undefined): ProfileEdition | undefined {
  if (year === undefined || !p.editions) return undefined;
  return p.editions.find((e) => (e.fromYear === undefined || year >= e.fromYear) && (e.toYear === undefined || year <= e.toYear));
}

/** The legal basis cited in messages for a report year: the edition's, else the profile's. */
export function regulationFor(p: Profile, year: number | undefined): LocalText {
  return editionFor(p, year)?.regulation ?? p.regulation;
}

/** The tables of a profile that apply to a report year (its edition's and those of every edition). */
export function tablesFor(p: Profile, year: number | undefined): TableSchema[] {
  const ed = editionFor(p, year) ?? (p.editions?.length ? p.editions[p.editions.length - 1] : undefined);
  return (p.tables ?? []).filter((t) => !t.edition || t.edition === ed?.id);
}

/** The publication deadline that applies to a report (first matching entry). */
export function deadlineFor(p: Profile, year: number, kind: 'government' | 'department'): ProfileDeadline | undefined {
  return p.deadlines?.find((d) => (d.fromYear === undefined || year >= d.fromYear) && (d.toYear === undefined || year <= d.toYear) && (!d.kind || d.kind === kind));
}
