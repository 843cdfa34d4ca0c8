// Validation of the table schemas and the other genre data of a profile (editions, deadlines, the words of the date
// checks, figures). Used for workspace profiles (.report-lint/profiles.json) and, in the tests, for the built-in
// ones. Every problem names the path inside the profile and says what was expected, in Chinese and English.
import { normalise } from '../normalise';
import { ID_RE, parseIdentity, parseSum, refKey, type Ref } from './expr';

const MAX_TABLES = 20;
const MAX_ROWS = 300;
const MAX_COLUMNS = 60;
const MAX_IDENTITIES = 200;
const MAX_FIGURES = 100;
const MAX_WORDS = 200;
const MAX_WORD = 60;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLocalText = (v: unknown) => isObj(v) && typeof v.zh === 'string' && typeof v.en === 'string';
const isYear = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200;
const isStrings = (v: unknown, max = MAX_WORDS) =>
  Array.isArray(v) && v.length <= max && v.every((w) => typeof w === 'string' && w.length > 0 && w.length <= MAX_WORD);
const isWordGroups = (v: unknown) => Array.isArray(v) && v.length > 0 && v.length <= MAX_WORDS && v.every((g) => isStrings(g, 20) && (g as string[]).length > 0);

/** The normalised, space-free form that label texts must be written in (labels are compared after normalisation). */
export function labelForm(s: string): string {
  return normalise(s).norm.replace(/\s+/g, '');
}

function checkStrings(errs: string[], v: unknown, where: string, what = '字符串数组 (an array of strings)') {
  if (v !== undefined && !isStrings(v)) errs.push(`${where}: 应为${what}，每项 1–${MAX_WORD} 个字符`);
}

/** Problems with the tables of a profile (empty when sound). */
export function validateTables(tables: unknown, where: string, partKeys: Set<string>, editionIds: Set<string>): string[] {
  const errs: string[] = [];
  if (tables === undefined) return errs;
  if (!Array.isArray(tables) || tables.length > MAX_TABLES) return [`${where}.tables: 应为数组，最多 ${MAX_TABLES} 个表格 (expected an array of at most ${MAX_TABLES} tables)`];
  const tableIds = new Set<string>();
  tables.forEach((t: unknown, ti: number) => {
    const w = `${where}.tables[${ti}]`;
    if (!isObj(t)) return void errs.push(`${w}: 应为对象 (expected an object)`);
    if (typeof t.id !== 'string' || !ID_RE.test(t.id)) errs.push(`${w}.id: 应为小写短横线标识，如 "requests" (expected a kebab-case id)`);
    else if (tableIds.has(t.id)) errs.push(`${w}.id: 重复的 "${t.id}" (duplicate)`);
    else tableIds.add(t.id);
    if (!isLocalText(t.name)) errs.push(`${w}.name: 应为 {"zh": "…", "en": "…"} (expected {zh, en})`);
    if (!isWordGroups(t.match)) errs.push(`${w}.match: 应为词组数组，如 [["申请人情况"], ["自然人", "总计"]] (expected word groups)`);
    if (t.part !== undefined && (typeof t.part !== 'string' || !partKeys.has(t.part))) errs.push(`${w}.part: 应为本报告类型某一部分的 key，收到 ${JSON.stringify(t.part)} (expected the key of one of the profile's parts)`);
    if (t.edition !== undefined && (typeof t.edition !== 'string' || !editionIds.has(t.edition))) errs.push(`${w}.edition: 应为 editions 中某一版本的 id，收到 ${JSON.stringify(t.edition)} (expected an edition id)`);
    if (t.corner !== undefined && typeof t.corner !== 'string') errs.push(`${w}.corner: 应为字符串 (expected a string)`);
    errs.push(...tableBody(t, w));
  });
  return errs;
}

/** Rows, columns and identities of one table. */
function tableBody(t: Obj, w: string): string[] {
  const errs: string[] = [];
  const rows = t.rows;
  const cols = t.columns;
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > MAX_ROWS) errs.push(`${w}.rows: 应为非空数组，最多 ${MAX_ROWS} 行 (expected a non-empty array of at most ${MAX_ROWS} rows)`);
  if (!Array.isArray(cols) || cols.length === 0 || cols.length > MAX_COLUMNS) errs.push(`${w}.columns: 应为非空数组，最多 ${MAX_COLUMNS} 列 (expected a non-empty array of at most ${MAX_COLUMNS} columns)`);
  if (errs.length) return errs;
  const rowIds = new Set<string>();
  const colIds = new Set<string>();
  const seen = new Set<string>();
  const item = (x: unknown, wi: string, ids: Set<string>) => {
    if (!isObj(x)) return void errs.push(`${wi}: 应为对象 (expected an object)`);
    if (typeof x.id !== 'string' || !ID_RE.test(x.id)) errs.push(`${wi}.id: 应为小写短横线标识 (expected a kebab-case id)`);
    else if (seen.has(x.id)) errs.push(`${wi}.id: "${x.id}" 在本表的行和列中重复使用 (used twice among the table's rows and columns)`);
    else {
      seen.add(x.id);
      ids.add(x.id);
    }
    if (!Array.isArray(x.label) || x.label.length === 0 || x.label.length > 20) errs.push(`${wi}.label: 应为非空字符串数组 (expected a non-empty array of label texts)`);
    else
      for (const l of x.label) {
        if (typeof l !== 'string' || !l || l.length > 120) errs.push(`${wi}.label: 标签应为 1–120 个字符的字符串 (expected strings of 1–120 characters)`);
        else if (labelForm(l) !== l)
          errs.push(`${wi}.label: "${l}" 应写成规范化形式 "${labelForm(l)}"（半角括号和标点、简体字、无空格），否则无法匹配 (write labels in normalised form: ASCII brackets, simplified characters, no spaces)`);
      }
    if (x.title !== undefined && typeof x.title !== 'string') errs.push(`${wi}.title: 应为字符串 (expected a string)`);
    for (const k of ['optional', 'decimal', 'signed'])
      if (x[k] !== undefined && typeof x[k] !== 'boolean') errs.push(`${wi}.${k}: 应为 true 或 false (expected a boolean)`);
  };
  (rows as unknown[]).forEach((r, i) => item(r, `${w}.rows[${i}]`, rowIds));
  (cols as unknown[]).forEach((c, i) => item(c, `${w}.columns[${i}]`, colIds));
  (rows as Obj[]).forEach((r, i) => {
    if (!isObj(r)) return;
    if (r.group !== undefined && (typeof r.group !== 'string' || !rowIds.has(r.group) || r.group === r.id)) errs.push(`${w}.rows[${i}].group: 未知的行 ${JSON.stringify(r.group)} (unknown row group)`);
    if (r.cells !== undefined) {
      if (!Array.isArray(r.cells) || r.cells.length === 0) errs.push(`${w}.rows[${i}].cells: 应为列 id 的非空数组 (expected a non-empty array of column ids)`);
      else for (const c of r.cells) if (typeof c !== 'string' || !colIds.has(c)) errs.push(`${w}.rows[${i}].cells: 未知的列 ${JSON.stringify(c)} (unknown column)`);
    }
  });
  (cols as Obj[]).forEach((c, i) => {
    if (isObj(c) && c.group !== undefined && (typeof c.group !== 'string' || !colIds.has(c.group) || c.group === c.id)) errs.push(`${w}.columns[${i}].group: 未知的列 ${JSON.stringify(c.group)} (unknown column group)`);
  });
  const ids = t.identities;
  if (ids === undefined) return errs;
  if (!Array.isArray(ids) || ids.length > MAX_IDENTITIES) return [...errs, `${w}.identities: 应为数组，最多 ${MAX_IDENTITIES} 项 (expected an array of at most ${MAX_IDENTITIES})`];
  const identityIds = new Set<string>();
  const rowCells = (r: Obj) => (Array.isArray(r.cells) ? (r.cells as string[]) : [...colIds]);
  ids.forEach((ident: unknown, k: number) => {
    const wi = `${w}.identities[${k}]`;
    if (!isObj(ident)) return void errs.push(`${wi}: 应为对象 (expected an object)`);
    if (typeof ident.id !== 'string' || !ID_RE.test(ident.id)) errs.push(`${wi}.id: 应为小写短横线标识 (expected a kebab-case id)`);
    else if (identityIds.has(ident.id)) errs.push(`${wi}.id: 重复的 "${ident.id}" (duplicate identity id)`);
    else identityIds.add(ident.id);
    if (ident.description !== undefined && !isLocalText(ident.description)) errs.push(`${wi}.description: 应为 {"zh": "…", "en": "…"}`);
    const parsed = typeof ident.expr === 'string' ? parseIdentity(ident.expr) : '应为字符串 (expected a string)';
    if (typeof parsed === 'string') return void errs.push(`${wi}.expr: ${parsed}`);
    const refs = [...parsed.left, ...parsed.right];
    const bare = refs.filter((r): r is Extract<Ref, { kind: 'id' }> => r.kind === 'id');
    const cells = refs.filter((r): r is Extract<Ref, { kind: 'cell' }> => r.kind === 'cell');
    if (bare.length && cells.length) errs.push(`${wi}.expr: 不能混用 id 与 行:列 单元格引用 (mixes bare ids and row:col cells)`);
    for (const c of cells) {
      if (!rowIds.has(c.row)) errs.push(`${wi}.expr: 未知的行 "${c.row}" (unknown row "${c.row}")`);
      if (!colIds.has(c.col)) errs.push(`${wi}.expr: 未知的列 "${c.col}" (unknown column "${c.col}")`);
    }
    for (const b of bare) if (!rowIds.has(b.id) && !colIds.has(b.id)) errs.push(`${wi}.expr: 未知的 id "${b.id}" (unknown id "${b.id}")`);
    const kinds = new Set(bare.map((b) => (rowIds.has(b.id) ? 'row' : colIds.has(b.id) ? 'col' : 'unknown')));
    if (kinds.has('row') && kinds.has('col')) errs.push(`${wi}.expr: 不能混用行 id 与列 id (mixes row ids and column ids)`);
    if (new Set(refs.map(refKey)).size !== refs.length) errs.push(`${wi}.expr: 同一项出现两次 (an id occurs twice)`);
    if (kinds.size === 1 && kinds.has('col')) {
      const needed = bare.map((b) => b.id);
      if (!(rows as Obj[]).some((r) => isObj(r) && needed.every((c) => rowCells(r).includes(c)))) errs.push(`${wi}.expr: 没有哪一行在这些列中都有单元格 (no row has cells in all of its columns)`);
    }
  });
  return errs;
}

/** Problems with the genre fields of a profile other than its tables. */
export function validateGenreFields(o: Obj, where: string): string[] {
  const errs: string[] = [];
  const detect = o.detect;
  if (isObj(detect)) {
    checkStrings(errs, detect.titleEndsWith, `${where}.detect.titleEndsWith`);
    checkStrings(errs, detect.titleExcludes, `${where}.detect.titleExcludes`);
    if (detect.opening !== undefined && !isWordGroups(detect.opening)) errs.push(`${where}.detect.opening: 应为词组数组，如 [["政府信息公开工作", "年度报告"]] (expected word groups)`);
  }
  for (const k of ['skeletonTitle', 'skeletonIntro'])
    if (o[k] !== undefined && typeof o[k] !== 'string') errs.push(`${where}.${k}: 应为字符串 (expected a string)`);
  const editionIds = new Set<string>();
  if (o.editions !== undefined) {
    if (!Array.isArray(o.editions) || o.editions.length > 20) errs.push(`${where}.editions: 应为数组，最多 20 项 (expected an array of at most 20)`);
    else
      o.editions.forEach((e: unknown, i: number) => {
        const w = `${where}.editions[${i}]`;
        if (!isObj(e)) return void errs.push(`${w}: 应为对象 (expected an object)`);
        if (typeof e.id !== 'string' || !e.id) errs.push(`${w}.id: 缺少 (missing)`);
        else if (editionIds.has(e.id)) errs.push(`${w}.id: 重复的 "${e.id}" (duplicate)`);
        else editionIds.add(e.id);
        for (const k of ['fromYear', 'toYear']) if (e[k] !== undefined && !isYear(e[k])) errs.push(`${w}.${k}: 应为年份整数 (expected a year)`);
        if (!isLocalText(e.name)) errs.push(`${w}.name: 应为 {"zh": "…", "en": "…"}`);
        if (e.regulation !== undefined && !isLocalText(e.regulation)) errs.push(`${w}.regulation: 应为 {"zh": "…", "en": "…"}`);
        checkStrings(errs, e.cites, `${w}.cites`);
      });
  }
  if (o.deadlines !== undefined) {
    if (!Array.isArray(o.deadlines) || o.deadlines.length > 20) errs.push(`${where}.deadlines: 应为数组，最多 20 项 (expected an array of at most 20)`);
    else
      o.deadlines.forEach((d: unknown, i: number) => {
        const w = `${where}.deadlines[${i}]`;
        if (!isObj(d)) return void errs.push(`${w}: 应为对象 (expected an object)`);
        if (typeof d.month !== 'number' || !Number.isInteger(d.month) || d.month < 1 || d.month > 12) errs.push(`${w}.month: 应为 1–12 (expected 1–12)`);
        if (typeof d.day !== 'number' || !Number.isInteger(d.day) || d.day < 1 || d.day > 31) errs.push(`${w}.day: 应为 1–31 (expected 1–31)`);
        if (!isLocalText(d.label)) errs.push(`${w}.label: 应为 {"zh": "…", "en": "…"}`);
        if (d.kind !== undefined && d.kind !== 'government' && d.kind !== 'department') errs.push(`${w}.kind: 应为 "government" 或 "department"`);
        for (const k of ['fromYear', 'toYear']) if (d[k] !== undefined && !isYear(d[k])) errs.push(`${w}.${k}: 应为年份整数 (expected a year)`);
        if (d.source !== undefined && typeof d.source !== 'string') errs.push(`${w}.source: 应为字符串 (expected a string)`);
      });
  }
  for (const [k, subs] of [['yearStatements', ['subjects', 'period']], ['headingYearWords', ['report', 'next']]] as const) {
    const v = o[k];
    if (v === undefined) continue;
    if (!isObj(v)) errs.push(`${where}.${k}: 应为对象 (expected an object)`);
    else for (const s of subs) checkStrings(errs, v[s], `${where}.${k}.${s}`);
  }
  checkStrings(errs, o.figureExclude, `${where}.figureExclude`);
  return errs;
}

/** Problems with a profile's figures (they reference its tables). */
export function validateFigures(o: Obj, where: string): string[] {
  const errs: string[] = [];
  if (o.figures === undefined) return errs;
  if (!Array.isArray(o.figures) || o.figures.length > MAX_FIGURES) return [`${where}.figures: 应为数组，最多 ${MAX_FIGURES} 项 (expected an array of at most ${MAX_FIGURES})`];
  const tables = new Map<string, { rows: Set<string>; cols: Set<string> }>();
  if (Array.isArray(o.tables))
    for (const t of o.tables as Obj[])
      if (isObj(t) && typeof t.id === 'string')
        tables.set(t.id, {
          rows: new Set((Array.isArray(t.rows) ? t.rows : []).map((r: Obj) => r?.id as string)),
          cols: new Set((Array.isArray(t.columns) ? t.columns : []).map((c: Obj) => c?.id as string)),
        });
  const ids = new Set<string>();
  o.figures.forEach((f: unknown, i: number) => {
    const w = `${where}.figures[${i}]`;
    if (!isObj(f)) return void errs.push(`${w}: 应为对象 (expected an object)`);
    if (typeof f.id !== 'string' || !ID_RE.test(f.id)) errs.push(`${w}.id: 应为小写短横线标识 (expected a kebab-case id)`);
    else if (ids.has(f.id)) errs.push(`${w}.id: 重复的 "${f.id}" (duplicate)`);
    else ids.add(f.id);
    if (!isLocalText(f.name)) errs.push(`${w}.name: 应为 {"zh": "…", "en": "…"}`);
    if (!isWordGroups(f.words)) errs.push(`${w}.words: 应为词组数组，如 [["收到", "申请"]] (expected word groups)`);
    checkStrings(errs, f.exclude, `${w}.exclude`);
    checkStrings(errs, f.units, `${w}.units`);
    if (f.table === undefined && f.cells === undefined) return;
    const t = typeof f.table === 'string' ? tables.get(f.table) : undefined;
    if (!t) return void errs.push(`${w}.table: 应为本报告类型某一表格的 id，收到 ${JSON.stringify(f.table)} (expected the id of one of the profile's tables)`);
    if (!Array.isArray(f.cells) || f.cells.length === 0 || f.cells.length > 10) return void errs.push(`${w}.cells: 应为 1–10 个求和表达式，如 ["new:total"] (expected 1–10 sum expressions of row:column cells)`);
    for (const e of f.cells) {
      const refs = typeof e === 'string' && e.length <= 4000 ? parseSum(e) : '应为字符串 (expected a string)';
      if (typeof refs === 'string') {
        errs.push(`${w}.cells: ${refs}`);
        continue;
      }
      for (const r of refs) {
        if (r.kind !== 'cell') errs.push(`${w}.cells: "${r.id}" 应写成 行:列 (expected row:column cells)`);
        else {
          if (!t.rows.has(r.row)) errs.push(`${w}.cells: 表格 ${String(f.table)} 中没有行 "${r.row}" (unknown row)`);
          if (!t.cols.has(r.col)) errs.push(`${w}.cells: 表格 ${String(f.table)} 中没有列 "${r.col}" (unknown column)`);
        }
      }
    }
  });
  return errs;
}

/** All genre data of a profile object: the single hook of the profile validator. */
export function validateProfileData(o: Obj, where: string): string[] {
  const partKeys = new Set(Array.isArray(o.parts) ? (o.parts as Obj[]).map((p) => (isObj(p) ? (p.key as string) : '')) : []);
  const editionIds = new Set(Array.isArray(o.editions) ? (o.editions as Obj[]).map((e) => (isObj(e) ? (e.id as string) : '')) : []);
  return [...validateGenreFields(o, where), ...validateTables(o.tables, where, partKeys, editionIds), ...validateFigures(o, where)];
}
