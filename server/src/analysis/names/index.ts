// Outdated and mis-cited names: the data model, the matching key, the automaton, the compiled data, the scan, the
// judgement, the replacement in the document's style and the workspace names file, one concern per file. This
// module is the public face used by the two checks, the workspace reader and the tests. Pure: no editor or LSP
// imports.
export * from './model';
export { toKey, type Keyed } from './key';
export { spanKeyCodes, type SpanKeyCodes } from './line-keys';
export { AhoCorasick } from './automaton';
export { compileNames, type CompiledNames } from './compile';
export { scanNames, type NameHit, type ScanInput } from './scan';
export { judgeNames, namesOf, verdictsOf, type NameVerdict } from './judge';
export { renderReplacement } from './restyle';
export { validateEntry, validateAllow, loadNamesFile, withWorkspaceNames, type LoadedNames } from './workspace';
