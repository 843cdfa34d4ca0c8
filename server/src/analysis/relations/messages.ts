// What the checks show of a relation: operands as written, formulas, the rewritten figure of a quick fix, related
// locations and the arguments shared by the rate and share messages.
import type { Locale, Related, ReportModel, Span, TextEdit } from '../types';
import { formatLike, roundScaled, rToFixed, rToString, type Rational } from '../quantities';
import type { Figure, RateRelation, ShareRelation } from './types';
import { precisionText, shownDecimals } from './verdict';

function figureText(model: ReportModel, f: Span): string {
  return model.text.slice(f.start, f.end);
}

/** A number as written for a formula: the digits without the unit (437, ４.６８万 → 4.68万). */
export function operandText(model: ReportModel, f: Figure): string {
  const t = model.norm.slice(f.numStart, f.numEnd);
  if (f.form !== 'arabic') return rToString(f.value);
  // keep 万/亿 multipliers written after the digits
  const after = model.norm[f.numEnd];
  if (after === '万' || after === '亿') return t + after;
  return t;
}

export function shareFormula(model: ReportModel, parts: Figure[], w: Figure): string {
  const p = parts.map((x) => operandText(model, x));
  return (p.length > 1 ? `(${p.join('+')})` : p[0]!) + '÷' + operandText(model, w);
}

/** The figure as written in the original text. */
export const writtenFigure = (model: ReportModel, f: Span) => figureText(model, f);

/** Percent text of an exact value with the given decimals (99.31%). */
export const percentText = (v: Rational, decimals: number) => rToFixed(v, decimals) + '%';

/** The stated figure rewritten to the exact value at its own precision and in its own form (digits only). */
export function rewrite(model: ReportModel, f: Figure, exact: Rational): { edit: TextEdit; display: string } {
  const digits = formatLike(f, roundScaled(exact, f.decimals));
  const display = model.text.slice(f.start, f.numStart) + digits + model.text.slice(f.numEnd, f.end);
  return { edit: { start: f.numStart, end: f.numEnd, newText: digits }, display };
}

/** Exact percent shown in a formula (one more decimal than stated, at least two). */
export const computedText = (f: Figure, exact: Rational) => rToFixed(exact, shownDecimals(f)) + '%';

const ROLE_TEXT: Record<string, { zh: string; en: string }> = {
  part: { zh: '分子', en: 'numerator' },
  base: { zh: '分母', en: 'denominator' },
  whole: { zh: '总数', en: 'whole' },
  item: { zh: '分项', en: 'item' },
  share: { zh: '占比', en: 'share' },
  current: { zh: '本期数', en: 'current value' },
  previous: { zh: '上期数', en: 'previous value' },
  delta: { zh: '增减数', en: 'change' },
  rate: { zh: '比率', en: 'rate' },
  count: { zh: '数', en: 'count' },
};

/** A related location for an operand: "分子：434件" / "numerator: 434件". */
export function relatedOf(model: ReportModel, f: Span, role: keyof typeof ROLE_TEXT | string, locale: Locale): Related {
  const r = ROLE_TEXT[role] ?? { zh: role, en: role };
  const t = model.text.slice(f.start, f.end);
  return { start: f.start, end: f.end, message: locale === 'en' ? `${r.en}: ${t}` : `${r.zh}：${t}` };
}

/**
 * The message arguments and the fix shared by the rate and share checks: the stated figure against the exact value
 * of `parts` over the base. Only for mismatches with an exact value and a base.
 */
export function figureMismatch(model: ReportModel, r: RateRelation | ShareRelation, parts: Span[], locale: Locale): { args: Record<string, string>; edit: TextEdit } {
  const { edit, display } = rewrite(model, r.stated, r.exact!);
  const args = {
    name: r.name,
    formula: r.formula ?? '',
    computed: computedText(r.stated, r.exact!),
    expected: display,
    stated: writtenFigure(model, r.stated),
    part: parts.map((p) => writtenFigure(model, p)).join('、'),
    base: writtenFigure(model, r.base!),
    precision: precisionText(r.stated, locale),
  };
  return { args, edit };
}
