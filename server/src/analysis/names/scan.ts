// The scan: all occurrences of old names in the lines of a model, longest match first, never overlapping, with
// allowed and current names removed, and with the reason when the use is historical.
//
// A scan first keys all lines at once (key characters only, line-keys.ts) and runs the automaton over them; only the
// few lines that contain an old name are keyed again with source offsets and judged in context, each name in
// O(log n).
import { lineTable } from '../text/lines';
import type { ReportModel } from '../types';
import { compileNames, keyOfText, resolveTarget, type CompiledNames, type Match } from './compile';
import { PLAN_CURRENT_BY_FIRST, historyReason } from './history';
import { keySpan, toKey } from './key';
import { LineContext } from './line-context';
import { spanKeyCodes } from './line-keys';
import { builtinNames, kindGroup, type NameEntry, type NameForm, type NamesData } from './model';
import { SpanSet } from './spans';

/** One occurrence of an old name in the text, with its context already judged. */
export interface NameHit {
  entry: NameEntry;
  entryIndex: number;
  form: NameForm;
  /** Source offsets of the match in model.text. */
  start: number;
  end: number;
  /** Index into model.lines. */
  line: number;
  /** Why the occurrence is historical or otherwise not a current use (undefined: a current use). */
  history?: string;
  /** The range was widened to the 《 and/or 》 around a name written without them in the data. */
  wrapped?: { open: boolean; close: boolean };
}

function guardsPass(key: string, a: number, b: number, g: { before: string[]; after: string[] }): boolean {
  for (const x of g.before) if (a >= x.length && key.startsWith(x, a - x.length)) return false;
  for (const x of g.after) if (key.startsWith(x, b)) return false;
  return true;
}

export interface ScanInput {
  text: string;
  norm: string;
  lines: ReportModel['lines'];
}

const scanCache = new WeakMap<object, Map<NamesData, NameHit[]>>();

/**
 * The old names on one key line that are candidates: every form match that passes its guards, overlaps no allowed
 * name and lies inside no longer current name; then leftmost-longest and never overlapping.
 */
function candidates(c: CompiledNames, key: string): Match[] {
  const all: Match[] = [];
  c.ac.search(key, (id, end) => {
    const p = c.patterns[id]!;
    all.push({ p, a: end - p.key.length, b: end });
  });
  const blockers = new SpanSet(all.filter((m) => m.p.type === 'allow'));
  const protectors = new SpanSet(all.filter((m) => m.p.type === 'protect'));
  const forms = all.filter((m) => {
    if (m.p.type !== 'form') return false;
    if (!guardsPass(key, m.a, m.b, c.guards[m.p.entry]![m.p.form]!)) return false;
    if (blockers.overlaps(m.a, m.b)) return false;
    if (protectors.containsLonger(m.a, m.b)) return false;
    return true;
  });
  // Leftmost-longest, non-overlapping.
  forms.sort((x, y) => x.a - y.a || y.b - y.a - (x.b - x.a));
  const longer = new SpanSet(forms);
  const chosen: Match[] = [];
  for (const m of forms) {
    if (longer.containsLonger(m.a, m.b)) continue;
    const last = chosen[chosen.length - 1];
    if (last && m.a < last.b) continue;
    chosen.push(m);
  }
  return chosen;
}

/** The hits of one line that contains an old name, judged in the context of the line. */
function scanLine(c: CompiledNames, model: ScanInput, li: number, hits: NameHit[]): void {
  const line = model.lines[li]!;
  const k = toKey(model.norm.slice(line.start, line.end));
  const key = k.key;
  const ctx = new LineContext(key, PLAN_CURRENT_BY_FIRST);
  const forms = candidates(c, key);
  const plans = forms.filter((m) => kindGroup(c.data.entries[m.p.entry]!.kind) === 'plan');
  let prev: { b: number; history?: string } | undefined;
  for (const m of forms) {
    const entry = c.data.entries[m.p.entry]!;
    const form = c.forms[m.p.entry]![m.p.form]!;
    const target = resolveTarget(c, m.p.entry, m.p.form, undefined);
    const targetKey = target ? keyOfText(c, target.text) : undefined;
    const title = c.guards[m.p.entry]![m.p.form]!.title;
    // A bare title (纲要（2021－2025年）) inside 《…》 is reported with its brackets, and is then a title itself.
    let a = m.a;
    let b = m.b;
    let wrapped: NameHit['wrapped'];
    if (!title && key[a - 1] === '《' && (key[b] === '》' || m.p.key.includes('》'))) {
      const close = key[b] === '》' && !m.p.key.includes('》');
      wrapped = { open: true, close };
      a--;
      if (close) b++;
    }
    const history = historyReason(ctx, a, b, entry, title || !!wrapped, c.dates[m.p.entry]!, prev, plans, targetKey);
    const span = keySpan(k, a, b);
    const hit: NameHit = { entry, entryIndex: m.p.entry, form, start: line.start + span.start, end: line.start + span.end, line: li, history };
    if (wrapped) hit.wrapped = wrapped;
    hits.push(hit);
    prev = { b, history };
  }
}

/**
 * All occurrences of old names in the lines of a model, longest match first, never overlapping, with allowed and
 * current names removed, and with the reason when the use is historical.
 *
 * The keys of all lines are built in one pass over the text and searched by one automaton; the context of a match
 * (guards, overlaps, history) is looked at only on the few lines that contain an old name.
 */
export function scanNames(model: ScanInput, data: NamesData = builtinNames): NameHit[] {
  let perData = scanCache.get(model);
  if (!perData) scanCache.set(model, (perData = new Map()));
  const cached = perData.get(data);
  if (cached) return cached;
  const c = compileNames(data);
  const hits: NameHit[] = [];
  const table = lineTable(model.lines);
  const count = table.count;
  // Fast path: the keys of all lines in one pass, searched for the end of an old name. Only the lines that have one
  // are keyed again with source offsets and looked at in context.
  const keys = spanKeyCodes(model.norm, table.start, table.end, count);
  const withName: number[] = [];
  for (let li = 0; li < count; li++) if (c.ac.reaches(keys.codes, keys.from[li]!, keys.to[li]!, c.formStates)) withName.push(li);
  for (const li of withName) scanLine(c, model, li, hits);
  perData.set(data, hits);
  return hits;
}
