// What the quantity scanner and the cell parser produce.
import type { Span } from '../types';
import type { Rational } from './rational';

export type NumberForm = 'arabic' | 'chinese' | 'fraction';

/** A counted or percent figure in running text; start..end is the whole figure (4.68万件, 97.3%, 百分之九十). */
export interface Quantity extends Span {
  /** The digits (or Chinese numerals) of the number only; a fix replaces exactly this range. */
  numStart: number;
  numEnd: number;
  /** Exact value in the base unit (万/亿 applied); for percentages the percent value (99.28). */
  value: Rational;
  /** Digits after the decimal point as written (the precision of a stated rate). */
  decimals: number;
  percent: boolean;
  /** Normalised unit: '%', 'pp' (个百分点), '件', '元' (万元/亿元 scaled) …. */
  unit: string;
  /** Units that count the same things share a class (人/名/位, 件/宗/起/例). */
  unitClass: string;
  /** The unit as written, with its multiplier (万元, 人次, ％). */
  unitRaw: string;
  /** 余 多 近 约 超 左右 以上 …: never checked exactly. */
  approx: boolean;
  form: NumberForm;
  /** The number was written with full-width digits (３８９). */
  fullWidth: boolean;
  /** Normalised words before the figure that say what it counts (受理, 办结率 …), verbs like 达/为 kept. */
  label: string;
  labelStart: number;
  /** The label without trailing linking verbs and approximation words (办结率达 → 办结率). */
  key: string;
  /** Inside parentheses (（含上年结转176件）). */
  paren: boolean;
  /** Index of the TextLine in model.lines (-1 for a plain string). */
  line: number;
}

/** A number in a table cell (437, 1,234, 99.3%, 4.68万, 约100). */
export interface CellNumber {
  numStart: number;
  numEnd: number;
  start: number;
  end: number;
  value: Rational;
  decimals: number;
  percent: boolean;
  approx: boolean;
  fullWidth: boolean;
  form: NumberForm;
}
