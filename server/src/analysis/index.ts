// The pure language service: text in, model and findings out. No editor or LSP imports.
import type { AnalyseOptions, Finding, Locale, ReportModel, Severity } from './types';
import { buildModel } from './model';
import { selectProfile, type Profile } from './profile';
import { checks } from './checks';
import { localise, makeFinding, type CheckContext, type CheckDef } from './check';
import { isSuppressed, parseSuppressions, type Suppression } from './suppressions';

export interface Analysis {
  model: ReportModel;
  profile: Profile;
  findings: Finding[];
  suppressions: Suppression[];
  /** Checks that threw (the rest still ran). */
  internalErrors: { rule: string; error: string }[];
}

export function resolveSeverity(check: CheckDef, requested: Severity, overrides?: Record<string, Severity | 'off'>): Severity | 'off' {
  const o = overrides?.[check.id];
  if (o === 'off') return 'off';
  if (!o) return requested;
  // An override sets the rule's severity, but a finding the check itself marks as info stays info
  // (it is a hint by nature: a weaker reading, a pre-2019 report, a truncation).
  return requested === 'info' && check.severity !== 'info' ? 'info' : o;
}

export function analyseModel(model: ReportModel, options: AnalyseOptions = {}): Analysis {
  const locale: Locale = options.locale ?? 'zh';
  const titleNorm = model.title ? model.norm.slice(model.title.start, model.title.end) : undefined;
  const profile = selectProfile(titleNorm, options.profile, options.extraProfiles);
  const suppressions = parseSuppressions(model);
  const findings: Finding[] = [];
  const internalErrors: Analysis['internalErrors'] = [];
  for (const check of checks) {
    if (options.severities?.[check.id] === 'off') continue;
    const ctx: CheckContext = {
      model,
      profile,
      locale,
      names: options.names,
      msg: (id, args) => {
        const m = check.messages[id];
        return m ? localise(m, locale, args) : id;
      },
      report: (r) => {
        const sev = resolveSeverity(check, r.severity ?? check.severity, options.severities);
        if (sev === 'off') return;
        if (suppressions.length && isSuppressed(suppressions, check.id, r.start)) return;
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
  return { model, profile, findings, suppressions, internalErrors };
}

export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  return analyseModel(buildModel(text, { year: options.year }), options);
}

export { checks } from './checks';
export { buildModel } from './model';
export type { Profile } from './profile';
