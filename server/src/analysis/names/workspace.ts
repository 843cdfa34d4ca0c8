// The workspace names file (.report-lint/names.json): validation of entries (also used on the built-in data by the
// data tests), reading the file with size guards, and merging it with the built-in data.
import { NAME_KINDS, builtinNames, type AllowEntry, type NameEntry, type NameForm, type NamesData } from './model';

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_FORM = 200;
const MAX_WORKSPACE_ENTRIES = 2000;

export interface LoadedNames {
  entries: NameEntry[];
  allow: AllowEntry[];
  errors: string[];
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/**
 * Validates one entry (built-in or workspace). Returns problems as short phrases. `requireTests`: built-in data must
 * carry tests; a workspace file may omit them.
 */
export function validateEntry(e: unknown, requireTests: boolean): string[] {
  const errs: string[] = [];
  if (!e || typeof e !== 'object' || Array.isArray(e)) return ['not an object / 不是对象'];
  const o = e as Record<string, unknown>;
  if (typeof o.id !== 'string' || !ID_RE.test(o.id)) errs.push('"id" must be kebab-case text / "id" 须为小写字母、数字和连字符');
  if (typeof o.kind !== 'string' || !(NAME_KINDS as readonly string[]).includes(o.kind))
    errs.push(`"kind" must be one of ${NAME_KINDS.join(', ')} / "kind" 取值无效`);
  if (!Array.isArray(o.old) || o.old.length === 0) errs.push('"old" must be a non-empty array / "old" 须为非空数组');
  else
    o.old.forEach((f, i) => {
      const text = typeof f === 'string' ? f : f && typeof f === 'object' ? (f as NameForm).text : undefined;
      if (typeof text !== 'string' || text.trim().length < 2) errs.push(`"old"[${i}] must be a name of at least 2 characters / "old"[${i}] 至少两个字`);
      else if (text.length > MAX_FORM) errs.push(`"old"[${i}] is too long / "old"[${i}] 过长`);
      if (f && typeof f === 'object') {
        const ff = f as unknown as Record<string, unknown>;
        for (const g of ['notPrecededBy', 'notFollowedBy'])
          if (ff[g] !== undefined && !isStringArray(ff[g])) errs.push(`"old"[${i}].${g} must be an array of strings / 须为字符串数组`);
        if (ff.new !== undefined && typeof ff.new !== 'string') errs.push(`"old"[${i}].new must be text / 须为文本`);
        for (const k of Object.keys(ff))
          if (!['text', 'new', 'notPrecededBy', 'notFollowedBy'].includes(k)) errs.push(`"old"[${i}]: unknown field "${k}" / 未知字段`);
      }
    });
  if (typeof o.new !== 'string' || !o.new.trim()) errs.push('"new" must be text / "new" 须为文本');
  if (typeof o.effective !== 'string' || !DATE_RE.test(o.effective) || Number.isNaN(Date.parse(o.effective)))
    errs.push('"effective" must be a date YYYY-MM-DD / "effective" 须为 YYYY-MM-DD 日期');
  if (o.settled !== undefined && (typeof o.settled !== 'string' || !DATE_RE.test(o.settled) || Number.isNaN(Date.parse(o.settled)) || (typeof o.effective === 'string' && o.settled < o.effective)))
    errs.push('"settled" must be a date YYYY-MM-DD on or after "effective" / "settled" 须为不早于 "effective" 的日期');
  if (o.effectivePrecision !== undefined && !['day', 'month', 'year'].includes(o.effectivePrecision as string))
    errs.push('"effectivePrecision" must be day, month or year');
  if (o.period !== undefined) {
    const p = o.period;
    if (!Array.isArray(p) || p.length !== 2 || !p.every((x) => Number.isInteger(x)) || (p[0] as number) > (p[1] as number))
      errs.push('"period" must be [startYear, endYear] / "period" 须为 [起始年, 结束年]');
  }
  if (o.localVariants !== undefined && !isStringArray(o.localVariants)) errs.push('"localVariants" must be an array of strings');
  if (typeof o.source !== 'string' || !o.source.trim()) errs.push('"source" must cite where the change is documented / "source" 须注明依据');
  if (!['high', 'medium', 'low'].includes(o.confidence as string)) errs.push('"confidence" must be high, medium or low');
  if (o.note !== undefined && typeof o.note !== 'string') errs.push('"note" must be text');
  if (o.severity !== undefined && !['warning', 'info'].includes(o.severity as string)) errs.push('"severity" must be warning or info');
  if (o.noFix !== undefined && typeof o.noFix !== 'boolean') errs.push('"noFix" must be true or false');
  if (o.tests !== undefined || requireTests) {
    const t = o.tests as Record<string, unknown> | undefined;
    if (!t || typeof t !== 'object' || !isStringArray(t.flag) || !isStringArray(t.pass))
      errs.push('"tests" must be {"flag": [sentences], "pass": [sentences]}');
    else if (requireTests && (t.flag.length === 0 || t.pass.length === 0)) errs.push('"tests" needs at least one "flag" and one "pass" sentence');
  }
  const known = ['id', 'kind', 'old', 'new', 'effective', 'effectivePrecision', 'settled', 'period', 'localVariants', 'source', 'confidence', 'note', 'severity', 'noFix', 'tests'];
  for (const k of Object.keys(o)) if (!known.includes(k)) errs.push(`unknown field "${k}" / 未知字段 "${k}"`);
  return errs;
}

export function validateAllow(a: unknown): string[] {
  const errs: string[] = [];
  if (!a || typeof a !== 'object' || Array.isArray(a)) return ['not an object / 不是对象'];
  const o = a as Record<string, unknown>;
  if (typeof o.id !== 'string' || !ID_RE.test(o.id)) errs.push('"id" must be kebab-case text');
  if (!isStringArray(o.names) || o.names.length === 0 || o.names.some((n) => n.trim().length < 2))
    errs.push('"names" must be a non-empty array of names (2+ characters)');
  if (typeof o.source !== 'string' || !o.source.trim()) errs.push('"source" must be text');
  return errs;
}

/**
 * Reads a workspace names file (`.report-lint/names.json`): `{ "entries": [...], "allow": [...] }` or a bare array
 * of entries. Patterns are literal strings (no regular expressions), so nothing a user writes can make matching slow.
 * Invalid entries are skipped with an error naming the file, the entry and the problem; the caller keeps the
 * built-in data either way.
 */
export function loadNamesFile(text: string, fileName: string): LoadedNames {
  const errors: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { entries: [], allow: [], errors: [`${fileName}: 不是有效的 JSON / not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  let rawEntries: unknown[] = [];
  let rawAllow: unknown[] = [];
  if (Array.isArray(json)) rawEntries = json;
  else if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (o.entries !== undefined && !Array.isArray(o.entries)) errors.push(`${fileName}: "entries" 须为数组 / must be an array`);
    else rawEntries = (o.entries as unknown[] | undefined) ?? [];
    if (o.allow !== undefined && !Array.isArray(o.allow)) errors.push(`${fileName}: "allow" 须为数组 / must be an array`);
    else rawAllow = (o.allow as unknown[] | undefined) ?? [];
    for (const k of Object.keys(o))
      if (!['entries', 'allow', 'version', '$schema', '$comment'].includes(k)) errors.push(`${fileName}: 未知字段 / unknown field "${k}"`);
  } else {
    return { entries: [], allow: [], errors: [`${fileName}: 须为对象或数组 / must be an object or an array`] };
  }
  // Size guard: a workspace file must not be able to make matching slow.
  if (rawEntries.length > MAX_WORKSPACE_ENTRIES) {
    errors.push(`${fileName}: 条目过多（${rawEntries.length} 条，上限 ${MAX_WORKSPACE_ENTRIES}），只读取前 ${MAX_WORKSPACE_ENTRIES} 条 / too many entries; only the first ${MAX_WORKSPACE_ENTRIES} are read`);
    rawEntries = rawEntries.slice(0, MAX_WORKSPACE_ENTRIES);
  }
  const entries: NameEntry[] = [];
  const ids = new Set<string>(builtinNames.entries.map((e) => e.id));
  rawEntries.forEach((e, i) => {
    const label = `${fileName}: entries[${i}]${e && typeof e === 'object' && typeof (e as NameEntry).id === 'string' ? ` (${(e as NameEntry).id})` : ''}`;
    const errs = validateEntry(e, false);
    const id = (e as NameEntry | undefined)?.id;
    if (!errs.length && ids.has(id!)) errs.push(`id "${id}" is already used / id 重复`);
    if (errs.length) {
      for (const m of errs) errors.push(`${label}: ${m}`);
      return;
    }
    ids.add(id!);
    entries.push(e as NameEntry);
  });
  const allow: AllowEntry[] = [];
  rawAllow.forEach((a, i) => {
    const errs = validateAllow(a);
    if (errs.length) for (const m of errs) errors.push(`${fileName}: allow[${i}]: ${m}`);
    else allow.push(a as AllowEntry);
  });
  return { entries, allow, errors };
}

const mergedCache = new WeakMap<NameEntry[], WeakMap<AllowEntry[], NamesData>>();

/** Built-in data plus workspace entries (workspace entries come first so that they win on equal names). */
export function withWorkspaceNames(entries: NameEntry[] = [], allow: AllowEntry[] = []): NamesData {
  if (!entries.length && !allow.length) return builtinNames;
  let byAllow = mergedCache.get(entries);
  if (!byAllow) mergedCache.set(entries, (byAllow = new WeakMap()));
  let d = byAllow.get(allow);
  if (!d) {
    d = { version: 1, entries: [...entries, ...builtinNames.entries], allow: [...allow, ...builtinNames.allow] };
    byAllow.set(allow, d);
  }
  return d;
}
