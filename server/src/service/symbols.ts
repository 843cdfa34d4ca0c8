// Document symbols (outline, breadcrumbs): the section tree with Chinese-numbered plain-text headings.
import type { DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Section } from '../analysis/types';
import { rangeOf } from '../convert';
import { SymbolKinds } from './lsp';
import { headingName, trimEnd } from './outline';

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const ls = analysis.model.lineStarts;
  const text = analysis.model.text;
  const toSymbol = (s: Section): DocumentSymbol => ({
    name: headingName(text, s) || '（无标题）',
    kind: s.depth === 1 ? SymbolKinds.Namespace : SymbolKinds.String,
    range: rangeOf(ls, { start: s.headingSpan.start, end: Math.max(s.headingSpan.end, trimEnd(text, s.end)) }),
    selectionRange: rangeOf(ls, s.headingSpan),
    children: s.children.map(toSymbol),
  });
  return analysis.model.sections.map(toSymbol);
}
