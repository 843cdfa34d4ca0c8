// Empty Markdown tables from a table schema, for the skeleton command: the template's rows and columns in order,
// every number cell blank. Pure data → text; nothing here knows a particular report type.
import type { TableColumn, TableRow, TableSchema } from '../profile';

const cellText = (s: string) => s.replace(/\|/g, '\\|');

function rowTitle(r: TableRow): string {
  return r.title ?? r.label[0] ?? r.id;
}

function columnTitle(c: TableColumn): string {
  return c.title ?? c.label[0] ?? c.id;
}

/** The columns a row has number cells in (all non-optional columns by default). */
function rowColumns(t: TableSchema, r: TableRow): TableColumn[] {
  const cols = (t.columns ?? []).filter((c) => !c.optional);
  return r.cells ? cols.filter((c) => r.cells!.includes(c.id)) : cols;
}

function pipeTable(corner: string, columns: TableColumn[], rows: { title: string; numbers: boolean }[]): string[] {
  const out = [`| ${[corner, ...columns.map(columnTitle)].map(cellText).join(' | ')} |`, `| --- |${columns.map(() => ' ---: |').join('')}`];
  for (const r of rows) out.push(`| ${cellText(r.title)} |${columns.map(() => '  |').join('')}`);
  return out;
}

/**
 * The schema as Markdown. Rows that share the same cells make one table; when the rows of different groups have
 * different cells (a table made of blocks with their own headers), each block becomes a small table under its
 * group's caption. Label-only group heads stay as rows (with blank cells) unless their members' texts repeat them.
 */
export function renderTable(t: TableSchema): string {
  const rows = t.rows ?? [];
  const data = rows.filter((r) => !r.optional);
  const key = (r: TableRow) => rowColumns(t, r).map((c) => c.id).join(',');
  const uniform = new Set(data.map(key)).size <= 1;
  const corner = t.corner ?? '';
  const lines: string[] = [];
  const heads = new Map(rows.map((r) => [r.id, r] as const));
  const repeatsHead = (r: TableRow) => rows.some((m) => m.group === r.id) && rows.filter((m) => m.group === r.id).every((m) => rowTitle(m).includes(rowTitle(r)));
  if (uniform) {
    const cols = data.length ? rowColumns(t, data[0]!) : (t.columns ?? []).filter((c) => !c.optional);
    const shown = rows.filter((r) => !r.optional || !repeatsHead(r)).map((r) => ({ title: rowTitle(r), numbers: !r.optional }));
    lines.push(...pipeTable(corner, cols, shown));
    return lines.join('\n');
  }
  // Blocks: a group head and its members (members without a group stand alone).
  const blocks: { caption?: string; rows: TableRow[] }[] = [];
  for (const r of rows) {
    if (r.optional && rows.some((m) => m.group === r.id)) {
      blocks.push({ caption: rowTitle(r), rows: [] });
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (r.group && last && last.caption === rowTitle(heads.get(r.group) ?? r)) last.rows.push(r);
    else blocks.push({ rows: [r] });
  }
  for (const b of blocks) {
    if (!b.rows.length) continue;
    if (lines.length) lines.push('');
    if (b.caption) lines.push(b.caption, '');
    lines.push(...pipeTable(corner, rowColumns(t, b.rows[0]!), b.rows.map((r) => ({ title: rowTitle(r), numbers: true }))));
  }
  return lines.join('\n');
}
