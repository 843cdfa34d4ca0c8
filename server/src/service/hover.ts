// Hover: every finding under the cursor, with its check's title, the message, the detail and the rule's description.
import type { Hover, Position } from 'vscode-languageserver';
import { checks, type Analysis } from '../analysis';
import type { Locale } from '../analysis/types';
import { offsetAt } from '../convert';

export function hoverAt(analysis: Analysis, position: Position, locale: Locale): Hover | null {
  const offset = offsetAt(analysis.model.lineStarts, analysis.model.text, position);
  const hits = analysis.findings.filter((f) => f.start <= offset && offset <= f.end && f.end > f.start);
  if (!hits.length) return null;
  const parts = hits.map((f) => {
    const check = checks.find((c) => c.id === f.rule);
    const title = check ? check.title[locale] : f.rule;
    const desc = check ? check.description[locale] : '';
    return [`**${title}** \`${f.rule}\``, '', f.message, f.detail ? '\n' + f.detail : '', desc ? `\n_${desc}_` : ''].join('\n');
  });
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
}
