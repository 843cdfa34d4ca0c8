// The few LSP constants the service layer needs, as plain values (the service never imports the LSP runtime).
import type { DiagnosticSeverity as LspSeverity, SymbolKind as LspSymbolKind } from 'vscode-languageserver';

export const SOURCE = 'report-lint';

export const Severity = { Error: 1, Warning: 2, Information: 3 } as const satisfies Record<string, LspSeverity>;
export const SymbolKinds = { Namespace: 3, String: 15 } as const satisfies Record<string, LspSymbolKind>;
export const QUICK_FIX = 'quickfix';
export const FIX_ALL_KIND = 'source.fixAll.report-lint';
