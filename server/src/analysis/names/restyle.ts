// Replacement text in the document's own style: the smallest edit between the old and the new key, written with the
// bracket and dash widths and digit width of the text around it, in its script (traditional stays traditional).
import type { ReportModel, TextEdit } from '../types';
import { computeLineStarts, lineOfOffset } from '../text/lines';
import { toDocumentScript } from '../text/script';
import { simplify } from '../text/simplify';
import { fullWidthDigits, hasFullWidthDigit } from '../text/width';
import { DASH, toKey } from './key';

/** What the replacements of one document share: its line starts and line styles. */
interface DocumentStyle {
  text: string;
  lineStarts?: number[];
  /** Line [start, end) → whether full-width brackets are the majority. */
  fullLines: Map<string, boolean>;
}

const documentStyles = new WeakMap<object, DocumentStyle>();

function documentStyle(model: Pick<ReportModel, 'text'>): DocumentStyle {
  let d = documentStyles.get(model);
  if (!d || d.text !== model.text) documentStyles.set(model, (d = { text: model.text, fullLines: new Map() }));
  return d;
}

/** Bracket and dash style of a source range (and, when it has none, of its line). */
function styleOf(model: Pick<ReportModel, 'text'>, start: number, end: number): { full: boolean; dash: string; fullDigits: boolean } {
  const text = model.text;
  const seg = text.slice(start, end);
  let full: boolean | undefined;
  if (/[（）〔〕【】［］]/.test(seg)) full = true;
  else if (/[()[\]]/.test(seg)) full = false;
  if (full === undefined) {
    // The line around the range: from the start of the line of start to the line break of the line of end.
    const d = documentStyle(model);
    const starts = (d.lineStarts ??= computeLineStarts(text));
    const ls = starts[lineOfOffset(starts, start)]!;
    const next = lineOfOffset(starts, end) + 1;
    const le = next < starts.length ? starts[next]! - 1 : text.length;
    const lineKey = `${ls} ${le}`;
    full = d.fullLines.get(lineKey);
    if (full === undefined) {
      const line = text.slice(ls, le);
      const nf = (line.match(/[（）]/g) ?? []).length;
      const nh = (line.match(/[()]/g) ?? []).length;
      d.fullLines.set(lineKey, (full = nf >= nh));
    }
  }
  const dm = [...seg].find((ch) => DASH.has(ch));
  const dash = dm ?? (full ? '－' : '-');
  const fullDigits = hasFullWidthDigit(seg);
  return { full, dash, fullDigits };
}

function restyle(s: string, st: { full: boolean; dash: string; fullDigits: boolean }): string {
  let out = '';
  for (const ch of s) {
    if (ch === '(' || ch === '（') out += st.full ? '（' : '(';
    else if (ch === ')' || ch === '）') out += st.full ? '）' : ')';
    else if (DASH.has(ch)) out += st.dash;
    else out += ch;
  }
  return st.fullDigits ? fullWidthDigits(out) : out;
}

/**
 * The smallest edit that turns the name at [start, end) into `target`: the common beginning and end of the two
 * keys stay as written (so 中华人民共和国, quotes, 年, bracket widths and the place prefix are kept), and only the
 * differing middle is replaced, in the document's bracket/dash width and script.
 */
export function renderReplacement(
  model: Pick<ReportModel, 'text' | 'norm' | 'traditional'>,
  start: number,
  end: number,
  target: string,
): { edit: TextEdit; display: string } | undefined {
  const src = toKey(model.norm.slice(start, end));
  const tgt = toKey(simplify(target));
  const K = src.key;
  const N = tgt.key;
  if (K === N) return undefined;
  let p = 0;
  while (p < K.length && p < N.length && K[p] === N[p]) p++;
  let s = 0;
  while (s < K.length - p && s < N.length - p && K[K.length - 1 - s] === N[N.length - 1 - s]) s++;
  const kEnd = K.length - s;
  const nEnd = N.length - s;
  let es: number;
  let ee: number;
  if (kEnd > p) {
    es = src.starts[p]!;
    ee = src.ends[kEnd - 1]!;
  } else {
    es = ee = p > 0 ? src.ends[p - 1]! : kEnd < K.length ? src.starts[kEnd]! : 0;
  }
  let mid = nEnd > p ? target.slice(tgt.starts[p]!, tgt.ends[nEnd - 1]!) : '';
  mid = toDocumentScript(model, restyle(mid, styleOf(model, start, end)));
  const edit: TextEdit = { start: start + es, end: start + ee, newText: mid };
  const display = model.text.slice(start, start + es) + mid + model.text.slice(start + ee, end);
  return { edit, display };
}
