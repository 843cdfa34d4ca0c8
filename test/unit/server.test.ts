// The language server over stdio, as an editor drives it: pull diagnostics, code actions from diagnostic data,
// document symbols, the structure request, hover, settings and locale.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, type LspSession } from '../lsp-client';
import { SAMPLE_REPORT } from '../sample-report';

const repo = join(__dirname, '..', '..');
type Diag = { code: string; message: string; severity: number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; data?: unknown };
type Action = { title: string; kind: string; edit?: { changes: Record<string, { range: Diag['range']; newText: string }[]> } };

const REPORT = SAMPLE_REPORT;

let s: LspSession;
before(async () => {
  if (!existsSync(join(repo, 'dist', 'server.js'))) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo });
  s = await startServer();
});
after(() => s.close());

const open = (uri: string, text: string, version = 1) =>
  s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
const diagnostics = async (uri: string) => (await s.request<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;

describe('language server', () => {
  test('pull diagnostics with codes, severities and fix data', async () => {
    open('file:///t/a.md', REPORT);
    const items = await diagnostics('file:///t/a.md');
    const codes = items.map((d) => d.code).sort();
    assert.deepEqual(codes, ['heading-numbering', 'missing-section']);
    const miss = items.find((d) => d.code === 'missing-section')!;
    assert.equal(miss.severity, 1);
    assert.equal(miss.range.start.line, 0);
    assert.match(miss.message, /第一责任人/);
  });

  test('code actions come from the diagnostic data and insert the heading only', async () => {
    const items = await diagnostics('file:///t/a.md');
    const miss = items.find((d) => d.code === 'missing-section')!;
    const actions = await s.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri: 'file:///t/a.md' },
      range: miss.range,
      context: { diagnostics: [miss] },
    });
    const insert = actions.find((a) => a.title.startsWith('插入'))!;
    const edits = insert.edit!.changes['file:///t/a.md']!;
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.range.start, edits[0]!.range.end, 'an insertion');
    assert.deepEqual(edits[0]!.range.start, { line: 5, character: 0 });
    assert.equal(edits[0]!.newText, '三、2022年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n');
    assert.ok(actions.some((a) => a.title.startsWith('在此处忽略此检查')));
  });

  test('incremental edits: the diagnostic follows the text', async () => {
    s.notify('textDocument/didChange', {
      textDocument: { uri: 'file:///t/a.md', version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } }, text: '（二）' }],
    });
    const items = await diagnostics('file:///t/a.md');
    assert.deepEqual(items.map((d) => d.code), ['missing-section']);
  });

  test('stale fix data (another version) gives no edit', async () => {
    const items = await diagnostics('file:///t/a.md');
    const miss = { ...items[0]!, data: { fixes: [{ title: 'x', edits: [] }], version: 1 } };
    const actions = await s.request<Action[]>('textDocument/codeAction', { textDocument: { uri: 'file:///t/a.md' }, range: miss.range, context: { diagnostics: [miss] } });
    assert.ok(!actions.some((a) => a.title === 'x'));
  });

  test('document symbols show the Chinese-numbered plain-text headings, nested', async () => {
    const syms = await s.request<{ name: string; children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///t/a.md' } });
    assert.deepEqual(syms.map((x) => x.name), ['一、主要工作开展情况', '二、存在的问题', '三、2023年工作打算']);
    assert.deepEqual(syms[0]!.children.map((x) => x.name), ['（一）加强组织领导', '（二）推进严格规范公正文明执法']);
  });

  test('the structure request: checklist and sections', async () => {
    const r = await s.request<{ reportYear: number; profile: { id: string }; checklist: { key: string; state: string }[]; sections: unknown[] }>('report-lint/structure', { uri: 'file:///t/a.md' });
    assert.equal(r.reportYear, 2022);
    assert.equal(r.profile.id, 'fzzf-annual');
    assert.deepEqual(Object.fromEntries(r.checklist.map((c) => [c.key, c.state])), {
      measures: 'heading',
      shortcomings: 'heading',
      'first-responsibility': 'missing',
      'next-year-plan': 'heading',
      other: 'missing',
    });
    assert.equal(r.sections.length, 3);
  });

  test('hover explains the finding', async () => {
    const h = await s.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: 'file:///t/a.md' }, position: { line: 0, character: 3 } });
    assert.ok(h && /缺少必备部分/.test(h.contents.value));
  });

  test('fix all applies only the safe fixes', async () => {
    open('file:///t/b.md', REPORT);
    const edits = await s.request<{ newText: string }[]>('report-lint/fixAll', { uri: 'file:///t/b.md' });
    assert.deepEqual(edits.map((e) => e.newText), ['（二）']);
  });

  test('never crashes on odd input', async () => {
    const odd = ['', '\u0000\uffff\ud800', '#'.repeat(10000), '一、'.repeat(5000), '《'.repeat(3000) + '\n'.repeat(3000), '| a | b |\n|---|---|\n| 1 | 2 |'];
    for (const [i, text] of odd.entries()) {
      open(`file:///t/odd${i}.md`, text);
      const items = await diagnostics(`file:///t/odd${i}.md`);
      assert.ok(Array.isArray(items));
    }
  });
});

describe('language server settings and locale', () => {
  test('English UI, a rule turned off, and a bad setting value falls back', async () => {
    const en = await startServer({ locale: 'en', settings: { severity: { 'heading-numbering': 'off', 'missing-section': 'bogus' }, year: 'abc' } });
    try {
      en.notify('textDocument/didOpen', { textDocument: { uri: 'file:///t/e.md', languageId: 'markdown', version: 1, text: REPORT } });
      const items = (await en.request<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///t/e.md' } })).items;
      assert.deepEqual(items.map((d) => d.code), ['missing-section']);
      assert.match(items[0]!.message, /^Missing mandatory part/);
      assert.equal(items[0]!.severity, 1, 'the invalid severity value is ignored');
    } finally {
      await en.close();
    }
  });
});

describe('workspace files and workspace trust', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rl-ws-'));
  mkdirSync(join(dir, '.report-lint'));
  writeFileSync(
    join(dir, '.report-lint', 'names.json'),
    JSON.stringify({
      entries: [
        { id: 'local-bureau', kind: 'institution_renamed', old: ['某县百鸟观察站'], new: '某县生态观测中心', effective: '2019-03-01', source: '某县机构改革方案', confidence: 'high' },
      ],
    }),
  );
  const text = '# 某县2023年度法治政府建设情况报告\n\n某县百鸟观察站完成了审批改革。\n';
  const run = async (trusted: boolean) => {
    const s = await startServer({ rootUri: pathToFileURL(dir).toString(), initializationOptions: { trusted } });
    try {
      s.notify('textDocument/didOpen', { textDocument: { uri: 'file:///t/w.md', languageId: 'markdown', version: 1, text } });
      // The workspace files are read on `initialized`; ask until the answer is stable.
      return (await s.request<{ items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///t/w.md' } })).items.map((d) => d.code);
    } finally {
      await s.close();
    }
  };
  test('a trusted workspace adds its own renamed bodies', async () => {
    assert.ok((await run(true)).includes('outdated-name'));
  });
  test('an untrusted workspace uses only the built-in data', async () => {
    assert.ok(!(await run(false)).includes('outdated-name'));
  });
});
