// The names data model: the kinds of change, an entry and its written forms, the allow list, and the built-in data
// set (data/outdated-names.json). Shared by every other part of the names analysis; imports nothing of it.
import builtin from '../data/outdated-names.json';

export const NAME_KINDS = [
  'law_repealed_replaced',
  'law_supersedes_regulation',
  'judicial_interpretation_replaced',
  'regulation_replaced',
  'law_revised_same_title',
  'regulation_revised_same_title',
  'plan_superseded',
  'plan_expiring_watch',
  'title_miscited',
  'title_misworded',
  'list_edition_superseded',
  'institution_merged',
  'institution_replaced',
  'institution_renamed',
  'institution_renamed_merged',
  'institution_split',
  'term_renamed',
  'term_legacy',
] as const;
export type NameKind = (typeof NAME_KINDS)[number];
export type Confidence = 'high' | 'medium' | 'low';

/** One written form of an old name, with an optional form-specific replacement and literal context guards. */
export interface NameForm {
  text: string;
  /** Replacement for this form (e.g. the abbreviation 工商局 → 市场监管局); default: the entry's `new`. */
  new?: string;
  /** Not a match when the text right before it ends with one of these (文化和旅游局 is not 旅游局). */
  notPrecededBy?: string[];
  /** Not a match when the text right after it starts with one of these (环境保护部门 is not 环境保护部). */
  notFollowedBy?: string[];
}

export interface NameEntry {
  id: string;
  kind: NameKind;
  /** Written forms of the old name: strings or NameForm objects. */
  old: (string | NameForm)[];
  /** The current name: the replacement text of the quick fix and the name shown in messages. */
  new: string;
  /** YYYY-MM-DD: from this date the old name is outdated. */
  effective: string;
  /** How much of `effective` is known (messages print only that much); default 'day'. */
  effectivePrecision?: 'day' | 'month' | 'year';
  /**
   * YYYY-MM-DD: by this date the change had reached every place (local reforms ran on different dates). In a report
   * year before it — or in its year, when it falls in the last three months — a finding is a hint only.
   */
  settled?: string;
  /** Plans: the period in the title; outdated as the current guide for report years after period[1]. */
  period?: [number, number];
  /** Other current names used locally instead of `new` (the fix title says the successor varies). */
  localVariants?: string[];
  /** Source citation, verbatim from the fact table. */
  source: string;
  confidence: Confidence;
  note?: string;
  /** Default severity; otherwise warning for high confidence, info for medium/low. */
  severity?: 'warning' | 'info';
  /** No quick fix: the successor is not a drop-in replacement or is not known. */
  noFix?: boolean;
  /** Sentences that must be flagged (in a report year on or after `effective`) and sentences that must not. */
  tests?: { flag: string[]; pass: string[] };
}

/** Names that are current and must never be flagged (rows of kind current_do_not_flag). */
export interface AllowEntry {
  id: string;
  names: string[];
  source: string;
  confidence?: Confidence;
  note?: string;
  tests?: { pass: string[] };
}

/** Rows of the fact table that deliberately produce no entry, with the reason. */
export interface OmittedRow {
  old: string;
  kind: string;
  source: string;
  reason: string;
}

export interface NamesData {
  version: 1;
  entries: NameEntry[];
  allow: AllowEntry[];
  omitted?: OmittedRow[];
}

export type KindGroup = 'law' | 'revised' | 'plan' | 'institution' | 'term' | 'miscited' | 'edition';

export function kindGroup(kind: NameKind): KindGroup {
  switch (kind) {
    case 'law_repealed_replaced':
    case 'law_supersedes_regulation':
    case 'judicial_interpretation_replaced':
    case 'regulation_replaced':
      return 'law';
    case 'law_revised_same_title':
    case 'regulation_revised_same_title':
      return 'revised';
    case 'plan_superseded':
    case 'plan_expiring_watch':
      return 'plan';
    case 'title_miscited':
    case 'title_misworded':
      return 'miscited';
    case 'list_edition_superseded':
      return 'edition';
    case 'term_renamed':
    case 'term_legacy':
      return 'term';
    default:
      return 'institution';
  }
}

/** Which check reports an entry. */
export function checkOfKind(kind: NameKind): 'outdated-name' | 'miscited-title' {
  const g = kindGroup(kind);
  return g === 'miscited' || g === 'edition' ? 'miscited-title' : 'outdated-name';
}

export const builtinNames: NamesData = builtin as NamesData;

export function formText(f: string | NameForm): string {
  return typeof f === 'string' ? f : f.text;
}

export function parseDate(s: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return { year: Number(s.slice(0, 4)) || 0, month: 1, day: 1 };
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** A YYYY-MM-DD date to a precision (2018年3月 / 2018-03). */
export function formatDate(date: string, precision: 'day' | 'month' | 'year', locale: 'zh' | 'en'): string {
  const d = parseDate(date);
  if (locale === 'en') return precision === 'year' ? `${d.year}` : precision === 'month' ? date.slice(0, 7) : date;
  return precision === 'year' ? `${d.year}年` : precision === 'month' ? `${d.year}年${d.month}月` : `${d.year}年${d.month}月${d.day}日`;
}

/** The effective date of an entry to the precision that is known. */
export function formatEffective(entry: NameEntry, locale: 'zh' | 'en'): string {
  return formatDate(entry.effective, entry.effectivePrecision ?? 'day', locale);
}
