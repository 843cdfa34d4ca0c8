// The relations between the numbers of a report, as a union by kind. Each number check declares the kinds (and
// statuses) it reports (CheckDef.relations); the finders never name checks.
import type { Severity, Span } from '../types';
import type { NumberForm, Rational } from '../quantities';

/** A number as written somewhere (running text or a table cell). */
export interface Figure extends Span {
  numStart: number;
  numEnd: number;
  value: Rational;
  decimals: number;
  percent: boolean;
  approx: boolean;
  form: NumberForm;
  fullWidth: boolean;
}

/** A value a whole-number base (or part) can give, with its formula: 99.20% from 371÷374. */
export interface Nearest {
  value: string;
  formula: string;
}

/**
 * ok: consistent (rounded half-up); truncated: consistent by truncation; partial: a partial breakdown (parts < whole);
 * mismatch / over / under: contradiction; impossible: no whole-number base gives the rate; hint: style hint.
 */
export type RelationStatus = 'ok' | 'truncated' | 'partial' | 'mismatch' | 'over' | 'under' | 'impossible' | 'hint';

/** What every relation has. */
interface RelationCommon {
  status: RelationStatus;
  severity?: Severity;
  /** The figure the relation checks (rate, share, whole, total cell, growth); the harness mutates this one. */
  stated: Figure;
  /** Name of the figure as written, normalised (办结率, 占比, 合计, 同比增长). */
  name: string;
  /** Numerator(s) / listed items / current value. */
  parts: Figure[];
  /** Exact computed value (percent for rates and shares, count for sums), when the relation has one. */
  exact?: Rational;
  /** Human-readable formula with the operands as written (434÷437, (27+133)÷920, 4+1+5+1+2). */
  formula?: string;
}

/** A part over a base: a rate (办结率) or a share (占…%, 占比). */
interface RatioFields {
  /** Denominator / whole. */
  base?: Figure;
  /** The base was found outside the rate's own sentence segment (less certain). */
  distant?: boolean;
  /** Impossible rates: the nearest values a whole-number base (or part) can give. */
  nearest?: { partBelow?: Nearest; partAbove?: Nearest; baseBelow?: Nearest; baseAbove?: Nearest; role: 'part' | 'base' | 'either' };
  /** A base that is the sum of these counts (新收 + 旧存). */
  baseParts?: Figure[];
  /** The operands were identified by their labels or the sentence structure (not a coincidental pair). */
  confident?: boolean;
}

/** 办结率97.3% against 办结434件 ÷ 受理437件; also a rate no whole-number base can give (status impossible). */
export interface RateRelation extends RelationCommon, RatioFields {
  kind: 'rate';
}

/** 占78% / 占比78% / X占比 against a part and its whole. */
export interface ShareRelation extends RelationCommon, RatioFields {
  kind: 'share';
}

/** 其中 / 分别为 / colon lists: the parts against the whole (stated and base are the whole). */
export interface BreakdownRelation extends RelationCommon {
  kind: 'breakdown';
  base: Figure;
}

/** Shares of one whole summing to about 100% (running text or a share column). */
export interface PercentSumRelation extends RelationCommon {
  kind: 'percent-sum';
  items: Figure[];
}

/** A 合计/总计/小计 cell against the cells it totals. */
export interface TableTotalRelation extends RelationCommon {
  kind: 'table-total';
}

/** A rate or share cell against two count cells of its row (or the column total). */
export interface TableRateRelation extends RelationCommon {
  kind: 'table-rate';
  base?: Figure;
}

/** 同比增长X%: current value (parts[0]) against the previous value or the change (base). */
export interface GrowthRelation extends RelationCommon {
  kind: 'growth';
  base?: Figure;
  /** Increase (true) or decrease (false). */
  up: boolean;
}

/** 提高X% between two rates: a hint to write 个百分点 (parts: the rate before it, if any). */
export interface PercentPointRelation extends RelationCommon {
  kind: 'percent-point';
}

export type Relation =
  | RateRelation
  | ShareRelation
  | BreakdownRelation
  | PercentSumRelation
  | TableTotalRelation
  | TableRateRelation
  | GrowthRelation
  | PercentPointRelation;

export type RelationKind = Relation['kind'];
export type RelationOf<K extends RelationKind> = Extract<Relation, { kind: K }>;

/** The relations a number check reports: these kinds, with these statuses (and a severity). */
export interface RelationSelector<K extends RelationKind = RelationKind> {
  kinds: readonly K[];
  statuses: readonly RelationStatus[];
}
