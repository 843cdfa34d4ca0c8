// activate(): the language client, the 报告结构 view, commands and the status item. No analysis here.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StructureProvider } from './structure-view';
import { registerDocx, docxViewUri, isDocxView, DOCX_SCHEME } from './docx';
import { t } from './messages';
import type { SkeletonResult, StructureResult, SuppressionInfo, TextEditLike } from '../../server/src/protocol';
import type { DocxMarkdownResult } from '../../server/src/protocol';
import { STRUCTURE_REQUEST, SUPPRESSIONS_REQUEST, FIX_ALL_REQUEST, SKELETON_REQUEST, SERVER_INFO_REQUEST, CHECK_FILES_REQUEST, DOCX_MARKDOWN_REQUEST } from '../../server/src/protocol';

const SECTION = 'report-lint';

let client: LanguageClient | undefined;

export interface ReportLintApi {
  getStructure(uri: vscode.Uri): Promise<StructureResult | null>;
  /** The running server's process id and message language (for diagnostics and tests). */
  serverInfo(): Promise<{ pid: number; locale: string; trusted: boolean }>;
  /** Resolves when the language client is running. */
  ready(): Promise<void>;
  /** What the 报告结构 view shows now (the active report's structure), or null. */
  shownStructure(): StructureResult | null;
}

function filePatterns(): string[] {
  const v = vscode.workspace.getConfiguration(SECTION).get<unknown>('files');
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim())) return v as string[];
  if (v !== undefined) void vscode.window.showWarningMessage(t('badFilesSetting'));
  return ['**/*.md'];
}

/** Message language: the `report-lint.locale` setting, else VS Code's display language (Chinese unless English). */
function uiLocale(): 'zh' | 'en' {
  const v = vscode.workspace.getConfiguration(SECTION).get<string>('locale', 'auto');
  if (v === 'zh' || v === 'en') return v;
  return vscode.env.language.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

function makeClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const patterns = filePatterns();
  const documentSelector = [
    ...patterns.map((pattern) => ({ language: 'markdown', scheme: 'file', pattern })),
    { language: 'markdown', scheme: 'untitled' },
    // The read-only Markdown view of a Word document.
    { language: 'markdown', scheme: DOCX_SCHEME },
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: {
      configurationSection: SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.report-lint/*.json'),
    },
    initializationOptions: {
      locale: uiLocale(),
      trusted: vscode.workspace.isTrusted,
    },
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannelName: 'report-lint',
  };
  return new LanguageClient('report-lint', t('serverName'), serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<ReportLintApi> {
  let started: Promise<void>;
  const start = () => {
    client = makeClient(context);
    started = client.start();
    return started;
  };
  start();

  const getStructure = async (uri: vscode.Uri): Promise<StructureResult | null> => {
    await started;
    if (!client) return null;
    return client.sendRequest<StructureResult | null>(STRUCTURE_REQUEST, { uri: uri.toString() });
  };

  // ---- Word documents: the read-only Markdown view, and conversion to a Markdown draft ---------------------
  const docx = registerDocx(context, async (view) => {
    await started;
    return client!.sendRequest<DocxMarkdownResult>(DOCX_MARKDOWN_REQUEST, { uri: view.toString() });
  });

  // ---- 报告结构 view --------------------------------------------------------------------------
  const structure = new StructureProvider(getStructure);
  const view = vscode.window.createTreeView('report-lint.structure', { treeDataProvider: structure, showCollapseAll: true });
  context.subscriptions.push(view);

  // ---- status item ----------------------------------------------------------------------------
  const status = vscode.window.createStatusBarItem('report-lint.status', vscode.StatusBarAlignment.Right, 100);
  status.name = t('statusName');
  status.command = 'report-lint.structure.focus';
  context.subscriptions.push(status);

  let refreshTimer: NodeJS.Timeout | undefined;
  const refresh = () => {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') {
        structure.setDocument(undefined);
        status.hide();
        return;
      }
      try {
        const r = await structure.setDocument(editor.document.uri);
        if (!r) return status.hide();
        const n = r.counts.error + r.counts.warning + r.counts.info;
        status.text = `$(checklist) ${r.profile.name}${r.reportYear ? ' · ' + r.reportYear : ''} · ${n}`;
        status.tooltip = t('statusTooltip', {
          profile: r.profile.name,
          year: r.reportYear ? String(r.reportYear) : t('unknownYear'),
          error: String(r.counts.error),
          warning: String(r.counts.warning),
          info: String(r.counts.info),
        });
        status.show();
      } catch {
        /* the server restarts on its own; the next change refreshes */
      }
    }, 150);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) refresh();
    }),
    vscode.languages.onDidChangeDiagnostics(refresh),
  );
  void started!.then(refresh, () => undefined);

  // ---- background pass over the workspace's closed report files ------------------------------
  const workspaceDiagnostics = vscode.languages.createDiagnosticCollection('report-lint-workspace');
  context.subscriptions.push(workspaceDiagnostics);
  const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  let pass = 0;
  const checkFiles = async (uris: vscode.Uri[]) => {
    await started;
    const closed = uris.filter((u) => !isOpen(u));
    for (let i = 0; i < closed.length; i += 20) {
      const batch = closed.slice(i, i + 20);
      const res = await client!.sendRequest<{ uri: string; diagnostics: unknown[] }[]>(CHECK_FILES_REQUEST, { uris: batch.map((u) => u.toString()) });
      for (const r of res) {
        const uri = vscode.Uri.parse(r.uri);
        if (isOpen(uri)) continue;
        workspaceDiagnostics.set(uri, await Promise.all(r.diagnostics.map((d) => client!.protocol2CodeConverter.asDiagnostic(d as never))));
      }
    }
  };
  const recheckWorkspace = async () => {
    const my = ++pass;
    workspaceDiagnostics.clear();
    const found = new Map<string, vscode.Uri>();
    for (const p of filePatterns()) for (const u of await vscode.workspace.findFiles(p, '**/node_modules/**', 2000)) found.set(u.toString(), u);
    // Word documents are checked through their Markdown view, where their findings are shown.
    for (const u of await vscode.workspace.findFiles('**/*.docx', '**/node_modules/**', 2000)) {
      if (!u.path.split('/').pop()!.startsWith('~$')) found.set(docxViewUri(u).toString(), docxViewUri(u));
    }
    if (my !== pass) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('checkingWorkspace') }, () => checkFiles([...found.values()]));
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => workspaceDiagnostics.delete(d.uri)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.languageId === 'markdown' && (d.uri.scheme === 'file' || isDocxView(d.uri))) void checkFiles([d.uri]).catch(() => undefined);
    }),
  );
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  context.subscriptions.push(
    watcher,
    watcher.onDidChange((u) => void checkFiles([u]).catch(() => undefined)),
    watcher.onDidCreate((u) => void checkFiles([u]).catch(() => undefined)),
    watcher.onDidDelete((u) => workspaceDiagnostics.delete(u)),
  );
  const docxWatcher = vscode.workspace.createFileSystemWatcher('**/*.docx');
  const docxChanged = (u: vscode.Uri) => {
    if (u.path.split('/').pop()!.startsWith('~$')) return;
    docx.changed(u);
    void checkFiles([docxViewUri(u)]).catch(() => undefined);
  };
  context.subscriptions.push(
    docxWatcher,
    docxWatcher.onDidChange(docxChanged),
    docxWatcher.onDidCreate(docxChanged),
    docxWatcher.onDidDelete((u) => workspaceDiagnostics.delete(docxViewUri(u))),
  );
  if (vscode.workspace.getConfiguration(SECTION).get<boolean>('workspaceCheck', true)) {
    void started!.then(() => recheckWorkspace()).catch(() => undefined);
  }

  // ---- commands -------------------------------------------------------------------------------
  context.subscriptions.push(
    vscode.commands.registerCommand('report-lint.reveal', async (uri: vscode.Uri, range: vscode.Range) => {
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
    }),
    vscode.commands.registerCommand('report-lint.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await started;
      const version = editor.document.version;
      const edits = await client.sendRequest<TextEditLike[]>(FIX_ALL_REQUEST, { uri: editor.document.uri.toString() });
      if (editor.document.version !== version) return;
      if (!edits.length) return void vscode.window.showInformationMessage(t('nothingToFix'));
      const we = new vscode.WorkspaceEdit();
      for (const e of edits) we.replace(editor.document.uri, client.protocol2CodeConverter.asRange(e.range), e.newText);
      await vscode.workspace.applyEdit(we);
    }),
    vscode.commands.registerCommand('report-lint.insertSkeleton', async () => {
      await started;
      let editor = vscode.window.activeTextEditor;
      const yearText = await vscode.window.showInputBox({
        prompt: t('skeletonYearPrompt'),
        value: String(new Date().getFullYear() - 1),
        validateInput: (v) => (/^(19|20)\d{2}$/.test(v.trim()) ? undefined : t('skeletonYearInvalid')),
      });
      if (!yearText) return;
      if (!editor || editor.document.languageId !== 'markdown') {
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
        editor = await vscode.window.showTextDocument(doc);
      }
      const r = await client!.sendRequest<SkeletonResult>(SKELETON_REQUEST, { uri: editor.document.uri.toString(), year: Number(yearText.trim()) });
      await editor.insertSnippet(new vscode.SnippetString().appendText(r.text), editor.selection.active);
    }),
    vscode.commands.registerCommand('report-lint.recheckWorkspace', () => recheckWorkspace()),
    vscode.commands.registerCommand('report-lint.listSuppressions', async () => {
      await started;
      const items: (vscode.QuickPickItem & { s: SuppressionInfo })[] = [];
      const uris = new Map<string, vscode.Uri>();
      for (const p of filePatterns()) for (const u of await vscode.workspace.findFiles(p, '**/node_modules/**', 500)) uris.set(u.toString(), u);
      for (const d of vscode.workspace.textDocuments) if (d.languageId === 'markdown') uris.set(d.uri.toString(), d.uri);
      for (const u of uris.values()) {
        const doc = await vscode.workspace.openTextDocument(u);
        if (!doc.getText().includes('report-lint-')) continue;
        const list = await client!.sendRequest<SuppressionInfo[]>(SUPPRESSIONS_REQUEST, { uri: u.toString() });
        for (const s of list) {
          if (s.kind === 'enable') continue;
          items.push({
            label: `${vscode.workspace.asRelativePath(u)}:${s.range.start.line + 1}`,
            description: s.rules.length ? s.rules.join(', ') : t('allRules'),
            detail: s.reason ? `${t('reason')}：${s.reason}` : t('noReason'),
            s,
          });
        }
      }
      if (!items.length) return void vscode.window.showInformationMessage(t('noSuppressions'));
      const pick = await vscode.window.showQuickPick(items, { placeHolder: t('suppressionsPlaceholder', { n: String(items.length) }), matchOnDetail: true });
      if (pick) await vscode.commands.executeCommand('report-lint.reveal', vscode.Uri.parse(pick.s.uri), client!.protocol2CodeConverter.asRange(pick.s.range));
    }),
    vscode.commands.registerCommand('report-lint.restartServer', async () => {
      await client?.stop().catch(() => undefined);
      start();
      await started;
    }),
  );

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration(`${SECTION}.files`) || e.affectsConfiguration(`${SECTION}.locale`)) {
        // The document selector changes: restart the client with the new patterns.
        await client?.stop().catch(() => undefined);
        start();
        await started;
        void recheckWorkspace();
      } else if (e.affectsConfiguration(SECTION)) {
        void recheckWorkspace();
        refresh();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop().catch(() => undefined);
      start();
    }),
    { dispose: () => void client?.stop() },
  );

  const serverInfo = async () => {
    await started;
    return client!.sendRequest<{ pid: number; locale: string; trusted: boolean }>(SERVER_INFO_REQUEST);
  };
  return { getStructure, serverInfo, ready: () => started, shownStructure: () => structure.current };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
