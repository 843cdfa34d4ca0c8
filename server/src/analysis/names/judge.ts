// The judgement: which hits of the scan are findings in the model's report year, at what severity, with which
// current name and quick fix. Both name checks read the verdicts of one model once.
import type { ReportModel, Severity, TextEdit } from '../types';
import { appliesIn, compileNames, resolveTarget } from './compile';
import { builtinNames, kindGroup, type NameEntry, type NamesData } from './model';
import { renderReplacement } from './restyle';
import { scanNames, type NameHit } from './scan';

export interface NameVerdict {
  hit: NameHit;
  severity: Severity;
  /** The change took effect late in the report year (last three months): a hint only. */
  late: boolean;
  /** No report year known. */
  noYear: boolean;
  /** The change had not yet reached every place in the report year (see NameEntry.settled): a hint only. */
  unsettled: boolean;
  /** Resolved current name (after following chains), in simplified characters and canonical style. */
  target?: string;
  /** The entry whose data the target comes from (the end of the chain). */
  targetEntry: NameEntry;
  /** Quick-fix edit and the whole replaced name as it will read, in the document's style and script. */
  fix?: { edit: TextEdit; display: string };
}

/** Decide which hits are findings in the model's report year. */
export function judgeNames(model: ReportModel, data: NamesData = builtinNames): NameVerdict[] {
  const c = compileNames(data);
  const year = model.reportYear?.value;
  const out: NameVerdict[] = [];
  for (const hit of scanNames(model, data)) {
    if (hit.history) continue;
    if (!appliesIn(c, hit.entryIndex, year)) continue;
    const d = c.dates[hit.entryIndex]!;
    const entry = hit.entry;
    const late = year !== undefined && year === d.year && d.month >= 10 && (entry.effectivePrecision ?? 'day') !== 'year';
    const base: Severity = entry.severity ?? (entry.confidence === 'high' ? 'warning' : 'info');
    const noYear = year === undefined;
    const settled = c.settled[hit.entryIndex];
    const unsettled = year !== undefined && !!settled && (year < settled.year || (year === settled.year && settled.month >= 10));
    // A mis-cited title is wrong whatever the year; everything else needs the year to be certain.
    const severity: Severity = late || unsettled || (noYear && kindGroup(entry.kind) !== 'miscited') ? 'info' : base;
    const formIndex = c.forms[hit.entryIndex]!.indexOf(hit.form);
    const target = resolveTarget(c, hit.entryIndex, formIndex, year);
    let text = target?.text;
    if (text && hit.wrapped) {
      if (hit.wrapped.open && !text.startsWith('《')) text = '《' + text;
      if (hit.wrapped.close && !text.endsWith('》')) text += '》';
    }
    const v: NameVerdict = { hit, severity, late, noYear, unsettled, targetEntry: target?.entry ?? entry, target: text };
    if (text) v.fix = renderReplacement(model, hit.start, hit.end, text);
    out.push(v);
  }
  return out;
}

/**
 * The names data of a check run: built-in data, plus workspace entries when the framework put them on the context
 * (`names`, built with withWorkspaceNames from `.report-lint/names.json`).
 */
export function namesOf(ctx: { model: ReportModel }): NamesData {
  return (ctx as { names?: NamesData }).names ?? builtinNames;
}

const verdictCache = new WeakMap<ReportModel, Map<NamesData, NameVerdict[]>>();

/** judgeNames, computed once per model and data set (both checks use it). */
export function verdictsOf(model: ReportModel, data: NamesData): NameVerdict[] {
  let m = verdictCache.get(model);
  if (!m) verdictCache.set(model, (m = new Map()));
  let v = m.get(data);
  if (!v) m.set(data, (v = judgeNames(model, data)));
  return v;
}

