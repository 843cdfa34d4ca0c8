// The language service: plain functions from an analysis to what the editor shows. No connection, no I/O.
export { SOURCE } from './lsp';
export { toDiagnostic, diagnosticsOf, type DiagnosticData } from './diagnostics';
export { codeActions, type CodeActionRequest } from './code-actions';
export { documentSymbols } from './symbols';
export { hoverAt } from './hover';
export { structureOf } from './structure';
export { fixAll, fixAllEdits } from './fix-all';
export { suppressionsOf, suppressionEdit } from './suppressions';
export { analysisOptions } from './options';
export { t, type MessageId } from './localise';
