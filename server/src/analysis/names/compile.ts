// The compiled form of a names data set: every old, allowed and protecting name keyed and put into one automaton,
// the guards and dates parsed, and the look-ups that follow a replacement through later entries. Compiled once per
// data set (the built-in data, or the built-in data with a workspace's entries).
import { simplify } from '../text/simplify';
import { AhoCorasick } from './automaton';
import { toKey } from './key';
import { parseDate, type NameEntry, type NameForm, type NamesData } from './model';

/** A key in the automaton: an old name (form), an allowed name, or a current name that protects what it contains. */
export interface Pattern {
  key: string;
  type: 'form' | 'allow' | 'protect';
  entry: number;
  form: number;
}

export interface CompiledNames {
  data: NamesData;
  ac: AhoCorasick;
  patterns: Pattern[];
  /** Key of a form → [entry index, form index] (exact whole-name look-up, used to follow replacement chains). */
  formsByKey: Map<string, [number, number]>;
  /** Parsed effective dates. */
  dates: { year: number; month: number; day: number }[];
  /** Parsed `settled` dates (undefined: settled at once). */
  settled: ({ year: number; month: number; day: number } | undefined)[];
  /** The forms of each entry as written in the data. */
  forms: NameForm[][];
  /** Guards of each form in simplified characters; whether the form is a 《title》. */
  guards: { before: string[]; after: string[]; title: boolean }[][];
  /** resolveTarget by entry, form and year (the data does not change once compiled). */
  targets: Map<string, { text: string; entry: NameEntry; entryIndex: number } | undefined>;
  /** Matching keys of replacement texts. */
  keys: Map<string, string>;
  /** Automaton states at which an old name (a pattern of type 'form') ends. */
  formStates: Uint8Array;
}

/** A pattern found on a line: key range [a, b). */
export type Match = { p: Pattern; a: number; b: number };

const compiledCache = new WeakMap<NamesData, CompiledNames>();

export function compileNames(data: NamesData): CompiledNames {
  const hit = compiledCache.get(data);
  if (hit) return hit;
  const ac = new AhoCorasick();
  const patterns: Pattern[] = [];
  const formsByKey = new Map<string, [number, number]>();
  const forms: NameForm[][] = [];
  const guards: CompiledNames['guards'] = [];
  const add = (text: string, type: Pattern['type'], entry: number, form: number) => {
    const key = toKey(simplify(text)).key;
    if (!key) return;
    ac.add(key, patterns.length);
    patterns.push({ key, type, entry, form });
    return key;
  };
  data.entries.forEach((e, ei) => {
    const fs: NameForm[] = e.old.map((f) => (typeof f === 'string' ? { text: f } : f));
    forms.push(fs);
    guards.push(
      fs.map((f) => ({
        before: (f.notPrecededBy ?? []).map((g) => toKey(simplify(g)).key).filter(Boolean),
        after: (f.notFollowedBy ?? []).map((g) => toKey(simplify(g)).key).filter(Boolean),
        title: toKey(simplify(f.text)).key.startsWith('《'),
      })),
    );
    fs.forEach((f, fi) => {
      const key = add(f.text, 'form', ei, fi);
      if (key && !formsByKey.has(key)) formsByKey.set(key, [ei, fi]);
    });
  });
  // Current names protect the old names they contain (文化广电旅游局 contains 旅游局) — unless the current name is
  // itself outdated later (“七五”普法规划, the successor of “六五”, contains the later-outdated 七五普法).
  const dates = data.entries.map((e) => parseDate(e.effective));
  const ord = (d: { year: number; month: number; day: number }) => d.year * 10000 + d.month * 100 + d.day;
  const formKeys = patterns.filter((p) => p.type === 'form');
  data.entries.forEach((e, ei) => {
    for (const n of new Set([e.new, ...(e.localVariants ?? []), ...forms[ei]!.map((f) => f.new ?? '')])) {
      if (!n) continue;
      const key = toKey(simplify(n)).key;
      const laterOld = formKeys.some((p) => p.entry !== ei && ord(dates[p.entry]!) > ord(dates[ei]!) && key.includes(p.key));
      if (!laterOld) add(n, 'protect', ei, -1);
    }
  });
  data.allow.forEach((a, ai) => a.names.forEach((n) => add(n, 'allow', ai, -1)));
  ac.build();
  const formStates = ac.flagStates((id) => patterns[id]!.type === 'form');
  const settled = data.entries.map((e) => (e.settled ? parseDate(e.settled) : undefined));
  const compiled: CompiledNames = { data, ac, patterns, formsByKey, dates, settled, forms, guards, targets: new Map(), keys: new Map(), formStates };
  compiledCache.set(data, compiled);
  return compiled;
}

/** Matching key of a replacement text (memoised per data set). */
export function keyOfText(c: CompiledNames, text: string): string {
  let k = c.keys.get(text);
  if (k === undefined) c.keys.set(text, (k = toKey(simplify(text)).key));
  return k;
}

/** Whether an entry applies in a report year (undefined year: unknown). */
export function appliesIn(c: CompiledNames, entryIndex: number, year: number | undefined): boolean {
  if (year === undefined) return true;
  return year >= c.dates[entryIndex]!.year;
}

/** The replacement text of a form in a report year, following chains (2018年版 → 2019年版 → 2020年版 …). */
export function resolveTarget(
  c: CompiledNames,
  entryIndex: number,
  formIndex: number,
  year: number | undefined,
): { text: string; entry: NameEntry; entryIndex: number } | undefined {
  const memo = `${entryIndex} ${formIndex} ${year}`;
  if (c.targets.has(memo)) return c.targets.get(memo);
  const target = followTarget(c, entryIndex, formIndex, year);
  c.targets.set(memo, target);
  return target;
}

function followTarget(
  c: CompiledNames,
  entryIndex: number,
  formIndex: number,
  year: number | undefined,
): { text: string; entry: NameEntry; entryIndex: number } | undefined {
  let ei = entryIndex;
  let entry = c.data.entries[ei]!;
  let text = c.forms[ei]![formIndex]!.new ?? entry.new;
  if (entry.noFix) return undefined;
  for (let hop = 0; hop < 6; hop++) {
    const next = c.formsByKey.get(keyOfText(c, text));
    if (!next || next[0] === ei) break;
    const [nei, nfi] = next;
    const ne = c.data.entries[nei]!;
    if (ne.noFix || year === undefined || !appliesIn(c, nei, year)) break;
    ei = nei;
    entry = ne;
    text = c.forms[nei]![nfi]!.new ?? ne.new;
  }
  return { text, entry, entryIndex: ei };
}
