// The editor experience of the installed extension, checked through VS Code's own API inside the extension host.
'use strict';

const assert = require('node:assert/strict');
const { performance } = require('node:perf_hooks');
const vscode = require('vscode');
const {
  codeOf,
  ours,
  describeDiagnostics,
  waitForDiagnostics,
  pollUntil,
  workspaceUri,
  openSeed,
  extensionApi,
  revertAndClose,
  note,
} = require('./helpers');

const JIALING = '001-jialing-2021.md';
const YITONG = '003-yitong-2020.md';
// The part of the report on 党政主要负责人履行推进法治建设第一责任人职责; headings in the document are Chinese whatever
// the display language.
const FIRST_RESPONSIBLE = '第一责任人';
// Messages and quick-fix titles follow VS Code's display language (vscode.env.language). code-server has no Chinese
// language pack offline, so it runs in English; desktop VS Code with the zh-hans pack runs in Chinese.
const LANG = vscode.env.language.toLowerCase().startsWith('en') ? 'en' : 'zh';
const WORDS = {
  zh: { firstResponsible: '第一责任人', insert: '插入' },
  en: { firstResponsible: 'first-responsibility', insert: 'Insert' },
}[LANG];

const isMissingFirstResponsible = (d) =>
  codeOf(d) === 'missing-section' && d.message.includes(WORDS.firstResponsible);

/** Lines that read as headings: Markdown ATX headings or Chinese numbered headings (一、 / （一） / (一)). */
function headingLines(text) {
  return text
    .split(/\r?\n/)
    .filter((line) => /^\s{0,3}#{1,6}\s/.test(line) || /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/.test(line));
}

/** The code actions at `range` with their edits resolved; an empty list when VS Code cancelled the request. */
async function codeActionsAt(uri, range) {
  try {
    return (
      (await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        uri,
        range,
        vscode.CodeActionKind.QuickFix.value,
        50, // resolve up to 50 actions, so that lazily resolved edits are filled in
      )) || []
    );
  } catch (err) {
    if (err && (err.name === 'Canceled' || err.message === 'Canceled')) return [];
    throw err;
  }
}

/** The document symbols of `uri`; an empty list when VS Code cancelled the request. */
async function documentSymbols(uri) {
  try {
    return (await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri)) || [];
  } catch (err) {
    if (err && (err.name === 'Canceled' || err.message === 'Canceled')) return [];
    throw err;
  }
}

function flattenSymbols(symbols, depth = 0, out = []) {
  for (const s of symbols || []) {
    out.push({ symbol: s, depth });
    if (s.children) flattenSymbols(s.children, depth + 1, out);
  }
  return out;
}

suite('report-lint in VS Code', () => {
  suiteSetup(async function () {
    // Activation is lazy (onLanguage:markdown); opening a seed below triggers it. Fail early and clearly if the
    // packaged extension is not there at all.
    assert.ok(vscode.extensions.getExtension('report-lint.report-lint'), 'report-lint.report-lint is not installed');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('(a) a missing mandatory section is reported on the title line', async () => {
    const { uri } = await openSeed(JIALING);
    const diagnostics = await waitForDiagnostics(
      uri,
      (ds) => ours(ds).some(isMissingFirstResponsible),
      `a report-lint missing-section diagnostic mentioning ${WORDS.firstResponsible}`,
    );
    const d = ours(diagnostics).find(isMissingFirstResponsible);
    assert.equal(d.source, 'report-lint');
    assert.equal(d.range.start.line, 0, `expected the diagnostic on line 0 (the title), got\n${describeDiagnostics([d])}`);
    note(`${ours(diagnostics).length} report-lint diagnostics; ${d.message}`);
  });

  test('(b) the quick fix inserts the missing section and the diagnostic disappears', async () => {
    const { uri, document } = await openSeed(JIALING);
    try {
      const before = await waitForDiagnostics(
        uri,
        (ds) => ours(ds).some(isMissingFirstResponsible),
        `the missing-section diagnostic for ${FIRST_RESPONSIBLE}`,
      );
      const diagnostic = ours(before).find(isMissingFirstResponsible);
      const headingsBefore = headingLines(document.getText()).filter((l) => l.includes(FIRST_RESPONSIBLE)).length;

      // Polled: the provider may not be ready yet, and VS Code cancels the whole request when any code action
      // provider for Markdown (also the built-in ones) reports a cancellation.
      let offered = [];
      const fix = await pollUntil(
        async () => {
          offered = await codeActionsAt(uri, diagnostic.range);
          const inserts = offered.filter(
            (a) => a.title.includes(WORDS.insert) && (!a.kind || vscode.CodeActionKind.QuickFix.contains(a.kind)),
          );
          const forThisPart = (a) =>
            a.title.includes(FIRST_RESPONSIBLE) || (a.diagnostics || []).some((d) => d.message === diagnostic.message);
          return inserts.find(forThisPart) || (inserts.length === 1 ? inserts[0] : undefined);
        },
        `a quick fix titled ${WORDS.insert}… for ${FIRST_RESPONSIBLE}`,
        { timeout: 30_000, describe: () => `code actions offered:\n${offered.map((a) => `  ${a.title}`).join('\n') || '  (none)'}` },
      );
      note(`applying: ${fix.title}`);
      if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the edit');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));
      assert.ok(fix.edit || fix.command, 'the quick fix has neither an edit nor a command');

      const inserted = headingLines(document.getText()).filter((l) => l.includes(FIRST_RESPONSIBLE));
      assert.ok(
        inserted.length > headingsBefore,
        `expected a new heading containing ${FIRST_RESPONSIBLE}; headings now:\n${headingLines(document.getText()).join('\n')}`,
      );
      note(`inserted heading: ${inserted[inserted.length - 1].trim()}`);

      await waitForDiagnostics(
        uri,
        (ds) => !ours(ds).some(isMissingFirstResponsible),
        `the missing-section diagnostic for ${FIRST_RESPONSIBLE} to disappear`,
        15_000,
      );
    } finally {
      await revertAndClose(document);
    }
  });

  test('(c) outline of plain-text Chinese numbering, and getStructure() from the API', async () => {
    const { uri } = await openSeed(YITONG);
    const describe = (symbols) =>
      flattenSymbols(symbols)
        .map(({ symbol, depth }) => `${'  '.repeat(depth)}${symbol.name}`)
        .join('\n') || '(none)';
    const topHeading = /^[一二三四五六七八九十]+、/;
    const subHeading = /^[（(][一二三四五六七八九十]+[）)]/;
    const hasNested = (symbols) => {
      const flat = flattenSymbols(symbols).map((x) => x.symbol);
      // DocumentSymbol carries children; SymbolInformation carries containerName instead.
      const nested = flat.some(
        (s) => topHeading.test(s.name) && (s.children || []).some((c) => subHeading.test(c.name)),
      );
      const contained = flat.some((s) => subHeading.test(s.name) && topHeading.test(s.containerName || ''));
      return flat.some((s) => s.name.startsWith('一、')) && (nested || contained);
    };
    const symbols = await pollUntil(
      async () => {
        const result = await documentSymbols(uri);
        return hasNested(result) ? result : undefined;
      },
      'document symbols with 一、 and nested （一）',
      {
        timeout: 60_000,
        describe: () => '(see the symbols below)',
      },
    ).catch(async (err) => {
      const result = await documentSymbols(uri);
      err.message += `\nsymbols:\n${describe(result)}`;
      throw err;
    });
    note(`${flattenSymbols(symbols).length} symbols, top level: ${symbols.map((s) => s.name).join(' | ').slice(0, 160)}`);

    const api = await extensionApi();
    assert.ok(api && typeof api.getStructure === 'function', 'the extension exports no getStructure(uri)');
    const structure = await api.getStructure(uri);
    assert.ok(structure && Array.isArray(structure.sections), 'getStructure(uri).sections is not an array');
    assert.ok(structure.sections.length > 0, 'getStructure(uri).sections is empty');
    assert.ok(Array.isArray(structure.checklist), 'getStructure(uri).checklist is not an array');
    for (const item of structure.checklist) {
      assert.equal(typeof item.key, 'string', `checklist item without a key: ${JSON.stringify(item)}`);
      assert.equal(typeof item.present, 'boolean', `checklist item without present: ${JSON.stringify(item)}`);
    }
    assert.ok(
      structure.checklist.some((item) => item.key === 'first-responsibility'),
      `no checklist item 'first-responsibility'; keys: ${structure.checklist.map((i) => i.key).join(', ')}`,
    );
    note(
      `getStructure: ${structure.sections.length} top-level sections; checklist ${structure.checklist
        .map((i) => `${i.key}=${i.present ? 'yes' : 'no'}`)
        .join(', ')}`,
    );
  });

  test('(d) a wrong rate is reported, and the report clears within 1 s of the correction', async () => {
    const uri = workspaceUri('e2e-rate-check.md');
    const content = '# 某县2023年度法治政府建设情况报告\n\n全年受理437件，办结434件，办结率97.3%。\n';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    try {
      const diagnostics = await waitForDiagnostics(
        uri,
        (ds) => ours(ds).some((d) => codeOf(d) === 'rate-mismatch'),
        'a rate-mismatch diagnostic',
      );
      note(ours(diagnostics).find((d) => codeOf(d) === 'rate-mismatch').message);

      const at = document.getText().indexOf('97.3%');
      const range = new vscode.Range(document.positionAt(at), document.positionAt(at + '97.3'.length));
      const start = performance.now();
      assert.ok(await editor.edit((b) => b.replace(range, '99.3')), 'the edit was not applied');
      await waitForDiagnostics(
        uri,
        (ds) => !ours(ds).some((d) => codeOf(d) === 'rate-mismatch'),
        'the rate-mismatch diagnostic to disappear',
        10_000,
      );
      const elapsed = performance.now() - start;
      note(`rate-mismatch cleared ${elapsed.toFixed(0)} ms after the edit`);
      assert.ok(elapsed <= 1000, `the rate-mismatch diagnostic took ${elapsed.toFixed(0)} ms to clear (limit 1000 ms)`);
    } finally {
      await revertAndClose(document);
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('(e) settings apply without a restart: a rule turned off, the message language, a malformed value', async () => {
    const config = () => vscode.workspace.getConfiguration('report-lint');
    const { uri } = await openSeed(JIALING);
    const hasMissing = (ds) => ours(ds).some((d) => codeOf(d) === 'missing-section');
    await waitForDiagnostics(uri, hasMissing, 'missing-section before the settings change');
    try {
      await config().update('severity', { 'missing-section': 'off' }, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, (ds) => !hasMissing(ds) && ours(ds).length > 0, 'missing-section turned off, other checks still on', 15_000);
      await config().update('severity', undefined, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, hasMissing, 'missing-section back on', 15_000);

      const other = LANG === 'en' ? 'zh' : 'en';
      const marker = other === 'zh' ? '缺少必备部分' : 'Missing mandatory part';
      await config().update('locale', other, vscode.ConfigurationTarget.Global);
      const switched = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'missing-section' && d.message.includes(marker)), `messages in ${other}`, 30_000);
      note(`after report-lint.locale=${other}: ${ours(switched).find((d) => codeOf(d) === 'missing-section').message.slice(0, 60)}`);
      await config().update('locale', undefined, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, (ds) => ours(ds).some(isMissingFirstResponsible), 'messages back in the display language', 30_000);

      // A malformed value: the server warns and keeps checking with the default.
      await config().update('year', 'not a year', vscode.ConfigurationTarget.Global);
      const api = await extensionApi();
      const structure = await pollUntil(async () => {
        const s = await api.getStructure(uri);
        return s && s.reportYear === 2021 ? s : undefined;
      }, 'the report year detected despite the malformed setting', { timeout: 15_000 });
      assert.equal(structure.reportYear, 2021);
      await waitForDiagnostics(uri, hasMissing, 'diagnostics still there with a malformed setting', 15_000);
    } finally {
      await config().update('severity', undefined, vscode.ConfigurationTarget.Global);
      await config().update('locale', undefined, vscode.ConfigurationTarget.Global);
      await config().update('year', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('(f) when the language server dies, the client restarts it and diagnostics come back', async () => {
    const api = await extensionApi();
    const { uri, document } = await openSeed(JIALING);
    await waitForDiagnostics(uri, (ds) => ours(ds).some(isMissingFirstResponsible), 'diagnostics before the crash');
    const before = await api.serverInfo();
    process.kill(before.pid, 'SIGKILL');
    note(`killed the language server (pid ${before.pid})`);
    const after = await pollUntil(async () => {
      try {
        const info = await api.serverInfo();
        return info.pid !== before.pid ? info : undefined;
      } catch {
        return undefined;
      }
    }, 'a new language server process', { timeout: 30_000 });
    note(`restarted as pid ${after.pid}`);
    // An edit after the restart is checked by the new server.
    const editor = await vscode.window.showTextDocument(document);
    try {
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((b) => b.insert(end, '\n全年受理100件，办结90件，办结率95%。\n'));
      await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'rate-mismatch') && ours(ds).some(isMissingFirstResponsible), 'diagnostics from the restarted server', 30_000);
    } finally {
      await revertAndClose(document);
    }
  });
});
