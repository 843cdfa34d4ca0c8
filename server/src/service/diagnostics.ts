// Findings → LSP diagnostics, with the data code actions need (fixes and the document version they were made for).
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Finding, Severity as FindingSeverity } from '../analysis/types';
import { fixToJson, rangeOf, type JsonFix } from '../convert';
import { Severity, SOURCE } from './lsp';

/** Data carried on each diagnostic so that code actions need no server-side cache. */
export interface DiagnosticData {
  fixes: JsonFix[];
  /** Document version the diagnostic (and its fixes) were computed for; -1 for files that are not open. */
  version: number;
}

function toLspSeverity(s: FindingSeverity): 1 | 2 | 3 {
  return s === 'error' ? Severity.Error : s === 'warning' ? Severity.Warning : Severity.Information;
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

/** The diagnostics of one analysed document. */
export function diagnosticsOf(a: Analysis, uri: string, version: number): Diagnostic[] {
  return a.findings.map((f) => toDiagnostic(a, f, uri, version));
}
