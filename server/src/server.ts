// The language server: wiring, caching and settings. What each request answers is in ./service; analysis in ./analysis.
import {
  LSPErrorCodes,
  ResponseError,
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, type Analysis } from './analysis';
import type { Locale } from './analysis/types';
import { readText } from './read-text';
import { builtinProfiles } from './analysis/profile';
import { loadWorkspaceConfig, type WorkspaceConfig } from './workspace-config';
import { readSettings, type Settings, DEFAULT_SETTINGS } from './settings';
import { skeleton } from './analysis/skeleton';
import {
  STRUCTURE_REQUEST,
  SUPPRESSIONS_REQUEST,
  SKELETON_REQUEST,
  FIX_ALL_REQUEST,
  SERVER_INFO_REQUEST,
  CHECK_FILES_REQUEST,
  DOCX_MARKDOWN_REQUEST,
  type DocxMarkdownResult,
  type StructureParams,
  type StructureResult,
  type SuppressionInfo,
} from './protocol';
import {
  SOURCE,
  analysisOptions as optionsFor,
  codeActions,
  diagnosticsOf,
  documentSymbols,
  fixAll,
  hoverAt,
  structureOf,
  suppressionsOf,
  t as translate,
  type MessageId,
} from './service';
import { DocxService, docxDiagnosticsOf, docxPathOf, isDocxUri } from './docx/service';

interface Cached {
  version: number;
  analysis: Analysis;
  settingsKey: string;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const docx = new DocxService();
  const cache = new Map<string, Cached>();
  /** Per-folder workspace configuration (profiles), read from disk; built-in data only when untrusted. */
  let workspaceFolders: string[] = [];
  let workspaceConfig: WorkspaceConfig = { profiles: [], errors: [] };
  let configGeneration = 0;
  let trusted = true;
  let locale: Locale = 'zh';
  let hasConfigurationCapability = false;
  const settingsCache = new Map<string, Promise<Settings>>();
  const reportedProblems = new Set<string>();

  const t = (id: MessageId, args: Record<string, string> = {}) => translate(locale, id, args);

  function warnOnce(text: string) {
    if (reportedProblems.has(text)) return;
    reportedProblems.add(text);
    void connection.window.showWarningMessage(text);
  }

  function reloadWorkspaceConfig() {
    configGeneration++;
    workspaceConfig = { profiles: [], errors: [] };
    if (!trusted) return;
    for (const folder of workspaceFolders) {
      const cfg = loadWorkspaceConfig(
        (rel) => {
          const p = join(folder, rel);
          try {
            return existsSync(p) && statSync(p).size < 1_000_000 ? readFileSync(p, 'utf8') : undefined;
          } catch {
            return undefined;
          }
        },
        (rel) => join(folder, rel),
      );
      workspaceConfig.profiles.push(...cfg.profiles);
      workspaceConfig.names ??= cfg.names;
      workspaceConfig.errors.push(...cfg.errors);
    }
    for (const e of workspaceConfig.errors) warnOnce(t('configError', { problem: e }));
  }

  function getSettings(uri: string): Promise<Settings> {
    if (!hasConfigurationCapability) return Promise.resolve(DEFAULT_SETTINGS);
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: 'report-lint' }).then(
        (raw) => {
          const { settings, problems } = readSettings(raw);
          for (const pr of problems) warnOnce(t('settingError', { problem: pr }));
          return settings;
        },
        () => DEFAULT_SETTINGS,
      );
      settingsCache.set(uri, p);
    }
    return p;
  }

  const analysisOptions = (settings: Settings) => optionsFor(settings, workspaceConfig, locale);

  function analyseDocument(doc: TextDocument, settings: Settings): Analysis {
    const key = JSON.stringify(settings) + locale + configGeneration;
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settingsKey === key) return hit.analysis;
    if (settings.profile !== 'auto' && ![...workspaceConfig.profiles, ...builtinProfiles].some((p) => p.id === settings.profile)) {
      warnOnce(t('unknownProfile', { profile: settings.profile, known: [...workspaceConfig.profiles, ...builtinProfiles].map((p) => p.id).join(', ') }));
    }
    const analysis = analyse(doc.getText(), analysisOptions(settings));
    for (const ie of analysis.internalErrors) connection.console.error(`check ${ie.rule} failed on ${doc.uri}: ${ie.error}`);
    cache.set(doc.uri, { version: doc.version, analysis, settingsKey: key });
    return analysis;
  }

  /** Analysis for a document at its current version, or undefined when the document is not open. */
  async function current(uri: string): Promise<{ doc: TextDocument; analysis: Analysis; settings: Settings } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const settings = await getSettings(uri);
    return { doc, analysis: analyseDocument(doc, settings), settings };
  }

  /** Diagnostics last shown per document, for the on-save mode. */
  const shown = new Map<string, { version: number; items: Diagnostic[] }>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const lang = (params.locale ?? '').toLowerCase();
    locale = lang.startsWith('en') ? 'en' : 'zh';
    const init = (params.initializationOptions ?? {}) as { locale?: string; trusted?: boolean };
    if (init.locale === 'en' || init.locale === 'zh') locale = init.locale;
    if (init.trusted === false) trusted = false;
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((f) => {
        try {
          return fileURLToPath(f.uri);
        } catch {
          return '';
        }
      })
      .filter(Boolean);
    if (!workspaceFolders.length && params.rootUri) {
      try {
        workspaceFolders = [fileURLToPath(params.rootUri)];
      } catch {
        /* not a file URI */
      }
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll + '.report-lint'], resolveProvider: false },
        documentSymbolProvider: { label: '报告结构' },
        hoverProvider: true,
      },
      serverInfo: { name: 'report-lint' },
    };
  });

  connection.onInitialized(() => {
    reloadWorkspaceConfig();
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    reportedProblems.clear();
    cache.clear();
    connection.languages.diagnostics.refresh();
  });

  connection.onDidChangeWatchedFiles(() => {
    reportedProblems.clear();
    reloadWorkspaceConfig();
    cache.clear();
    connection.languages.diagnostics.refresh();
  });

  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    shown.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
  });

  documents.onDidSave((e) => {
    // In on-save mode the diagnostics follow saves; ask the client to pull again.
    void getSettings(e.document.uri).then((s) => {
      if (s.run === 'onSave') {
        shown.delete(e.document.uri);
        connection.languages.diagnostics.refresh();
      }
    });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const cur = await current(params.textDocument.uri);
    if (!cur) return { kind: 'full', items: [] };
    // A newer edit superseded this request: let the client ask again rather than show stale results.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded', { retriggerRequest: true });
    const { doc, analysis, settings } = cur;
    if (settings.run === 'onSave') {
      const prev = shown.get(doc.uri);
      if (prev) return { kind: 'full', items: prev.items };
    }
    const items = isDocxUri(doc.uri) ? docxDiagnosticsOf(analysis, doc.uri, doc.version, docx, locale) : diagnosticsOf(analysis, doc.uri, doc.version);
    shown.set(doc.uri, { version: doc.version, items });
    return { kind: 'full', items };
  });

  connection.onCodeAction(async (params) => {
    // The Markdown view of a Word document is read-only: fixes belong in the Markdown draft made from it.
    if (isDocxUri(params.textDocument.uri)) return [];
    const cur = await current(params.textDocument.uri);
    if (!cur) return [];
    return codeActions(cur.analysis, { uri: cur.doc.uri, version: cur.doc.version, diagnostics: params.context.diagnostics, only: params.context.only }, locale);
  });

  connection.onDocumentSymbol(async (params) => {
    const cur = await current(params.textDocument.uri);
    return cur ? documentSymbols(cur.analysis) : [];
  });

  connection.onHover(async (params) => {
    const cur = await current(params.textDocument.uri);
    return cur ? hoverAt(cur.analysis, params.position, locale) : null;
  });

  connection.onRequest(STRUCTURE_REQUEST, async (params: StructureParams): Promise<StructureResult | null> => {
    const cur = await current(params.uri);
    return cur ? structureOf(cur.analysis, cur.doc.uri, cur.doc.version, locale) : null;
  });

  connection.onRequest(SUPPRESSIONS_REQUEST, async (params: StructureParams): Promise<SuppressionInfo[]> => {
    const cur = await current(params.uri);
    return cur ? suppressionsOf(cur.analysis, params.uri) : [];
  });

  connection.onRequest(FIX_ALL_REQUEST, async (params: StructureParams) => {
    if (isDocxUri(params.uri)) return [];
    const cur = await current(params.uri);
    return cur ? fixAll(cur.analysis) : [];
  });

  connection.onRequest(SKELETON_REQUEST, async (params: StructureParams & { year?: number }) => {
    const settings = await getSettings(params.uri);
    const cur = await current(params.uri);
    const year = params.year ?? settings.year ?? cur?.analysis.model.reportYear?.value ?? new Date().getFullYear() - 1;
    const profileId = settings.profile === 'auto' ? cur?.analysis.profile.id : settings.profile;
    return { text: skeleton({ year, profile: profileId, extraProfiles: workspaceConfig.profiles, locale }) };
  });

  /** Background pass over files that are not open: the client sends file URIs, the server reads and analyses them. */
  connection.onRequest(CHECK_FILES_REQUEST, async (params: { uris: string[] }, token) => {
    const out: { uri: string; diagnostics: Diagnostic[] }[] = [];
    for (const uri of params.uris) {
      if (token.isCancellationRequested) break;
      if (documents.get(uri)) continue;
      const docxPath = docxPathOf(uri);
      if (docxPath) {
        // A Word document: converted off the main thread; its findings go to its read-only Markdown view.
        const conv = await docx.convert(docxPath);
        if ('error' in conv) continue;
        const analysis = analyse(conv.text, analysisOptions(await getSettings(uri)));
        out.push({ uri, diagnostics: docxDiagnosticsOf(analysis, uri, -1, docx, locale) });
        continue;
      }
      let path: string;
      try {
        path = fileURLToPath(uri);
        if (statSync(path).size > 5_000_000) continue;
      } catch {
        continue;
      }
      const read = readText(path);
      if ('error' in read) continue;
      const analysis = analyse(read.text, analysisOptions(await getSettings(uri)));
      out.push({ uri, diagnostics: diagnosticsOf(analysis, uri, -1) });
      // Yield between files so that requests from the editor are served first.
      await new Promise((r) => setImmediate(r));
    }
    return out;
  });

  connection.onRequest(DOCX_MARKDOWN_REQUEST, async (params: { uri: string }): Promise<DocxMarkdownResult> => {
    const path = docxPathOf(params.uri);
    if (!path) return { error: `${params.uri}: not a Word document view` };
    const conv = await docx.convert(path);
    if ('error' in conv) return { error: conv.error };
    return { text: conv.text, warnings: conv.docx.warnings.map((w) => w[locale]) };
  });

  connection.onRequest(SERVER_INFO_REQUEST, () => ({ pid: process.pid, locale, trusted }));

  documents.listen(connection);
  connection.listen();
}
