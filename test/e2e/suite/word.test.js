// A Word draft in the real editor: opening the .docx shows its read-only Markdown view, with diagnostics, the outline
// and the 报告结构 view, without a conversion step; 转换为 Markdown 草稿 writes name.md beside it.
'use strict';

const assert = require('node:assert/strict');
const vscode = require('vscode');
const { codeOf, ours, waitForDiagnostics, pollUntil, workspaceUri, extensionApi, note } = require('./helpers');

// Written by test/e2e/run.mjs: headings by Word's automatic numbering, a wrong rate, no first-responsibility part.
const WORD_REPORT = '某县2022年度法治政府建设情况报告.docx';
const LANG = vscode.env.language.toLowerCase().startsWith('en') ? 'en' : 'zh';
const FIRST_RESPONSIBLE = { zh: '第一责任人', en: 'first-responsibility' }[LANG];
const WORD_PLACE = { zh: /（Word：第\d+段）$/, en: /\(Word: paragraph \d+\)$/ }[LANG];

const viewOf = (file) => file.with({ scheme: 'report-lint-docx', path: file.path + '.md' });

suite('Word drafts (.docx)', () => {
  test('(g) opening a .docx shows its Markdown view with diagnostics, outline and the 报告结构 view', async () => {
    const file = workspaceUri('word', WORD_REPORT);
    const view = viewOf(file);
    await vscode.commands.executeCommand('vscode.open', file);
    const editor = await pollUntil(
      async () => {
        const e = vscode.window.activeTextEditor;
        return e && e.document.uri.toString() === view.toString() ? e : undefined;
      },
      'the Markdown view of the .docx to become the active editor',
      { timeout: 60_000, describe: () => String(vscode.window.activeTextEditor?.document.uri) },
    );
    assert.equal(editor.document.languageId, 'markdown');
    assert.ok(editor.document.getText().includes('一、2022年度推进法治政府建设的主要举措和成效'), 'Word numbering is written out');

    const diagnostics = await waitForDiagnostics(
      view,
      (ds) => ours(ds).some((d) => codeOf(d) === 'rate-mismatch') && ours(ds).some((d) => codeOf(d) === 'missing-section' && d.message.includes(FIRST_RESPONSIBLE)),
      'rate-mismatch and missing-section diagnostics on the Word view',
    );
    const rate = ours(diagnostics).find((d) => codeOf(d) === 'rate-mismatch');
    assert.match(rate.message, WORD_PLACE, 'the message says where the text is in Word');
    note(`${ours(diagnostics).length} diagnostics on the Word view; ${rate.message}`);

    const symbols = await pollUntil(
      async () => {
        try {
          const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', view);
          return s && s.some((x) => x.name.startsWith('一、')) ? s : undefined;
        } catch {
          return undefined;
        }
      },
      'outline symbols of the Word view',
      { timeout: 30_000 },
    );
    note(`outline: ${symbols.map((s) => s.name).join(' | ')}`);

    const api = await extensionApi();
    const shown = await pollUntil(
      async () => {
        const s = api.shownStructure();
        return s && s.uri === view.toString() && s.sections.length >= 3 ? s : undefined;
      },
      'the 报告结构 view showing the Word document',
      { timeout: 30_000, describe: () => JSON.stringify(api.shownStructure()?.uri) },
    );
    assert.deepEqual(
      shown.sections.map((s) => s.name.slice(0, 2)),
      ['一、', '二、', '三、'],
    );
    const first = shown.checklist.find((c) => c.key === 'first-responsibility');
    assert.equal(first && first.state, 'missing');
    note(`报告结构: ${shown.sections.map((s) => s.name).join(' | ')}`);
  });

  test('(h) 转换为 Markdown 草稿 writes name.md beside the .docx, with the same findings', async () => {
    const file = workspaceUri('word', WORD_REPORT);
    const target = workspaceUri('word', WORD_REPORT.replace(/\.docx$/, '.md'));
    await vscode.commands.executeCommand('report-lint.convertDocx', file);
    const doc = await pollUntil(
      async () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()),
      `${target.path} to be written and opened`,
      { timeout: 30_000 },
    );
    const view = await vscode.workspace.openTextDocument(viewOf(file));
    assert.equal(doc.getText(), view.getText());
    const ds = await waitForDiagnostics(target, (d) => ours(d).some((x) => codeOf(x) === 'rate-mismatch'), 'rate-mismatch on the Markdown draft');
    assert.ok(ours(ds).every((d) => !WORD_PLACE.test(d.message)), 'the draft is an ordinary Markdown file');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(target);
  });
});
