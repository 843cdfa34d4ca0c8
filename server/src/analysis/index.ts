// The pure language service: text in, model and findings out. No editor or LSP imports.
import type { Finding, Locale, ReportModel, Severity } from './types';
import { buildModel, type ModelOptions } from './model';
import { builtinProfiles, detectFromOpening, detectProfile, selectProfile, titleEndings, titleMentions, titleWords, type Profile } from './profile';
import { checks } from './checks';
import { localise, makeFinding, type CheckContext, type CheckDef } from './check';
import { parseSuppressions, suppressionIndex, type Suppression } from './suppressions';
import type { NamesData } from './names/model';

/** How to analyse a document (defaults: the detected profile and year, built-in data, the checks' severities). */
export interface AnalyseOptions {
  locale?: Locale;
  /** Override the report year. */
  year?: number;
  /** Profile id to use; default: detected from the title, else the built-in default. */
  profile?: string;
  /** Extra profiles (already validated) from workspace configuration. */
  extraProfiles?: Profile[];
  /** Names data merged with workspace entries (withWorkspaceNames); built-in data when absent. */
  names?: NamesData;
  /** Per-rule severity overrides; 'off' disables the rule. */
  severities?: Record<string, Severity | 'off'>;
}

export interface Analysis {
  model: ReportModel;
  profile: Profile;
  /** Whether the document reads as a report of `profile` (requested, or detected from its title or opening). */
  profileMatched: boolean;
  findings: Finding[];
  suppressions: Suppression[];
  /** Checks that threw (the rest still ran). */
  internalErrors: { rule: string; error: string }[];
}

function resolveSeverity(check: CheckDef, requested: Severity, overrides?: Record<string, Severity | 'off'>): Severity | 'off' {
  const o = overrides?.[check.id];
  if (o === 'off') return 'off';
  if (!o) return requested;
  // An override sets the rule's severity, but a finding the check itself marks as info stays info
  // (it is a hint by nature: a weaker reading, a pre-2019 report, a truncation).
  return requested === 'info' && check.severity !== 'info' ? 'info' : o;
}

/**
 * The profile of a document: the requested one, else the one named by the title, else (when there is no title line,
 * as in many Word pastes) the one named by the opening lines. `matched` is false for a document that does not read as a report of any profile
 * (a README, notes): profile-dependent checks then stay silent.
 */
function chooseProfile(model: ReportModel, options: AnalyseOptions): { profile: Profile; matched: boolean } {
  if (options.profile) {
    const p = [...(options.extraProfiles ?? []), ...builtinProfiles].find((x) => x.id === options.profile);
    if (p) return { profile: p, matched: true };
  }
  const { norm } = model;
  const fallback = () => ({ profile: selectProfile(undefined, undefined, options.extraProfiles), matched: false });
  if (model.title) {
    const byTitle = detectProfile(norm.slice(model.title.start, model.title.end), options.extraProfiles);
    if (byTitle) return { profile: byTitle, matched: true };
    // A title that names no report type: a README, notes, a notice, another kind of document.
    return fallback();
  }
  // No title line was found. A short first line that names a report type's words but is not its title (关于做好…年度报告
  // 工作的通知, …上半年政府信息公开数据统计) says the document is of another kind.
  const first = model.lines[0];
  if (first) {
    const s = norm.slice(first.start, first.end);
    if (s.length <= 60 && !/[。，,；;]/.test(s) && titleMentions(s, options.extraProfiles)) {
      const byFirst = detectProfile(s, options.extraProfiles);
      return byFirst ? { profile: byFirst, matched: true } : fallback();
    }
  }
  const head = model.lines
    .slice(0, 4)
    .map((l) => norm.slice(l.start, Math.min(l.end, l.start + 300)))
    .join('\n');
  const byHead = detectFromOpening(head, options.extraProfiles);
  if (byHead) return { profile: byHead, matched: true };
  return fallback();
}

export function analyseModel(model: ReportModel, options: AnalyseOptions = {}): Analysis {
  const locale: Locale = options.locale ?? 'zh';
  const { profile, matched: profileMatched } = chooseProfile(model, options);
  const suppressions = parseSuppressions(model);
  const suppressed = suppressions.length ? suppressionIndex(suppressions) : undefined;
  const findings: Finding[] = [];
  const internalErrors: Analysis['internalErrors'] = [];
  for (const check of checks) {
    if (options.severities?.[check.id] === 'off') continue;
    const ctx: CheckContext = {
      model,
      profile,
      profileMatched,
      locale,
      names: options.names,
      msg: (id, args) => {
        const m = check.messages[id];
        return m ? localise(m, locale, args) : id;
      },
      report: (r) => {
        const sev = resolveSeverity(check, r.severity ?? check.severity, options.severities);
        if (sev === 'off') return;
        if (suppressed?.(check.id, r.start)) return;
        findings.push(makeFinding(check, r, locale, sev));
      },
    };
    try {
      check.run(ctx);
    } catch (e) {
      internalErrors.push({ rule: check.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { model, profile, profileMatched, findings, suppressions, internalErrors };
}

/** What the model needs to know of the profiles: the words and endings of report titles. */
function modelOptions(options: AnalyseOptions): ModelOptions {
  const extra = options.extraProfiles ?? [];
  return { year: options.year, titleEndings: titleEndings(extra), titleWords: titleWords(extra) };
}

export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  return analyseModel(buildModel(text, modelOptions(options)), options);
}

export { checks } from './checks';
export { buildModel } from './model';
export type { Profile } from './profile';
