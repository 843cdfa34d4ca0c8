// Code actions: the fixes carried on our diagnostics, "ignore here", and source.fixAll.
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Locale } from '../analysis/types';
import { offsetAt, rangeOf } from '../convert';
import type { DiagnosticData } from './diagnostics';
import { fixAll } from './fix-all';
import { t } from './localise';
import { FIX_ALL_KIND, QUICK_FIX, SOURCE } from './lsp';
import { suppressionEdit } from './suppressions';

export interface CodeActionRequest {
  uri: string;
  /** The document version the analysis was made for. */
  version: number;
  diagnostics: Diagnostic[];
  only?: string[];
}

export function codeActions(analysis: Analysis, req: CodeActionRequest, locale: Locale): CodeAction[] {
  const { uri, version } = req;
  const actions: CodeAction[] = [];
  if (req.only?.some((k) => k.startsWith('source.fixAll'))) {
    const edits = fixAll(analysis);
    if (edits.length) actions.push({ title: t(locale, 'fixAll'), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    return actions;
  }
  for (const d of req.diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = d.data as DiagnosticData | undefined;
    // Fixes computed for another version of the text would edit the wrong place.
    if (data && data.version === version) {
      data.fixes.forEach((fx, i) => {
        actions.push({ title: fx.title, kind: QUICK_FIX, diagnostics: [d], isPreferred: i === 0, edit: { changes: { [uri]: fx.edits } } });
      });
    }
    const sup = suppressionEdit(analysis.model, offsetAt(analysis.model.lineStarts, analysis.model.text, d.range.start), String(d.code));
    actions.push({
      title: t(locale, 'ignoreHere', { rule: String(d.code) }),
      kind: QUICK_FIX,
      diagnostics: [d],
      edit: { changes: { [uri]: [{ range: rangeOf(analysis.model.lineStarts, sup), newText: sup.newText }] } },
    });
  }
  return actions;
}
