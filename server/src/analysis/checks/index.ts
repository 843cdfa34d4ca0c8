import type { CheckDef } from '../check';
import type { Relation } from '../relations/types';
// structure
import { missingSection } from './missing-section';
import { headingNumbering } from './heading-numbering';
// numbers (register new number checks below this line)
import { rateMismatch } from './rate-mismatch';
import { shareMismatch } from './share-mismatch';
import { breakdownSum } from './breakdown-sum';
import { percentSum } from './percent-sum';
import { tableTotal } from './table-total';
import { rateImpossible } from './rate-impossible';
import { growthMismatch } from './growth-mismatch';
import { percentPoint } from './percent-point';
// names (register new name checks below this line)
import { outdatedName } from './outdated-name';
import { miscitedTitle } from './miscited-title';
// dates (register new date checks below this line)
import { reportYearMismatch } from './report-year-mismatch';
import { headingYear } from './heading-year';
import { signingDate } from './signing-date';
import { relativeDate } from './relative-date';

/** The one ordered list of checks. */
export const checks: CheckDef[] = [
  missingSection,
  headingNumbering,
  // numbers
  rateMismatch,
  shareMismatch,
  breakdownSum,
  percentSum,
  tableTotal,
  rateImpossible,
  growthMismatch,
  percentPoint,
  // names
  outdatedName,
  miscitedTitle,
  // dates
  reportYearMismatch,
  headingYear,
  signingDate,
  relativeDate,
];

/**
 * The check that reports a relation: the one declaring its kind and status, else (a consistent relation) the first
 * declaring its kind.
 */
export function reporterOf(r: Relation): CheckDef | undefined {
  return checks.find((c) => c.relations?.kinds.includes(r.kind) && c.relations.statuses.includes(r.status)) ?? checks.find((c) => c.relations?.kinds.includes(r.kind));
}
