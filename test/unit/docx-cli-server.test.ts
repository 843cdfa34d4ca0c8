// Word documents through the command line (a folder with good and unreadable Word files) and through the language
// server (the read-only Markdown view of a .docx, its diagnostics with Word places, the background check).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { docxBytes } from './docx-build';
import { startServer, type LspSession } from '../lsp-client';

const repo = join(__dirname, '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const run = (args: string[], cwd = repo) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const cell = (text: string) => new TableCell({ children: [p(text)] });

let dir: string;
before(async () => {
  if (!existsSync(cli) || !existsSync(join(repo, 'dist', 'docx-worker.js'))) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'report-lint-docx-'));
  const report = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: '某县人民政府关于2022年度法治政府建设情况的报告', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '一、2022年度推进法治政府建设的主要举措和成效', heading: HeadingLevel.HEADING_1 }),
          p('全年受理行政复议案件437件，办结434件，办结率97.3%。'),
          new Table({
            rows: [
              new TableRow({ children: [cell('单位'), cell('受理（件）'), cell('办结（件）'), cell('办结率')] }),
              new TableRow({ children: [cell('县本级'), cell('200'), cell('190'), cell('90%')] }),
              new TableRow({ children: [cell('甲镇'), cell('215'), cell('210'), cell('97.67%')] }),
            ],
          }),
          new Paragraph({ text: '二、存在的不足和原因', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '三、2023年度推进法治政府建设的主要安排', heading: HeadingLevel.HEADING_1 }),
        ],
      },
    ],
  });
  writeFileSync(join(dir, '报告.docx'), await docxBytes(report));
  writeFileSync(join(dir, '~$报告.docx'), Buffer.from('owner file of an open document'));
  writeFileSync(join(dir, '损坏.docx'), Buffer.from('PK\x03\x04 not really a zip'));
  const doc = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(doc);
  Buffer.from('WordDocument', 'utf16le').copy(doc, 1024);
  writeFileSync(join(dir, '旧版.doc'), doc);
  writeFileSync(join(dir, '说明.md'), '# 某县2022年度法治政府建设情况报告\n\n全年受理100件，办结90件，办结率95%。\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('command line on a folder of Word files', () => {
  test('findings point into Word; unreadable files are named and the others still checked (exit 2)', () => {
    const r = run([dir]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /损坏\.docx: .*(damaged|not a Word document)/);
    assert.match(r.stderr, /旧版\.doc: .*\.doc/);
    assert.ok(!r.stderr.includes('~$'), 'Word owner files are not documents');
    const lines = r.stdout.split('\n');
    const rate = lines.find((l) => l.includes('rate-mismatch') && l.includes('报告.docx'));
    assert.ok(rate, r.stdout);
    assert.match(rate!, /报告\.docx:第3段  错误  rate-mismatch  .*“…办结434件，办结率97\.3%。”$/);
    const table = lines.find((l) => l.includes('table-total') && l.includes('报告.docx'));
    assert.match(table ?? '', /报告\.docx:表1第2行第4列（第\d+段）/, r.stdout);
    assert.ok(lines.some((l) => l.startsWith('说明.md:') || l.includes('/说明.md:')), 'the Markdown file is checked too');
  });

  test('JSON carries the Word place and quote of each finding', () => {
    const r = run(['--format', 'json', join(dir, '报告.docx')]);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    const f = out.files[0];
    assert.equal(f.format, 'docx');
    const rate = f.findings.find((x: { rule: string }) => x.rule === 'rate-mismatch');
    assert.deepEqual(rate.word, { paragraph: 3, quote: '…办结434件，办结率97.3%。' });
    const tbl = f.findings.find((x: { rule: string }) => x.rule === 'table-total');
    assert.equal(tbl.word.table, 1);
    assert.equal(tbl.word.row, 2);
    assert.equal(tbl.word.cell, 4);
    assert.equal(tbl.word.quote, '90%');
  });
});

describe('language server: the Markdown view of a .docx', () => {
  let s: LspSession;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());
  const view = (name: string) => `report-lint-docx:${pathToFileURL(join(dir, name)).pathname}.md`;

  test('the view’s text, its diagnostics with Word places, no fixes in the read-only view', async () => {
    const uri = view('报告.docx');
    const md = await s.request<{ text?: string; error?: string; warnings?: string[] }>('report-lint/docxMarkdown', { uri });
    assert.equal(md.error, undefined);
    assert.ok(md.text!.startsWith('# 某县人民政府关于2022年度法治政府建设情况的报告'), md.text);
    s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: md.text } });
    const items = (await s.request<{ items: { code: string; message: string; data?: { fixes: unknown[] } }[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
    const rate = items.find((d) => d.code === 'rate-mismatch');
    assert.ok(rate, JSON.stringify(items));
    assert.match(rate!.message, /（Word：第3段）$/);
    assert.ok(items.some((d) => d.code === 'table-total' && /（Word：表1第2行第4列（第\d+段））$/.test(d.message)));
    assert.ok(items.every((d) => !d.data || d.data.fixes.length === 0), 'no fixes offered in the read-only view');
    const actions = await s.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    const symbols = await s.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.some((x) => x.name.startsWith('一、')), JSON.stringify(symbols));
    s.notify('textDocument/didClose', { textDocument: { uri } });
  });

  test('an unreadable .docx says why, naming the file; the background check covers Word files', async () => {
    const bad = await s.request<{ text?: string; error?: string }>('report-lint/docxMarkdown', { uri: view('损坏.docx') });
    assert.match(bad.error ?? '', /损坏\.docx: /);
    const res = await s.request<{ uri: string; diagnostics: { code: string }[] }[]>('report-lint/checkFiles', { uris: [view('报告.docx'), view('损坏.docx')] });
    assert.equal(res.length, 1);
    assert.equal(res[0]!.uri, view('报告.docx'));
    assert.ok(res[0]!.diagnostics.some((d) => d.code === 'rate-mismatch'));
  });
});
