// Builds real .docx files for the tests with the `docx` generator library, and the facts of an analysis that a
// Word document and its Markdown twin must share.
import { Packer, type Document } from 'docx';
import { analyse } from '../../server/src/analysis';
import { getRelations } from '../../server/src/analysis/relations';

export async function docxBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

const OFFSET_KEYS = new Set(['start', 'end', 'numStart', 'numEnd', 'labelStart', 'line', 'span', 'headingSpan', 'titleSpan', 'block']);

/** A value with every offset into the text removed (the Word view and the Markdown lay the same text out differently). */
function withoutOffsets(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(withoutOffsets);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.n === 'bigint' && typeof o.d === 'bigint') return `${o.n}/${o.d}`;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) if (!OFFSET_KEYS.has(k) && typeof x !== 'function') out[k] = withoutOffsets(x);
    return out;
  }
  return v;
}

/** What a reader of the findings sees: rules, severities, messages, the flagged text, sections, number relations. */
export function facts(text: string) {
  const a = analyse(text);
  return {
    profile: a.profile.id,
    matched: a.profileMatched,
    year: a.model.reportYear?.value,
    traditional: a.model.traditional,
    findings: a.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      text: text.slice(f.start, f.end),
      related: (f.related ?? []).map((r) => ({ message: r.message, text: text.slice(r.start, r.end) })),
    })),
    sections: a.model.allSections.map((s) => ({ depth: s.depth, title: s.title, numbering: s.numbering?.raw, value: s.numbering?.value })),
    relations: getRelations(a.model).map((r) => JSON.stringify(withoutOffsets(r))),
  };
}
