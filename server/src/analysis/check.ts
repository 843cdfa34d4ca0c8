import type { Category, Finding, Fix, LocalText, Locale, ReportModel, Related, Severity, Span } from './types';
import type { Profile } from './profile';
import type { NamesData } from './names/model';
import type { RelationSelector } from './relations/types';
import { fillTemplate } from './text/template';

/** What a check reports; the framework fills in rule, category, localisation and severity overrides. */
export interface Report extends Span {
  /** Message id from the check's `messages` table. */
  messageId: string;
  args?: Record<string, string | number>;
  /** Defaults to the check's default severity. */
  severity?: Severity;
  related?: Related[];
  fixes?: Fix[];
  section?: string;
  /** Message id of a longer explanation (hover), with the same args. */
  detailId?: string;
}

export interface CheckContext {
  model: ReportModel;
  profile: Profile;
  /** False when the document does not read as a report of `profile`: profile-dependent checks stay silent. */
  profileMatched: boolean;
  locale: Locale;
  /** Names data: built-in plus the workspace's `.report-lint/names.json` entries. */
  names?: NamesData;
  /** Localise one of this check's messages with named {placeholders}. */
  msg(id: string, args?: Record<string, string | number>): string;
  report(r: Report): void;
}

export interface CheckDef {
  /** kebab-case; also the diagnostic code, fixture folder and setting key. */
  id: string;
  category: Category;
  severity: Severity;
  fixable: boolean;
  title: LocalText;
  description: LocalText;
  /** Message texts by id, each in both languages, with {named} placeholders. */
  messages: Record<string, LocalText>;
  /** Number checks: the relations (kinds and statuses) the check reports; each relation is reported by one check. */
  relations?: RelationSelector;
  run(ctx: CheckContext): void;
}

export function localise(t: LocalText, locale: Locale, args?: Record<string, string | number>): string {
  return fillTemplate(t[locale] ?? t.zh, args);
}

export function makeFinding(check: CheckDef, r: Report, locale: Locale, severity: Severity): Finding {
  const m = check.messages[r.messageId];
  if (!m) throw new Error(`check ${check.id}: unknown message id ${r.messageId}`);
  const f: Finding = {
    rule: check.id,
    category: check.category,
    severity,
    message: localise(m, locale, r.args),
    start: r.start,
    end: r.end,
  };
  if (r.related?.length) f.related = r.related;
  if (r.fixes?.length) f.fixes = r.fixes;
  if (r.section) f.section = r.section;
  if (r.detailId) {
    const d = check.messages[r.detailId];
    if (d) f.detail = localise(d, locale, r.args);
  }
  return f;
}
