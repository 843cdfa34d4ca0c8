// Word documents in the editor: opening a .docx shows its read-only Markdown view (a `report-lint-docx:` virtual
// document that the language server analyses like any Markdown draft: diagnostics, outline, 报告结构), and the
// command 转换为 Markdown 草稿 writes name.md beside the .docx. The conversion itself runs in the language server.
import * as vscode from 'vscode';
import type { DocxMarkdownResult } from '../../server/src/protocol';
import { t } from './messages';

export const DOCX_SCHEME = 'report-lint-docx';
export const DOCX_VIEW_TYPE = 'report-lint.docxView';

/** report-lint-docx:/path/报告.docx.md for file:///path/报告.docx */
export function docxViewUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: DOCX_SCHEME, path: file.path + '.md' });
}

/** The .docx behind a view URI, or the URI itself when it already is a .docx file. */
export function docxFileUri(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === DOCX_SCHEME && uri.path.endsWith('.md')) return uri.with({ scheme: 'file', path: uri.path.slice(0, -3) });
  if (uri.scheme === 'file' && /\.docx$/i.test(uri.path)) return uri;
  return undefined;
}

export function isDocxView(uri: vscode.Uri): boolean {
  return uri.scheme === DOCX_SCHEME;
}

type Convert = (view: vscode.Uri) => Promise<DocxMarkdownResult>;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"><title>${escapeHtml(title)}</title>
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1.5em;line-height:1.6}h2{font-weight:600}.err{color:var(--vscode-errorForeground)}</style></head><body>${body}</body></html>`;
}

export function registerDocx(context: vscode.ExtensionContext, convert: Convert): { changed: (file: vscode.Uri) => void } {
  const onDidChange = new vscode.EventEmitter<vscode.Uri>();

  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: onDidChange.event,
    async provideTextDocumentContent(uri) {
      const r = await convert(uri).catch((e: Error) => ({ error: e.message }) as DocxMarkdownResult);
      // An unreadable file shows why as an HTML comment: the view stays a Markdown document with nothing to check.
      if (r.error !== undefined) return `<!-- ${t('docxUnreadable', { error: r.error.replace(/--/g, '−−') })} -->\n`;
      return r.text ?? '';
    },
  };

  /** Opening a .docx: the custom editor hands over to the Markdown view, or shows why the file cannot be read. */
  const editor: vscode.CustomReadonlyEditorProvider = {
    openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
    async resolveCustomEditor(document, panel) {
      const name = document.uri.path.split('/').pop() ?? '';
      panel.webview.options = { enableScripts: false };
      panel.webview.html = page(name, `<p>${escapeHtml(t('docxReading', { name }))}</p>`);
      const view = docxViewUri(document.uri);
      const r = await convert(view).catch((e: Error) => ({ error: e.message }) as DocxMarkdownResult);
      if (r.error !== undefined) {
        panel.webview.html = page(name, `<h2>${escapeHtml(name)}</h2><p class="err">${escapeHtml(r.error)}</p><p>${escapeHtml(t('docxUnreadableHint'))}</p>`);
        return;
      }
      const doc = await vscode.workspace.openTextDocument(view);
      await vscode.window.showTextDocument(doc, { viewColumn: panel.viewColumn ?? vscode.ViewColumn.Active, preview: false });
      if (r.warnings?.length) void vscode.window.showInformationMessage(`${name}: ${r.warnings.join(t('listSeparator'))}`);
      panel.dispose();
    },
  };

  const convertToMarkdown = async (arg?: vscode.Uri) => {
    const source = arg ?? vscode.window.activeTextEditor?.document.uri;
    const file = source && docxFileUri(source);
    if (!file) return void vscode.window.showWarningMessage(t('docxNoneSelected'));
    const r = await convert(docxViewUri(file));
    if (r.error !== undefined || r.text === undefined) return void vscode.window.showErrorMessage(r.error ?? t('docxNoneSelected'));
    const target = file.with({ path: file.path.replace(/\.docx$/i, '.md') });
    const targetName = target.path.split('/').pop()!;
    let exists = true;
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      exists = false;
    }
    if (exists) {
      const overwrite = t('docxOverwrite');
      const pick = await vscode.window.showWarningMessage(t('docxExists', { name: targetName }), { modal: true }, overwrite);
      if (pick !== overwrite) return;
    }
    await vscode.workspace.fs.writeFile(target, Buffer.from(r.text, 'utf8'));
    await vscode.window.showTextDocument(target, { preview: false });
    void vscode.window.showInformationMessage(t('docxConverted', { name: targetName }));
  };

  context.subscriptions.push(
    onDidChange,
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    vscode.window.registerCustomEditorProvider(DOCX_VIEW_TYPE, editor, { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand('report-lint.convertDocx', convertToMarkdown),
  );
  return { changed: (file) => onDidChange.fire(docxViewUri(file)) };
}
