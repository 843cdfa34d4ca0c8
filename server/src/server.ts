// The language server: capabilities and one short handler per request. All analysis is in ./analysis.
import {
  CodeAction,
  LSPErrorCodes,
  ResponseError,
  CodeActionKind,
  DiagnosticSeverity,
  DocumentSymbol,
  SymbolKind,
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
import { analyse, checks, type Analysis } from './analysis';
import type { AnalyseOptions, Finding, Locale, Section, Severity } from './analysis/types';
import { readText } from './read-text';
import { partStatuses, partsOfSection } from './analysis/structure';
import { builtinProfiles } from './analysis/profile';
import { rangeOf, fixToJson, type JsonFix } from './convert';
import { loadWorkspaceConfig, type WorkspaceConfig } from './workspace-config';
import { readSettings, type Settings, DEFAULT_SETTINGS } from './settings';
import { fixAllEdits, suppressionEdit } from './fixes';
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
  type StructureSection,
  type SuppressionInfo,
} from './protocol';
import { messages as serverMessages } from './messages';
import { DocxService, docxPathOf, isDocxUri, withWordPlace } from './docx/service';

export const SOURCE = 'report-lint';

interface Cached {
  version: number;
  analysis: Analysis;
  settingsKey: string;
}

/** Data carried on each diagnostic so that code actions need no server-side cache. */
interface DiagnosticData {
  fixes: JsonFix[];
  version: number;
}

function toLspSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

export function toDiagnostic(a: Analysis, f: Finding, uri: string, version: number): Diagnostic {
  const ls = a.model.lineStarts;
  const d: Diagnostic = {
    range: rangeOf(ls, f),
    severity: toLspSeverity(f.severity),
    code: f.rule,
    source: SOURCE,
    message: f.message,
    data: { fixes: (f.fixes ?? []).map((x) => fixToJson(ls, x)), version } satisfies DiagnosticData,
  };
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: rangeOf(ls, r) }, message: r.message }));
  return d;
}

/**
 * Diagnostics of a document. In the read-only view of a Word document, each message says where the text is in
 * Word, and there are no fixes (the view cannot be edited; the Markdown draft made from it can).
 */
function diagnosticsOf(a: Analysis, uri: string, version: number, docx: DocxService, locale: Locale): Diagnostic[] {
  if (!isDocxUri(uri)) return a.findings.map((f) => toDiagnostic(a, f, uri, version));
  const doc = docx.documentFor(uri, a.model.text);
  return a.findings.map((f) => {
    const d = toDiagnostic(a, { ...f, fixes: [] }, uri, version);
    if (doc) d.message = withWordPlace(f.message, doc, f, locale);
    return d;
  });
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

  const t = (id: keyof typeof serverMessages, args: Record<string, string> = {}) =>
    serverMessages[id][locale].replace(/\{(\w+)\}/g, (_, k: string) => args[k] ?? '');

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

  function analysisOptions(settings: Settings): AnalyseOptions {
    return {
      locale,
      year: settings.year ?? undefined,
      profile: settings.profile === 'auto' ? undefined : settings.profile,
      extraProfiles: workspaceConfig.profiles,
      names: workspaceConfig.names,
      severities: settings.severity,
    };
  }

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
    const items = diagnosticsOf(analysis, doc.uri, doc.version, docx, locale);
    shown.set(doc.uri, { version: doc.version, items });
    return { kind: 'full', items };
  });

  connection.onCodeAction(async (params) => {
    if (isDocxUri(params.textDocument.uri)) return [];
    const cur = await current(params.textDocument.uri);
    if (!cur) return [];
    const { doc, analysis } = cur;
    const actions: CodeAction[] = [];
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => k.startsWith(CodeActionKind.SourceFixAll));
    if (wantsFixAll) {
      const edits = fixAllEdits(analysis);
      if (edits.length) {
        actions.push({
          title: t('fixAll'),
          kind: CodeActionKind.SourceFixAll + '.report-lint',
          edit: { changes: { [doc.uri]: edits.map((e) => ({ range: rangeOf(analysis.model.lineStarts, e), newText: e.newText })) } },
        });
      }
      return actions;
    }
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      // Fixes computed for another version of the text would edit the wrong place.
      if (data && data.version === doc.version) {
        data.fixes.forEach((fx, i) => {
          actions.push({
            title: fx.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: i === 0,
            edit: { changes: { [doc.uri]: fx.edits } },
          });
        });
      }
      const sup = suppressionEdit(analysis.model, doc.offsetAt(d.range.start), String(d.code));
      actions.push({
        title: t('ignoreHere', { rule: String(d.code) }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [doc.uri]: [{ range: rangeOf(analysis.model.lineStarts, sup), newText: sup.newText }] } },
      });
    }
    return actions;
  });

  connection.onDocumentSymbol(async (params) => {
    const cur = await current(params.textDocument.uri);
    if (!cur) return [];
    const { analysis } = cur;
    const ls = analysis.model.lineStarts;
    const text = analysis.model.text;
    const toSymbol = (s: Section): DocumentSymbol => {
      const name = headingName(text, s) || '（无标题）';
      return {
        name,
        kind: s.depth === 1 ? SymbolKind.Namespace : SymbolKind.String,
        range: rangeOf(ls, { start: s.headingSpan.start, end: Math.max(s.headingSpan.end, trimEnd(text, s.end)) }),
        selectionRange: rangeOf(ls, s.headingSpan),
        children: s.children.map(toSymbol),
      };
    };
    return analysis.model.sections.map(toSymbol);
  });

  connection.onHover(async (params) => {
    const cur = await current(params.textDocument.uri);
    if (!cur) return null;
    const { doc, analysis } = cur;
    const off = doc.offsetAt(params.position);
    const hits = analysis.findings.filter((f) => f.start <= off && off <= f.end && f.end > f.start);
    if (!hits.length) return null;
    const parts = hits.map((f) => {
      const check = checks.find((c) => c.id === f.rule);
      const title = check ? check.title[locale] : f.rule;
      const desc = check ? check.description[locale] : '';
      return [`**${title}** \`${f.rule}\``, '', f.message, f.detail ? '\n' + f.detail : '', desc ? `\n_${desc}_` : ''].join('\n');
    });
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
  });

  connection.onRequest(STRUCTURE_REQUEST, async (params: StructureParams): Promise<StructureResult | null> => {
    const cur = await current(params.uri);
    if (!cur) return null;
    const { doc, analysis } = cur;
    const { model, profile } = analysis;
    const ls = model.lineStarts;
    const toSec = (s: Section): StructureSection => ({
      name: headingName(model.text, s),
      range: rangeOf(ls, s.headingSpan),
      fullRange: rangeOf(ls, { start: s.headingSpan.start, end: trimEnd(model.text, s.end) }),
      parts: partsOfSection(model, profile, s).map((p) => p.key),
      children: s.children.map(toSec),
    });
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of analysis.findings) counts[f.severity]++;
    return {
      uri: doc.uri,
      version: doc.version,
      profile: { id: profile.id, name: profile.name[locale] },
      reportYear: model.reportYear?.value,
      reportYearSource: model.reportYear?.source,
      counts,
      sections: model.sections.map(toSec),
      checklist: partStatuses(model, profile).map((st) => {
        const span = st.sections[0]?.headingSpan ?? st.mention;
        return { key: st.part.key, name: st.part.name[locale], required: st.part.required, state: st.state, present: st.state === 'heading' || st.state === 'thematic', range: span ? rangeOf(ls, span) : undefined };
      }),
    };
  });

  connection.onRequest(SUPPRESSIONS_REQUEST, async (params: StructureParams): Promise<SuppressionInfo[]> => {
    const cur = await current(params.uri);
    if (!cur) return [];
    const { analysis } = cur;
    return analysis.suppressions.map((s) => ({ uri: params.uri, range: rangeOf(analysis.model.lineStarts, s), kind: s.kind, rules: s.rules, reason: s.reason }));
  });

  connection.onRequest(FIX_ALL_REQUEST, async (params: StructureParams) => {
    if (isDocxUri(params.uri)) return [];
    const cur = await current(params.uri);
    if (!cur) return [];
    const { analysis } = cur;
    return fixAllEdits(analysis).map((e) => ({ range: rangeOf(analysis.model.lineStarts, e), newText: e.newText }));
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
        out.push({ uri, diagnostics: diagnosticsOf(analysis, uri, -1, docx, locale) });
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
      out.push({ uri, diagnostics: analysis.findings.map((f) => toDiagnostic(analysis, f, uri, -1)) });
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

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function headingName(text: string, s: Section): string {
  const marker = s.numbering ? text.slice(s.numbering.start, s.numbering.start + s.numbering.raw.length) : '';
  return (marker + text.slice(s.titleSpan.start, s.titleSpan.end)).trim();
}

